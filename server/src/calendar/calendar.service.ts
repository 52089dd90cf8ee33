import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, todayIn, type AgendaItem, type Role } from '@peerpath/shared';
import { AgendaService } from '../agenda/agenda.service';
import { groupMeetingsSql } from '../agenda/group-meetings';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth.decorators';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';
import { CALENDAR_DAYS, calendarEvents, writeIcs } from './ics';

/** A token is 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The calendar feed of SPEC §11: a secret address per user that a phone's
 * calendar subscribes to, showing the next two weeks of the agenda as counts
 * by kind, with no names or personal details. Only the token's hash is kept;
 * issuing a new one replaces the old, whose address then answers 404.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly agenda: AgendaService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** (Re)issues the caller's token; returns it once. */
  async issue(caller: AuthUser): Promise<string> {
    if (caller.role === 'admin' || !caller.teamId) {
      throw new ForbiddenException('The calendar shows the day of a worker or supervisor');
    }
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction(async (m) => {
      await m.query(`UPDATE app_user SET calendar_token_hash = $1 WHERE id = $2`, [
        hashOf(token),
        caller.id,
      ]);
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: 'user',
          entityId: caller.id,
          teamId: caller.teamId,
          details: { fields: ['calendarToken'] },
        },
        m,
      );
    });
    return token;
  }

  /** The feed of the token's user: 404 for an unknown, replaced or malformed token, or a deactivated user. */
  async feed(token: string, host: string): Promise<string> {
    if (!TOKEN.test(token)) throw new NotFoundException('Calendar not found');
    const rows: {
      id: string;
      email: string;
      display_name: string;
      role: Role;
      team_id: string | null;
    }[] = await this.db.query(
      `SELECT id, email, display_name, role, team_id FROM app_user
        WHERE calendar_token_hash = $1 AND active AND team_id IS NOT NULL`,
      [hashOf(token)],
    );
    if (rows.length === 0) throw new NotFoundException('Calendar not found');
    const u = rows[0];
    const owner: AuthUser = {
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      role: u.role,
      teamId: u.team_id,
      sessionId: '',
    };
    const today = todayIn(this.config.orgTimezone);
    // Everything due up to the last day, in one read (audited as the owner's agenda read).
    const due = await this.agenda.forDay(owner, {
      date: addDays(today, CALENDAR_DAYS - 1),
    });
    // The agenda names the groups meeting on the day it is asked for; the feed shows each day's.
    const meetings: AgendaItem[] = await this.db.query(
      `SELECT kind, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", participant_id AS "participantId",
              participant_name AS "participantName", title, link, record_id AS "recordId"
         FROM (${groupMeetingsSql({ worker: '$1', team: '$3', from: '$2', days: '$4' })}) m
        ORDER BY due_on, title`,
      [owner.id, today, owner.teamId, CALENDAR_DAYS - 1],
    );
    const items = [...due.items.filter((i) => i.kind !== 'group_meeting'), ...meetings];
    const stamp = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
    return writeIcs(calendarEvents(items, today), stamp, host);
  }
}
