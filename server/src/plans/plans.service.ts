import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import {
  addDays,
  PLAN_REVIEW_DAYS_DEFAULT,
  WELLNESS_SECTIONS,
  type Page,
  type PlanStep,
  type RecoveryPlan,
  type WellnessPlan,
} from '@peerpath/shared';
import { type AuditEntry } from '../audit/audit.service';
import { fieldError, requireParticipant } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { paging } from '../common/validation';
import {
  Filter,
  findInTeam,
  insertReturning,
  listPage,
  requireVersion,
  updateVersioned,
  type CreateResult,
  RecordContext,
} from '../records';
import type { CreatePlanDto } from './dto/create-plan.dto';
import type {
  ActivatePlanDto,
  ListPlansQuery,
  ReviewPlanDto,
  UpdatePlanGoalDto,
} from './dto/plan-actions.dto';
import type { PlanContentDto, PlanGoalInputDto } from './dto/plan-content.dto';
import type { UpdatePlanDto } from './dto/update-plan.dto';
import {
  PLAN_GOALS,
  PLAN_REVIEWS,
  PLANS,
  toRecoveryPlanResponse,
  toWellness,
  type PlanGoalRow,
  type PlanRow,
} from './plans.mapper';

/** A goal as it will be stored in a draft: ids decided, steps complete. */
interface GoalToStore {
  goalId: string;
  lifeArea: PlanGoalRow['lifeArea'];
  statement: string;
  steps: PlanStep[];
  targetOn: string | null;
  status: PlanGoalRow['status'];
}

/**
 * Recovery plans (SPEC §7). A plan is written as a draft, put in use
 * (`active`) on the day the participant agreed to it, and from then on its
 * content never changes: a new version starts as a copy of it (goals and steps
 * keep their ids) and supersedes it when activated. Only the progress on the
 * plan in use changes (goal status, steps done), and reviews move its next
 * review date on.
 */
@Injectable()
export class PlansService {
  constructor(private readonly records: RecordContext) {}

  private get reviewDays(): number {
    return this.records.config.planReviewDays ?? PLAN_REVIEW_DAYS_DEFAULT;
  }

  /** The goals of these plans, in order. */
  private async goalsOf(m: EntityManager, planIds: string[]): Promise<PlanGoalRow[]> {
    if (planIds.length === 0) return [];
    return m.query(
      `SELECT ${PLAN_GOALS.select} FROM ${PLAN_GOALS.table}
        WHERE plan_id = ANY($1::uuid[]) ORDER BY plan_id, position`,
      [planIds],
    );
  }

  private async toResponse(m: EntityManager, row: PlanRow): Promise<RecoveryPlan> {
    return toRecoveryPlanResponse(row, await this.goalsOf(m, [row.id]));
  }

  private readEvent(caller: AuthUser, row: PlanRow, details?: Record<string, unknown>) {
    return {
      actorId: caller.id,
      action: 'read',
      entityType: PLANS.entity,
      entityId: row.id,
      participantId: row.participantId,
      teamId: row.teamId,
      ...(details ? { details } : {}),
    } satisfies AuditEntry;
  }

  private changeEvent(
    caller: AuthUser,
    row: PlanRow,
    action: 'update' | 'delete',
    details: Record<string, unknown>,
  ): AuditEntry {
    return {
      actorId: caller.id,
      action,
      entityType: PLANS.entity,
      entityId: row.id,
      participantId: row.participantId,
      teamId: row.teamId,
      details,
    };
  }

  /** Every version of a participant's plan, newest first (by when each was started). */
  async list(
    caller: AuthUser,
    participantId: string,
    q: ListPlansQuery,
  ): Promise<Page<RecoveryPlan>> {
    const { page, pageSize, offset } = paging(q);
    const m = this.records.db.manager;
    const p = await requireParticipant(m, caller, participantId);
    const f = new Filter()
      .add('participant_id = ?', p.id)
      .add('team_id = ?', p.teamId)
      .when(q.status, 'status = ?');
    const { rows, total } = await listPage(m, PLANS, f, {
      orderBy: 'created_at DESC, id DESC',
      limit: pageSize,
      offset,
    });
    const goals = await this.goalsOf(
      m,
      rows.map((r) => r.id),
    );
    await this.records.auditList(caller, PLANS, q, p.teamId, p.id);
    return {
      items: rows.map((r) => toRecoveryPlanResponse(r, goals)),
      total,
      page,
      pageSize,
    };
  }

  async get(caller: AuthUser, id: string): Promise<RecoveryPlan> {
    const m = this.records.db.manager;
    const row = await findInTeam(m, PLANS, caller, id);
    const plan = await this.toResponse(m, row);
    await this.records.audit.record(this.readEvent(caller, row));
    return plan;
  }

  /** A new draft: a copy of the plan in use when there is one, with what the body sends on top. */
  async create(
    caller: AuthUser,
    participantId: string,
    dto: CreatePlanDto,
  ): Promise<CreateResult<RecoveryPlan>> {
    // The participant named in the path is part of what a safe retry must match.
    const sent: { id?: string } = { ...dto, participantId } as CreatePlanDto;
    return this.records.create(caller, PLANS, sent, (m) => ({
      toResponse: (row) => this.toResponse(m, row),
      insert: async () => {
        const p = await requireParticipant(m, caller, participantId, { lock: 'share' });
        const [active] = await this.activePlan(m, p.id);
        const copied = active ? await this.goalsOf(m, [active.id]) : [];
        const goals =
          dto.goals !== undefined
            ? await this.resolveGoals(m, p.id, dto.goals)
            : copied.map((g): GoalToStore => ({
                goalId: g.goalId,
                lifeArea: g.lifeArea,
                statement: g.statement,
                steps: g.steps,
                targetOn: g.targetOn,
                status: g.status,
              }));
        const saved = await insertReturning(m, PLANS, {
          id: dto.id ?? undefined,
          teamId: p.teamId,
          participantId: p.id,
          versionNo: await this.nextVersionNo(m, p.id),
          status: 'draft',
          strengths: dto.strengths !== undefined ? dto.strengths : (active?.strengths ?? null),
          whatMatters:
            dto.whatMatters !== undefined ? dto.whatMatters : (active?.whatMatters ?? null),
          wellness: mergeWellness(active?.wellness, dto.wellness),
          basedOnPlanId: active?.id ?? null,
          createdById: caller.id,
        });
        if (saved) await this.storeGoals(m, saved, goals);
        return saved;
      },
    }));
  }

  /** Edits a draft; the content of a plan in use or of an earlier version is read-only (409). */
  async update(caller: AuthUser, id: string, dto: UpdatePlanDto): Promise<RecoveryPlan> {
    return this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, PLANS, caller, id, { lock: 'update' });
      await this.requireDraft(m, current);
      requireVersion(PLANS, current, dto.version);
      const goals =
        dto.goals !== undefined
          ? await this.resolveGoals(m, current.participantId, dto.goals)
          : undefined;
      const saved = await updateVersioned(m, PLANS, current, dto.version, {
        strengths: dto.strengths,
        whatMatters: dto.whatMatters,
        wellness: dto.wellness ? mergeWellness(current.wellness, dto.wellness) : undefined,
      });
      if (goals) {
        await m.query(`DELETE FROM ${PLAN_GOALS.table} WHERE plan_id = $1`, [saved.id]);
        await this.storeGoals(m, saved, goals);
      }
      await this.records.audit.record(
        this.changeEvent(caller, saved, 'update', { fields: changedFields(dto) }),
        m,
      );
      return this.toResponse(m, saved);
    });
  }

  /** Discards a draft (409 for a plan that was ever in use). */
  async discard(caller: AuthUser, id: string): Promise<void> {
    await this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, PLANS, caller, id, { lock: 'update' });
      await this.requireDraft(m, current, 'Only a draft can be discarded');
      await m.query(`DELETE FROM ${PLANS.table} WHERE id = $1`, [current.id]);
      await this.records.audit.record(
        this.changeEvent(caller, current, 'delete', { versionNo: current.versionNo }),
        m,
      );
    });
  }

  /**
   * Puts a draft in use on the participant's agreement date, superseding the
   * plan in use, in one transaction under the participant's row lock, so of
   * two activations for one person one waits for the other: the second finds
   * its draft no longer based on the plan in use (409). A repeat by the same
   * user with the same date answers the plan as it is and writes nothing.
   */
  async activate(caller: AuthUser, id: string, dto: ActivatePlanDto): Promise<RecoveryPlan> {
    return this.records.db.transaction(async (m) => {
      const found = await findInTeam(m, PLANS, caller, id);
      await requireParticipant(m, caller, found.participantId, { lock: true });
      const plan = await findInTeam(m, PLANS, caller, id, { lock: 'update' });
      if (plan.status !== 'draft') {
        const same =
          plan.activatedById === caller.id && plan.participantAgreedOn === dto.participantAgreedOn;
        if (!same) {
          throw await this.conflict(
            m,
            plan,
            'This plan was already put in use (by someone else, or with another agreement date)',
          );
        }
        await this.records.audit.record(this.readEvent(caller, plan, { repeated: 'activate' }), m);
        return this.toResponse(m, plan);
      }
      const today = this.records.today();
      if (dto.participantAgreedOn > today) {
        throw fieldError('participantAgreedOn', 'participantAgreedOn must not be after today');
      }
      const goals = await this.goalsOf(m, [plan.id]);
      if (goals.length === 0) {
        throw fieldError('goals', 'A plan needs at least one goal before it is put in use');
      }
      const [active] = await this.activePlan(m, plan.participantId, { lock: true });
      if ((active?.id ?? null) !== plan.basedOnPlanId) {
        throw await this.conflict(
          m,
          plan,
          'Another version of this plan was put in use after this draft was started. Start a new version from the plan in use.',
        );
      }
      if (active) {
        const superseded = await updateVersioned(m, PLANS, active, active.version, {
          status: 'superseded',
          supersededOn: today,
        });
        await this.records.audit.record(
          this.changeEvent(caller, superseded, 'update', {
            status: { from: 'active', to: 'superseded' },
            supersededBy: plan.id,
          }),
          m,
        );
      }
      const saved = await updateVersioned(m, PLANS, plan, plan.version, {
        versionNo: await this.nextVersionNo(m, plan.participantId),
        status: 'active',
        participantAgreedOn: dto.participantAgreedOn,
        activatedOn: today,
        activatedById: caller.id,
        reviewDueOn: addDays(today, this.reviewDays),
      });
      await this.records.audit.record(
        this.changeEvent(caller, saved, 'update', {
          status: { from: 'draft', to: 'active' },
          participantAgreedOn: dto.participantAgreedOn,
          versionNo: saved.versionNo,
        }),
        m,
      );
      return toRecoveryPlanResponse(saved, goals);
    });
  }

  /**
   * A review of the plan in use with no change: the next review is due
   * PLAN_REVIEW_DAYS after it. The same review again by the same user answers
   * the plan as it is; by someone else, 409.
   */
  async review(caller: AuthUser, id: string, dto: ReviewPlanDto): Promise<RecoveryPlan> {
    return this.records.db.transaction(async (m) => {
      const plan = await findInTeam(m, PLANS, caller, id, { lock: 'update' });
      if (plan.lastReviewedOn === dto.reviewedOn) {
        const [last]: { reviewedById: string }[] = await m.query(
          `SELECT reviewed_by_id AS "reviewedById" FROM ${PLAN_REVIEWS.table}
            WHERE plan_id = $1 AND reviewed_on = $2 ORDER BY created_at DESC LIMIT 1`,
          [plan.id, dto.reviewedOn],
        );
        if (last?.reviewedById !== caller.id) {
          throw await this.conflict(m, plan, 'A review on this day was already recorded');
        }
        await this.records.audit.record(this.readEvent(caller, plan, { repeated: 'review' }), m);
        return this.toResponse(m, plan);
      }
      if (plan.status !== 'active') {
        throw await this.conflict(m, plan, 'Only the plan in use can be reviewed');
      }
      if (dto.reviewedOn > this.records.today()) {
        throw fieldError('reviewedOn', 'reviewedOn must not be after today');
      }
      if (dto.reviewedOn < plan.activatedOn!) {
        throw fieldError('reviewedOn', 'reviewedOn must not be before the plan was put in use');
      }
      if (plan.lastReviewedOn && dto.reviewedOn < plan.lastReviewedOn) {
        throw await this.conflict(m, plan, 'A later review of this plan is already recorded');
      }
      const reviewDueOn = addDays(dto.reviewedOn, this.reviewDays);
      await insertReturning(m, PLAN_REVIEWS, {
        planId: plan.id,
        teamId: plan.teamId,
        participantId: plan.participantId,
        reviewedOn: dto.reviewedOn,
        reviewedById: caller.id,
        reviewDueOn,
      });
      const saved = await updateVersioned(m, PLANS, plan, plan.version, {
        lastReviewedOn: dto.reviewedOn,
        reviewDueOn,
      });
      await this.records.audit.record(
        this.changeEvent(caller, saved, 'update', { reviewedOn: dto.reviewedOn, reviewDueOn }),
        m,
      );
      return this.toResponse(m, saved);
    });
  }

  /** Progress on the plan in use: a goal's status, steps done. */
  async updateGoal(
    caller: AuthUser,
    id: string,
    goalId: string,
    dto: UpdatePlanGoalDto,
  ): Promise<RecoveryPlan> {
    return this.records.db.transaction(async (m) => {
      const plan = await findInTeam(m, PLANS, caller, id, { lock: 'update' });
      if (plan.status !== 'active') {
        throw await this.conflict(
          m,
          plan,
          plan.status === 'draft'
            ? 'A draft’s goals are changed with the draft (PATCH /api/plans/:id)'
            : 'An earlier version of a plan is kept as it was',
        );
      }
      requireVersion(PLANS, plan, dto.version);
      const [goal]: PlanGoalRow[] = await m.query(
        `SELECT ${PLAN_GOALS.select} FROM ${PLAN_GOALS.table} WHERE plan_id = $1 AND goal_id = $2`,
        [plan.id, goalId],
      );
      if (!goal) throw new NotFoundException('Goal not found in this plan');
      if (dto.status === undefined && dto.steps === undefined) {
        throw fieldError('status', 'Send status or steps');
      }
      const done = new Map<string, boolean>();
      (dto.steps ?? []).forEach((s, i) => {
        if (!goal.steps.some((x) => x.id === s.id)) {
          throw fieldError(`steps.${i}.id`, 'is not a step of this goal');
        }
        if (done.has(s.id)) throw fieldError(`steps.${i}.id`, 'names a step twice');
        done.set(s.id, s.done);
      });
      const steps = goal.steps.map((s) => ({ ...s, done: done.get(s.id) ?? s.done }));
      await m.query(
        `UPDATE ${PLAN_GOALS.table} SET status = $2, steps = $3::jsonb, updated_at = now()
          WHERE id = $1`,
        [goal.id, dto.status ?? goal.status, JSON.stringify(steps)],
      );
      const saved = await updateVersioned(m, PLANS, plan, dto.version, {});
      const details: Record<string, unknown> = { goalId };
      if (dto.status && dto.status !== goal.status) {
        details.status = { from: goal.status, to: dto.status };
      }
      if (dto.steps) details.steps = dto.steps;
      await this.records.audit.record(this.changeEvent(caller, saved, 'update', details), m);
      return this.toResponse(m, saved);
    });
  }

  private async activePlan(
    m: EntityManager,
    participantId: string,
    opts: { lock?: boolean } = {},
  ): Promise<PlanRow[]> {
    return m.query(
      `SELECT ${PLANS.select} FROM ${PLANS.table}
        WHERE participant_id = $1 AND status = 'active' ${opts.lock ? 'FOR UPDATE' : ''}`,
      [participantId],
    );
  }

  /** The number the next version in use takes: one more than the last ever in use. */
  private async nextVersionNo(m: EntityManager, participantId: string): Promise<number> {
    const [{ n }] = await m.query(
      `SELECT coalesce(max(version_no), 0)::int + 1 AS n FROM ${PLANS.table}
        WHERE participant_id = $1 AND status <> 'draft'`,
      [participantId],
    );
    return n as number;
  }

  private async requireDraft(
    m: EntityManager,
    plan: PlanRow,
    message = 'A plan that was put in use is kept as agreed: start a new version to change it',
  ): Promise<void> {
    if (plan.status !== 'draft') throw await this.conflict(m, plan, message);
  }

  /** 409 with the plan as it is (Common rules for §7–§13). */
  private async conflict(
    m: EntityManager,
    plan: PlanRow,
    message: string,
  ): Promise<ConflictException> {
    return new ConflictException({ message, record: await this.toResponse(m, plan) });
  }

  /**
   * The goals of a draft as sent: a goal or step id that is sent must be one
   * of this person's (from any version of their plan), so a goal keeps its
   * identity across versions and never borrows another person's; new ones get
   * new ids.
   */
  private async resolveGoals(
    m: EntityManager,
    participantId: string,
    input: PlanGoalInputDto[],
  ): Promise<GoalToStore[]> {
    const sentIds = input.map((g) => g.id).filter((x): x is string => !!x);
    const known = new Map<string, Set<string>>();
    if (sentIds.length > 0) {
      const rows: { goalId: string; steps: PlanStep[] }[] = await m.query(
        `SELECT goal_id AS "goalId", steps FROM ${PLAN_GOALS.table}
          WHERE participant_id = $1 AND goal_id = ANY($2::uuid[])`,
        [participantId, sentIds],
      );
      for (const r of rows) {
        const steps = known.get(r.goalId) ?? new Set<string>();
        r.steps.forEach((s) => steps.add(s.id));
        known.set(r.goalId, steps);
      }
    }
    const seenGoals = new Set<string>();
    return input.map((g, i) => {
      if (g.id) {
        if (!known.has(g.id)) {
          throw fieldError(`goals.${i}.id`, 'is not a goal of this person’s plan');
        }
        if (seenGoals.has(g.id)) throw fieldError(`goals.${i}.id`, 'names a goal twice');
        seenGoals.add(g.id);
      }
      const knownSteps = g.id ? known.get(g.id)! : new Set<string>();
      const seenSteps = new Set<string>();
      const steps = (g.steps ?? []).map((s, j) => {
        if (s.id) {
          if (!knownSteps.has(s.id)) {
            throw fieldError(`goals.${i}.steps.${j}.id`, 'is not a step of this goal');
          }
          if (seenSteps.has(s.id)) {
            throw fieldError(`goals.${i}.steps.${j}.id`, 'names a step twice');
          }
          seenSteps.add(s.id);
        }
        return { id: s.id ?? randomUUID(), text: s.text, done: s.done ?? false };
      });
      return {
        goalId: g.id ?? randomUUID(),
        lifeArea: g.lifeArea,
        statement: g.statement,
        steps,
        targetOn: g.targetOn ?? null,
        status: g.status ?? 'active',
      };
    });
  }

  private async storeGoals(m: EntityManager, plan: PlanRow, goals: GoalToStore[]): Promise<void> {
    if (goals.length === 0) return;
    await m.query(
      `INSERT INTO ${PLAN_GOALS.table}
         (plan_id, goal_id, team_id, participant_id, position, life_area, statement, steps, target_on, status)
       SELECT $1, g."goalId", $2, $3, g.position, g."lifeArea", g.statement, g.steps, g."targetOn", g.status
         FROM jsonb_to_recordset($4::jsonb) AS g(
           "goalId" uuid, position int, "lifeArea" text, statement text, steps jsonb, "targetOn" date, status text)`,
      [
        plan.id,
        plan.teamId,
        plan.participantId,
        JSON.stringify(goals.map((g, position) => ({ ...g, position }))),
      ],
    );
  }
}

/** The stored sections with those sent on top (null clears one); empty text is no text. */
function mergeWellness(
  stored: Partial<WellnessPlan> | null | undefined,
  sent: Partial<WellnessPlan> | undefined,
): Partial<WellnessPlan> {
  const given = Object.entries(sent ?? {}).filter(([, v]) => v !== undefined);
  const merged = toWellness({ ...(stored ?? {}), ...Object.fromEntries(given) });
  return Object.fromEntries(
    WELLNESS_SECTIONS.filter((k) => merged[k]).map((k) => [k, merged[k]]),
  ) as Partial<WellnessPlan>;
}

function changedFields(dto: PlanContentDto & { version?: number }): string[] {
  return Object.entries(dto)
    .filter(([k, v]) => k !== 'version' && v !== undefined)
    .map(([k]) => k);
}
