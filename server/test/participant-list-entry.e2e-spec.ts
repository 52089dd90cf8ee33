import type { Page, ParticipantListItem } from '@peerpath/shared';
import { NEXT_STEP_SQL } from '../src/participants/participants.service';
import { createParticipant, createSession } from './factories/daily-loop';
import { createTestApp, seedWorld, type SeededUser, type TestApp, type World } from './harness';

/*
 * The list reads each participant's last contact and next step as kept on
 * their row by triggers (migration ParticipantListEntry). After every kind of
 * write of what they are worked out from — sessions logged, changed and voided,
 * contacts written straight to the database, advocacy actions and decision
 * notes inserted, updated and deleted, a move to another team — the kept values
 * of every participant must equal the ones worked out from the records.
 */

interface Entry {
  id: string;
  kept_contact: string | null;
  computed_contact: string | null;
  kept_step: unknown;
  computed_step: unknown;
}

/** Every participant's kept and computed values (dates as text, next steps as JSON). */
async function entries(t: TestApp): Promise<Entry[]> {
  const { rows } = await t.db.query<Entry>(
    `SELECT p.id, p.last_contact_on::text AS kept_contact,
            (SELECT max(c.last_day) FROM participant_contact c
              WHERE c.participant_id = p.id)::text AS computed_contact,
            CASE WHEN p.next_step_text IS NOT NULL
                 THEN jsonb_build_object('text', p.next_step_text, 'dueOn', p.next_step_due)
            END AS kept_step,
            ${NEXT_STEP_SQL}::jsonb AS computed_step
       FROM participant p ORDER BY p.id`,
  );
  return rows;
}

describe('participant list entries (last contact and next step kept on the row)', () => {
  let t: TestApp;
  let w: World;

  /** Asserts that every kept value equals the computed one; returns the entry of `id`. */
  const agreed = async (id: string) => {
    const all = await entries(t);
    expect(
      all.filter(
        (e) =>
          e.kept_contact !== e.computed_contact ||
          JSON.stringify(e.kept_step) !== JSON.stringify(e.computed_step),
      ),
    ).toEqual([]);
    const mine = all.find((e) => e.id === id);
    expect(mine).toBeDefined();
    return { contact: mine!.kept_contact, step: mine!.kept_step };
  };
  const listed = async (who: SeededUser, search: string) => {
    const res = await t.request<Page<ParticipantListItem>>(
      'GET',
      `/api/participants?search=${search}`,
      { token: who.token },
    );
    expect(res.status).toBe(200);
    return res.body.items.map((i) => ({
      id: i.id,
      lastContactOn: i.lastContactOn,
      nextStep: i.nextStep,
    }));
  };
  const post = async (path: string, body: object, token = w.workerA.token) => {
    const res = await t.request('POST', path, { token, body });
    expect({ path, status: res.status, text: res.text }).toMatchObject({ path, status: 201 });
    return res.body;
  };
  const decision = (participantId: string, discussedOn: string, nextSteps: string) => ({
    participantId,
    discussedOn,
    decidedBy: 'participant',
    topic: 'Work',
    options: [{ label: 'Apply' }, { label: 'Wait' }],
    decision: 'Apply',
    nextSteps,
    followUpOn: '2026-05-01',
  });

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  it('follows sessions logged, changed and voided, and contacts written straight to the database', async () => {
    const p = await createParticipant(t, w.workerA, { firstName: 'Lina', lastName: 'Keptcontact' });
    const other = await createParticipant(t, w.workerA, {
      firstName: 'Omar',
      lastName: 'Keptcontact',
    });
    expect(await agreed(p.id)).toEqual({ contact: null, step: null });

    const s = await createSession(t, w.workerA, [p.id, other.id], {
      startsAt: '2026-03-02T17:00:00Z',
    });
    expect((await agreed(p.id)).contact).toBe('2026-03-02');
    expect((await agreed(other.id)).contact).toBe('2026-03-02');

    const changed = await t.request('PATCH', `/api/sessions/${s.id}`, {
      token: w.workerA.token,
      body: { version: s.version, startsAt: '2026-04-09T17:00:00Z' },
    });
    expect(changed.status).toBe(200);
    expect((await agreed(p.id)).contact).toBe('2026-04-09');

    const absent = await t.request('PATCH', `/api/sessions/${s.id}`, {
      token: w.workerA.token,
      body: {
        version: changed.body.version,
        attendance: [
          { participantId: p.id, status: 'absent' },
          { participantId: other.id, status: 'attended' },
        ],
      },
    });
    expect(absent.status).toBe(200);
    expect((await agreed(p.id)).contact).toBeNull();
    expect((await agreed(other.id)).contact).toBe('2026-04-09');

    const later = await createSession(t, w.workerA, [p.id], { startsAt: '2026-05-11T17:00:00Z' });
    expect((await agreed(p.id)).contact).toBe('2026-05-11');
    const voided = await t.request('DELETE', `/api/sessions/${later.id}?reason=Logged%20twice`, {
      token: w.workerA.token,
    });
    expect(voided.status).toBe(204);
    expect((await agreed(p.id)).contact).toBeNull();

    // Another team's contact with the person counts too (the latest day with any team).
    await t.db.query(
      `INSERT INTO participant_contact (participant_id, team_id, days, last_day)
       VALUES ($1, $2, '{[2026-06-01,2026-06-02)}', '2026-06-01')`,
      [p.id, w.teamB.id],
    );
    expect((await agreed(p.id)).contact).toBe('2026-06-01');
    await t.db.query(
      `UPDATE participant_contact SET days = '{[2026-06-03,2026-06-04)}', last_day = '2026-06-03'
        WHERE participant_id = $1 AND team_id = $2`,
      [p.id, w.teamB.id],
    );
    expect((await agreed(p.id)).contact).toBe('2026-06-03');
    await t.db.query(`DELETE FROM participant_contact WHERE participant_id = $1 AND team_id = $2`, [
      p.id,
      w.teamB.id,
    ]);
    expect((await agreed(p.id)).contact).toBeNull();

    // The rebuild of the roll-ups deletes and writes every contact again.
    await t.db.query(`SELECT rebuild_report_rollups()`);
    expect((await agreed(other.id)).contact).toBe('2026-04-09');

    expect(await listed(w.workerA, 'keptcontact')).toEqual(
      expect.arrayContaining([
        { id: p.id, lastContactOn: null, nextStep: null },
        { id: other.id, lastContactOn: '2026-04-09', nextStep: null },
      ]),
    );
  });

  it('follows advocacy actions and decision notes inserted, updated and deleted', async () => {
    const p = await createParticipant(t, w.workerA, { firstName: 'Nils', lastName: 'Keptstep' });
    const note = await post(
      '/api/decision-notes',
      decision(p.id, '2026-03-06', 'Write the CV\nCall'),
    );
    expect((await agreed(p.id)).step).toEqual({ text: 'Write the CV', dueOn: '2026-05-01' });

    // A newer note with next steps wins; one without next steps does not.
    await post('/api/decision-notes', decision(p.id, '2026-03-09', 'Ask about evening shifts'));
    await post('/api/decision-notes', decision(p.id, '2026-03-12', '   '));
    expect((await agreed(p.id)).step).toEqual({
      text: 'Ask about evening shifts',
      dueOn: '2026-05-01',
    });

    const action = await post('/api/advocacy-actions', {
      participantId: p.id,
      level: 'individual',
      category: 'housing',
      title: 'Call the housing office',
      openedOn: '2026-03-07',
      dueOn: '2026-04-15',
    });
    expect((await agreed(p.id)).step).toEqual({
      text: 'Call the housing office',
      dueOn: '2026-04-15',
    });

    const done = await t.request('PATCH', `/api/advocacy-actions/${action.id}`, {
      token: w.workerA.token,
      body: { version: action.version, status: 'done', completedOn: '2026-03-10' },
    });
    expect(done.status).toBe(200);
    expect((await agreed(p.id)).step).toEqual({
      text: 'Ask about evening shifts',
      dueOn: '2026-05-01',
    });

    // Straight to the database: an update of several notes at once, then deletes.
    await t.db.query(
      `UPDATE decision_note SET next_steps = next_steps || ' (again)'
        WHERE participant_id = $1 AND btrim(next_steps) <> ''`,
      [p.id],
    );
    expect((await agreed(p.id)).step).toEqual({
      text: 'Ask about evening shifts (again)',
      dueOn: '2026-05-01',
    });
    await t.db.query(`UPDATE advocacy_action SET status = 'open' WHERE id = $1`, [action.id]);
    expect((await agreed(p.id)).step).toEqual({
      text: 'Call the housing office',
      dueOn: '2026-04-15',
    });
    await t.db.query(`DELETE FROM advocacy_action WHERE id = $1`, [action.id]);
    await t.db.query(`DELETE FROM decision_note WHERE participant_id = $1 AND id <> $2`, [
      p.id,
      note.id,
    ]);
    expect((await agreed(p.id)).step).toEqual({ text: 'Write the CV', dueOn: '2026-05-01' });

    expect(await listed(w.workerA, 'keptstep')).toEqual([
      { id: p.id, lastContactOn: null, nextStep: { text: 'Write the CV', dueOn: '2026-05-01' } },
    ]);
    await t.db.query(`DELETE FROM decision_note WHERE participant_id = $1`, [p.id]);
    expect((await agreed(p.id)).step).toBeNull();
  });

  it('follows a move to another team, with the records that move and those that stay', async () => {
    const p = await createParticipant(t, w.workerA, { firstName: 'Ada', lastName: 'Keptmove' });
    await post('/api/decision-notes', decision(p.id, '2026-03-06', 'Visit the library'));
    await createSession(t, w.workerA, [p.id], { startsAt: '2026-03-02T17:00:00Z' });
    expect(await agreed(p.id)).toEqual({
      contact: '2026-03-02',
      step: { text: 'Visit the library', dueOn: '2026-05-01' },
    });

    const moved = await t.request('PATCH', `/api/participants/${p.id}`, {
      token: w.admin.token,
      body: { version: p.version, teamId: w.teamB.id },
    });
    expect(moved.status).toBe(200);
    // The note moved with the person; the session (and its contact) stayed with team A.
    expect(await agreed(p.id)).toEqual({
      contact: '2026-03-02',
      step: { text: 'Visit the library', dueOn: '2026-05-01' },
    });
    expect(await listed(w.workerA, 'keptmove')).toEqual([]);
    expect(await listed(w.workerB, 'keptmove')).toEqual([
      {
        id: p.id,
        lastContactOn: '2026-03-02',
        nextStep: { text: 'Visit the library', dueOn: '2026-05-01' },
      },
    ]);

    // A move straight in the database, leaving the records behind: the next step is the new
    // team's (none), and comes back with the person.
    await t.db.query(`UPDATE participant SET team_id = $1 WHERE id = $2`, [w.teamA.id, p.id]);
    expect(await agreed(p.id)).toEqual({ contact: '2026-03-02', step: null });
    await t.db.query(`UPDATE participant SET team_id = $1 WHERE id = $2`, [w.teamB.id, p.id]);
    expect((await agreed(p.id)).step).toEqual({ text: 'Visit the library', dueOn: '2026-05-01' });
  });
});
