import type { Client } from 'pg';
import {
  BASELINE_DUE_DAYS,
  DEFAULT_MEASURE_INTERVAL_DAYS,
  FOCUS_AREAS,
  INSTRUMENTS,
  INSTRUMENT_KEYS,
  LIFE_AREAS,
  NOTE_FORMATS,
  NOTE_SECTIONS,
  PLAN_REVIEW_DAYS_DEFAULT,
  RESOURCE_CATEGORIES,
  SESSION_ACTIVITIES,
  WELLNESS_SECTIONS,
  addDays,
} from '@peerpath/shared';
import type { Organisation } from './organisation';
import { DEFAULT_COUNTS, type SeedPlan } from './seed-plan';
import {
  helperFunctions,
  int,
  lit,
  num,
  oneOf,
  rnd,
  textArray,
  weighted,
  weightedNumber,
} from './sql';
import {
  ACTIVITY_CHANCE,
  ADVOCACY_INDIVIDUAL,
  ADVOCACY_OUTCOMES,
  ADVOCACY_SYSTEMIC,
  ADVOCACY_TITLES,
  ALERT_RESOLUTIONS,
  ATTENDANCE_NOTES,
  DECISION_TOPICS,
  DURATIONS,
  FIRST_NAMES,
  FOCUS_CHANCE,
  GOALS,
  GROUP_TITLES,
  HANDOUT_METHODS,
  HANDOUT_NOTES,
  LAST_NAMES,
  ADDENDA,
  NEXT_STEPS,
  NICKNAMES,
  NOTE_SENTENCES,
  NOTE_WORDS,
  PLAN_STRENGTHS,
  PLAN_WHAT_MATTERS,
  ONE_TO_ONE_TITLES,
  PRONOUNS,
  RESOURCE_NAMES,
  RESOURCE_TAGS,
  RESOURCE_WEIGHTS,
  RETURN_COMMENTS,
  SESSION_TYPE_WEIGHTS,
  SETTINGS_GROUP,
  SETTINGS_ONE_TO_ONE,
  TEAM_PLACES,
  VOID_REASONS,
  WELLNESS_WORDS,
  TIME_ENTRY_KIND_WEIGHTS,
  TIME_ENTRY_MINUTES,
  TIME_ENTRY_NOTES,
  SUPERVISION_ACTIONS,
  SUPERVISION_MINUTES,
  SUPERVISION_TOPICS,
  CARE_PROVIDER_TEMPLATES,
  CONSENT_TEMPLATES,
  DISCLOSURE_METHOD_WEIGHTS,
  EMERGENCY_REASONS,
  EMERGENCY_RECIPIENTS,
} from './vocabulary';

/** Keys of the candidate lookup: team_no × KEY + rank (a team's participants), or the negative for a worker's. */
const KEY = 10_000_000;
/** Share of participants enrolled before the history starts (the caseload the organisation began with). */
const PRIOR_COHORT = 0.15;
/** Rows per statement of the chunked phases at full size (they grow with the organisation: `chunked`). */
const CHUNK = 50_000;
/** Sessions per statement of the notes phase at full size (each statement reads the whole attendance table once). */
const NOTE_CHUNK = 250_000;

/** Uuid kinds of `pg_temp.uid`. */
const UID = {
  team: 1,
  session: 2,
  participant: 3,
  user: 4,
  resource: 5,
  handout: 6,
  advocacy: 7,
  decisionNote: 8,
};

/** Uuid kinds of the plans, notes and measures (SPEC §7–§9). */
const UID_RECORDS = {
  plan: 9,
  goalRow: 10,
  goal: 11,
  step: 12,
  review: 13,
  note: 14,
  measurement: 15,
  alert: 16,
  addendum: 17,
  billingProfile: 18,
};

/** Uuid kinds of the worker's day and consents (SPEC §10–§11). */
const UID_DAY = {
  timeEntry: 19,
  supervision: 20,
  consent: 21,
  disclosure: 22,
};
/** Time-entry slots a worker has each weekday (a busy day has two entries). */
const TIME_SLOTS_PER_DAY = 2;

/**
 * The organisation bills Medicaid for peer support (SPEC §13): one profile,
 * H0038 in 15-minute units under the eight-minute rule, HQ for groups, at
 * most 16 units a day and groups of 12, a current recovery plan and a
 * certified worker required. Most people have coverage under it.
 */
const BILLING_PROFILE = {
  name: 'Medicaid peer support',
  code: 'H0038',
  modifiers: ['HE'],
  groupModifier: 'HQ',
  rounding: 'eight_minute',
  maxUnitsPerDay: 16,
  maxGroupSize: 12,
  requiresActivePlan: true,
  requiresCosign: false,
  requiresCredential: true,
  unitRate: '17.48',
} as const;
/** Share of participants with Medicaid coverage (the rest are uninsured or paid for otherwise). */
const COVERAGE_SHARE = 0.85;
/** The peer credential most staff hold; one in nine has not got it yet, one in eleven let it lapse. */
const CREDENTIAL = 'Certified Peer Recovery Specialist';

/** Team n's measures: every fifth team (team 1 among them) takes all three, some PHQ-9 too, the rest BARC-10 only. */
const TEAM_INSTRUMENTS = `CASE WHEN t % 5 = 1 THEN ARRAY['barc10', 'phq9', 'gad7']
                              WHEN t % 5 = 3 THEN ARRAY['barc10', 'phq9']
                              ELSE ARRAY['barc10'] END::text[]`;

/** Days from an activation or a review to the next review (PLAN_REVIEW_DAYS' default). */
const REVIEW_DAYS = PLAN_REVIEW_DAYS_DEFAULT;
/** The most goals a plan has here; goal keys are p_no × GOAL_SLOTS + position. */
const GOAL_SLOTS = 8;
/**
 * A note's random draws: `pg_temp.rnd` hashes its number as PostgreSQL hashes
 * an int8 (the high half folded into the low), so keys stay below 2^32; two
 * attendees of one session share draws only when their numbers agree mod 64.
 * Its id is `pg_temp.uid2` of (session, participant), unique for any size.
 */
const NOTE_RND_KEY = '(s.s_no::bigint * 64 + pn.p_no % 64)';

const SESSION_TYPES_BY_CODE = SESSION_TYPE_WEIGHTS.map(([t]) => t);
const ONE_TO_ONE_CODE = SESSION_TYPES_BY_CODE.indexOf('one_to_one_mentoring') + 1;

export interface SeedCounts {
  teams: number;
  users: number;
  resources: number;
  participants: number;
  sessions: number;
  attendance: number;
  handouts: number;
  advocacy: number;
  decisionNotes: number;
  plans: number;
  planGoals: number;
  planReviews: number;
  notes: number;
  measurements: number;
  alerts: number;
  openAlerts: number;
  timeEntries: number;
  supervisions: number;
  consents: number;
  disclosures: number;
  emergencyDisclosures: number;
}

/**
 * Writes the scale organisation with set-based SQL, one statement per phase
 * or chunk. Every value comes from `pg_temp.rnd(row number, salt)`, so the same
 * plan and seed write the same data on the same day (dates count back from
 * today). Helper tables are temporary and vanish at commit.
 */
export class ScaleSeeder {
  private readonly day0: string;
  private readonly tz: string;
  readonly counts: Partial<SeedCounts> = {};
  /** Participants with any time in the history (rows of tmp_elig). */
  private eligible = 0;

  constructor(
    private readonly db: Client,
    private readonly plan: SeedPlan,
    private readonly org: Organisation,
    today: string,
    timeZone: string,
  ) {
    this.day0 = addDays(today, -(plan.days - 1));
    this.tz = timeZone;
  }

  /** Day `d` of the history (0 = first) as a date expression. */
  private date(d: string): string {
    return `(${lit(this.day0)}::date + (${d}))`;
  }

  /** Day `d` at `hours` past midnight in the organisation's time zone. */
  private at(d: string, hours: string): string {
    return `((${this.date(d)})::timestamp + (${hours}) * interval '1 hour') AT TIME ZONE ${lit(this.tz)}`;
  }

  private async run(sql: string, params: unknown[] = []): Promise<number> {
    const res = await this.db.query(sql, params);
    return res.rowCount ?? 0;
  }

  async prepareSession(): Promise<void> {
    // Session settings only: memory for sorts and index builds, no JIT for the
    // many mid-sized statements (it compiles each one again).
    await this.run(`SET work_mem = '256MB'`);
    await this.run(`SET maintenance_work_mem = '1GB'`);
    await this.run(`SET temp_buffers = '512MB'`);
    await this.run(`SET jit = off`);
    for (const sql of helperFunctions(this.plan.seed)) await this.run(sql);
  }

  async organisation(passwordHash: string): Promise<number> {
    const { teams, staff, admin } = this.org;
    await this.run(
      `CREATE TEMP TABLE tmp_team ON COMMIT DROP AS
       SELECT t AS team_no, pg_temp.uid(${UID.team}, t) AS id, n AS name, s AS sup_staff_no,
              (${textArray(NOTE_FORMATS)})[1 + t % ${NOTE_FORMATS.length}] AS note_format,
              ${TEAM_INSTRUMENTS} AS instruments
         FROM unnest($1::int[], $2::text[], $3::int[]) u(t, n, s)`,
      [teams.map((t) => t.teamNo), teams.map((t) => t.name), teams.map((t) => t.supervisorNo)],
    );
    await this.run(
      `CREATE TEMP TABLE tmp_staff ON COMMIT DROP AS
       SELECT no AS staff_no, pg_temp.uid(${UID.user}, no) AS id, team_no, role, email,
              display_name, active, left_day, replacement, slots,
              role = 'worker' AND no % 7 = 3 AS cosign
         FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bool[],
                     $7::int[], $8::int[], $9::int[])
              u(no, team_no, role, email, display_name, active, left_day, replacement, slots)`,
      [
        staff.map((s) => s.staffNo),
        staff.map((s) => s.teamNo),
        staff.map((s) => s.role),
        staff.map((s) => s.email),
        staff.map((s) => s.displayName),
        staff.map((s) => s.active),
        staff.map((s) => s.leftDay),
        staff.map((s) => s.replacement),
        staff.map((s) => s.slots),
      ],
    );
    const goLive = this.at('-30', '9');
    await this.run(
      `INSERT INTO team (id, name, created_at, updated_at, note_format, instruments)
       SELECT id, name, ${goLive}, ${goLive}, note_format, instruments FROM tmp_team ORDER BY team_no`,
    );
    let users = await this.run(
      `INSERT INTO app_user (id, email, display_name, role, team_id, active, password_hash, created_at, updated_at,
                             cosign_required)
       SELECT s.id, s.email, s.display_name, s.role, t.id, s.active, $1, ${goLive},
              CASE WHEN s.active THEN ${goLive} ELSE ${this.at('s.left_day + 1', '17')} END, s.cosign
         FROM tmp_staff s JOIN tmp_team t USING (team_no)
        ORDER BY s.staff_no`,
      [passwordHash],
    );
    // Credentials: most staff are certified; a lapsed one ran out 45 days ago.
    await this.run(
      `UPDATE app_user u
          SET credential = ${lit(CREDENTIAL)},
              credential_expires_on = CASE WHEN s.staff_no % 11 = 6 THEN ${this.date(`${int(this.plan.days - 1)} - 45`)}
                                           ELSE ${this.date(`${int(this.plan.days - 1)} + 30 + (s.staff_no * 37) % 700`)} END
         FROM tmp_staff s
        WHERE u.id = s.id AND s.staff_no % 9 <> 4`,
    );
    const bp = BILLING_PROFILE;
    await this.run(
      `INSERT INTO billing_profile (id, created_at, updated_at, name, code, modifiers, group_modifier, rounding,
                                    max_units_per_day, max_group_size, requires_active_plan, requires_cosign,
                                    requires_credential, unit_rate, active)
       VALUES (pg_temp.uid(${UID_RECORDS.billingProfile}, 1), ${goLive}, ${goLive}, $1, $2, $3::text[], $4, $5,
               $6, $7, $8, $9, $10, $11, true)`,
      [
        bp.name,
        bp.code,
        bp.modifiers,
        bp.groupModifier,
        bp.rounding,
        bp.maxUnitsPerDay,
        bp.maxGroupSize,
        bp.requiresActivePlan,
        bp.requiresCosign,
        bp.requiresCredential,
        bp.unitRate,
      ],
    );
    users += await this.run(
      `INSERT INTO app_user (id, email, display_name, role, team_id, active, password_hash, created_at, updated_at)
       VALUES (pg_temp.uid(${UID.user}, 0), $1, $2, 'admin', NULL, true, $3, ${goLive}, ${goLive})`,
      [admin.email, admin.displayName, passwordHash],
    );
    // Session facilitators are drawn in proportion to `slots`; participants' home workers evenly.
    await this.run(
      `CREATE TEMP TABLE tmp_slot ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY s.staff_no, k) - 1)::int AS slot, s.staff_no
         FROM tmp_staff s, generate_series(1, s.slots) k`,
    );
    await this.run(
      `CREATE TEMP TABLE tmp_wslot ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY staff_no) - 1)::int AS slot, staff_no
         FROM tmp_staff WHERE role = 'worker'`,
    );
    for (const t of ['tmp_team', 'tmp_staff', 'tmp_slot', 'tmp_wslot'])
      await this.run(`ANALYZE ${t}`);
    this.counts.teams = teams.length;
    this.counts.users = users;
    return users + teams.length;
  }

  async resources(): Promise<number> {
    const r = (salt: number) => rnd('x.r', salt);
    const nameByCategory = `CASE x.category ${RESOURCE_CATEGORIES.map(
      (c) => `WHEN ${lit(c)} THEN ${oneOf(RESOURCE_NAMES[c], r(502))}`,
    ).join(' ')} END`;
    const place = oneOf(TEAM_PLACES, r(503));
    const created = this.at(`-30 + floor(${r(504)} * ${int(this.plan.days)})::int`, '10');
    const n = await this.run(
      `INSERT INTO resource (id, created_at, updated_at, name, category, description, phone, url,
                             address, tags, active)
       SELECT pg_temp.uid(${UID.resource}, x.r), ${created}, ${created},
              ${nameByCategory} || ' (' || ${place} || ')',
              x.category,
              CASE WHEN ${r(505)} < 0.6 THEN 'Free and confidential. Ask for the peer liaison when you call.' END,
              CASE WHEN ${r(506)} < 0.8 THEN '(555) 01' || lpad((x.r % 100)::text, 2, '0') || '-' || lpad(floor(${r(507)} * 10000)::text, 4, '0') END,
              CASE WHEN ${r(508)} < 0.7 THEN 'https://service-' || x.r || '.example.org' END,
              CASE WHEN ${r(509)} < 0.6 THEN (10 + x.r % 890) || ' ' || ${place} || ' Road' END,
              ARRAY(SELECT t FROM unnest(${textArray(RESOURCE_TAGS)}) WITH ORDINALITY u(t, i)
                     WHERE ${rnd('x.r * 16 + u.i', 510)} < 0.18),
              ${r(511)} < 0.92
         FROM (SELECT r, ${weighted(RESOURCE_WEIGHTS, rnd('r', 501))} AS category
                 FROM generate_series(1, ${int(this.plan.resources)}) r) x
        ORDER BY x.r`,
    );
    this.counts.resources = n;
    return n;
  }

  async participants(): Promise<number> {
    const { days, participants, workers } = this.plan;
    const r = (salt: number) => rnd('g.p_no', salt);
    await this.run(
      `CREATE TEMP TABLE tmp_p0 ON COMMIT DROP AS
       SELECT g.p_no, st.staff_no AS home, st.team_no,
              CASE WHEN ${r(2)} < ${num(PRIOR_COHORT)} THEN -1 - floor(${r(3)} * 730)::int
                   ELSE least(${int(days - 1)}, floor(${int(days)} * power(${r(3)}, 0.8))::int) END AS enrolled_day
         FROM generate_series(1, ${int(participants)}) g(p_no)
         JOIN tmp_wslot ws ON ws.slot = floor(${r(1)} * ${int(workers)})::int
         JOIN tmp_staff st ON st.staff_no = ws.staff_no`,
    );
    // Older enrolments are more often discharged or inactive; an active participant
    // is sometimes out of touch (no contact for one to six months).
    const rp = (salt: number) => rnd('a.p_no', salt);
    await this.run(
      `CREATE TEMP TABLE tmp_p1 ON COMMIT DROP AS
       SELECT a.*,
              CASE a.status
                WHEN 'discharged' THEN a.enrolled_day + round(a.span * (0.1 + 0.9 * ${rp(5)}))::int
                WHEN 'inactive' THEN a.enrolled_day + floor(greatest(a.span - 45, 0) * ${rp(5)})::int
                ELSE CASE WHEN ${rp(6)} < 0.18
                          THEN greatest(a.enrolled_day, ${int(days - 1)} - 31 - floor(${rp(7)} * 150)::int)
                          ELSE ${int(days - 1)} END
              END AS end_day
         FROM (SELECT b.*,
                      CASE WHEN ${rnd('b.p_no', 4)} < 0.08 + 0.55 * b.age THEN 'discharged'
                           WHEN ${rnd('b.p_no', 4)} < 0.16 + 0.65 * b.age THEN 'inactive'
                           ELSE 'active' END AS status
                 FROM (SELECT p.*, ${int(days - 1)} - p.enrolled_day AS span,
                              least(1.0, (${int(days - 1)} - p.enrolled_day)::float8 / ${int(days)}) AS age
                         FROM tmp_p0 p) b) a`,
    );
    await this.run(
      `CREATE TEMP TABLE tmp_p ON COMMIT DROP AS
       SELECT p.*, pg_temp.uid(${UID.participant}, p.p_no) AS id,
              (row_number() OVER (PARTITION BY p.team_no ORDER BY p.enrolled_day, p.p_no) - 1)::int AS team_rank,
              (row_number() OVER (PARTITION BY p.home ORDER BY p.enrolled_day, p.p_no) - 1)::int AS w_rank
         FROM tmp_p1 p`,
    );
    await this.run(`ANALYZE tmp_p`);

    const focusMask = FOCUS_AREAS.map(
      (f, i) =>
        `CASE WHEN ${rnd('p.p_no', 60 + i)} < ${num(FOCUS_CHANCE[f])} THEN ${1 << i} ELSE 0 END`,
    ).join(' + ');
    const q = (salt: number) => rnd('p.p_no', salt);
    const first = oneOf(FIRST_NAMES, q(10));
    const last = oneOf(LAST_NAMES, q(11));
    const enrolledOn = this.date('p.enrolled_day');
    const created = `least(now(), ${this.at('greatest(p.enrolled_day, 0)', `9 + ${q(12)} * 8`)})`;
    const n = await this.run(
      `INSERT INTO participant (id, created_at, updated_at, team_id, first_name, last_name, preferred_name,
                                pronouns, date_of_birth, phone, email, participant_type, focus_areas, status,
                                enrolled_on, discharged_on, primary_worker_id, consent_to_services_on,
                                consent_to_share_on, version, coverage_profile_id, coverage_member_id)
       SELECT p.id, ${created},
              CASE WHEN p.status = 'discharged' THEN greatest(${created}, ${this.at('p.end_day', '16')})
                   ELSE ${created} END,
              t.id, f.first_name, f.last_name,
              CASE WHEN ${q(13)} < 0.08 THEN ${oneOf(NICKNAMES, q(14))} END,
              CASE WHEN ${q(15)} < 0.45 THEN ${weighted(PRONOUNS, q(16))} END,
              CASE WHEN ${q(17)} < 0.96
                   THEN ${this.date(`${int(this.plan.days - 1)} - 6570 - floor(power(${q(18)}, 1.3) * 22600)::int`)} END,
              CASE WHEN ${q(19)} < 0.75 THEN '(555) 0' || lpad(floor(${q(20)} * 100)::text, 2, '0') || '-' || lpad(floor(${q(21)} * 10000)::text, 4, '0') END,
              CASE WHEN ${q(22)} < 0.45 THEN lower(f.first_name || '.' || f.last_name) || (p.p_no % 97) || '@example.net' END,
              CASE WHEN ${q(23)} < 0.12 THEN 'family_caregiver' ELSE 'individual' END,
              fa.arr, p.status, ${enrolledOn},
              CASE WHEN p.status = 'discharged' THEN ${this.date('p.end_day')} END,
              CASE WHEN p.status <> 'active' AND ${q(24)} < 0.05 THEN NULL
                   WHEN hs.active THEN hs.id ELSE sup.id END,
              CASE WHEN ${q(25)} < 0.95 THEN ${enrolledOn} END,
              CASE WHEN ${q(26)} < 0.6 THEN least(${this.date(int(this.plan.days - 1))}, ${enrolledOn} + floor(${q(27)} * 14)::int) END,
              1 + (p.status <> 'active')::int + floor(${q(28)} * 3)::int,
              CASE WHEN ${q(29)} < ${num(COVERAGE_SHARE)} THEN pg_temp.uid(${UID_RECORDS.billingProfile}, 1) END,
              CASE WHEN ${q(29)} < ${num(COVERAGE_SHARE)} THEN 'MCD' || lpad(p.p_no::text, 9, '0') END
         FROM tmp_p p
         JOIN tmp_team t ON t.team_no = p.team_no
         JOIN tmp_staff hs ON hs.staff_no = p.home
         JOIN tmp_staff sup ON sup.staff_no = t.sup_staff_no
         CROSS JOIN LATERAL (SELECT ${first} AS first_name, ${last} AS last_name) f
         JOIN (SELECT m AS mask,
                      ARRAY(SELECT a FROM unnest(${textArray(FOCUS_AREAS)}) WITH ORDINALITY u(a, i)
                             WHERE m & (1 << (u.i::int - 1)) <> 0) AS arr
                 FROM generate_series(0, ${(1 << FOCUS_AREAS.length) - 1}) m) fa
           ON fa.mask = (${focusMask})
        ORDER BY p.enrolled_day, p.p_no`,
    );

    // Lookups for choosing attendees: who had enrolled by each day, per team and per worker.
    await this.run(
      `CREATE TEMP TABLE tmp_pk ON COMMIT DROP AS
       SELECT team_no::bigint * ${KEY} + team_rank AS k, id, p_no, enrolled_day, end_day FROM tmp_p
       UNION ALL
       SELECT -(home::bigint * ${KEY} + w_rank), id, p_no, enrolled_day, end_day FROM tmp_p`,
    );
    const cumulative = (unit: string, units: string) => `
       WITH e AS (SELECT ${unit} AS unit, greatest(enrolled_day, 0) AS day, count(*) AS n
                    FROM tmp_p GROUP BY 1, 2)
       SELECT u.unit, d.day,
              (sum(coalesce(e.n, 0)) OVER (PARTITION BY u.unit ORDER BY d.day))::int AS cnt
         FROM (${units}) u(unit)
         CROSS JOIN generate_series(0, ${int(days - 1)}) d(day)
         LEFT JOIN e ON e.unit = u.unit AND e.day = d.day`;
    await this.run(
      `CREATE TEMP TABLE tmp_tday ON COMMIT DROP AS ${cumulative('team_no', 'SELECT team_no FROM tmp_team')}`,
    );
    await this.run(
      `CREATE TEMP TABLE tmp_wday ON COMMIT DROP AS ${cumulative('home', `SELECT staff_no FROM tmp_staff WHERE role = 'worker'`)}`,
    );
    // Participants with any time in the history: those handouts, advocacy and notes are about.
    await this.run(
      `CREATE TEMP TABLE tmp_elig ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY p_no) - 1)::int AS e_no, p.*
         FROM tmp_p p WHERE p.end_day >= greatest(p.enrolled_day, 0)`,
    );
    for (const t of ['tmp_pk', 'tmp_tday', 'tmp_wday', 'tmp_elig']) await this.run(`ANALYZE ${t}`);
    const { rows } = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tmp_elig`);
    this.eligible = rows[0].n;
    this.counts.participants = n;
    return n;
  }

  /** Which day, team, facilitator, type and group size each session has: one row per session. */
  async sessionPlan(): Promise<number> {
    const { days, sessions, attendance } = this.plan;
    const oneShare =
      SESSION_TYPE_WEIGHTS.find(([t]) => t === 'one_to_one_mentoring')![1] /
      SESSION_TYPE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    // Group sizes 2 … 2g−2 average g, so that sessions × (one-to-one share + group share × g) ≈ attendance.
    const perSession = attendance / sessions;
    const g = Math.max(2, (perSession - oneShare) / (1 - oneShare));
    const spread = Math.max(1, 2 * g - 3);
    // Fewer sessions at weekends; the organisation grows by about a third over the history.
    await this.run(
      `CREATE TEMP TABLE tmp_day ON COMMIT DROP AS
       WITH d AS (
         SELECT day, extract(isodow FROM ${this.date('day')})::int AS dow,
                CASE extract(isodow FROM ${this.date('day')})::int WHEN 6 THEN 0.12 WHEN 7 THEN 0.06 ELSE 1.0 END
                  * (0.85 + 0.3 * day / ${int(days)}) AS w
           FROM generate_series(0, ${int(days - 1)}) day
       ), c AS (SELECT d.*, sum(w) OVER (ORDER BY day) AS cw, sum(w) OVER () AS tw FROM d)
       SELECT day, dow, round((cw - w) / tw * ${int(sessions)})::bigint AS first_no,
              (round(cw / tw * ${int(sessions)}) - round((cw - w) / tw * ${int(sessions)}))::int AS n
         FROM c`,
    );
    const slots = this.org.staff.reduce((s, m) => s + m.slots, 0);
    const typeCode = `CASE ${SESSION_TYPE_WEIGHTS.slice(0, -1)
      .map((_, i) => {
        const total = SESSION_TYPE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
        const c = SESSION_TYPE_WEIGHTS.slice(0, i + 1).reduce((s, [, w]) => s + w, 0) / total;
        return `WHEN ${rnd('x.s_no', 12)} < ${num(c)} THEN ${i + 1}`;
      })
      .join(' ')} ELSE ${SESSION_TYPE_WEIGHTS.length} END`;
    const n = await this.run(
      `CREATE TEMP TABLE tmp_s ON COMMIT DROP AS
       SELECT y.s_no, y.day, y.dow, st.team_no,
              CASE WHEN st.left_day IS NOT NULL AND y.day > st.left_day THEN st.replacement
                   ELSE st.staff_no END AS staff_no,
              y.type_code,
              CASE WHEN y.type_code = ${ONE_TO_ONE_CODE} THEN 1
                   ELSE 2 + floor(${rnd('y.s_no', 13)} * ${num(spread)})::int END AS gsize,
              pg_temp.uid(${UID.session}, y.s_no) AS id
         FROM (SELECT x.*, ${typeCode} AS type_code
                 FROM (SELECT d.day, d.dow, d.first_no + j AS s_no
                         FROM tmp_day d, generate_series(1, d.n) j) x) y
         JOIN tmp_slot sl ON sl.slot = floor(${rnd('y.s_no', 11)} * ${int(slots)})::int
         JOIN tmp_staff st ON st.staff_no = sl.staff_no
        ORDER BY y.s_no`,
    );
    await this.run(`CREATE INDEX ON tmp_s (s_no)`);
    await this.run(`ANALYZE tmp_s`);
    return n;
  }

  async sessions(tick: (f: number) => void): Promise<number> {
    const r = (salt: number) => rnd('s.s_no', salt);
    const typeName = `(${textArray(SESSION_TYPES_BY_CODE)})[s.type_code]`;
    const groupTitles = SESSION_TYPES_BY_CODE.map((t, i) =>
      t === 'one_to_one_mentoring'
        ? `WHEN ${i + 1} THEN CASE WHEN ${r(23)} < 0.2 THEN ${oneOf(ONE_TO_ONE_TITLES, r(24))} END`
        : `WHEN ${i + 1} THEN (${textArray(GROUP_TITLES[t])})[1 + (s.team_no * 7 + s.dow) % ${GROUP_TITLES[t].length}]`,
    ).join(' ');
    const duration = `CASE s.type_code ${SESSION_TYPES_BY_CODE.map(
      (t, i) => `WHEN ${i + 1} THEN ${weightedNumber(DURATIONS[t], r(21))}`,
    ).join(' ')} END`;
    const setting = `CASE WHEN ${typeName} = 'online_forum' THEN 'online'
                          WHEN s.type_code = ${ONE_TO_ONE_CODE} THEN ${weighted(SETTINGS_ONE_TO_ONE, r(20))}
                          ELSE ${weighted(SETTINGS_GROUP, r(20))} END`;
    const evening = `${typeName} IN ('online_forum', 'family_support_group')`;
    const hour = `CASE WHEN ${evening} THEN 17 + floor(${r(22)} * 3) ELSE 9 + floor(${r(22)} * 9) END
                  + floor(${r(25)} * 4) * 0.25`;
    const activityMask = SESSION_ACTIVITIES.map(
      (a, i) => `CASE WHEN ${r(30 + i)} < ${num(ACTIVITY_CHANCE[a])} THEN ${1 << i} ELSE 0 END`,
    ).join(' + ');
    const emotional = 1 << SESSION_ACTIVITIES.indexOf('emotional_support');
    const sentence = (salt: number) => oneOf(NOTE_SENTENCES, r(salt));
    await this.run(
      `CREATE TEMP TABLE tmp_act ON COMMIT DROP AS
       SELECT m AS mask,
              ARRAY(SELECT a FROM unnest(${textArray(SESSION_ACTIVITIES)}) WITH ORDINALITY u(a, i)
                     WHERE m & (1 << (u.i::int - 1)) <> 0) AS arr
         FROM generate_series(0, ${(1 << SESSION_ACTIVITIES.length) - 1}) m`,
    );
    const insert = `
      INSERT INTO support_session (id, created_at, updated_at, team_id, type, setting, starts_at,
                                   duration_minutes, title, activities, notes, facilitator_id, version)
      SELECT y.id, y.created, y.created, t.id, y.type, y.setting, y.starts_at, y.duration, y.title,
             a.arr, y.notes, st.id, y.version
        FROM (SELECT x.*, least(now(), x.starts_at + (x.duration + 10 + ${rnd('x.s_no', 26)} * 480) * interval '1 minute') AS created
                FROM (SELECT s.s_no, s.id, s.team_no, s.staff_no, ${typeName} AS type, ${setting} AS setting,
                             ${this.at('s.day', hour)} AS starts_at, ${duration} AS duration,
                             CASE s.type_code ${groupTitles} END AS title,
                             CASE WHEN ${r(27)} < 0.7
                                  THEN ${sentence(40)} || ' ' || ${sentence(41)}
                                       || CASE WHEN ${r(42)} < 0.5 THEN ' ' || ${sentence(43)} ELSE '' END
                             END AS notes,
                             CASE WHEN ${r(28)} < 0.08 THEN 2 ELSE 1 END AS version,
                             ${activityMask} AS mask
                        FROM tmp_s s
                       WHERE s.s_no BETWEEN $1 AND $2) x) y
        JOIN tmp_team t ON t.team_no = y.team_no
        JOIN tmp_staff st ON st.staff_no = y.staff_no
        JOIN tmp_act a ON a.mask = CASE WHEN y.mask = 0 THEN ${emotional} ELSE y.mask END
       ORDER BY y.s_no`;
    const n = await this.chunked(this.plan.sessions, (lo, hi) => this.run(insert, [lo, hi]), tick);
    this.counts.sessions = n;
    return n;
  }

  /**
   * Attendees of each session, all from the session's team and enrolled (and
   * not yet discharged or lapsed) on its day: a one-to-one session's from the
   * facilitator's own caseload where there is one. Up to three candidates are
   * drawn; when none is open, the team's most recent enrolment stands in.
   */
  async attendance(tick: (f: number) => void): Promise<number> {
    const slot = 's.s_no * 64 + g.j';
    const open = (c: string) => `${c}.enrolled_day <= s.day AND ${c}.end_day >= s.day`;
    const teamKey = (salt: number) =>
      `s.team_no::bigint * ${KEY} + floor(${rnd(slot, salt)} * greatest(td.cnt, 1))::bigint`;
    const ownKey = (salt: number) =>
      `CASE WHEN coalesce(wd.cnt, 0) > 0
            THEN -(s.staff_no::bigint * ${KEY} + floor(${rnd(slot, salt)} * wd.cnt)::bigint)
            ELSE ${teamKey(salt)} END`;
    const status = (table: [string, number][]) => weighted(table, rnd('z.s_no * 64 + z.j', 50));
    const insert = `
      INSERT INTO attendance (session_id, participant_id, status, note)
      SELECT z.session_id, z.participant_id,
             CASE WHEN z.one THEN ${status([
               ['attended', 0.92],
               ['absent', 0.05],
               ['excused', 0.03],
             ])}
                  ELSE ${status([
                    ['attended', 0.8],
                    ['absent', 0.13],
                    ['excused', 0.07],
                  ])} END,
             CASE WHEN ${rnd('z.s_no * 64 + z.j', 51)} < 0.03
                  THEN ${oneOf(ATTENDANCE_NOTES, rnd('z.s_no * 64 + z.j', 52))} END
        FROM (SELECT y.s_no, y.session_id, y.participant_id, min(y.j) AS j, bool_and(y.one) AS one
                FROM (SELECT s.s_no, s.id AS session_id, g.j, s.type_code = ${ONE_TO_ONE_CODE} AS one,
                             CASE WHEN ${open('c1')} THEN c1.id WHEN ${open('c2')} THEN c2.id
                                  WHEN ${open('c3')} THEN c3.id ELSE cf.id END AS participant_id
                        FROM tmp_s s
                        CROSS JOIN LATERAL generate_series(0, s.gsize - 1) g(j)
                        JOIN tmp_tday td ON td.unit = s.team_no AND td.day = s.day
                        LEFT JOIN tmp_wday wd
                          ON s.type_code = ${ONE_TO_ONE_CODE} AND wd.unit = s.staff_no AND wd.day = s.day
                        LEFT JOIN tmp_pk c1 ON c1.k = ${ownKey(45)}
                        LEFT JOIN tmp_pk c2 ON c2.k = ${ownKey(46)}
                        LEFT JOIN tmp_pk c3 ON c3.k = ${teamKey(47)}
                        JOIN tmp_pk cf
                          ON cf.k = s.team_no::bigint * ${KEY}
                                    + greatest(td.cnt - 1 - floor(${rnd(slot, 48)} * least(td.cnt, 10))::int, 0)
                       WHERE s.s_no BETWEEN $1 AND $2) y
               GROUP BY y.s_no, y.session_id, y.participant_id) z
       ORDER BY z.s_no`;
    const n = await this.chunked(this.plan.sessions, (lo, hi) => this.run(insert, [lo, hi]), tick);
    this.counts.attendance = n;
    return n;
  }

  /**
   * For each n of the series $1…$2: a participant drawn from those with time in
   * the history, a day within their time, and the worker then responsible:
   * their own worker while employed, else the team's supervisor.
   */
  private participantDay(salt: number): string {
    return `
      SELECT g.n, e.id AS participant_id, e.team_no, t.id AS team_id, x.day,
             CASE WHEN hs.left_day IS NULL OR x.day <= hs.left_day THEN hs.id ELSE sup.id END AS worker_id,
             ${int(this.plan.days - 1)} - x.day AS age
        FROM generate_series($1::int, $2::int) g(n)
        JOIN tmp_elig e ON e.e_no = floor(${rnd('g.n', salt)} * ${int(this.eligible)})::int
        CROSS JOIN LATERAL (
          SELECT greatest(e.enrolled_day, 0)
                 + floor(${rnd('g.n', salt + 1)} * (e.end_day - greatest(e.enrolled_day, 0) + 1))::int AS day
        ) x
        JOIN tmp_team t ON t.team_no = e.team_no
        JOIN tmp_staff hs ON hs.staff_no = e.home
        JOIN tmp_staff sup ON sup.staff_no = t.sup_staff_no`;
  }

  async handouts(tick: (f: number) => void): Promise<number> {
    const r = (salt: number) => rnd('h.n', salt);
    const outcome = (p: string) => {
      const ro = rnd(`${p}.n`, 103);
      return `CASE WHEN ${p}.age < 14 THEN ${weighted(
        [
          ['pending', 0.85],
          ['connected', 0.1],
          ['not_connected', 0.03],
          ['declined', 0.02],
        ],
        ro,
      )}
                   WHEN ${p}.age < 60 THEN ${weighted(
                     [
                       ['pending', 0.25],
                       ['connected', 0.45],
                       ['not_connected', 0.18],
                       ['declined', 0.12],
                     ],
                     ro,
                   )}
                   ELSE ${weighted(
                     [
                       ['pending', 0.03],
                       ['connected', 0.54],
                       ['not_connected', 0.28],
                       ['declined', 0.15],
                     ],
                     ro,
                   )} END`;
    };
    const insert = `
      INSERT INTO handout (id, created_at, updated_at, team_id, participant_id, resource_id, worker_id,
                           given_on, method, note, follow_up_on, outcome, outcome_on, history)
      SELECT pg_temp.uid(${UID.handout}, h.n), h.created,
             CASE WHEN h.outcome = 'pending' THEN h.created
                  ELSE greatest(h.created, ${this.at('h.outcome_day', '15')}) END,
             h.team_id, h.participant_id,
             pg_temp.uid(${UID.resource}, 1 + floor(power(${r(104)}, 2) * ${int(this.plan.resources)})::int),
             h.worker_id, ${this.date('h.day')}, ${weighted(HANDOUT_METHODS, r(105))},
             CASE WHEN ${r(106)} < 0.15 THEN ${oneOf(HANDOUT_NOTES, r(107))} END,
             CASE WHEN ${r(108)} < 0.75 THEN ${this.date(`h.day + 7 + floor(${r(109)} * 21)::int`)} END,
             h.outcome,
             CASE WHEN h.outcome <> 'pending' THEN ${this.date('h.outcome_day')} END,
             jsonb_build_array(jsonb_build_object('status', 'pending',
                 'on', to_char(${this.date('h.day')}, 'YYYY-MM-DD'), 'byId', h.worker_id))
               || CASE WHEN h.outcome = 'pending' THEN '[]'::jsonb
                       ELSE jsonb_build_array(jsonb_build_object('status', h.outcome,
                         'on', to_char(${this.date('h.outcome_day')}, 'YYYY-MM-DD'), 'byId', h.worker_id)) END
        FROM (SELECT x.*, least(now(), ${this.at('x.day', `9 + ${rnd('x.n', 110)} * 8`)}) AS created,
                     x.day + floor(${rnd('x.n', 111)} * (least(x.age, 45) + 1))::int AS outcome_day
                FROM (SELECT p.*, ${outcome('p')} AS outcome
                        FROM (${this.participantDay(101)}) p) x) h
       ORDER BY h.day, h.n`;
    const rows = await this.chunked(
      this.plan.handouts,
      (lo, hi) => this.run(insert, [lo, hi]),
      tick,
    );
    this.counts.handouts = rows;
    return rows;
  }

  async advocacy(tick: (f: number) => void): Promise<number> {
    const r = (salt: number) => rnd('a.n', salt);
    const slots = this.org.staff.reduce((s, m) => s + m.slots, 0);
    const titles = `CASE a.category ${Object.entries(ADVOCACY_TITLES)
      .map(([c, list]) => `WHEN ${lit(c)} THEN ${oneOf(list, r(203))}`)
      .join(' ')} END`;
    const status = (c: string) => {
      const rs = rnd(`${c}.n`, 204);
      return `CASE WHEN ${c}.age < 30 THEN ${weighted(
        [
          ['open', 0.35],
          ['in_progress', 0.35],
          ['done', 0.25],
          ['cancelled', 0.05],
        ],
        rs,
      )}
                   WHEN ${c}.age < 120 THEN ${weighted(
                     [
                       ['open', 0.1],
                       ['in_progress', 0.25],
                       ['done', 0.55],
                       ['cancelled', 0.1],
                     ],
                     rs,
                   )}
                   ELSE ${weighted(
                     [
                       ['open', 0.01],
                       ['in_progress', 0.015],
                       ['done', 0.855],
                       ['cancelled', 0.12],
                     ],
                     rs,
                   )} END`;
    };
    // Individual actions are about a participant; systemic ones (about 15%) about a service or policy.
    const systemic = `
      SELECT g.n, NULL::uuid AS participant_id, st.team_no, t.id AS team_id, x.day,
             CASE WHEN st.left_day IS NOT NULL AND x.day > st.left_day THEN rep.id ELSE st.id END AS worker_id,
             ${int(this.plan.days - 1)} - x.day AS age
        FROM generate_series($1::int, $2::int) g(n)
        CROSS JOIN LATERAL (SELECT floor(${rnd('g.n', 211)} * ${int(this.plan.days)})::int AS day) x
        JOIN tmp_slot sl ON sl.slot = floor(${rnd('g.n', 212)} * ${int(slots)})::int
        JOIN tmp_staff st ON st.staff_no = sl.staff_no
        LEFT JOIN tmp_staff rep ON rep.staff_no = st.replacement
        JOIN tmp_team t ON t.team_no = st.team_no`;
    const insert = `
      INSERT INTO advocacy_action (id, created_at, updated_at, team_id, participant_id, level, category,
                                   title, description, status, outcome, opened_on, due_on, completed_on,
                                   worker_id, version)
      SELECT pg_temp.uid(${UID.advocacy}, a.n), a.created,
             CASE WHEN a.completed_day IS NOT NULL
                  THEN greatest(a.created, ${this.at('a.completed_day', '16')}) ELSE a.created END,
             a.team_id, a.participant_id, a.level, a.category, ${titles},
             CASE WHEN ${r(205)} < 0.5
                  THEN CASE WHEN a.level = 'systemic' THEN 'Raised by several participants at group sessions.'
                            ELSE 'Participant asked for help with this; agreed the first steps together.' END END,
             a.status,
             CASE WHEN a.status = 'done' AND ${r(206)} < 0.85 THEN ${oneOf(ADVOCACY_OUTCOMES, r(207))}
                  WHEN a.status = 'cancelled' AND ${r(206)} < 0.5 THEN 'Participant withdrew the request.' END,
             ${this.date('a.day')},
             CASE WHEN ${r(208)} < 0.75 THEN ${this.date(`a.day + 14 + floor(${r(209)} * 76)::int`)} END,
             ${this.date('a.completed_day')},
             a.worker_id,
             1 + (a.status <> 'open')::int + (a.status IN ('done', 'cancelled'))::int
        FROM (SELECT b.*,
                     CASE WHEN b.status = 'done'
                          THEN b.day + floor(${rnd('b.n', 210)} * (least(b.age, 120) + 1))::int END AS completed_day,
                     least(now(), ${this.at('b.day', `9 + ${rnd('b.n', 213)} * 8`)}) AS created
                FROM (SELECT c.*, ${status('c')} AS status
                        FROM (SELECT p.*,
                                     CASE WHEN p.participant_id IS NULL THEN 'systemic' ELSE 'individual' END AS level,
                                     CASE WHEN p.participant_id IS NULL
                                          THEN ${weighted(ADVOCACY_SYSTEMIC, rnd('p.n', 202))}
                                          ELSE ${weighted(ADVOCACY_INDIVIDUAL, rnd('p.n', 202))} END AS category
                                FROM (SELECT * FROM (${this.participantDay(201)}) i WHERE ${rnd('i.n', 200)} >= 0.15
                                      UNION ALL
                                      SELECT * FROM (${systemic}) s WHERE ${rnd('s.n', 200)} < 0.15) p) c) b) a
       ORDER BY a.day, a.n`;
    const rows = await this.chunked(
      this.plan.advocacy,
      (lo, hi) => this.run(insert, [lo, hi]),
      tick,
    );
    this.counts.advocacy = rows;
    return rows;
  }

  async decisionNotes(tick: (f: number) => void): Promise<number> {
    await this.run(
      `CREATE TEMP TABLE tmp_topic ON COMMIT DROP AS
       SELECT (i - 1)::int AS t_no, topic, options, priorities, decision
         FROM unnest($1::text[], $2::jsonb[], $3::text[], $4::text[]) WITH ORDINALITY
              u(topic, options, priorities, decision, i)`,
      [
        DECISION_TOPICS.map((t) => t.topic),
        DECISION_TOPICS.map((t) => JSON.stringify(t.options)),
        DECISION_TOPICS.map((t) => t.priorities),
        DECISION_TOPICS.map((t) => t.decision),
      ],
    );
    const r = (salt: number) => rnd('d.n', salt);
    const insert = `
      INSERT INTO decision_note (id, created_at, updated_at, team_id, participant_id, worker_id, discussed_on,
                                 topic, options, participant_priorities, decision, decided_by, next_steps,
                                 follow_up_on)
      SELECT pg_temp.uid(${UID.decisionNote}, d.n), d.created, d.created, d.team_id, d.participant_id,
             d.worker_id, ${this.date('d.day')}, tp.topic, tp.options,
             CASE WHEN ${r(302)} < 0.8 THEN tp.priorities END,
             CASE WHEN d.decided_by <> 'deferred' THEN tp.decision END,
             d.decided_by,
             CASE WHEN ${r(303)} < 0.7 THEN ${oneOf(NEXT_STEPS, r(304))} END,
             CASE WHEN ${r(305)} < 0.5 THEN ${this.date(`d.day + 7 + floor(${r(306)} * 24)::int`)} END
        FROM (SELECT p.*,
                     ${weighted(
                       [
                         ['shared', 0.55],
                         ['participant', 0.3],
                         ['deferred', 0.15],
                       ],
                       rnd('p.n', 307),
                     )} AS decided_by,
                     least(now(), ${this.at('p.day', `9 + ${rnd('p.n', 308)} * 8`)}) AS created
                FROM (${this.participantDay(311)}) p) d
        JOIN tmp_topic tp ON tp.t_no = floor(${r(301)} * ${DECISION_TOPICS.length})::int
       ORDER BY d.day, d.n`;
    const rows = await this.chunked(
      this.plan.decisionNotes,
      (lo, hi) => this.run(insert, [lo, hi]),
      tick,
    );
    this.counts.decisionNotes = rows;
    return rows;
  }

  /**
   * Three recurring groups a team (SPEC §11), run by one of its workers, each
   * with twelve of the team's active participants who joined when they
   * enrolled (at most 90 days ago). Returns the memberships written.
   */
  async groups(): Promise<number> {
    await this.run(
      `INSERT INTO recurring_group (team_id, name, type, setting, weekday, start_time, duration_minutes, facilitator_ids)
       SELECT t.id, g.name, g.type, g.setting, g.weekday, g.start_time, g.minutes,
              ARRAY(SELECT u.id FROM app_user u
                     WHERE u.team_id = t.id AND u.role = 'worker' AND u.active ORDER BY u.email LIMIT 1)
         FROM team t
        CROSS JOIN (VALUES ('Monday Recovery Circle', 'support_group', 'community_center', 'monday', '10:00', 90),
                           ('Wednesday Walk and Talk', 'condition_specific_group', 'other', 'wednesday', '15:00', 75),
                           ('Families and Carers Evening', 'family_support_group', 'community_center', 'thursday', '18:00', 90))
              g(name, type, setting, weekday, start_time, minutes)`,
    );
    // One pass over the participants (their indexes are dropped during the load: a look-up a
    // group read the whole table each time, 46 s at ten times the size against 0.6 s).
    return this.run(
      `INSERT INTO group_membership (group_id, participant_id, joined_on)
       SELECT x.group_id, x.participant_id, x.joined_on
         FROM (SELECT g.id AS group_id, p.id AS participant_id,
                      greatest(p.enrolled_on, current_date - 90) AS joined_on,
                      row_number() OVER (PARTITION BY g.id ORDER BY md5(p.id::text || g.name)) AS n
                 FROM recurring_group g
                 JOIN participant p ON p.team_id = g.team_id AND p.status = 'active') x
        WHERE x.n <= 12`,
    );
  }

  /**
   * The participant the benchmark opens: the one of team 1 who attended most.
   * They always get a plan and a note for every session they attended.
   */
  private busiest = 0;

  private async pickBusiest(): Promise<void> {
    const { rows } = await this.db.query<{ p_no: number }>(
      `SELECT p.p_no FROM attendance a JOIN tmp_p p ON p.id = a.participant_id
        WHERE a.status = 'attended' AND p.team_no = 1
        GROUP BY p.p_no ORDER BY count(*) DESC, p.p_no LIMIT 1`,
    );
    this.busiest = rows[0]?.p_no ?? 0;
  }

  /** The worker responsible for participant row `e` on day `d`: their own while employed, else the supervisor. */
  private workerOn(d: string): string {
    return `CASE WHEN hs.left_day IS NULL OR (${d}) <= hs.left_day THEN hs.id ELSE sup.id END`;
  }

  /**
   * Recovery plans (SPEC §7) for `planShare` of the participants with time in
   * the history: an active version with 2–4 goals across life areas, about
   * three in ten with an earlier, superseded version (the goals it had keep
   * their ids), a review for most plans in use over two months, and now and
   * then a draft of the next version. Review due dates follow: activation or
   * last review + 90 days, so plans not reviewed lately are due.
   */
  async plans(tick: (f: number) => void): Promise<number> {
    await this.pickBusiest();
    const last = int(this.plan.days - 1);
    const r = (salt: number) => rnd('e.p_no', salt);
    await this.run(
      `CREATE TEMP TABLE tmp_plan0 ON COMMIT DROP AS
       SELECT e.p_no, e.id AS participant_id, e.team_no, e.home, e.status, e.end_day, x.e0, x.a1,
              CASE WHEN ${r(403)} < 0.3 AND e.end_day - x.a1 >= 120
                   THEN x.a1 + 90 + floor(${r(404)} * least(e.end_day - x.a1 - 89, 400))::int END AS a2,
              2 + floor(${r(405)} * 3)::int AS k,
              floor(${r(406)} * ${LIFE_AREAS.length})::int AS area0,
              e.p_no = ${int(this.busiest)} AS busiest
         FROM tmp_elig e
         CROSS JOIN LATERAL (
           SELECT greatest(e.enrolled_day, 0) AS e0,
                  greatest(e.enrolled_day, 0)
                    + least(e.end_day - greatest(e.enrolled_day, 0), 7 + floor(${r(402)} * 34)::int) AS a1
         ) x
        WHERE ${r(401)} < ${num(this.plan.planShare)} OR e.p_no = ${int(this.busiest)}`,
    );
    await this.run(
      `CREATE TEMP TABLE tmp_plan ON COMMIT DROP AS
       SELECT y.*,
              coalesce(y.a2, y.a1) + ${REVIEW_DAYS} AS due_from_activation,
              coalesce(y.reviewed, coalesce(y.a2, y.a1)) + ${REVIEW_DAYS} AS review_due,
              y.status = 'active' AND NOT y.busiest AND ${rnd('y.p_no', 409)} < 0.04 AS has_draft
         FROM (SELECT p.*, greatest(1, p.k - 1) AS k1, 1 + (p.a2 IS NOT NULL)::int AS vn,
                      CASE WHEN ${rnd('p.p_no', 407)} < 0.7
                                AND p.end_day >= coalesce(p.a2, p.a1) + 60
                           THEN greatest(coalesce(p.a2, p.a1) + 60,
                                         least(p.end_day, ${last} - floor(${rnd('p.p_no', 408)} * 100)::int))
                      END AS reviewed
                 FROM tmp_plan0 p) y`,
    );
    await this.run(`ANALYZE tmp_plan`);

    // One row per version: the superseded first one, the one in use, a draft of the next.
    const words = (list: readonly string[], salt: number) => oneOf(list, rnd('v.p_no', salt));
    const wellness = `CASE WHEN ${rnd('v.p_no', 415)} < 0.6 OR v.busiest THEN jsonb_build_object(${WELLNESS_SECTIONS.map(
      (k, i) => `${lit(k)}, ${words(WELLNESS_WORDS[k], 416 + i)}`,
    ).join(', ')}) ELSE '{}'::jsonb END`;
    await this.run(
      `CREATE TEMP TABLE tmp_version ON COMMIT DROP AS
       SELECT v.*, pg_temp.uid(${UID_RECORDS.plan}, v.p_no::bigint * 4 + v.version_no) AS id,
              CASE WHEN v.version_no > 1
                   THEN pg_temp.uid(${UID_RECORDS.plan}, v.p_no::bigint * 4 + v.version_no - 1) END AS based_on,
              CASE WHEN ${rnd('v.p_no', 411)} < 0.85 THEN ${words(PLAN_STRENGTHS, 412)} END AS strengths,
              CASE WHEN ${rnd('v.p_no', 413)} < 0.75 THEN ${words(PLAN_WHAT_MATTERS, 414)} END AS what_matters,
              ${wellness} AS wellness
         FROM (SELECT p.*, 1 AS version_no, 'superseded'::text AS plan_status, p.a1 AS activated, p.k1 AS goals
                 FROM tmp_plan p WHERE p.a2 IS NOT NULL
               UNION ALL
               SELECT p.*, p.vn, 'active', coalesce(p.a2, p.a1), p.k FROM tmp_plan p
               UNION ALL
               SELECT p.*, p.vn + 1, 'draft', NULL, p.k FROM tmp_plan p WHERE p.has_draft) v`,
    );
    const created = `least(now(), ${this.at(`greatest(v.e0, coalesce(v.activated, ${last}) - 1)`, '11')})`;
    const plans = await this.run(
      `INSERT INTO recovery_plan (id, created_at, updated_at, team_id, participant_id, version_no, status,
                                  strengths, what_matters, wellness, participant_agreed_on, activated_on,
                                  activated_by_id, review_due_on, last_reviewed_on, superseded_on,
                                  based_on_plan_id, created_by_id, version)
       SELECT v.id, ${created},
              greatest(${created}, least(now(), ${this.at(
                `CASE v.plan_status WHEN 'superseded' THEN v.a2 WHEN 'active' THEN coalesce(v.reviewed, v.activated) ELSE ${last} END`,
                '15',
              )})),
              t.id, v.participant_id, v.version_no, v.plan_status,
              v.strengths, v.what_matters, v.wellness,
              CASE WHEN v.activated IS NOT NULL
                   THEN ${this.date(`greatest(v.e0, v.activated - floor(${rnd('v.p_no', 421)} * 3)::int)`)} END,
              ${this.date('v.activated')},
              CASE WHEN v.activated IS NOT NULL THEN ${this.workerOn('v.activated')} END,
              CASE v.plan_status WHEN 'superseded' THEN ${this.date(`v.a1 + ${REVIEW_DAYS}`)}
                                 WHEN 'active' THEN ${this.date('v.review_due')} END,
              CASE WHEN v.plan_status = 'active' THEN ${this.date('v.reviewed')} END,
              CASE WHEN v.plan_status = 'superseded' THEN ${this.date('v.a2')} END,
              v.based_on,
              ${this.workerOn(`coalesce(v.activated, ${last})`)},
              CASE v.plan_status WHEN 'draft' THEN 1 WHEN 'superseded' THEN 3
                                 ELSE 2 + (v.reviewed IS NOT NULL)::int END
         FROM tmp_version v
         JOIN tmp_team t ON t.team_no = v.team_no
         JOIN tmp_staff hs ON hs.staff_no = v.home
         JOIN tmp_staff sup ON sup.staff_no = t.sup_staff_no
        ORDER BY v.p_no, v.version_no`,
    );
    tick(0.4);

    // Goals: a version holds positions 0…goals−1; a goal keeps its id (and its steps theirs) in every version.
    await this.run(
      `CREATE TEMP TABLE tmp_goal_tpl ON COMMIT DROP AS
       SELECT area, (t_no - 1)::int AS t_no, n, statement, steps
         FROM jsonb_each($1::jsonb) a(area, list),
              jsonb_array_length(a.list) n,
              jsonb_array_elements(a.list) WITH ORDINALITY g(goal, t_no),
              jsonb_to_record(g.goal) AS x(statement text, steps text[])`,
      [JSON.stringify(GOALS)],
    );
    const gk = `(v.p_no::bigint * ${GOAL_SLOTS} + g.pos)`;
    const goalStatus = `CASE WHEN v.plan_status = 'superseded' THEN 'active'
                             WHEN ${rnd(gk, 432)} < 0.12 THEN 'achieved'
                             WHEN ${rnd(gk, 432)} < 0.18 THEN 'paused'
                             WHEN ${rnd(gk, 432)} < 0.21 THEN 'discontinued'
                             ELSE 'active' END`;
    const goals = await this.run(
      `INSERT INTO recovery_plan_goal (id, created_at, updated_at, plan_id, goal_id, team_id, participant_id,
                                       position, life_area, statement, steps, target_on, status)
       SELECT pg_temp.uid(${UID_RECORDS.goalRow}, (v.p_no::bigint * 4 + v.version_no) * ${GOAL_SLOTS} + g.pos),
              rp.created_at, rp.updated_at, v.id, pg_temp.uid(${UID_RECORDS.goal}, ${gk}),
              rp.team_id, v.participant_id, g.pos, g.area, tpl.statement,
              (SELECT jsonb_agg(jsonb_build_object(
                        'id', pg_temp.uid(${UID_RECORDS.step}, ${gk} * 4 + u.i),
                        'text', u.step,
                        'done', g.status = 'achieved'
                                OR u.i <= floor(${rnd(gk, 433)} * (cardinality(tpl.steps) + 1))
                                          - (v.plan_status = 'superseded')::int)
                      ORDER BY u.i)
                 FROM unnest(tpl.steps) WITH ORDINALITY u(step, i)),
              CASE WHEN ${rnd(gk, 434)} < 0.6
                   THEN ${this.date(`v.a1 + 90 + floor(${rnd(gk, 435)} * 180)::int`)} END,
              g.status
         FROM tmp_version v
         JOIN recovery_plan rp ON rp.id = v.id
         CROSS JOIN LATERAL (
           SELECT s.pos, (${textArray(LIFE_AREAS)})[1 + (v.area0 + s.pos * 3) % ${LIFE_AREAS.length}] AS area,
                  ${goalStatus.replace(/\bg\.pos\b/g, 's.pos')} AS status
             FROM generate_series(0, v.goals - 1) s(pos)
         ) g
         JOIN tmp_goal_tpl tpl ON tpl.area = g.area AND tpl.t_no = floor(${rnd(gk, 431)} * tpl.n)::int
        ORDER BY v.p_no, v.version_no, g.pos`,
    );
    tick(0.8);
    const reviews = await this.run(
      `INSERT INTO recovery_plan_review (id, created_at, updated_at, plan_id, team_id, participant_id,
                                         reviewed_on, reviewed_by_id, review_due_on)
       SELECT pg_temp.uid(${UID_RECORDS.review}, v.p_no), least(now(), ${this.at('v.reviewed', '14')}),
              least(now(), ${this.at('v.reviewed', '14')}), v.id, t.id, v.participant_id,
              ${this.date('v.reviewed')}, ${this.workerOn('v.reviewed')}, ${this.date('v.review_due')}
         FROM tmp_version v
         JOIN tmp_team t ON t.team_no = v.team_no
         JOIN tmp_staff hs ON hs.staff_no = v.home
         JOIN tmp_staff sup ON sup.staff_no = t.sup_staff_no
        WHERE v.plan_status = 'active' AND v.reviewed IS NOT NULL
        ORDER BY v.p_no`,
    );
    this.counts.plans = plans;
    this.counts.planGoals = goals;
    this.counts.planReviews = reviews;
    return plans + goals + reviews;
  }

  /**
   * Session notes (SPEC §8) for `noteShare` of the attendance rows, all of
   * them `attended` rows of sessions already over (and every one of the
   * benchmark's participant). A note is in its team's format nine times in
   * ten; it links one or two goals of the plan in force on the session's day
   * when there was one. Most are signed (about one in fourteen late); the
   * last days' are often drafts, and a few of the last two months'; the notes
   * of workers whose notes need a co-signature are co-signed by the team's
   * supervisor, except some of the last two weeks' still waiting and a few
   * of the last month's returned with a comment.
   */
  async notes(tick: (f: number) => void): Promise<number> {
    const { rows } = await this.db.query<{ total: string; attended: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE status = 'attended') AS attended FROM attendance`,
    );
    const attended = Number(rows[0].attended);
    const share =
      attended > 0 ? Math.min(1, (this.plan.noteShare * Number(rows[0].total)) / attended) : 0;
    await this.run(`CREATE TEMP TABLE tmp_pn ON COMMIT DROP AS SELECT id, p_no FROM tmp_p`);
    await this.run(`ANALYZE tmp_pn`);

    const key = 'n.key';
    const r = (salt: number) => rnd(key, salt);
    const say = (list: readonly string[], salt: number) => oneOf(list, r(salt));
    const sections = `CASE n.format ${NOTE_FORMATS.map(
      (f) =>
        `WHEN ${lit(f)} THEN jsonb_build_object(${NOTE_SECTIONS[f]
          .map((sec, i) => `${lit(sec)}, ${say(NOTE_WORDS[sec], 450 + i)}`)
          .join(', ')})`,
    ).join(' ')} END`;
    // Goals of the plan in force on the day: the first version's before the second was activated.
    const kk = `CASE WHEN n.a2 IS NOT NULL AND n.day < n.a2 THEN n.k1 ELSE n.k END`;
    const goal = (i: string) =>
      `pg_temp.uid(${UID_RECORDS.goal}, n.p_no::bigint * ${GOAL_SLOTS} + ${i})`;
    const i1 = `floor(${r(461)} * ${kk})::int`;
    const i2 = `(${i1} + 1 + floor(${r(462)} * (${kk} - 1))::int) % ${kk}`;
    const goalIds = `CASE WHEN n.a1 IS NULL OR n.day < n.a1 OR ${r(460)} < 0.1 THEN '{}'::uuid[]
                          WHEN ${r(460)} < 0.7 OR ${kk} = 1 THEN ARRAY[${goal(i1)}]
                          ELSE ARRAY[${goal(i1)}, ${goal(i2)}] END`;
    // status: d draft, r returned (a draft again), s signed, w waiting for a co-signature, c co-signed.
    const state = `CASE WHEN (n.age <= 2 AND ${r(470)} < 0.5) OR (n.age <= 60 AND ${r(470)} < 0.03) THEN 'd'
                        WHEN NOT n.cosign THEN 's'
                        WHEN n.age <= 30 AND ${r(471)} < 0.06 THEN 'r'
                        WHEN n.age > 14 OR ${r(472)} < 0.4 THEN 'c'
                        ELSE 'w' END`;
    const delayMinutes = `CASE WHEN ${r(473)} < 0.07 THEN (49 + ${r(474)} * 150) * 60
                               ELSE 10 + ${r(474)} * 30 * 60 END`;
    const insert = `
      INSERT INTO session_note (id, created_at, updated_at, team_id, session_id, participant_id, format,
                                sections, goal_ids, status, signed_at, signed_by_id, late, cosign_required,
                                cosigned_at, cosigned_by_id, returned_comment, returned_at, returned_by_id,
                                addenda, version)
      SELECT n.id, n.created, greatest(n.created, n.signed, n.cosigned, n.returned), n.team_id, n.session_id,
             n.participant_id, n.format, ${sections}, ${goalIds},
             CASE n.state WHEN 'c' THEN 'cosigned' WHEN 's' THEN 'signed' WHEN 'w' THEN 'signed' ELSE 'draft' END,
             n.signed, CASE WHEN n.signed IS NOT NULL THEN n.facilitator_id END,
             coalesce(n.signed > n.ends + interval '48 hours', false),
             n.state IN ('w', 'c'),
             n.cosigned, CASE WHEN n.cosigned IS NOT NULL THEN n.supervisor_id END,
             CASE WHEN n.state = 'r' THEN ${say(RETURN_COMMENTS, 475)} END,
             n.returned, CASE WHEN n.state = 'r' THEN n.supervisor_id END,
             CASE WHEN n.signed IS NOT NULL AND ${r(476)} < 0.03
                  THEN jsonb_build_array(jsonb_build_object(
                         'id', pg_temp.uid2(${UID_RECORDS.addendum}, n.s_no, n.p_no),
                         'at', to_char(least(now(), n.signed + interval '1 day') AT TIME ZONE 'UTC',
                                       'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                         'byId', n.facilitator_id,
                         'text', ${say(ADDENDA, 477)}))
                  ELSE '[]'::jsonb END,
             CASE n.state WHEN 'd' THEN 1 WHEN 's' THEN 2 WHEN 'w' THEN 2 ELSE 3 END
        -- OFFSET 0 keeps each layer's values computed once (a flattened query would repeat them). The rows
        -- are sorted in the first layer, before the sections and goals are built, so the sort holds narrow
        -- rows (it spilled to disk when it held the finished notes); each layer above says the same order,
        -- which PostgreSQL then knows it already has.
        FROM (SELECT m.*,
                     CASE WHEN m.state IN ('s', 'w', 'c') THEN m.signed0 END AS signed,
                     CASE WHEN m.state = 'c'
                          THEN least(now(), m.signed0 + (2 + ${rnd('m.key', 478)} * 70) * interval '1 hour') END AS cosigned,
                     CASE WHEN m.state = 'r'
                          THEN least(now(), m.signed0 + (2 + ${rnd('m.key', 478)} * 30) * interval '1 hour') END AS returned
                FROM (SELECT n.*, ${state} AS state,
                             least(now(), n.ends + (${delayMinutes}) * interval '1 minute') AS signed0
                        FROM (SELECT a.session_id, a.participant_id, s.s_no, pn.p_no, s.day,
                                     ${NOTE_RND_KEY} AS key,
                                     pg_temp.uid2(${UID_RECORDS.note}, s.s_no, pn.p_no) AS id,
                                     ${int(this.plan.days - 1)} - s.day AS age,
                                     ss.team_id, ss.facilitator_id, f.cosign, sup.id AS supervisor_id,
                                     ss.starts_at + ss.duration_minutes * interval '1 minute' AS ends,
                                     least(now(), ss.starts_at + (ss.duration_minutes + 5) * interval '1 minute') AS created,
                                     CASE WHEN ${rnd(NOTE_RND_KEY, 480)} < 0.9 THEN t.note_format
                                          ELSE ${oneOf(NOTE_FORMATS, rnd(NOTE_RND_KEY, 481))} END AS format,
                                     pl.a1, pl.a2, pl.k, pl.k1
                                FROM attendance a
                                JOIN tmp_s s ON s.id = a.session_id
                                JOIN tmp_pn pn ON pn.id = a.participant_id
                                JOIN support_session ss ON ss.id = a.session_id
                                JOIN tmp_team t ON t.team_no = s.team_no
                                JOIN tmp_staff f ON f.staff_no = s.staff_no
                                JOIN tmp_staff sup ON sup.staff_no = t.sup_staff_no
                                LEFT JOIN tmp_plan pl ON pl.p_no = pn.p_no
                               WHERE a.status = 'attended' AND s.s_no BETWEEN $1 AND $2
                                 AND ss.starts_at + ss.duration_minutes * interval '1 minute' < now()
                                 AND (${rnd(NOTE_RND_KEY, 482)} < ${num(share)}
                                      OR pn.p_no = ${int(this.busiest)})
                               ORDER BY s.s_no, pn.p_no
                              OFFSET 0) n
                       ORDER BY n.s_no, n.p_no
                      OFFSET 0) m
               ORDER BY m.s_no, m.p_no
              OFFSET 0) n
       ORDER BY n.s_no, n.p_no`;
    const rowsWritten = await this.chunked(
      this.plan.sessions,
      (lo, hi) => this.run(insert, [lo, hi]),
      tick,
      NOTE_CHUNK,
    );
    this.counts.notes = rowsWritten;
    return rowsWritten;
  }

  /**
   * Outcome measures (SPEC §9) on the schedule of each person's team: the
   * baseline 30 days after enrolment, then every 90 days while they are
   * with the programme; each taken with the chance that makes about
   * `measurements` in all. BARC-10 for everyone; PHQ-9 and GAD-7 in the teams
   * that use them, for the people who came for depression or anxiety and
   * about one in seven of the others. Each person's scores follow a trajectory (most
   * improve, some stay flat, a few get worse); answers are drawn per item and
   * the score and band computed from them as the server does. A PHQ-9 with
   * item 9 above 0 raises a safety alert: resolved, except a few recent ones
   * (the latest of all always stays open).
   */
  async measures(tick: (f: number) => void): Promise<number> {
    const interval = DEFAULT_MEASURE_INTERVAL_DAYS;
    const codes = INSTRUMENT_KEYS.map((k, i) => `WHEN ${lit(k)} THEN ${i + 1}`).join(' ');
    await this.run(
      `CREATE TEMP TABLE tmp_mi ON COMMIT DROP AS
       SELECT y.*, greatest(0, ceil(-y.start / ${interval}.0)::int) AS kmin,
              floor((y.end_day - y.start)::float8 / ${interval})::int AS kmax
         FROM (SELECT e.p_no, e.id AS participant_id, e.team_no, e.home, e.status, e.end_day,
                      e.enrolled_day + ${BASELINE_DUE_DAYS} AS start, i.instrument,
                      CASE i.instrument ${codes} END AS code
                 FROM tmp_elig e
                 JOIN tmp_team t ON t.team_no = e.team_no
                 JOIN participant p ON p.id = e.id
                 CROSS JOIN LATERAL unnest(t.instruments) i(instrument)
                WHERE i.instrument = 'barc10'
                   OR (i.instrument = 'phq9' AND ('depression' = ANY(p.focus_areas) OR ${rnd('e.p_no', 501)} < 0.15))
                   OR (i.instrument = 'gad7' AND ('anxiety' = ANY(p.focus_areas) OR ${rnd('e.p_no', 502)} < 0.15))) y
        WHERE y.end_day >= y.start`,
    );
    const { rows } = await this.db.query<{ slots: string }>(
      `SELECT coalesce(sum(greatest(kmax - kmin + 1, 0)), 0) AS slots FROM tmp_mi`,
    );
    const slots = Number(rows[0].slots);
    const take = slots > 0 ? Math.min(1, this.plan.measurements / slots) : 0;

    // The latent level per item at time point k; answers scatter around it.
    const mk = 'x.mkey';
    const level = `CASE w.instrument
        WHEN 'barc10' THEN 2.6 + 1.6 * ${rnd('w.pkey', 510)}
                         + (w.k - w.kmin) * CASE w.trend WHEN 'up' THEN 0.2 + 0.25 * ${rnd('w.pkey', 511)}
                                                         WHEN 'down' THEN -0.15 - 0.2 * ${rnd('w.pkey', 511)} ELSE 0 END
        ELSE 0.5 + 1.5 * ${rnd('w.pkey', 510)}
             + (w.k - w.kmin) * CASE w.trend WHEN 'up' THEN -0.12 - 0.15 * ${rnd('w.pkey', 511)}
                                             WHEN 'down' THEN 0.1 + 0.12 * ${rnd('w.pkey', 511)} ELSE 0 END END`;
    const itemCount = `CASE x.instrument ${INSTRUMENT_KEYS.map((k) => `WHEN ${lit(k)} THEN ${INSTRUMENTS[k].items.length}`).join(' ')} END`;
    const lo = `CASE WHEN x.instrument = 'barc10' THEN 1 ELSE 0 END`;
    const hi = `CASE WHEN x.instrument = 'barc10' THEN 6 ELSE 3 END`;
    const answer = `CASE WHEN x.instrument = 'phq9' AND g.i = 9
                         THEN CASE WHEN ${rnd(mk, 513)} < 0.03 THEN 1 + (${rnd(mk, 514)} < 0.25)::int ELSE 0 END
                         ELSE least(${hi}, greatest(${lo}, round(x.level + (${rnd(`${mk} * 16 + g.i`, 512)} - 0.5) * 1.8)))
                    END`;
    await this.run(
      `CREATE TEMP TABLE tmp_m ON COMMIT DROP AS
       SELECT x.mkey, x.p_no, x.participant_id, x.team_no, x.home, x.instrument, x.day, x.at_discharge,
              ARRAY(SELECT (${answer})::smallint FROM generate_series(1, ${itemCount}) g(i) ORDER BY g.i) AS answers
         FROM (SELECT w.*, ${level} AS level
                 FROM (SELECT v.*, v.p_no::bigint * 1024 + v.code * 128 + v.k AS mkey,
                              v.p_no::bigint * 8 + v.code AS pkey,
                              CASE WHEN ${rnd('v.p_no::bigint * 8 + v.code', 515)} < 0.6 THEN 'up'
                                   WHEN ${rnd('v.p_no::bigint * 8 + v.code', 515)} < 0.85 THEN 'flat'
                                   ELSE 'down' END AS trend,
                              CASE WHEN v.last_one THEN v.end_day
                                   ELSE least(v.end_day, ${int(this.plan.days - 1)},
                                              greatest(0, v.start + v.k * ${interval} - 5
                                                          + floor(${rnd('v.p_no::bigint * 1024 + v.code * 128 + v.k', 516)} * 21)::int)) END AS day,
                              v.last_one AS at_discharge
                         FROM (SELECT mi.*, k.k,
                                      mi.status = 'discharged' AND k.k = mi.kmax
                                        AND ${rnd('mi.p_no::bigint * 8 + mi.code', 517)} < 0.5 AS last_one
                                 FROM tmp_mi mi
                                 CROSS JOIN LATERAL generate_series(mi.kmin, mi.kmax) k(k)
                                WHERE ${rnd('mi.p_no::bigint * 1024 + mi.code * 128 + k.k', 518)} < ${num(take)}) v) w) x`,
    );
    // The latest PHQ-9 of all has item 9 above 0, so there is always an open alert to see.
    await this.run(
      `UPDATE tmp_m SET answers[9] = greatest(answers[9], 1)
        WHERE mkey = (SELECT mkey FROM tmp_m WHERE instrument = 'phq9' AND ${rnd('mkey', 524)} >= 0.01
                       ORDER BY day DESC, mkey LIMIT 1)`,
    );
    await this.run(`ANALYZE tmp_m`);
    tick(0.4);

    const band = `CASE m.instrument ${INSTRUMENT_KEYS.map(
      (k) =>
        `WHEN ${lit(k)} THEN CASE ${INSTRUMENTS[k].bands
          .map((b) => `WHEN m.score BETWEEN ${b.min} AND ${b.max} THEN ${lit(b.key)}`)
          .join(' ')} END`,
    ).join(' ')} END`;
    const mr = (salt: number) => rnd('m.mkey', salt);
    const measurements = await this.run(
      `INSERT INTO measurement (id, created_at, updated_at, team_id, participant_id, instrument, taken_on,
                                answers, score, band, at_discharge, self_entered, administered_by_id,
                                voided_at, voided_by_id, void_reason, baseline_score, next_taken_on)
       SELECT pg_temp.uid(${UID_RECORDS.measurement}, m.mkey), m.created,
              CASE WHEN m.voided THEN least(now(), m.created + interval '1 day') ELSE m.created END,
              t.id, m.participant_id, m.instrument, ${this.date('m.day')}, m.answers, m.score, ${band},
              m.at_discharge, ${mr(521)} < 0.4, m.worker_id,
              CASE WHEN m.voided THEN least(now(), m.created + interval '1 day') END,
              CASE WHEN m.voided THEN m.worker_id END,
              CASE WHEN m.voided THEN ${oneOf(VOID_REASONS, mr(522))} END,
              -- Each live measure's place in its course, as the OutcomeMonthRollups triggers keep it, so
              -- that the roll-up rebuild finds every course already right and rewrites no row.
              CASE WHEN NOT m.voided AND row_number() OVER course > 1 THEN first_value(m.score) OVER course END,
              CASE WHEN NOT m.voided THEN ${this.date('lead(m.day) OVER course')} END
         FROM (SELECT tm.*, (SELECT sum(a)::int FROM unnest(tm.answers) a) AS score,
                      least(now(), ${this.at('tm.day', `9 + ${rnd('tm.mkey', 523)} * 8`)}) AS created,
                      ${rnd('tm.mkey', 524)} < 0.01 AS voided,
                      ${this.workerOn('tm.day')} AS worker_id
                 FROM tmp_m tm
                 JOIN tmp_team t0 ON t0.team_no = tm.team_no
                 JOIN tmp_staff hs ON hs.staff_no = tm.home
                 JOIN tmp_staff sup ON sup.staff_no = t0.sup_staff_no) m
         JOIN tmp_team t ON t.team_no = m.team_no
       WINDOW course AS (PARTITION BY m.participant_id, m.instrument, m.voided
                         ORDER BY m.day, m.created, pg_temp.uid(${UID_RECORDS.measurement}, m.mkey))
        ORDER BY m.day, m.mkey`,
    );
    tick(0.8);
    const last = int(this.plan.days - 1);
    const { rows: alertRows } = await this.db.query<{ alerts: number; open: number }>(
      `WITH a AS (
         INSERT INTO safety_alert (id, created_at, updated_at, team_id, participant_id, measurement_id, kind,
                                   raised_at, resolved_at, resolved_by_id, resolution)
         SELECT pg_temp.uid(${UID_RECORDS.alert}, x.mkey), x.created_at,
                coalesce(x.resolved, x.created_at), x.team_id, x.participant_id, x.id, 'phq9_item9',
                x.created_at, x.resolved, CASE WHEN x.resolved IS NOT NULL THEN x.sup_id END,
                CASE WHEN x.resolved IS NOT NULL THEN ${oneOf(ALERT_RESOLUTIONS, rnd('x.mkey', 531))} END
           FROM (SELECT m.*, tm.mkey, sup.id AS sup_id,
                        CASE WHEN tm.mkey = (SELECT mkey FROM tmp_m WHERE instrument = 'phq9' AND ${rnd('mkey', 524)} >= 0.01
                                                 ORDER BY day DESC, mkey LIMIT 1)
                                  OR (tm.day >= ${last} - 21 AND ${rnd('tm.mkey', 532)} < 0.6) THEN NULL
                             ELSE least(now(), m.created_at + (1 + ${rnd('tm.mkey', 533)} * 47) * interval '1 hour') END AS resolved
                   FROM tmp_m tm
                   JOIN measurement m ON m.id = pg_temp.uid(${UID_RECORDS.measurement}, tm.mkey)
                   JOIN tmp_team t ON t.team_no = tm.team_no
                   JOIN tmp_staff sup ON sup.staff_no = t.sup_staff_no
                  WHERE tm.instrument = 'phq9' AND tm.answers[9] > 0 AND m.voided_at IS NULL) x
          ORDER BY x.created_at
         RETURNING resolved_at)
       SELECT count(*)::int AS alerts, count(*) FILTER (WHERE resolved_at IS NULL)::int AS open FROM a`,
    );
    this.counts.measurements = measurements;
    this.counts.alerts = alertRows[0].alerts;
    this.counts.openAlerts = alertRows[0].open;
    return measurements + alertRows[0].alerts;
  }

  /**
   * Work outside sessions (SPEC §11): each worker's weeks from the start of
   * the history to the day they left, a few entries on weekdays, each slot
   * taken with the chance that makes about `timeEntries` in all. Kinds from
   * TIME_ENTRY_KINDS by weight, 15 to 240 minutes (mostly 30 to 60), a short
   * note on some; the entry carries the worker's team.
   */
  async timeEntries(tick: (f: number) => void): Promise<number> {
    const last = this.plan.days - 1;
    const { rows } = await this.db.query<{ slots: string }>(
      `SELECT coalesce(sum(coalesce(left_day, ${int(last)}) + 1), 0) AS slots
         FROM tmp_staff WHERE role = 'worker'`,
    );
    // Five of seven days are weekdays: slots on a weekend are dropped below.
    const slots = (Number(rows[0].slots) * 5 * TIME_SLOTS_PER_DAY) / 7;
    const take = slots > 0 ? Math.min(1, this.plan.timeEntries / slots) : 0;
    const key = `(x.staff_no::bigint * 8192 + x.day) * 8 + x.k`;
    const r = (salt: number) => rnd('e.key', salt);
    const notes = `CASE e.kind ${Object.entries(TIME_ENTRY_NOTES)
      .map(([k, list]) => `WHEN ${lit(k)} THEN ${oneOf(list, r(603))}`)
      .join(' ')} END`;
    const created = `least(now(), ${this.at('e.day', `15 + ${r(605)} * 3`)})`;
    const n = await this.run(
      `INSERT INTO time_entry (id, created_at, updated_at, team_id, worker_id, worked_on, minutes, kind, note,
                               version)
       SELECT pg_temp.uid(${UID_DAY.timeEntry}, e.key), ${created}, ${created}, e.team_id, e.worker_id,
              ${this.date('e.day')}, ${weightedNumber(TIME_ENTRY_MINUTES, r(602))}, e.kind,
              CASE WHEN ${r(604)} < 0.4 THEN ${notes} END, 1
         FROM (SELECT x.*, ${key} AS key,
                      ${weighted(TIME_ENTRY_KIND_WEIGHTS, rnd(key, 601))} AS kind
                 FROM (SELECT st.staff_no, st.id AS worker_id, t.id AS team_id, d.day, k.k
                         FROM tmp_staff st
                         JOIN tmp_team t USING (team_no)
                         CROSS JOIN LATERAL generate_series(0, coalesce(st.left_day, ${int(last)})) d(day)
                         CROSS JOIN generate_series(1, ${TIME_SLOTS_PER_DAY}) k(k)
                        WHERE st.role = 'worker'
                          AND extract(isodow FROM ${this.date('d.day')}) < 6) x
                WHERE ${rnd(key, 600)} < ${num(take)}
               OFFSET 0) e
        ORDER BY e.day, e.key`,
    );
    tick(1);
    this.counts.timeEntries = n;
    return n;
  }

  /**
   * Supervision (SPEC §11): each worker meets their team's supervisor every
   * two to four weeks (their own rhythm), on a weekday, while they work here;
   * each meeting kept with the chance that makes about `supervisions` in all.
   * Mostly one to one, some in a group; 30 to 90 minutes; topics and most
   * often an action or two, in plain words.
   */
  async supervisions(tick: (f: number) => void): Promise<number> {
    const last = this.plan.days - 1;
    await this.run(
      `CREATE TEMP TABLE tmp_sv ON COMMIT DROP AS
       SELECT st.staff_no, st.id AS worker_id, t.id AS team_id, sup.id AS supervisor_id,
              coalesce(st.left_day, ${int(last)}) AS end_day,
              14 + (st.staff_no * 5) % 15 AS every, st.staff_no % (14 + (st.staff_no * 5) % 15) AS phase
         FROM tmp_staff st
         JOIN tmp_team t USING (team_no)
         JOIN tmp_staff sup ON sup.staff_no = t.sup_staff_no
        WHERE st.role = 'worker'`,
    );
    const { rows } = await this.db.query<{ slots: string }>(
      `SELECT coalesce(sum(greatest(0, (end_day - phase) / every + 1)), 0) AS slots FROM tmp_sv`,
    );
    const slots = Number(rows[0].slots);
    const take = slots > 0 ? Math.min(1, this.plan.supervisions / slots) : 0;
    const r = (salt: number) => rnd('v.key', salt);
    const topic = (salt: number) => oneOf(SUPERVISION_TOPICS, r(salt));
    const action = (salt: number) => oneOf(SUPERVISION_ACTIONS, r(salt));
    const created = `least(now(), ${this.at('v.day', `10 + ${r(705)} * 6`)})`;
    const n = await this.run(
      `INSERT INTO supervision (id, created_at, updated_at, team_id, worker_id, supervisor_id, held_on, minutes,
                                format, topics, action_items, version)
       SELECT pg_temp.uid(${UID_DAY.supervision}, v.key), ${created}, ${created}, v.team_id, v.worker_id,
              v.supervisor_id, ${this.date('v.day')}, ${weightedNumber(SUPERVISION_MINUTES, r(701))},
              CASE WHEN ${r(702)} < 0.8 THEN 'individual' ELSE 'group' END,
              CASE WHEN ${r(703)} < 0.9
                   THEN ${topic(710)} || CASE WHEN ${r(711)} < 0.4 THEN '. ' || ${topic(712)} ELSE '' END || '.' END,
              CASE WHEN ${r(704)} < 0.7
                   THEN ${action(720)} || CASE WHEN ${r(721)} < 0.3 THEN '. ' || ${action(722)} ELSE '' END || '.' END,
              1
         FROM (SELECT y.*, greatest(0, least(y.end_day,
                        y.d0 - greatest(0, extract(isodow FROM ${this.date('y.d0')})::int - 5))) AS day
                 FROM (SELECT sv.*, sv.staff_no::bigint * 4096 + k.k AS key,
                              sv.phase + k.k * sv.every - 2
                                + floor(${rnd('sv.staff_no::bigint * 4096 + k.k', 700)} * 5)::int AS d0
                         FROM tmp_sv sv
                         CROSS JOIN LATERAL generate_series(0, (sv.end_day - sv.phase) / sv.every) k(k)
                        WHERE ${rnd('sv.staff_no::bigint * 4096 + k.k', 706)} < ${num(take)}) y
               OFFSET 0) v
        ORDER BY v.day, v.key`,
    );
    tick(1);
    this.counts.supervisions = n;
    return n;
  }

  /**
   * Consents to share (SPEC §10): most people have one with a care provider
   * (signed at enrolment, renewed within the year for those still with us),
   * many a second or third with someone else; each slot kept with the chance
   * that makes about `consents` in all. A year or six months long, or until
   * an event (which has happened for some); one in twenty-five revoked. The
   * worker of the day records them; the team is the person's.
   */
  async consents(tick: (f: number) => void): Promise<number> {
    const last = this.plan.days - 1;
    const base = [0.85, 0.45, 0.15];
    const factor = this.eligible > 0 ? this.plan.consents / (this.eligible * 1.45) : 0;
    const chance = `CASE k.k ${base.map((b, i) => `WHEN ${i + 1} THEN ${num(Math.min(1, b * factor))}`).join(' ')} END`;
    const tpl = CONSENT_TEMPLATES;
    const pick = (f: (t: (typeof tpl)[number]) => string) =>
      `CASE c.tpl ${tpl.map((t, i) => `WHEN ${i} THEN ${f(t)}`).join(' ')} END`;
    const r = (salt: number) => rnd('c.key', salt);
    await this.run(
      `CREATE TEMP TABLE tmp_c ON COMMIT DROP AS
       SELECT c.*, pg_temp.uid(${UID_DAY.consent}, c.key) AS id,
              ${pick((t) => lit(t.recipient))} AS recipient,
              ${pick((t) => lit(t.purpose))} AS purpose,
              ${pick((t) => textArray(t.information))} AS information,
              ${pick((t) => String(Boolean(t.part2)))} AS part2,
              ${pick((t) => (t.event ? lit(t.event) : 'NULL'))}::text AS event,
              CASE WHEN ${pick((t) => String(Boolean(t.event)))} THEN NULL
                   WHEN ${r(803)} < 0.2 THEN c.signed + 182 ELSE c.signed + 365 END AS expires
         FROM (SELECT b.*,
                      CASE WHEN b.k = 1 AND b.status = 'active' AND ${rnd('b.key', 801)} < 0.85
                           THEN greatest(b.start, ${int(last)} - floor(${rnd('b.key', 802)} * 330)::int)
                           WHEN b.k = 1 THEN b.start + floor(${rnd('b.key', 802)} * least(60, b.end_day - b.start + 1))::int
                           ELSE b.start + floor(${rnd('b.key', 802)} * (b.end_day - b.start + 1))::int END AS signed
                 FROM (SELECT e.p_no, e.id AS participant_id, e.team_no, e.home, e.status, e.end_day,
                              greatest(e.enrolled_day, 0) AS start, k.k, e.p_no::bigint * 4 + k.k AS key,
                              CASE WHEN k.k = 1 THEN floor(${rnd('e.p_no::bigint * 4 + k.k', 800)} * ${CARE_PROVIDER_TEMPLATES})::int
                                   ELSE floor(${rnd('e.p_no::bigint * 4 + k.k', 800)} * ${tpl.length})::int END AS tpl
                         FROM tmp_elig e
                         CROSS JOIN generate_series(1, 3) k(k)
                        WHERE ${rnd('e.p_no::bigint * 4 + k.k', 799)} < ${chance}) b) c`,
    );
    // Some expiry events have happened; a few consents were revoked before they ended.
    await this.run(`ALTER TABLE tmp_c ADD event_day int, ADD revoked_day int`);
    await this.run(
      `UPDATE tmp_c c SET event_day = CASE WHEN c.event IS NOT NULL AND ${r(804)} < 0.3
                                             AND c.signed + 30 + floor(${r(805)} * 300)::int <= ${int(last)}
                                            THEN c.signed + 30 + floor(${r(805)} * 300)::int END`,
    );
    await this.run(
      `UPDATE tmp_c c SET revoked_day = c.signed + floor(${r(807)} * (least(${int(last)}, c.expires, c.event_day - 1) - c.signed + 1))::int
        WHERE ${r(806)} < 0.04 AND least(${int(last)}, c.expires, c.event_day - 1) >= c.signed`,
    );
    await this.run(`ANALYZE tmp_c`);
    const created = `least(now(), ${this.at('c.signed', `9 + ${r(808)} * 8`)})`;
    const n = await this.run(
      `INSERT INTO consent (id, created_at, updated_at, team_id, participant_id, recipient, purpose, information, part2,
                            signed_on, expires_on, expires_on_event, event_occurred_on, revoked_on, revoked_by_id,
                            recorded_by_id, version)
       SELECT c.id, ${created},
              greatest(${created}, least(now(), ${this.at('greatest(c.event_day, c.revoked_day)', '12')})),
              t.id, c.participant_id, c.recipient, c.purpose, c.information, c.part2,
              ${this.date('c.signed')},
              CASE WHEN c.expires IS NOT NULL THEN ${this.date('c.expires')} END, c.event,
              CASE WHEN c.event_day IS NOT NULL THEN ${this.date('c.event_day')} END,
              CASE WHEN c.revoked_day IS NOT NULL THEN ${this.date('c.revoked_day')} END,
              CASE WHEN c.revoked_day IS NOT NULL THEN ${this.workerOn('c.revoked_day')} END,
              ${this.workerOn('c.signed')},
              1 + (c.event_day IS NOT NULL)::int + (c.revoked_day IS NOT NULL)::int
         FROM tmp_c c
         JOIN tmp_team t ON t.team_no = c.team_no
         JOIN tmp_staff hs ON hs.staff_no = c.home
         JOIN tmp_staff sup ON sup.staff_no = t.sup_staff_no
        ORDER BY c.signed, c.key`,
    );
    tick(1);
    this.counts.consents = n;
    return n;
  }

  /**
   * Disclosures (SPEC §10): up to three under a consent, on days it was in
   * force, of what it covers (all of it or all but the last kind), by the
   * worker of the day; each kept with the chance that makes about
   * `disclosures` in all. A handful more in an emergency, with the reason.
   */
  async disclosures(tick: (f: number) => void): Promise<number> {
    const last = this.plan.days - 1;
    // The last day a consent is in force: its expiry day, the day before its event or its revocation.
    const until = `least(${int(last)}, c.expires, c.event_day - 1, c.revoked_day - 1)`;
    const { rows } = await this.db.query<{ slots: string }>(
      `SELECT (count(*) * 3)::bigint AS slots FROM tmp_c c WHERE ${until} > c.signed`,
    );
    const slots = Number(rows[0].slots);
    const emergencies = Math.max(1, Math.round(this.plan.disclosures * 0.003));
    const take = slots > 0 ? Math.min(1, (this.plan.disclosures - emergencies) / slots) : 0;
    const r = (salt: number) => rnd('d.key', salt);
    const created = `least(now(), ${this.at('d.day', `9 + ${r(903)} * 8`)})`;
    const n = await this.run(
      `INSERT INTO disclosure (id, created_at, updated_at, team_id, participant_id, recipient, information,
                               disclosed_on, method, consent_id, emergency, reason, purpose, by_id)
       SELECT pg_temp.uid2(${UID_DAY.disclosure}, d.key, d.j), ${created}, ${created}, t.id, d.participant_id,
              d.recipient,
              d.information[1:greatest(1, cardinality(d.information) - (${r(901)} < 0.5)::int)],
              ${this.date('d.day')}, ${weighted(DISCLOSURE_METHOD_WEIGHTS, r(902))}, d.id, false, NULL,
              d.purpose, ${this.workerOn('d.day')}
         FROM (SELECT c.*, j.j, c.key * 4 + j.j AS dkey,
                      c.signed + 1 + floor(${rnd('c.key * 4 + j.j', 905)} * (${until} - c.signed))::int AS day
                 FROM tmp_c c
                 CROSS JOIN generate_series(1, 3) j(j)
                WHERE ${until} > c.signed AND ${rnd('c.key * 4 + j.j', 904)} < ${num(take)}) d
         JOIN tmp_team t ON t.team_no = d.team_no
         JOIN tmp_staff hs ON hs.staff_no = d.home
         JOIN tmp_staff sup ON sup.staff_no = t.sup_staff_no
        ORDER BY d.day, d.dkey`,
    );
    tick(0.8);
    const reason = oneOf(EMERGENCY_REASONS, rnd('g.g', 912));
    const emergency = await this.run(
      `INSERT INTO disclosure (id, created_at, updated_at, team_id, participant_id, recipient, information,
                               disclosed_on, method, consent_id, emergency, reason, purpose, by_id)
       SELECT pg_temp.uid2(${UID_DAY.disclosure}, 0, d.g), ${created}, ${created}, t.id, d.id,
              ${oneOf(EMERGENCY_RECIPIENTS, rnd('d.g', 911))}, ARRAY['contact_details']::text[],
              ${this.date('d.day')}, 'phone', NULL, true, d.reason, d.reason, ${this.workerOn('d.day')}
         FROM (SELECT e.*, g.g, g.g AS key, ${reason} AS reason,
                      greatest(e.enrolled_day, 0)
                        + floor(${rnd('g.g', 913)} * (e.end_day - greatest(e.enrolled_day, 0) + 1))::int AS day
                 FROM generate_series(1, ${int(emergencies)}) g(g)
                 JOIN tmp_elig e ON e.e_no = floor(${rnd('g.g', 910)} * ${int(this.eligible)})::int) d
         JOIN tmp_team t ON t.team_no = d.team_no
         JOIN tmp_staff hs ON hs.staff_no = d.home
         JOIN tmp_staff sup ON sup.staff_no = t.sup_staff_no
        ORDER BY d.day, d.g`,
    );
    tick(1);
    this.counts.disclosures = n + emergency;
    this.counts.emergencyDisclosures = emergency;
    return n + emergency;
  }

  /**
   * Runs `step` over 1…total in chunks, reporting progress after each. Chunks
   * grow with the organisation: every chunk's statement reads the lookup tables
   * whole (the people by team and day, and for notes the sessions and their
   * attendance, whose indexes are dropped during the load), so a fixed chunk
   * size would read them ten times as often at ten times the size, and the
   * seed would grow with the square of the data.
   */
  private async chunked(
    total: number,
    step: (lo: number, hi: number) => Promise<number>,
    tick: (f: number) => void,
    chunk = CHUNK,
  ): Promise<number> {
    const growth = Math.max(
      1,
      this.plan.sessions / DEFAULT_COUNTS.sessions,
      this.plan.participants / DEFAULT_COUNTS.participants,
    );
    const size = Math.ceil(chunk * growth);
    let rows = 0;
    for (let lo = 1; lo <= total; lo += size) {
      const hi = Math.min(total, lo + size - 1);
      rows += await step(lo, hi);
      tick(hi / total);
    }
    return rows;
  }
}
