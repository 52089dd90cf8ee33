import type { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  isClosedOutcome,
  todayIn,
  type AdvocacyCategory,
  type AdvocacyStatus,
  type DecidedBy,
  type HandoutMethod,
  type HandoutOutcome,
  type HandoutStep,
  type ResourceCategory,
} from '@peerpath/shared';
import type { ResolvedConfig } from '../../config/config';
import {
  CANCELLED_OUTCOMES,
  DECISIONS,
  DONE_OUTCOMES,
  HANDOUT_NOTES,
  INDIVIDUAL_ADVOCACY,
  REFERRAL_JOURNEYS,
  REFERRAL_STEP_NOTES,
  RESOURCES,
  SYSTEMIC_ADVOCACY,
  SYSTEMIC_STATUSES,
} from './demo-records-data';
import { seededRandom } from './random';

/**
 * Demo advocacy, resource directory, handouts and decision notes: about 40
 * resources in every category, and for each team six months of individual and
 * systemic advocacy (every status, some overdue), handouts (every referral status, journeys
 * with their history, some follow-ups due) and shared decision-making notes. Runs after the teams, users
 * and participants exist and reads them from the database; with no participants
 * it still seeds the directory and systemic advocacy. Deterministic (seeded
 * random numbers), batched inserts, one transaction.
 */

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** A created/updated stamp on the record's own day, read in the connection's time zone. */
const stamp = (date: string, hour: number) => `${date} ${String(hour).padStart(2, '0')}:15:00`;

/** Multi-row INSERT in chunks: parameterised, a few statements in all. */
export async function insertRows(
  m: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
) {
  const chunk = Math.floor(30_000 / columns.length);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params: unknown[] = [];
    const values = part.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
    await m.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`,
      params,
    );
  }
}

interface Person {
  id: string;
  teamId: string;
}
interface DemoParticipant {
  id: string;
  teamId: string;
  primaryWorkerId: string | null;
  enrolledOn: string;
  dischargedOn: string | null;
}

export async function seedDemoRecords(ds: DataSource, config: ResolvedConfig): Promise<void> {
  const today = todayIn(config.orgTimezone);
  const windowStart = addDays(today, -182);
  const rnd = seededRandom(20_260_501);

  await ds.transaction(async (m) => {
    const [{ n: existing }] = await m.query(`SELECT count(*)::int AS n FROM resource`);
    if (existing === 0) {
      await insertRows(
        m,
        'resource',
        [
          'name',
          'category',
          'description',
          'phone',
          'url',
          'address',
          'tags',
          'active',
          'last_verified_on',
        ],
        RESOURCES.map((r, i) => [
          r.name,
          r.category,
          r.description,
          r.phone,
          r.url,
          r.address,
          r.tags,
          r.active ?? true,
          // Most were checked this year; a few are due a call (never, or over a year ago).
          i % 9 === 4 ? null : addDays(today, i % 7 === 3 ? -400 - i : -((i * 37) % 300)),
        ]),
      );
    }
    const resources: { id: string; category: ResourceCategory }[] = await m.query(
      `SELECT id, category FROM resource WHERE active ORDER BY name`,
    );
    const [{ n: already }] = await m.query(
      `SELECT (SELECT count(*) FROM advocacy_action) + (SELECT count(*) FROM handout)
            + (SELECT count(*) FROM decision_note) AS n`,
    );
    if (Number(already) > 0) return;

    const staff: Person[] = await m.query(
      `SELECT id, team_id AS "teamId" FROM app_user
        WHERE active AND role IN ('worker', 'supervisor') AND team_id IS NOT NULL ORDER BY email`,
    );
    const participants: DemoParticipant[] = await m.query(
      `SELECT id, team_id AS "teamId", primary_worker_id AS "primaryWorkerId",
              enrolled_on AS "enrolledOn", discharged_on AS "dischargedOn"
         FROM participant ORDER BY team_id, last_name, first_name, id`,
    );
    const staffOf = new Map<string, string[]>();
    for (const s of staff) staffOf.set(s.teamId, [...(staffOf.get(s.teamId) ?? []), s.id]);
    const workerFor = (p: { teamId: string; primaryWorkerId?: string | null }) => {
      const team = staffOf.get(p.teamId) ?? [];
      if (p.primaryWorkerId && team.includes(p.primaryWorkerId) && rnd.next() < 0.8) {
        return p.primaryWorkerId;
      }
      return rnd.pick(team);
    };

    const advocacy: unknown[][] = [];
    const handouts: unknown[][] = [];
    const journeysOf = new Map<string, number>();
    const notes: unknown[][] = [];

    /** Status, dates and version of an action opened on `openedOn`, older ones further along. */
    const advance = (openedOn: string, given?: AdvocacyStatus) => {
      const age = daysBetween(openedOn, today);
      const status: AdvocacyStatus =
        given ??
        (age > 60
          ? rnd.weighted({ done: 6, cancelled: 1, in_progress: 2, open: 1 })
          : age > 14
            ? rnd.weighted({ done: 3, cancelled: 1, in_progress: 4, open: 2 })
            : rnd.weighted({ open: 5, in_progress: 3, done: 1 }));
      const dueOn = rnd.next() < 0.85 ? addDays(openedOn, rnd.int(10, 45)) : null;
      const completedOn =
        status === 'done' ? earlier(addDays(openedOn, rnd.int(3, Math.max(3, age))), today) : null;
      const outcome =
        status === 'done'
          ? rnd.pick(DONE_OUTCOMES)
          : status === 'cancelled'
            ? rnd.pick(CANCELLED_OUTCOMES)
            : null;
      const version = status === 'open' ? 1 : status === 'in_progress' ? 2 : 3;
      const updatedOn =
        completedOn ??
        (status === 'open' ? openedOn : earlier(addDays(openedOn, rnd.int(1, 10)), today));
      return { status, dueOn, completedOn, outcome, version, updatedOn };
    };

    for (const [teamId, team] of staffOf) {
      // Systemic advocacy: the team's work on the system around participants.
      for (const [i, s] of SYSTEMIC_ADVOCACY.entries()) {
        // Every status in every team: finished work is older, open work recent.
        const status = SYSTEMIC_STATUSES[i % SYSTEMIC_STATUSES.length];
        const openedOn = addDays(today, -(status === 'open' ? rnd.int(5, 50) : rnd.int(30, 180)));
        const a = advance(openedOn, status);
        advocacy.push([
          teamId,
          null,
          'systemic',
          s.category,
          s.title,
          s.description,
          a.status,
          a.outcome,
          openedOn,
          a.dueOn,
          a.completedOn,
          rnd.pick(team),
          a.version,
          stamp(openedOn, rnd.int(9, 16)),
          stamp(a.updatedOn, 17),
        ]);
      }
    }

    for (const p of participants) {
      if (!staffOf.get(p.teamId)?.length) continue;
      const from = later(windowStart, p.enrolledOn);
      const to = earlier(today, p.dischargedOn ?? today);
      const span = daysBetween(from, to);
      if (span < 0) continue;
      const day = () => addDays(from, rnd.int(0, span));

      for (let i = rnd.int(0, 3); i > 0; i--) {
        const category = rnd.weighted<AdvocacyCategory>({
          healthcare_navigation: 5,
          housing: 5,
          benefits: 4,
          legal: 1,
          employment: 2,
          education: 1,
          discrimination: 1,
          policy: 0.3,
          other: 1,
        });
        const openedOn = day();
        const a = advance(openedOn);
        advocacy.push([
          p.teamId,
          p.id,
          'individual',
          category,
          rnd.pick(INDIVIDUAL_ADVOCACY[category]),
          rnd.next() < 0.4 ? 'Agreed together at the last session.' : null,
          a.status,
          a.outcome,
          openedOn,
          a.dueOn,
          a.completedOn,
          workerFor(p),
          a.version,
          stamp(openedOn, rnd.int(9, 16)),
          stamp(a.updatedOn, 17),
        ]);
      }

      for (let i = rnd.int(0, 4); i > 0 && resources.length; i--) {
        const resource = rnd.pick(resources);
        const method = rnd.weighted<HandoutMethod>({
          printed: 3,
          email: 2,
          text: 3,
          warm_handoff: 2,
          verbal: 2,
        });
        const givenOn = day();
        const workerId = workerFor(p);
        let followUpOn = rnd.next() < 0.8 ? addDays(givenOn, rnd.int(5, 21)) : null;
        // A referral's journey (SPEC §12): the steps after the handout, each on its own day.
        let journey: HandoutOutcome[] = [];
        if (followUpOn && followUpOn <= today && rnd.next() < 0.75) {
          const n = journeysOf.get(p.teamId) ?? 0;
          journeysOf.set(p.teamId, n + 1);
          journey =
            n < REFERRAL_JOURNEYS.length
              ? REFERRAL_JOURNEYS[n].steps
              : REFERRAL_JOURNEYS[
                  Number(
                    rnd.weighted(
                      Object.fromEntries(REFERRAL_JOURNEYS.map((j, k) => [String(k), j.weight])),
                    ),
                  )
                ].steps;
        } else if (!followUpOn && daysBetween(givenOn, today) > 10 && rnd.next() < 0.5) {
          journey = [
            rnd.weighted<'connected' | 'not_connected' | 'declined'>({
              connected: 3,
              not_connected: 1,
              declined: 2,
            }),
          ];
        }
        const history: HandoutStep[] = [{ status: 'pending', on: givenOn, byId: workerId }];
        let on = givenOn;
        const room = daysBetween(givenOn, today);
        for (const status of journey) {
          on = earlier(
            addDays(on, rnd.int(1, Math.max(1, Math.floor(room / (journey.length + 1))))),
            today,
          );
          const note = rnd.next() < 0.8 ? rnd.pick(REFERRAL_STEP_NOTES[status]) : undefined;
          history.push(
            note ? { status, on, byId: workerId, note } : { status, on, byId: workerId },
          );
        }
        const outcome = history[history.length - 1].status;
        const outcomeOn = outcome === 'pending' ? null : on;
        // Still open after a step: the next follow-up moved on from it.
        if (journey.length > 0 && !isClosedOutcome(outcome))
          followUpOn = addDays(on, rnd.int(3, 10));
        handouts.push([
          p.teamId,
          p.id,
          resource.id,
          workerId,
          givenOn,
          method,
          rnd.next() < 0.7 ? rnd.pick(HANDOUT_NOTES[method]) : null,
          followUpOn,
          outcome,
          outcomeOn,
          JSON.stringify(history),
          stamp(givenOn, rnd.int(9, 16)),
          stamp(outcomeOn ?? givenOn, 17),
        ]);
      }

      for (let i = rnd.next() < 0.6 ? rnd.int(1, 2) : 0; i > 0; i--) {
        const d = rnd.pick(DECISIONS);
        const discussedOn = day();
        const undecided = d.decision.startsWith('Not decided');
        const decidedBy: DecidedBy = undecided
          ? 'deferred'
          : rnd.weighted({ shared: 5, participant: 3, deferred: 0.5 });
        notes.push([
          p.teamId,
          p.id,
          workerFor(p),
          discussedOn,
          d.topic,
          JSON.stringify(d.options),
          d.priorities,
          decidedBy === 'deferred' ? null : d.decision,
          decidedBy,
          d.nextSteps,
          rnd.next() < 0.6 ? addDays(discussedOn, rnd.int(7, 35)) : null,
          stamp(discussedOn, rnd.int(9, 16)),
          stamp(discussedOn, 17),
        ]);
      }
    }

    await insertRows(
      m,
      'advocacy_action',
      [
        'team_id',
        'participant_id',
        'level',
        'category',
        'title',
        'description',
        'status',
        'outcome',
        'opened_on',
        'due_on',
        'completed_on',
        'worker_id',
        'version',
        'created_at',
        'updated_at',
      ],
      advocacy,
    );
    await insertRows(
      m,
      'handout',
      [
        'team_id',
        'participant_id',
        'resource_id',
        'worker_id',
        'given_on',
        'method',
        'note',
        'follow_up_on',
        'outcome',
        'outcome_on',
        'history',
        'created_at',
        'updated_at',
      ],
      handouts,
    );
    await insertRows(
      m,
      'decision_note',
      [
        'team_id',
        'participant_id',
        'worker_id',
        'discussed_on',
        'topic',
        'options',
        'participant_priorities',
        'decision',
        'decided_by',
        'next_steps',
        'follow_up_on',
        'created_at',
        'updated_at',
      ],
      notes,
    );
  });
}
