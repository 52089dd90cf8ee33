import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BILLING_MAX_MODIFIERS, type BillingProfile } from '@peerpath/shared';
import { fieldError } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { assertSameAsStored, retryRead } from '../common/retry';
import {
  findStored,
  insertReturning,
  RecordContext,
  requireVersion,
  staleVersion,
  writeRows,
  type CreateResult,
  type Queryable,
  type Values,
} from '../records';
import type { BillingProfileEntity } from './billing-profile.entity';
import { BILLING_PROFILE, toBillingProfileResponse } from './billing-profiles.mapper';
import type { CreateBillingProfileDto, UpdateBillingProfileDto } from './dto/billing-profile.dto';

/**
 * Billing profiles (SPEC §13): a payer's rules, kept by an admin for the
 * whole organisation (admins only, but for the list of active ones that
 * workers and supervisors choose coverage from). Billing is off while there
 * is none.
 */
@Injectable()
export class BillingProfilesService {
  constructor(private readonly records: RecordContext) {}

  /** Admins see every profile; others the active ones (to choose a participant's coverage). */
  async list(caller: AuthUser): Promise<{ items: BillingProfile[]; total: number }> {
    const rows: BillingProfileEntity[] = await this.records.db.query(
      `SELECT ${BILLING_PROFILE.select} FROM billing_profile
        WHERE active OR $1 ORDER BY active DESC, name, id`,
      [caller.role === 'admin'],
    );
    await this.records.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: BILLING_PROFILE.entity,
    });
    return { items: rows.map(toBillingProfileResponse), total: rows.length };
  }

  async get(caller: AuthUser, id: string): Promise<BillingProfile> {
    const row = await this.find(this.records.db.manager, id);
    await this.records.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: BILLING_PROFILE.entity,
      entityId: id,
    });
    return toBillingProfileResponse(row);
  }

  async create(
    caller: AuthUser,
    dto: CreateBillingProfileDto,
  ): Promise<CreateResult<BillingProfile>> {
    return this.records.db.transaction(async (m) => {
      if (dto.id) {
        const stored = await findStored(m, BILLING_PROFILE, dto.id);
        if (stored) return this.replay(m, caller, dto, stored);
      }
      const modifiers = dto.modifiers ?? [];
      checkModifiers(modifiers, dto.groupModifier ?? null);
      const saved = await insertReturning(m, BILLING_PROFILE, {
        id: dto.id,
        name: dto.name,
        code: dto.code,
        modifiers,
        groupModifier: dto.groupModifier ?? null,
        rounding: dto.rounding,
        maxUnitsPerDay: dto.maxUnitsPerDay ?? null,
        maxGroupSize: dto.maxGroupSize ?? null,
        requiresActivePlan: dto.requiresActivePlan ?? false,
        requiresCosign: dto.requiresCosign ?? false,
        requiresCredential: dto.requiresCredential ?? false,
        unitRate: dto.unitRate === undefined || dto.unitRate === null ? null : String(dto.unitRate),
        active: dto.active ?? true,
      });
      if (!saved) {
        const stored = dto.id ? await findStored(m, BILLING_PROFILE, dto.id) : undefined;
        if (!stored) throw new ConflictException('A record with this id was just written; retry');
        return this.replay(m, caller, dto, stored);
      }
      await this.records.audit.record(
        {
          actorId: caller.id,
          action: 'create',
          entityType: BILLING_PROFILE.entity,
          entityId: saved.id,
        },
        m,
      );
      return { record: toBillingProfileResponse(saved), created: true };
    });
  }

  async update(
    caller: AuthUser,
    id: string,
    dto: UpdateBillingProfileDto,
  ): Promise<BillingProfile> {
    return this.records.db.transaction(async (m) => {
      const current = await this.find(m, id);
      requireVersion(BILLING_PROFILE, current, dto.version);
      const { version, ...changes } = dto;
      const modifiers = changes.modifiers ?? current.modifiers;
      const groupModifier =
        changes.groupModifier !== undefined ? changes.groupModifier : current.groupModifier;
      checkModifiers(modifiers, groupModifier);
      const values: Values<BillingProfileEntity> = {
        ...changes,
        unitRate:
          changes.unitRate === undefined
            ? undefined
            : changes.unitRate === null
              ? null
              : String(changes.unitRate),
      };
      const set: string[] = [];
      const params: unknown[] = [id, version];
      for (const [prop, value] of Object.entries(values)) {
        if (value === undefined) continue;
        params.push(value);
        set.push(`${BILLING_PROFILE.writable(prop).column} = $${params.length}`);
      }
      const { rows } = await writeRows<BillingProfileEntity>(
        m,
        `UPDATE billing_profile
            SET ${[...set, 'version = version + 1', 'updated_at = now()'].join(', ')}
          WHERE id = $1 AND version = $2
          RETURNING ${BILLING_PROFILE.select}`,
        params,
      );
      if (rows.length !== 1) throw staleVersion(BILLING_PROFILE);
      await this.records.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: BILLING_PROFILE.entity,
          entityId: id,
          details: { fields: Object.keys(changes).filter((k) => k !== 'version') },
        },
        m,
      );
      return toBillingProfileResponse(rows[0]);
    });
  }

  private async find(m: Queryable, id: string): Promise<BillingProfileEntity> {
    const row = await findStored(m, BILLING_PROFILE, id);
    if (!row) throw new NotFoundException(BILLING_PROFILE.notFound);
    return row;
  }

  private async replay(
    m: EntityManager,
    caller: AuthUser,
    dto: CreateBillingProfileDto,
    stored: BillingProfileEntity,
  ): Promise<CreateResult<BillingProfile>> {
    const record = assertSameAsStored(dto, toBillingProfileResponse(stored), ['modifiers']);
    await this.records.audit.record(
      { ...retryRead(caller, BILLING_PROFILE.entity, { ...stored, teamId: '' }), teamId: null },
      m,
    );
    return { record, created: false };
  }
}

/** At most four modifiers with the group modifier included (400 naming the field). */
function checkModifiers(modifiers: string[], groupModifier: string | null) {
  const count = modifiers.length + (groupModifier ? 1 : 0);
  if (count > BILLING_MAX_MODIFIERS) {
    throw fieldError(
      'modifiers',
      `At most ${BILLING_MAX_MODIFIERS} modifiers, the group modifier included (${count} given)`,
    );
  }
  if (groupModifier && modifiers.includes(groupModifier)) {
    throw fieldError('groupModifier', 'groupModifier must not repeat one of modifiers');
  }
}
