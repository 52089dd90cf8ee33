import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { TEST_PASSWORD, login, type Reply, type SeededUser, type TestApp } from '../harness';
import { versionOf, type Organisation, type TeamRecords } from './organisation';
import { todayIn } from '@peerpath/shared';

/**
 * Who calls. The record every request aims at belongs to team A, so:
 * `workerA`/`supervisorA` are of the record's team, `workerB`/`supervisorB`
 * of another team, and `admin` sees every team.
 */
export const ACTORS = [
  'anonymous',
  'workerA',
  'workerB',
  'supervisorA',
  'supervisorB',
  'admin',
] as const;
export type Actor = (typeof ACTORS)[number];

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface MatrixContext {
  t: TestApp;
  org: Organisation;
  user(actor: Actor): SeededUser | undefined;
}

export interface Probe {
  url: string;
  body?: unknown;
  /** A raw body (a multipart upload), sent with `headers`. */
  payload?: Buffer;
  headers?: Record<string, string>;
  /** Replaces the actor's usual token (logout ends the session it is sent with). */
  token?: string;
}

export interface RouteRow {
  method: Method;
  /** The path exactly as Fastify registered it. */
  path: string;
  /** Expected status for each actor, in the order of ACTORS. */
  expect: Record<Actor, number>;
  /** The request one actor sends; may first create a fresh target in team A. */
  probe(ctx: MatrixContext, actor: Actor): Probe | Promise<Probe>;
  /**
   * `team`: the answer is team data, so an allowed answer to a user of a team
   * must carry only that team's data. `public`: the answer is nobody's records
   * (health, API docs, the shared resource directory, sign-in).
   */
  data: 'team' | 'public';
  /** Of an allowed answer for a team's user: a string of that team's records it must contain. */
  shows?: (own: TeamRecords) => string;
  /** Further checks of an allowed answer; returns problems. */
  check?: (res: Reply, actor: Actor, ctx: MatrixContext) => string[];
}

/** `s(anonymous, workerA, workerB, supervisorA, supervisorB, admin)`: one line of the table. */
function s(...codes: [number, number, number, number, number, number]): Record<Actor, number> {
  return Object.fromEntries(ACTORS.map((a, i) => [a, codes[i]])) as Record<Actor, number>;
}
const all = (code: number) => s(code, code, code, code, code, code);

const tag = () => randomBytes(4).toString('hex');
/** Team A's record of each kind. */
const A = (ctx: MatrixContext) => ctx.org.a;
/** Admins name who did the work; everyone else is that person by default. */
const onBehalf = (ctx: MatrixContext, actor: Actor, field: string) =>
  actor === 'admin' ? { [field]: A(ctx).worker.id } : {};

/** A PHQ-9 of team A's participant, taken by team A's worker; with `alert`, item 9 above 0 and its open alert. */
async function freshMeasureOfA(
  ctx: MatrixContext,
  alert = false,
): Promise<{ measurementId: string; alertId?: string }> {
  const a = A(ctx);
  const { rows } = await ctx.t.db.query(
    `INSERT INTO measurement (team_id, participant_id, instrument, taken_on, answers, score, band, administered_by_id)
     VALUES ($1, $2, 'phq9', '2026-03-10', $3, $4, 'mild', $5) RETURNING id`,
    [
      a.team.id,
      a.participant.id,
      alert ? [1, 1, 1, 1, 1, 0, 0, 0, 1] : [1, 1, 1, 1, 1, 1, 0, 0, 0],
      6,
      a.worker.id,
    ],
  );
  if (!alert) return { measurementId: rows[0].id };
  const made = await ctx.t.db.query(
    `INSERT INTO safety_alert (team_id, participant_id, measurement_id, kind)
     VALUES ($1, $2, $3, 'phq9_item9') RETURNING id`,
    [a.team.id, a.participant.id, rows[0].id],
  );
  return { measurementId: rows[0].id, alertId: made.rows[0].id };
}

/** A consent of team A's participant, signed in 2026 and ending on an event, that nobody else uses. */
async function freshConsentOfA(ctx: MatrixContext): Promise<string> {
  const a = A(ctx);
  const { rows } = await ctx.t.db.query(
    `INSERT INTO consent (team_id, participant_id, recipient, purpose, information, part2, signed_on, expires_on_event, recorded_by_id)
     VALUES ($1, $2, 'Harbor Housing', 'Finding a flat', '{contact_details,plan}', false, '2026-01-05', 'When I have moved in', $3) RETURNING id`,
    [a.team.id, a.participant.id, a.worker.id],
  );
  return rows[0].id as string;
}

/** A multipart body holding one small PDF in the field `file`. */
function scanUpload(): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `peerpath${tag()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="signed.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from('%PDF-1.4\n% signed consent\n%%EOF\n'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A consent of team A with its signed copy kept. */
async function freshScannedConsentOfA(ctx: MatrixContext): Promise<string> {
  const id = await freshConsentOfA(ctx);
  const a = A(ctx);
  const content = Buffer.from('%PDF-1.4\n% signed\n%%EOF\n');
  await ctx.t.db.query(
    `INSERT INTO consent_scan (team_id, participant_id, consent_id, content_type, size_bytes, sha256, content, uploaded_by_id)
     VALUES ($1, $2, $3, 'application/pdf', $4, repeat('0', 64), $5, $6)`,
    [a.team.id, a.participant.id, id, content.length, content, a.worker.id],
  );
  return id;
}

/** A time entry of team A's worker, so each actor's request has its own target. */
async function freshTimeEntryOfA(ctx: MatrixContext): Promise<string> {
  const a = A(ctx);
  const { rows } = await ctx.t.db.query(
    `INSERT INTO time_entry (team_id, worker_id, worked_on, minutes, kind)
     VALUES ($1, $2, '2026-03-10', 30, 'travel') RETURNING id`,
    [a.team.id, a.worker.id],
  );
  return rows[0].id as string;
}

/** A recurring group of team A facilitated by its worker; with `member`, team A's participant belongs to it. */
async function freshGroupOfA(ctx: MatrixContext, member = false): Promise<string> {
  const a = A(ctx);
  const { rows } = await ctx.t.db.query(
    `INSERT INTO recurring_group (team_id, name, type, setting, weekday, start_time, duration_minutes, facilitator_ids)
     VALUES ($1, 'Tuesday Recovery Circle', 'support_group', 'community_center', 'tuesday', '18:00', 90, ARRAY[$2::uuid])
     RETURNING id`,
    [a.team.id, a.worker.id],
  );
  if (member) {
    await ctx.t.db.query(
      `INSERT INTO group_membership (group_id, participant_id, joined_on) VALUES ($1, $2, '2026-01-06')`,
      [rows[0].id, a.participant.id],
    );
  }
  return rows[0].id as string;
}

/** A supervision of team A's worker by team A's supervisor. */
async function freshSupervisionOfA(ctx: MatrixContext): Promise<string> {
  const a = A(ctx);
  const { rows } = await ctx.t.db.query(
    `INSERT INTO supervision (team_id, worker_id, supervisor_id, held_on, minutes, format)
     VALUES ($1, $2, $3, '2026-03-10', 60, 'individual') RETURNING id`,
    [a.team.id, a.worker.id, a.supervisor.id],
  );
  return rows[0].id as string;
}

/** A billing profile nobody else uses (SPEC §13). */
async function freshBillingProfile(ctx: MatrixContext): Promise<string> {
  const { rows } = await ctx.t.db.query(
    `INSERT INTO billing_profile (name, code, rounding) VALUES ($1, 'H0038', 'floor15') RETURNING id`,
    [`Payer ${tag()}`],
  );
  return rows[0].id as string;
}

let billingDay = 0;
/**
 * A day with one billable line of team A and no other: team A's participant,
 * covered, attends a one-to-one session with a signed note. Returns the day.
 */
async function freshBillableDayOfA(ctx: MatrixContext): Promise<string> {
  const a = A(ctx);
  billingDay += 1;
  const day = `2031-01-${String(billingDay).padStart(2, '0')}`;
  const profileId = await freshBillingProfile(ctx);
  await ctx.t.db.query(
    `UPDATE participant SET coverage_profile_id = $2, coverage_member_id = 'M-1' WHERE id = $1`,
    [a.participant.id, profileId],
  );
  const { rows } = await ctx.t.db.query(
    `INSERT INTO support_session (team_id, type, setting, starts_at, duration_minutes, facilitator_id)
     VALUES ($1, 'one_to_one_mentoring', 'clinic', $3::date + time '10:00', 60, $2) RETURNING id`,
    [a.team.id, a.worker.id, day],
  );
  await ctx.t.db.query(
    `INSERT INTO attendance (session_id, participant_id, status) VALUES ($1, $2, 'attended')`,
    [rows[0].id, a.participant.id],
  );
  await ctx.t.db.query(
    `INSERT INTO session_note (team_id, session_id, participant_id, format, sections, status, signed_at, signed_by_id)
     VALUES ($1, $2, $3, 'free', '{"text":"Talked it through"}', 'signed', now(), $4)`,
    [a.team.id, rows[0].id, a.participant.id, a.worker.id],
  );
  return day;
}

/** A billing batch of team A (empty), so each actor's request has its own target. */
async function freshBatchOfA(ctx: MatrixContext): Promise<string> {
  const a = A(ctx);
  const { rows } = await ctx.t.db.query(
    `INSERT INTO billing_batch (team_id, period_from, period_to, created_by_id)
     VALUES ($1, '2031-02-01', '2031-02-28', $2) RETURNING id`,
    [a.team.id, a.supervisor.id],
  );
  return rows[0].id as string;
}

/** A session of team A that nobody else uses, so each actor's DELETE has its own target. */
async function freshSessionOfA(ctx: MatrixContext): Promise<string> {
  const a = A(ctx);
  const { rows } = await ctx.t.db.query(
    `INSERT INTO support_session (team_id, type, setting, starts_at, duration_minutes, facilitator_id)
     VALUES ($1, 'one_to_one_mentoring', 'phone', '2026-03-10T16:00:00Z', 30, $2) RETURNING id`,
    [a.team.id, a.worker.id],
  );
  await ctx.t.db.query(
    `INSERT INTO attendance (session_id, participant_id, status) VALUES ($1, $2, 'attended')`,
    [rows[0].id, a.participant.id],
  );
  return rows[0].id as string;
}

/**
 * A plan of team A's participant made directly in the database, in the given
 * state, with one goal, so each actor's request has its own target. A draft is
 * based on the plan in use (if any), as one started now would be.
 */
async function freshPlanOfA(
  ctx: MatrixContext,
  status: 'draft' | 'active',
): Promise<{ id: string; goalId: string; version: number }> {
  const a = A(ctx);
  const db = ctx.t.db;
  const { rows: inUse } = await db.query(
    `SELECT id, version_no FROM recovery_plan WHERE participant_id = $1 AND status = 'active'`,
    [a.participant.id],
  );
  if (status === 'active' && inUse[0]) {
    await db.query(
      `UPDATE recovery_plan SET status = 'superseded', superseded_on = current_date WHERE id = $1`,
      [inUse[0].id],
    );
  }
  const { rows: n } = await db.query(
    `SELECT coalesce(max(version_no), 0) + 1 AS n FROM recovery_plan WHERE participant_id = $1`,
    [a.participant.id],
  );
  const { rows } = await db.query(
    `INSERT INTO recovery_plan (team_id, participant_id, version_no, status, strengths, wellness, created_by_id,
                                activated_on, participant_agreed_on, activated_by_id, review_due_on, based_on_plan_id)
     VALUES ($1, $2, $3, $4::varchar, 'I keep going when things are hard', '{}', $5,
             CASE WHEN $4::varchar = 'active' THEN current_date END, CASE WHEN $4::varchar = 'active' THEN current_date END,
             CASE WHEN $4::varchar = 'active' THEN $5::uuid END, CASE WHEN $4::varchar = 'active' THEN current_date + 90 END,
             $6)
     RETURNING id, version`,
    [
      a.team.id,
      a.participant.id,
      n[0].n,
      status,
      a.worker.id,
      status === 'draft' ? (inUse[0]?.id ?? null) : null,
    ],
  );
  const goalId = randomUUID();
  await db.query(
    `INSERT INTO recovery_plan_goal (plan_id, goal_id, team_id, participant_id, position, life_area, statement, steps)
     VALUES ($1, $2, $3, $4, 0, 'social', 'I want to join the walking group', '[]')`,
    [rows[0].id, goalId, a.team.id, a.participant.id],
  );
  return { id: rows[0].id, goalId, version: rows[0].version };
}

/** A note of team A on a fresh session of A, as a draft or signed (waiting for a co-signature). */
async function freshNoteOfA(ctx: MatrixContext, signed = false): Promise<string> {
  const a = A(ctx);
  const sessionId = await freshSessionOfA(ctx);
  const { rows } = await ctx.t.db.query(
    `INSERT INTO session_note (team_id, session_id, participant_id, format, sections, status,
                               signed_at, signed_by_id, cosign_required)
     VALUES ($1, $2, $3, 'free', '{"text": "Talked through the week ahead"}', $4,
             CASE WHEN $5 THEN now() END, CASE WHEN $5 THEN $6::uuid END, $5)
     RETURNING id`,
    [a.team.id, sessionId, a.participant.id, signed ? 'signed' : 'draft', signed, a.worker.id],
  );
  return rows[0].id as string;
}

const DOCS_PATHS = [
  '/api/docs',
  '/api/docs/',
  '/api/docs/swagger-ui-init.js',
  '/api/docs/docs/swagger-ui-init.js',
  '/api/docs/index.html',
  '/api/docs-json',
  '/api/docs-yaml',
];

/**
 * Every route of the app × every actor → the status the API must answer.
 * The authorization-matrix spec fails when the app has a route with no row
 * here, or a row names a route the app does not have.
 */
export const ROUTE_MATRIX: RouteRow[] = [
  // ── Public ────────────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/health',
    expect: all(200),
    data: 'public',
    probe: () => ({ url: '/api/health' }),
  },
  {
    method: 'GET',
    path: '/api/settings',
    expect: all(200),
    data: 'public',
    probe: () => ({ url: '/api/settings' }),
  },
  {
    // The secret address is the key: anyone holding it reads the counts (no names, no ids).
    method: 'GET',
    path: '/api/calendar/:file',
    expect: all(200),
    data: 'public',
    probe: async (ctx) => {
      const token = randomBytes(32).toString('base64url');
      await ctx.t.db.query(`UPDATE app_user SET calendar_token_hash = $1 WHERE id = $2`, [
        createHash('sha256').update(token).digest('hex'),
        A(ctx).worker.id,
      ]);
      return { url: `/api/calendar/${token}.ics` };
    },
  },
  {
    method: 'POST',
    path: '/api/users/me/calendar-token',
    expect: s(401, 200, 200, 200, 200, 403),
    data: 'public',
    probe: () => ({ url: '/api/users/me/calendar-token' }),
  },
  ...DOCS_PATHS.map((path): RouteRow => ({
    method: 'GET',
    path,
    expect: all(200),
    data: 'public',
    probe: () => ({ url: path }),
  })),
  {
    method: 'GET',
    path: '/api/docs/*',
    expect: all(200),
    data: 'public',
    probe: () => ({ url: '/api/docs/swagger-ui.css' }),
  },
  {
    // Swagger registers it, but swagger-ui-dist ships no LICENSE file.
    method: 'GET',
    path: '/api/docs/LICENSE',
    expect: all(404),
    data: 'public',
    probe: () => ({ url: '/api/docs/LICENSE' }),
  },
  {
    // CORS preflight, closed by default: no origin is allowed, so nothing answers it.
    method: 'OPTIONS',
    path: '/*',
    expect: all(404),
    data: 'public',
    probe: () => ({
      url: '/api/participants',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    }),
    check: (res) =>
      res.headers['access-control-allow-origin'] === undefined
        ? []
        : [`preflight allowed origin ${String(res.headers['access-control-allow-origin'])}`],
  },

  // ── Sign-in ───────────────────────────────────────────────────────────────
  {
    method: 'POST',
    path: '/api/auth/login',
    expect: all(200),
    data: 'public',
    probe: (ctx) => ({
      url: '/api/auth/login',
      body: { email: ctx.org.admin.email, password: TEST_PASSWORD },
    }),
  },
  {
    // Only the httpOnly refresh cookie refreshes; a bearer token is no substitute.
    method: 'POST',
    path: '/api/auth/refresh',
    expect: all(401),
    data: 'public',
    probe: () => ({ url: '/api/auth/refresh' }),
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    expect: all(204),
    data: 'public',
    probe: async (ctx, actor) => {
      const u = ctx.user(actor);
      return { url: '/api/auth/logout', token: u ? await login(ctx.t, u.email) : undefined };
    },
  },
  {
    // A wrong current password: refused for everyone, and nothing changes.
    method: 'POST',
    path: '/api/auth/password',
    expect: s(401, 400, 400, 400, 400, 400),
    data: 'public',
    probe: () => ({
      url: '/api/auth/password',
      body: { currentPassword: 'not-the-current-one', newPassword: 'a-new-long-password-42' },
    }),
  },
  {
    method: 'GET',
    path: '/api/auth/me',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/auth/me' }),
    check: (res, actor, ctx) =>
      res.body.id === ctx.user(actor)!.id ? [] : [`me answered ${String(res.body.id)}`],
  },

  // ── Users and teams (admin) ───────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/users',
    expect: s(401, 403, 403, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/users?pageSize=100' }),
    shows: (own) => own.worker.email,
  },
  {
    method: 'POST',
    path: '/api/users',
    expect: s(401, 403, 403, 403, 403, 201),
    data: 'team',
    probe: (ctx) => ({
      url: '/api/users',
      body: {
        email: `new.${tag()}@test.example`,
        displayName: 'Newly Hired Worker',
        role: 'worker',
        teamId: A(ctx).team.id,
        password: `lantern-orchard-${tag()}-quietly`,
      },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/users/:id',
    expect: s(401, 403, 403, 403, 403, 200),
    data: 'team',
    probe: (ctx) => ({
      url: `/api/users/${A(ctx).spareWorker.id}`,
      body: { displayName: `Renamed Worker ${tag()}` },
    }),
  },
  {
    method: 'GET',
    path: '/api/teams',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/teams' }),
    shows: (own) => own.team.name,
  },
  {
    method: 'POST',
    path: '/api/teams',
    expect: s(401, 403, 403, 403, 403, 201),
    data: 'public',
    probe: () => ({ url: '/api/teams', body: { name: `Eastgate Outreach ${tag()}` } }),
  },
  {
    method: 'PATCH',
    path: '/api/teams/:id',
    expect: s(401, 403, 403, 403, 403, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/teams/${A(ctx).team.id}`, body: { noteFormat: 'free' } }),
  },

  // ── Resource directory (shared; admin writes) ─────────────────────────────
  {
    method: 'GET',
    path: '/api/resources',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'public',
    probe: () => ({ url: '/api/resources' }),
  },
  {
    method: 'GET',
    path: '/api/resources/:id',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'public',
    probe: (ctx) => ({ url: `/api/resources/${ctx.org.resource.id}` }),
  },
  {
    method: 'POST',
    path: '/api/resources',
    expect: s(401, 403, 403, 403, 403, 201),
    data: 'public',
    probe: () => ({
      url: '/api/resources',
      body: { name: `Crisis line ${tag()}`, category: 'crisis' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/resources/:id',
    expect: s(401, 403, 403, 403, 403, 200),
    data: 'public',
    probe: (ctx) => ({
      url: `/api/resources/${ctx.org.resource.id}`,
      body: { description: `Free groceries, no ID needed (${tag()})` },
    }),
  },
  {
    method: 'POST',
    path: '/api/resources/:id/verify',
    expect: s(401, 403, 403, 403, 403, 200),
    data: 'public',
    probe: (ctx) => ({ url: `/api/resources/${ctx.org.resource.id}/verify` }),
  },
  {
    method: 'GET',
    path: '/api/resources/export',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'public',
    probe: () => ({ url: '/api/resources/export?format=hsds-json' }),
  },
  {
    method: 'POST',
    path: '/api/resources/import',
    expect: s(401, 403, 403, 403, 403, 200),
    data: 'public',
    probe: () => ({
      url: '/api/resources/import?dryRun=true',
      body: {
        organization: [{ id: `org-${tag()}`, name: 'Harbor Partners', description: 'Neighbours' }],
        service: [],
      },
    }),
  },

  // ── Participants ──────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/participants',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/participants?pageSize=100' }),
    shows: (own) => own.participant.lastName,
  },
  {
    method: 'POST',
    path: '/api/participants',
    expect: s(401, 201, 403, 201, 403, 201),
    data: 'team',
    probe: (ctx) => ({
      url: '/api/participants',
      body: { teamId: A(ctx).team.id, firstName: 'Rowan', lastName: `Newcomer ${tag()}` },
    }),
  },
  {
    method: 'GET',
    path: '/api/participants/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/participants/${A(ctx).participant.id}` }),
    shows: (own) => own.participant.email!,
  },
  {
    method: 'PATCH',
    path: '/api/participants/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/participants/${A(ctx).participant.id}`,
      body: {
        version: await versionOf(ctx.t, 'participant', A(ctx).participant.id),
        pronouns: 'she/they',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/participants/:id/timeline',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/participants/${A(ctx).participant.id}/timeline` }),
    shows: (own) => own.decisionNote.topic,
  },

  // ── Sessions ──────────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/sessions',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/sessions?pageSize=100' }),
    shows: (own) => own.session.id,
  },
  {
    method: 'POST',
    path: '/api/sessions',
    expect: s(401, 201, 403, 201, 403, 201),
    data: 'team',
    probe: (ctx, actor) => ({
      url: '/api/sessions',
      body: {
        teamId: A(ctx).team.id,
        ...onBehalf(ctx, actor, 'facilitatorId'),
        type: 'one_to_one_mentoring',
        setting: 'phone',
        startsAt: '2026-03-11T15:00:00Z',
        durationMinutes: 45,
        attendance: [{ participantId: A(ctx).participant.id, status: 'attended' }],
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/sessions/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/sessions/${A(ctx).session.id}` }),
    shows: (own) => own.session.notes!,
  },
  {
    method: 'PATCH',
    path: '/api/sessions/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/sessions/${A(ctx).session.id}`,
      body: {
        version: await versionOf(ctx.t, 'support_session', A(ctx).session.id),
        durationMinutes: 95,
      },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/sessions/:id',
    expect: s(401, 204, 404, 204, 404, 204),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/sessions/${await freshSessionOfA(ctx)}?reason=Logged%20twice`,
    }),
  },

  // ── Advocacy ──────────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/advocacy-actions',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/advocacy-actions?pageSize=100' }),
    shows: (own) => own.advocacy.title,
  },
  {
    method: 'POST',
    path: '/api/advocacy-actions',
    expect: s(401, 201, 404, 201, 404, 201),
    data: 'team',
    probe: (ctx, actor) => ({
      url: '/api/advocacy-actions',
      body: {
        ...onBehalf(ctx, actor, 'workerId'),
        participantId: A(ctx).participant.id,
        level: 'individual',
        category: 'benefits',
        title: 'Renew food assistance before it lapses',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/advocacy-actions/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/advocacy-actions/${A(ctx).advocacy.id}` }),
    shows: (own) => own.advocacy.description!,
  },
  {
    method: 'PATCH',
    path: '/api/advocacy-actions/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/advocacy-actions/${A(ctx).advocacy.id}`,
      body: {
        version: await versionOf(ctx.t, 'advocacy_action', A(ctx).advocacy.id),
        dueOn: '2026-04-30',
      },
    }),
  },

  // ── Handouts ──────────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/handouts',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/handouts?pageSize=100' }),
    shows: (own) => own.handout.note!,
  },
  {
    method: 'POST',
    path: '/api/handouts',
    expect: s(401, 201, 404, 201, 404, 201),
    data: 'team',
    probe: (ctx, actor) => ({
      url: '/api/handouts',
      body: {
        ...onBehalf(ctx, actor, 'workerId'),
        participantId: A(ctx).participant.id,
        resourceId: ctx.org.resource.id,
        method: 'printed',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/handouts/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/handouts/${A(ctx).handout.id}` }),
    shows: (own) => own.handout.note!,
  },
  {
    method: 'PATCH',
    path: '/api/handouts/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({
      url: `/api/handouts/${A(ctx).handout.id}`,
      body: { followUpOn: '2026-03-19' },
    }),
  },
  {
    method: 'POST',
    path: '/api/handouts/:id/status',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx, actor) => ({
      url: `/api/handouts/${A(ctx).handout.id}/status`,
      body: { status: 'contacted', note: `Called together (${actor})` },
    }),
  },

  // ── Decision notes ────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/decision-notes',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/decision-notes?pageSize=100' }),
    shows: (own) => own.decisionNote.topic,
  },
  {
    method: 'POST',
    path: '/api/decision-notes',
    expect: s(401, 201, 404, 201, 404, 201),
    data: 'team',
    probe: (ctx, actor) => ({
      url: '/api/decision-notes',
      body: {
        ...onBehalf(ctx, actor, 'workerId'),
        participantId: A(ctx).participant.id,
        topic: 'Which evening group to try first',
        options: [{ label: 'Tuesday group' }, { label: 'Thursday group' }],
        decidedBy: 'participant',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/decision-notes/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/decision-notes/${A(ctx).decisionNote.id}` }),
    shows: (own) => own.decisionNote.participantPriorities!,
  },
  {
    method: 'PATCH',
    path: '/api/decision-notes/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({
      url: `/api/decision-notes/${A(ctx).decisionNote.id}`,
      body: { followUpOn: '2026-03-27' },
    }),
  },

  // ── Recovery plans ────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/participants/:id/plans',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => {
      await freshPlanOfA(ctx, 'active');
      return { url: `/api/participants/${A(ctx).participant.id}/plans?pageSize=100` };
    },
  },
  {
    method: 'POST',
    path: '/api/participants/:id/plans',
    expect: s(401, 201, 404, 201, 404, 201),
    data: 'team',
    probe: (ctx) => ({
      url: `/api/participants/${A(ctx).participant.id}/plans`,
      body: { strengths: 'I make people laugh' },
    }),
  },
  {
    method: 'GET',
    path: '/api/plans/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/plans/${(await freshPlanOfA(ctx, 'draft')).id}` }),
  },
  {
    method: 'PATCH',
    path: '/api/plans/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => {
      const plan = await freshPlanOfA(ctx, 'draft');
      return {
        url: `/api/plans/${plan.id}`,
        body: { version: plan.version, whatMatters: 'My dog, Biscuit' },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/plans/:id',
    expect: s(401, 204, 404, 204, 404, 204),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/plans/${(await freshPlanOfA(ctx, 'draft')).id}` }),
  },
  {
    method: 'POST',
    path: '/api/plans/:id/activate',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => {
      await freshPlanOfA(ctx, 'active');
      const draft = await freshPlanOfA(ctx, 'draft');
      return {
        url: `/api/plans/${draft.id}/activate`,
        body: { participantAgreedOn: '2026-01-15' },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/plans/:id/review',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/plans/${(await freshPlanOfA(ctx, 'active')).id}/review`,
      body: { reviewedOn: todayIn('UTC') },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/plans/:id/goals/:goalId',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => {
      const plan = await freshPlanOfA(ctx, 'active');
      return {
        url: `/api/plans/${plan.id}/goals/${plan.goalId}`,
        body: { version: plan.version, status: 'achieved' },
      };
    },
  },

  // ── Session notes ─────────────────────────────────────────────────────────
  {
    method: 'POST',
    path: '/api/sessions/:id/notes',
    expect: s(401, 201, 404, 201, 404, 201),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/sessions/${await freshSessionOfA(ctx)}/notes`,
      body: {
        participantId: A(ctx).participant.id,
        format: 'free',
        sections: { text: 'Shared what helped this week' },
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/notes',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/notes?pageSize=100' }),
  },
  {
    method: 'GET',
    path: '/api/notes/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/notes/${await freshNoteOfA(ctx)}` }),
  },
  {
    method: 'PATCH',
    path: '/api/notes/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/notes/${await freshNoteOfA(ctx)}`,
      body: { version: 1, sections: { text: 'Talked through the week ahead and chose one step' } },
    }),
  },
  {
    method: 'POST',
    path: '/api/notes/:id/sign',
    expect: s(401, 200, 404, 403, 404, 403),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/notes/${await freshNoteOfA(ctx)}/sign`, body: {} }),
  },
  {
    method: 'POST',
    path: '/api/notes/:id/cosign',
    expect: s(401, 403, 404, 200, 404, 403),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/notes/${await freshNoteOfA(ctx, true)}/cosign` }),
  },
  {
    method: 'POST',
    path: '/api/notes/:id/return',
    expect: s(401, 403, 404, 200, 404, 403),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/notes/${await freshNoteOfA(ctx, true)}/return`,
      body: { comment: 'Please add what comes next' },
    }),
  },
  {
    method: 'POST',
    path: '/api/notes/:id/addenda',
    expect: s(401, 201, 404, 201, 404, 201),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/notes/${await freshNoteOfA(ctx, true)}/addenda`,
      body: { text: 'They called the next day to say it went well' },
    }),
  },

  // ── Outcome measures and safety alerts ────────────────────────────────────
  {
    method: 'GET',
    path: '/api/measurements',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/measurements?pageSize=100' }),
  },
  {
    method: 'POST',
    path: '/api/measurements',
    // Measures are taken by the team's workers and supervisors, not by admins.
    expect: s(401, 201, 404, 201, 404, 403),
    data: 'team',
    probe: (ctx) => ({
      url: '/api/measurements',
      body: {
        participantId: A(ctx).participant.id,
        instrument: 'gad7',
        answers: [1, 1, 0, 0, 1, 0, 0],
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/measurements/schedule',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/measurements/schedule?participantId=${A(ctx).participant.id}` }),
  },
  {
    method: 'GET',
    path: '/api/measurements/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/measurements/${(await freshMeasureOfA(ctx)).measurementId}`,
    }),
  },
  {
    method: 'POST',
    path: '/api/measurements/:id/void',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/measurements/${(await freshMeasureOfA(ctx)).measurementId}/void`,
      body: { reason: 'Entered twice' },
    }),
  },
  {
    method: 'GET',
    path: '/api/alerts',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/alerts?pageSize=100' }),
  },
  {
    method: 'POST',
    path: '/api/alerts/:id/resolve',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/alerts/${(await freshMeasureOfA(ctx, true)).alertId}/resolve`,
      body: { resolution: 'Called the same day; safety plan reviewed together.' },
    }),
  },
  // ── Consents to share and disclosures ─────────────────────────────────────
  {
    method: 'POST',
    path: '/api/participants/:id/consents',
    expect: s(401, 201, 404, 201, 404, 201),
    data: 'team',
    probe: (ctx) => ({
      url: `/api/participants/${A(ctx).participant.id}/consents`,
      body: {
        recipient: 'Riverside Clinic',
        purpose: 'Coordinating care',
        information: ['attendance'],
        part2: false,
        signedOn: '2026-02-01',
        expiresOn: '2027-02-01',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/participants/:id/consents',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/participants/${A(ctx).participant.id}/consents` }),
  },
  {
    method: 'GET',
    path: '/api/consents/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/consents/${await freshConsentOfA(ctx)}` }),
  },
  {
    method: 'PATCH',
    path: '/api/consents/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/consents/${await freshConsentOfA(ctx)}`,
      body: { version: 1, eventOccurredOn: '2026-03-01' },
    }),
  },
  {
    method: 'POST',
    path: '/api/consents/:id/revoke',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/consents/${await freshConsentOfA(ctx)}/revoke`,
      body: { revokedOn: '2026-02-01' },
    }),
  },
  {
    method: 'PUT',
    path: '/api/consents/:id/scan',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/consents/${await freshConsentOfA(ctx)}/scan`,
      ...scanUpload(),
    }),
  },
  {
    method: 'GET',
    path: '/api/consents/:id/scan',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/consents/${await freshScannedConsentOfA(ctx)}/scan` }),
  },
  {
    method: 'POST',
    path: '/api/participants/:id/disclosures',
    expect: s(401, 201, 404, 201, 404, 201),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/participants/${A(ctx).participant.id}/disclosures`,
      body: {
        recipient: 'harbor housing',
        information: ['plan'],
        disclosedOn: '2026-02-10',
        method: 'email',
        consentId: await freshConsentOfA(ctx),
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/supervisions',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/supervisions?pageSize=100' }),
  },
  {
    method: 'POST',
    path: '/api/supervisions',
    expect: s(401, 403, 403, 201, 201, 403),
    data: 'team',
    // Each actor names a worker of their own team (team B's supervisor, team B's worker).
    probe: (ctx, actor) => ({
      url: '/api/supervisions',
      body: {
        workerId: (actor.endsWith('B') ? ctx.org.b : A(ctx)).worker.id,
        minutes: 60,
        format: 'individual',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/supervisions/last',
    expect: s(401, 403, 403, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/supervisions/last?teamId=${A(ctx).team.id}` }),
  },
  {
    method: 'GET',
    path: '/api/supervisions/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/supervisions/${await freshSupervisionOfA(ctx)}` }),
  },
  {
    method: 'PATCH',
    path: '/api/supervisions/:id',
    expect: s(401, 403, 404, 200, 404, 403),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/supervisions/${await freshSupervisionOfA(ctx)}`,
      body: { version: 1, minutes: 45 },
    }),
  },
  {
    method: 'GET',
    path: '/api/participants/:id/disclosures',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/participants/${A(ctx).participant.id}/disclosures` }),
  },
  {
    method: 'GET',
    path: '/api/disclosures',
    // For the team's supervisors to review; each sees only their own team's.
    expect: s(401, 403, 403, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/disclosures?emergency=true&pageSize=100' }),
  },
  {
    method: 'GET',
    path: '/api/participants/:id/record',
    // The person's own record is produced by their team, not by an admin.
    expect: s(401, 200, 404, 200, 404, 403),
    data: 'team',
    probe: (ctx) => ({ url: `/api/participants/${A(ctx).participant.id}/record?format=json` }),
  },
  {
    method: 'GET',
    path: '/api/reports/outcomes',
    expect: s(401, 403, 403, 200, 403, 200),
    data: 'team',
    probe: (ctx) => ({
      url: `/api/reports/outcomes?from=2026-01-01&to=2026-03-31&teamId=${A(ctx).team.id}`,
    }),
  },
  {
    method: 'GET',
    path: '/api/reports/outcomes/export',
    expect: s(401, 403, 403, 200, 403, 200),
    data: 'team',
    probe: (ctx) => ({
      url: `/api/reports/outcomes/export?from=2026-01-01&to=2026-03-31&format=csv&teamId=${A(ctx).team.id}`,
    }),
  },

  // ── Reports and audit ─────────────────────────────────────────────────────
  // ── Billing (SPEC §13) ─────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/billing/profiles',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'public',
    probe: () => ({ url: '/api/billing/profiles' }),
  },
  {
    method: 'POST',
    path: '/api/billing/profiles',
    expect: s(401, 403, 403, 403, 403, 201),
    data: 'public',
    probe: () => ({
      url: '/api/billing/profiles',
      body: { name: `Payer ${tag()}`, code: 'H0038', rounding: 'eight_minute' },
    }),
  },
  {
    method: 'GET',
    path: '/api/billing/profiles/:id',
    expect: s(401, 403, 403, 403, 403, 200),
    data: 'public',
    probe: async (ctx) => ({ url: `/api/billing/profiles/${await freshBillingProfile(ctx)}` }),
  },
  {
    method: 'PATCH',
    path: '/api/billing/profiles/:id',
    expect: s(401, 403, 403, 403, 403, 200),
    data: 'public',
    probe: async (ctx) => ({
      url: `/api/billing/profiles/${await freshBillingProfile(ctx)}`,
      body: { version: 1, maxUnitsPerDay: 16 },
    }),
  },
  {
    method: 'GET',
    path: '/api/billing/claims',
    expect: s(401, 403, 403, 200, 403, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/billing/claims?teamId=${A(ctx).team.id}` }),
  },
  {
    method: 'GET',
    path: '/api/billing/blocked',
    expect: s(401, 403, 403, 200, 403, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/billing/blocked?teamId=${A(ctx).team.id}` }),
  },
  {
    method: 'POST',
    path: '/api/billing/batches',
    expect: s(401, 403, 403, 201, 403, 201),
    data: 'team',
    probe: async (ctx, actor) => {
      const day =
        actor === 'supervisorA' || actor === 'admin'
          ? await freshBillableDayOfA(ctx)
          : '2031-01-31';
      return {
        url: '/api/billing/batches',
        body: { from: day, to: day, teamId: A(ctx).team.id },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/billing/batches/:id',
    expect: s(401, 403, 403, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/billing/batches/${await freshBatchOfA(ctx)}` }),
  },
  {
    method: 'POST',
    path: '/api/billing/batches/:id/void',
    expect: s(401, 403, 403, 403, 403, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/billing/batches/${await freshBatchOfA(ctx)}/void`,
      body: { reason: 'Sent with the wrong period' },
    }),
  },
  // ── Time entries (work outside sessions, SPEC §11) ─────────────────────────
  {
    method: 'GET',
    path: '/api/time-entries',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/time-entries?pageSize=100' }),
  },
  {
    method: 'POST',
    path: '/api/time-entries',
    expect: s(401, 201, 201, 201, 201, 403),
    data: 'team',
    probe: () => ({ url: '/api/time-entries', body: { minutes: 30, kind: 'outreach' } }),
  },
  {
    method: 'GET',
    path: '/api/time-entries/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/time-entries/${await freshTimeEntryOfA(ctx)}` }),
  },
  {
    method: 'PATCH',
    path: '/api/time-entries/:id',
    expect: s(401, 200, 404, 200, 404, 403),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/time-entries/${await freshTimeEntryOfA(ctx)}`,
      body: { version: 1, minutes: 45 },
    }),
  },
  {
    method: 'GET',
    path: '/api/groups',
    expect: s(401, 200, 200, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/groups?pageSize=100' }),
  },
  {
    method: 'POST',
    path: '/api/groups',
    expect: s(401, 201, 201, 201, 201, 201),
    data: 'team',
    probe: (ctx, actor) => ({
      url: '/api/groups',
      body: {
        name: `Circle ${tag()}`,
        type: 'support_group',
        setting: 'community_center',
        weekday: 'thursday',
        startTime: '17:30',
        durationMinutes: 60,
        ...(actor === 'admin' ? { teamId: A(ctx).team.id } : {}),
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/groups/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/groups/${await freshGroupOfA(ctx)}` }),
  },
  {
    method: 'PATCH',
    path: '/api/groups/:id',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/groups/${await freshGroupOfA(ctx)}`,
      body: { version: 1, startTime: '18:30' },
    }),
  },
  {
    method: 'POST',
    path: '/api/groups/:id/members',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/groups/${await freshGroupOfA(ctx)}/members`,
      body: { participantId: A(ctx).participant.id, joinedOn: '2026-02-03' },
    }),
  },
  {
    method: 'POST',
    path: '/api/groups/:id/members/:participantId/leave',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/groups/${await freshGroupOfA(ctx, true)}/members/${A(ctx).participant.id}/leave`,
      body: { leftOn: '2026-03-03' },
    }),
  },
  {
    method: 'GET',
    path: '/api/groups/:id/session-draft',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({
      url: `/api/groups/${await freshGroupOfA(ctx, true)}/session-draft?date=2026-03-10`,
    }),
  },
  {
    method: 'GET',
    path: '/api/groups/:id/attendance',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: async (ctx) => ({ url: `/api/groups/${await freshGroupOfA(ctx, true)}/attendance` }),
  },
  {
    method: 'GET',
    path: '/api/agenda',
    expect: s(401, 200, 404, 200, 404, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/agenda?date=2026-03-20&workerId=${A(ctx).worker.id}` }),
  },
  {
    method: 'GET',
    path: '/api/reports/caseload',
    expect: s(401, 200, 403, 200, 403, 200),
    data: 'team',
    probe: (ctx) => ({ url: `/api/reports/caseload?asOf=2026-03-20&teamId=${A(ctx).team.id}` }),
    shows: (own) => own.worker.displayName,
    check: (res, actor, ctx) => {
      // A worker sees only their own row.
      if (actor !== 'workerA') return [];
      const ids = (res.body.workers as { workerId: string }[]).map((r) => r.workerId);
      return ids.length === 1 && ids[0] === ctx.user(actor)!.id
        ? []
        : [`worker saw caseload rows ${ids.join(', ')}`];
    },
  },
  {
    method: 'GET',
    path: '/api/reports/activity',
    expect: s(401, 403, 403, 200, 403, 200),
    data: 'team',
    probe: (ctx) => ({
      url: `/api/reports/activity?from=2026-03-01&to=2026-03-31&teamId=${A(ctx).team.id}`,
    }),
    check: (res, _actor, ctx) =>
      res.body.teamId === A(ctx).team.id && res.body.sessions.total >= 1
        ? []
        : [
            `activity of ${String(res.body.teamId)} with ${String(res.body.sessions?.total)} sessions`,
          ],
  },
  {
    method: 'GET',
    path: '/api/reports/activity/export',
    expect: s(401, 403, 403, 200, 403, 200),
    data: 'team',
    probe: (ctx) => ({
      url: `/api/reports/activity/export?from=2026-03-01&to=2026-03-31&format=csv&teamId=${A(ctx).team.id}`,
    }),
    check: (res, _actor, ctx) => {
      // De-identified: the team's name, but none of its people or records.
      const leaked = A(ctx).secrets.filter((x) => x !== A(ctx).team.name && res.text.includes(x));
      return leaked.length ? [`export names ${leaked.join(', ')}`] : [];
    },
  },
  {
    method: 'GET',
    path: '/api/audit',
    expect: s(401, 403, 403, 200, 200, 200),
    data: 'team',
    probe: () => ({ url: '/api/audit?pageSize=100' }),
    check: (res) => (res.body.items.length > 0 ? [] : ['the audit trail was empty']),
  },
  {
    method: 'GET',
    path: '/api/audit/warnings',
    expect: s(401, 403, 403, 403, 403, 200),
    data: 'team',
    probe: () => ({ url: '/api/audit/warnings' }),
    check: (res) =>
      Array.isArray(res.body.items) && res.body.threshold > 0 ? [] : ['not the warnings'],
  },
];

/**
 * Filters and report scopes naming team A's records, asked for by team B's
 * users: 404 (a record of another team does not exist for them), or 403 for a
 * report of another team (SPEC §4). `null` where the role already refuses (403).
 */
export interface CrossTeamProbe {
  url: (a: TeamRecords) => string;
  workerB: number;
  supervisorB: number;
}

export const CROSS_TEAM_FILTERS: CrossTeamProbe[] = [
  {
    url: (a) => `/api/measurements?participantId=${a.participant.id}`,
    workerB: 404,
    supervisorB: 404,
  },
  { url: (a) => `/api/alerts?participantId=${a.participant.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/alerts?primaryWorkerId=${a.worker.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/agenda?workerId=${a.worker.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/time-entries?workerId=${a.worker.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/supervisions?workerId=${a.worker.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/supervisions?teamId=${a.team.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/groups?teamId=${a.team.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/reports/outcomes?teamId=${a.team.id}`, workerB: 403, supervisorB: 403 },
  { url: (a) => `/api/billing/claims?teamId=${a.team.id}`, workerB: 403, supervisorB: 403 },
  { url: (a) => `/api/participants?teamId=${a.team.id}`, workerB: 404, supervisorB: 404 },
  {
    url: (a) => `/api/participants?primaryWorkerId=${a.worker.id}`,
    workerB: 404,
    supervisorB: 404,
  },
  { url: (a) => `/api/sessions?participantId=${a.participant.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/sessions?facilitatorId=${a.worker.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/sessions?teamId=${a.team.id}`, workerB: 404, supervisorB: 404 },
  {
    url: (a) => `/api/advocacy-actions?participantId=${a.participant.id}`,
    workerB: 404,
    supervisorB: 404,
  },
  { url: (a) => `/api/advocacy-actions?workerId=${a.worker.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/advocacy-actions?teamId=${a.team.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/handouts?participantId=${a.participant.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/handouts?workerId=${a.worker.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/handouts?teamId=${a.team.id}`, workerB: 404, supervisorB: 404 },
  {
    url: (a) => `/api/decision-notes?participantId=${a.participant.id}`,
    workerB: 404,
    supervisorB: 404,
  },
  { url: (a) => `/api/decision-notes?workerId=${a.worker.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/decision-notes?teamId=${a.team.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/notes?participantId=${a.participant.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/notes?sessionId=${a.session.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/notes?teamId=${a.team.id}`, workerB: 404, supervisorB: 404 },
  { url: (a) => `/api/users?teamId=${a.team.id}`, workerB: 403, supervisorB: 404 },
  { url: (a) => `/api/audit?participantId=${a.participant.id}`, workerB: 403, supervisorB: 404 },
  { url: (a) => `/api/audit?actorId=${a.worker.id}`, workerB: 403, supervisorB: 404 },
  { url: (a) => `/api/reports/caseload?teamId=${a.team.id}`, workerB: 403, supervisorB: 403 },
  { url: (a) => `/api/reports/activity?teamId=${a.team.id}`, workerB: 403, supervisorB: 403 },
  {
    url: (a) => `/api/reports/activity/export?teamId=${a.team.id}&format=xlsx`,
    workerB: 403,
    supervisorB: 403,
  },
];
