import { createTestApp, tableChecksum, type TestApp } from './harness';
import { seedOrganisation, versionOf, type Organisation } from './support/organisation';

/*
 * SPEC §1 and §3, who may change what: a worker changes or voids only the
 * sessions they facilitate and the advocacy actions they own (a supervisor
 * any of the team's; 403 otherwise, nothing changed), and DELETE of a session
 * voids it: the session is kept with who voided it and why, counts nowhere,
 * and is left out of lists and timelines unless a supervisor asks for it.
 */

const TABLES = ['support_session', 'attendance', 'advocacy_action', 'audit_event'];
const REASON = 'Logged twice by mistake; the Thursday entry is the real one';

describe('session ownership and voiding', () => {
  let t: TestApp;
  let org: Organisation;

  const checksums = () => Promise.all(TABLES.map((table) => tableChecksum(t, table)));
  const voidUrl = (id: string, reason?: string) =>
    `/api/sessions/${id}${reason === undefined ? '' : `?reason=${encodeURIComponent(reason)}`}`;
  /** A fresh group session of team A facilitated by team A's worker, both participants attending. */
  const freshSession = async (startsAt = '2026-03-12T15:00:00Z') => {
    const { a } = org;
    const res = await t.request('POST', '/api/sessions', {
      token: a.worker.token,
      body: {
        type: 'support_group',
        setting: 'clinic',
        startsAt,
        durationMinutes: 60,
        attendance: [
          { participantId: a.participant.id, status: 'attended' },
          { participantId: a.relative.id, status: 'attended' },
        ],
      },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; startsAt: string };
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  describe('who may change what', () => {
    it('refuses a worker changing or voiding a session another worker facilitates, changing nothing', async () => {
      const { a } = org;
      const before = await checksums();
      const patch = await t.request('PATCH', `/api/sessions/${a.session.id}`, {
        token: a.spareWorker.token,
        body: { version: await versionOf(t, 'support_session', a.session.id), notes: 'Rewritten' },
      });
      expect(patch.status).toBe(403);
      expect(patch.text).not.toContain(a.session.notes!);
      const del = await t.request('DELETE', voidUrl(a.session.id, REASON), {
        token: a.spareWorker.token,
      });
      expect(del.status).toBe(403);
      expect(await checksums()).toEqual(before);
    });

    it('refuses a worker changing an advocacy action another worker owns, changing nothing', async () => {
      const { a } = org;
      const before = await checksums();
      const res = await t.request('PATCH', `/api/advocacy-actions/${a.advocacy.id}`, {
        token: a.spareWorker.token,
        body: { version: await versionOf(t, 'advocacy_action', a.advocacy.id), status: 'done' },
      });
      expect(res.status).toBe(403);
      expect(await checksums()).toEqual(before);
    });

    it('lets the facilitator, the owner and a supervisor make changes', async () => {
      const { a } = org;
      const own = await t.request('PATCH', `/api/sessions/${a.session.id}`, {
        token: a.worker.token,
        body: { version: await versionOf(t, 'support_session', a.session.id), durationMinutes: 95 },
      });
      expect(own.status).toBe(200);
      const sup = await t.request('PATCH', `/api/sessions/${a.session.id}`, {
        token: a.supervisor.token,
        body: { version: own.body.version, durationMinutes: 90 },
      });
      expect(sup.status).toBe(200);
      const adv = await t.request('PATCH', `/api/advocacy-actions/${a.advocacy.id}`, {
        token: a.supervisor.token,
        body: {
          version: await versionOf(t, 'advocacy_action', a.advocacy.id),
          dueOn: '2026-05-01',
        },
      });
      expect(adv.status).toBe(200);
      const { rows } = await t.db.query(
        `SELECT (SELECT duration_minutes FROM support_session WHERE id = $1) AS minutes,
                (SELECT due_on::text FROM advocacy_action WHERE id = $2) AS due`,
        [a.session.id, a.advocacy.id],
      );
      expect(rows[0]).toEqual({ minutes: 90, due: '2026-05-01' });
    });
  });

  describe('voiding', () => {
    it('needs a reason: missing, blank or over 500 characters is a 400 naming reason', async () => {
      const s = await freshSession();
      const before = await checksums();
      for (const reason of [undefined, '', '   ', 'x'.repeat(501)]) {
        const res = await t.request('DELETE', voidUrl(s.id, reason), { token: org.a.worker.token });
        expect({ reason, status: res.status }).toEqual({ reason, status: 400 });
        expect(res.body.errors).toHaveProperty('reason');
      }
      expect(await checksums()).toEqual(before);
    });

    it('keeps the session with who voided it and why, and audits it as a delete', async () => {
      const { a } = org;
      const s = await freshSession();
      const res = await t.request('DELETE', voidUrl(s.id, `  ${REASON} `), {
        token: a.worker.token,
      });
      expect(res.status).toBe(204);
      const { rows } = await t.db.query(
        `SELECT voided_at IS NOT NULL AS voided, voided_by_id, void_reason FROM support_session WHERE id = $1`,
        [s.id],
      );
      expect(rows[0]).toEqual({ voided: true, voided_by_id: a.worker.id, void_reason: REASON });
      const att = await t.db.query(
        `SELECT count(*)::int AS n FROM attendance WHERE session_id = $1`,
        [s.id],
      );
      expect(att.rows[0].n).toBe(2);
      const audit = await t.db.query(
        `SELECT actor_id, participant_id, team_id, details FROM audit_event
          WHERE entity_id = $1 AND action = 'delete' ORDER BY participant_id`,
        [s.id],
      );
      expect(audit.rows.map((r) => r.participant_id).sort()).toEqual(
        [a.participant.id, a.relative.id].sort(),
      );
      expect(audit.rows[0]).toMatchObject({
        actor_id: a.worker.id,
        team_id: a.team.id,
        details: { voided: true, reason: REASON },
      });

      // Workers no longer find it; a supervisor sees it with its void.
      const byWorker = await t.request('GET', `/api/sessions/${s.id}`, { token: a.worker.token });
      expect(byWorker.status).toBe(404);
      const bySup = await t.request('GET', `/api/sessions/${s.id}`, {
        token: a.supervisor.token,
      });
      expect(bySup.status).toBe(200);
      expect(bySup.body).toMatchObject({
        id: s.id,
        voidedById: a.worker.id,
        voidReason: REASON,
        voidedAt: expect.any(String),
      });
      // A voided session cannot be changed or voided again.
      const before = await checksums();
      const patch = await t.request('PATCH', `/api/sessions/${s.id}`, {
        token: a.supervisor.token,
        body: { version: bySup.body.version, notes: 'Back again' },
      });
      expect(patch.status).toBe(409);
      const again = await t.request('DELETE', voidUrl(s.id, REASON), {
        token: a.supervisor.token,
      });
      expect(again.status).toBe(409);
      const againByWorker = await t.request('DELETE', voidUrl(s.id, REASON), {
        token: a.worker.token,
      });
      expect(againByWorker.status).toBe(404);
      expect(await checksums()).toEqual(before);
    });

    it('leaves a voided session out of lists and timelines unless a supervisor asks', async () => {
      const { a } = org;
      const s = await freshSession('2026-03-13T15:00:00Z');
      expect(
        (await t.request('DELETE', voidUrl(s.id, REASON), { token: a.supervisor.token })).status,
      ).toBe(204);
      const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

      const list = await t.request('GET', '/api/sessions?pageSize=100', { token: a.worker.token });
      expect(ids(list.body)).not.toContain(s.id);
      expect(list.body.total).toBe(list.body.items.length);
      const supList = await t.request('GET', '/api/sessions?pageSize=100', {
        token: a.supervisor.token,
      });
      expect(ids(supList.body)).not.toContain(s.id);
      const withVoided = await t.request('GET', '/api/sessions?pageSize=100&includeVoided=true', {
        token: a.supervisor.token,
      });
      expect(ids(withVoided.body)).toContain(s.id);
      expect(withVoided.body.total).toBe(
        supList.body.total + ids(withVoided.body).length - ids(supList.body).length,
      );
      const denied = await t.request('GET', '/api/sessions?includeVoided=true', {
        token: a.worker.token,
      });
      expect(denied.status).toBe(403);

      const timeline = `/api/participants/${a.participant.id}/timeline`;
      const tl = await t.request('GET', timeline, { token: a.worker.token });
      expect(ids(tl.body)).not.toContain(s.id);
      const supTl = await t.request('GET', `${timeline}?includeVoided=true`, {
        token: a.supervisor.token,
      });
      expect(ids(supTl.body)).toContain(s.id);
      expect(
        (await t.request('GET', `${timeline}?includeVoided=true`, { token: a.worker.token }))
          .status,
      ).toBe(403);
    });

    it('takes a voided session out of every report figure, exactly as the records say', async () => {
      const { a } = org;
      // A day of its own, so it is the participants' only contact in the window.
      const s = await freshSession('2026-04-20T15:00:00Z');
      const activity = async () =>
        (
          await t.request('GET', '/api/reports/activity?from=2026-04-01&to=2026-04-30', {
            token: a.supervisor.token,
          })
        ).body;
      const caseload = async () => {
        const res = await t.request('GET', '/api/reports/caseload?asOf=2026-04-25', {
          token: a.supervisor.token,
        });
        return res.body.workers.find((w: { workerId: string }) => w.workerId === a.worker.id);
      };
      const lastContact = async () => {
        const res = await t.request('GET', '/api/participants?pageSize=100', {
          token: a.worker.token,
        });
        return res.body.items.find((p: { id: string }) => p.id === a.participant.id).lastContactOn;
      };
      const before = { activity: await activity(), caseload: await caseload() };
      expect(before.activity.sessions.total).toBe(1);
      expect(before.activity.participantsServed).toBe(2);
      expect(before.activity.serviceHours).toBe(1);
      expect(before.caseload.sessionsLast30Days).toBe(1);
      const unmet = before.caseload.participantsWithoutRecentContact;
      expect(await lastContact()).toBe('2026-04-20');

      expect(
        (await t.request('DELETE', voidUrl(s.id, REASON), { token: a.worker.token })).status,
      ).toBe(204);

      const kept = await t.db.query(
        `SELECT voided_at IS NOT NULL AS voided FROM support_session WHERE id = $1`,
        [s.id],
      );
      expect(kept.rows).toEqual([{ voided: true }]);
      const after = { activity: await activity(), caseload: await caseload() };
      expect(after.activity.sessions.total).toBe(0);
      expect(after.activity.sessions.byType.support_group).toBe(0);
      expect(after.activity.participantsServed).toBe(0);
      expect(after.activity.serviceHours).toBe(0);
      expect(after.activity.contactHours).toBe(0);
      expect(after.activity.groupAttendance.attended).toBe(0);
      expect(after.caseload.sessionsLast30Days).toBe(0);
      expect(after.caseload.serviceHoursLast30Days).toBe(0);
      // The voided session was the person's only contact in the window.
      expect(after.caseload.participantsWithoutRecentContact).toBe(unmet + 1);
      // Back to the latest session still standing (the one the reason checks left alone).
      expect(await lastContact()).toBe('2026-03-12');

      // The roll-ups equal a rebuild from the records.
      const c = await t.db.connect();
      try {
        const read = async () => [
          (
            await c.query(
              `SELECT * FROM team_day_activity WHERE sessions <> 0 ORDER BY day, team_id`,
            )
          ).rows,
          (
            await c.query(
              `SELECT participant_id, team_id, days::text FROM participant_contact
                WHERE NOT isempty(days) ORDER BY participant_id, team_id`,
            )
          ).rows,
        ];
        const incremental = await read();
        await c.query('BEGIN');
        await c.query('SELECT rebuild_report_rollups()');
        const rebuilt = await read();
        await c.query('ROLLBACK');
        expect(incremental).toEqual(rebuilt);
      } finally {
        c.release();
      }
    });
  });
});
