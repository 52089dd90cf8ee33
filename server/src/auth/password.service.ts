import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { fieldError } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { UserEntity } from '../users/user.entity';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

/** A user changing their own password (SPEC §4 `POST /api/auth/password`). */
@Injectable()
export class PasswordService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the current password, stores the new one, clears a temporary
   * password's flag, and ends every other sign-in session of the user (the
   * one making the change stays signed in). Nothing changes when refused.
   */
  async change(caller: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOne({
        where: { id: caller.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw fieldError('currentPassword', 'currentPassword is not your current password');
      }
      if (newPassword === currentPassword) {
        throw fieldError('newPassword', 'newPassword must differ from your current password');
      }
      const problem = passwordProblem(newPassword, [user.email.split('@')[0], user.displayName]);
      if (problem) throw fieldError('newPassword', problem.replace(/^password\b/, 'newPassword'));
      user.passwordHash = await hashPassword(newPassword);
      user.mustChangePassword = false;
      await repo.save(user);
      await m.query(
        `UPDATE auth_session SET revoked_at = now()
          WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
        [user.id, caller.sessionId],
      );
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: 'user',
          entityId: caller.id,
          teamId: user.teamId,
          details: { fields: ['password'], own: true },
        },
        m,
      );
    });
  }
}
