import { createTestApp, type TestApp } from './harness';
import { seedOrganisation, versionOf, type Organisation } from './support/organisation';

/*
 * SPEC §1, the move rule: when an admin moves a participant to another team,
 * everything attached to that person alone moves with them in the same
 * transaction; the sessions the old team delivered stay with it, showing the
 * person as "Participant of another team", and the new team sees them in the
 * person's timeline as summaries it cannot open.
 */

const OTHER = 'Participant of another team';

describe('moving a participant to another team', () => {
  let t: TestApp;
  let org: Organisation;

  const teamOf = async (table: string, id: string): Promise<string> => {
    const { rows } = await t.db.query(`SELECT team_id FROM ${table} WHERE id = $1`, [id]);
    return rows[0].team_id as string;
  };
  const activity = async (token: string, teamId: string) =>
    (
      await t.request(
        'GET',
        `/api/reports/activity?from=2026-03-01&to=2026-03-31&teamId=${teamId}`,
        { token },
      )
    ).body;

  /** Team B's worker's caseload row on `asOf`: the moved person becomes theirs. */
  const caseloadOfB = async (asOf: string) => {
    const { b, admin } = org;
    const res = await t.request('GET', `/api/reports/caseload?asOf=${asOf}&teamId=${b.team.id}`, {
      token: admin.token,
    });
    return res.body.workers.find((w: { workerId: string }) => w.workerId === b.worker.id);
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  it('refuses a move the new team cannot take, and leaves every record where it was', async () => {
    const { a, b, admin } = org;
    // The primary worker is not of team B: 400, nothing moves.
    const res = await t.request('PATCH', `/api/participants/${a.participant.id}`, {
      token: admin.token,
      body: { version: await versionOf(t, 'participant', a.participant.id), teamId: b.team.id },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('primaryWorkerId');
    expect(await teamOf('participant', a.participant.id)).toBe(a.team.id);
    expect(await teamOf('handout', a.handout.id)).toBe(a.team.id);
    expect(await teamOf('advocacy_action', a.advocacy.id)).toBe(a.team.id);
    expect(await teamOf('decision_note', a.decisionNote.id)).toBe(a.team.id);
  });

  describe('after the move', () => {
    let reportBefore: Record<string, any>;
    let caseloadBefore: Record<string, any>[];

    beforeAll(async () => {
      const { a, b, admin } = org;
      reportBefore = await activity(admin.token, a.team.id);
      caseloadBefore = [await caseloadOfB('2026-03-20'), await caseloadOfB('2026-04-10')];
      const res = await t.request('PATCH', `/api/participants/${a.participant.id}`, {
        token: admin.token,
        body: {
          version: await versionOf(t, 'participant', a.participant.id),
          teamId: b.team.id,
          primaryWorkerId: b.worker.id,
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.teamId).toBe(b.team.id);
    });

    it('moves the advocacy, handouts and decision notes with the person; the session stays', async () => {
      const { a, b } = org;
      expect(await teamOf('handout', a.handout.id)).toBe(b.team.id);
      expect(await teamOf('advocacy_action', a.advocacy.id)).toBe(b.team.id);
      expect(await teamOf('decision_note', a.decisionNote.id)).toBe(b.team.id);
      expect(await teamOf('support_session', a.session.id)).toBe(a.team.id);
      const { rows } = await t.db.query(
        `SELECT participant_id, status FROM attendance WHERE session_id = $1 ORDER BY participant_id`,
        [a.session.id],
      );
      expect(rows).toHaveLength(2);
      // The move is audited once, naming what moved.
      const audit = await t.db.query(
        `SELECT actor_id, team_id, details FROM audit_event
          WHERE action = 'update' AND entity_type = 'participant' AND entity_id = $1`,
        [a.participant.id],
      );
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0]).toMatchObject({
        actor_id: org.admin.id,
        team_id: b.team.id,
        details: {
          fromTeamId: a.team.id,
          moved: { advocacy_action: 1, handout: 1, decision_note: 1 },
        },
      });
    });

    it('the old team can no longer read or change the moved records', async () => {
      const { a } = org;
      for (const who of [a.worker, a.supervisor]) {
        const gets = [
          `/api/handouts/${a.handout.id}`,
          `/api/advocacy-actions/${a.advocacy.id}`,
          `/api/decision-notes/${a.decisionNote.id}`,
        ];
        for (const url of gets) {
          const res = await t.request('GET', url, { token: who.token });
          expect({ url, status: res.status }).toEqual({ url, status: 404 });
        }
        const patches: [string, unknown][] = [
          [`/api/handouts/${a.handout.id}`, { outcome: 'declined' }],
          [
            `/api/advocacy-actions/${a.advocacy.id}`,
            { version: await versionOf(t, 'advocacy_action', a.advocacy.id), title: 'Taken' },
          ],
          [`/api/decision-notes/${a.decisionNote.id}`, { topic: 'Taken' }],
        ];
        for (const [url, body] of patches) {
          const res = await t.request('PATCH', url, { token: who.token, body });
          expect({ url, status: res.status }).toEqual({ url, status: 404 });
        }
        const handouts = await t.request('GET', '/api/handouts?pageSize=100', {
          token: who.token,
        });
        expect(handouts.status).toBe(200);
        expect(handouts.text).not.toContain(a.handout.id);
        expect(handouts.text).not.toContain('Quintanilla-Vega');
        const advocacy = await t.request('GET', '/api/advocacy-actions?pageSize=100', {
          token: who.token,
        });
        expect(advocacy.text).not.toContain(a.advocacy.id);
        const notes = await t.request('GET', '/api/decision-notes?pageSize=100', {
          token: who.token,
        });
        expect(notes.text).not.toContain(a.decisionNote.id);
      }
      // Nothing the old team tried was written.
      const { rows } = await t.db.query(
        `SELECT (SELECT outcome FROM handout WHERE id = $1) AS outcome,
                (SELECT title FROM advocacy_action WHERE id = $2) AS title,
                (SELECT topic FROM decision_note WHERE id = $3) AS topic`,
        [a.handout.id, a.advocacy.id, a.decisionNote.id],
      );
      expect(rows[0]).toEqual({
        outcome: 'pending',
        title: a.advocacy.title,
        topic: a.decisionNote.topic,
      });
    });

    it('the new team reads and changes the moved records', async () => {
      const { a, b } = org;
      for (const url of [
        `/api/handouts/${a.handout.id}`,
        `/api/advocacy-actions/${a.advocacy.id}`,
        `/api/decision-notes/${a.decisionNote.id}`,
      ]) {
        const res = await t.request('GET', url, { token: b.worker.token });
        expect({ url, status: res.status }).toEqual({ url, status: 200 });
        expect(res.body.teamId).toBe(b.team.id);
      }
      const handout = await t.request('PATCH', `/api/handouts/${a.handout.id}`, {
        token: b.worker.token,
        body: { outcome: 'connected', outcomeOn: '2026-03-20' },
      });
      expect(handout.status).toBe(200);
      const advocacy = await t.request('PATCH', `/api/advocacy-actions/${a.advocacy.id}`, {
        token: b.supervisor.token,
        body: {
          version: await versionOf(t, 'advocacy_action', a.advocacy.id),
          workerId: b.worker.id,
        },
      });
      expect(advocacy.status).toBe(200);
      expect(advocacy.body.workerId).toBe(b.worker.id);
      const list = await t.request('GET', `/api/handouts?participantId=${a.participant.id}`, {
        token: b.worker.token,
      });
      expect(list.body.items.map((h: { id: string }) => h.id)).toEqual([a.handout.id]);
      const { rows } = await t.db.query(`SELECT outcome, team_id FROM handout WHERE id = $1`, [
        a.handout.id,
      ]);
      expect(rows[0]).toEqual({ outcome: 'connected', team_id: b.team.id });
    });

    it('the old team sees the moved person in its session as a participant of another team', async () => {
      const { a } = org;
      const detail = await t.request('GET', `/api/sessions/${a.session.id}`, {
        token: a.worker.token,
      });
      expect(detail.status).toBe(200);
      expect(detail.body.attendance).toEqual([
        { participantId: a.relative.id, status: 'attended', note: null },
        { participantId: null, displayName: OTHER, status: 'attended' },
      ]);
      expect(detail.text).not.toContain(a.participant.id);
      expect(detail.text).not.toContain('bakery on Delancey'); // the moved person's attendance note
      const list = await t.request('GET', '/api/sessions?pageSize=100', { token: a.worker.token });
      const listed = list.body.items.find((s: { id: string }) => s.id === a.session.id);
      expect(listed.attendance).toEqual(detail.body.attendance);
      expect(list.text).not.toContain(a.participant.id);

      // Changing the attendance keeps the moved person's row: it is the old team's record.
      const patched = await t.request('PATCH', `/api/sessions/${a.session.id}`, {
        token: a.worker.token,
        body: {
          version: await versionOf(t, 'support_session', a.session.id),
          attendance: [
            { participantId: a.relative.id, status: 'attended', note: 'Brought her sister' },
          ],
        },
      });
      expect(patched.status).toBe(200);
      expect(patched.body.attendance).toEqual([
        { participantId: a.relative.id, status: 'attended', note: 'Brought her sister' },
        { participantId: null, displayName: OTHER, status: 'attended' },
      ]);
      const { rows } = await t.db.query(
        `SELECT participant_id, status FROM attendance WHERE session_id = $1`,
        [a.session.id],
      );
      expect(rows).toEqual(
        expect.arrayContaining([{ participant_id: a.participant.id, status: 'attended' }]),
      );
    });

    it('the new team sees the session in the timeline as a summary it cannot open', async () => {
      const { a, b } = org;
      const res = await t.request('GET', `/api/participants/${a.participant.id}/timeline`, {
        token: b.worker.token,
      });
      expect(res.status).toBe(200);
      const session = res.body.items.find((i: { kind: string }) => i.kind === 'session');
      expect(session).toEqual({
        kind: 'session',
        id: a.session.id,
        date: a.session.startsAt,
        type: 'support_group',
        teamName: a.team.name,
        summary: `Support group · ${a.team.name}`,
        snippet: null,
        openable: false,
      });
      expect(res.text).not.toContain(a.session.title!);
      const others = res.body.items.filter((i: { kind: string }) => i.kind !== 'session');
      expect(others.map((i: { kind: string; openable: boolean }) => [i.kind, i.openable])).toEqual(
        expect.arrayContaining([
          ['advocacy', true],
          ['handout', true],
          ['decision_note', true],
        ]),
      );
      const open = await t.request('GET', `/api/sessions/${a.session.id}`, {
        token: b.worker.token,
      });
      expect(open.status).toBe(404);
      expect(open.text).not.toContain(a.session.notes!);
    });

    it('keeps the session in the delivering team’s reports; the moved records report with the new team', async () => {
      const { a, b, admin } = org;
      const after = await activity(admin.token, a.team.id);
      expect(after.sessions).toEqual(reportBefore.sessions);
      expect(after.serviceHours).toBe(reportBefore.serviceHours);
      expect(after.participantsServed).toBe(reportBefore.participantsServed);
      expect(after.handouts.total).toBe(reportBefore.handouts.total - 1);
      expect(after.advocacy.opened).toBe(reportBefore.advocacy.opened - 1);
      expect(after.decisionNotes).toBe(reportBefore.decisionNotes - 1);
      const other = await activity(admin.token, b.team.id);
      expect(other.sessions.total).toBe(1); // team B's own session only
      expect(other.handouts.total).toBe(2);
      expect(other.decisionNotes).toBe(2);
    });

    it('counts the old team’s session as a contact on the new team’s caseload (any session in the window)', async () => {
      // The person attended team A's session on March 5: met in the 30 days to March 20,
      // not in the 30 days to April 10.
      const [march, april] = caseloadBefore;
      const marchAfter = await caseloadOfB('2026-03-20');
      expect(marchAfter.activeParticipants).toBe(march.activeParticipants + 1);
      expect(marchAfter.participantsWithoutRecentContact).toBe(
        march.participantsWithoutRecentContact,
      );
      const aprilAfter = await caseloadOfB('2026-04-10');
      expect(aprilAfter.activeParticipants).toBe(april.activeParticipants + 1);
      expect(aprilAfter.participantsWithoutRecentContact).toBe(
        april.participantsWithoutRecentContact + 1,
      );
    });
  });
});
