import {
  addDays,
  todayIn,
  type ActivitySummary,
  type Handout,
  type HandoutListItem,
  type Page,
  type Resource,
} from '@peerpath/shared';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';

/** Participants are inserted directly: their endpoints are another feature's. */
async function seedParticipant(t: TestApp, teamId: string, first: string): Promise<string> {
  const { rows } = await t.db.query(
    `INSERT INTO participant (team_id, first_name, last_name, enrolled_on)
     VALUES ($1, $2, 'Okafor', '2026-01-05') RETURNING id`,
    [teamId, first],
  );
  return rows[0].id as string;
}

/** Referrals that close the loop (SPEC §12): statuses with history, changed at any time. */
describe('referrals', () => {
  let t: TestApp;
  let w: World;
  let pA: string;
  let pB: string;
  let food: Resource;
  const today = todayIn('UTC');

  async function give(
    token: string,
    participantId: string,
    givenOn: string,
    extra: object = {},
  ): Promise<Handout> {
    const res = await t.request('POST', '/api/handouts', {
      token,
      body: { participantId, resourceId: food.id, method: 'warm_handoff', givenOn, ...extra },
    });
    if (res.status !== 201) throw new Error(`handout failed: ${res.status} ${res.text}`);
    return res.body;
  }
  const move = (token: string, id: string, body: object) =>
    t.request('POST', `/api/handouts/${id}/status`, { token, body });
  async function stored(id: string) {
    const { rows } = await t.db.query(
      `SELECT outcome, to_char(outcome_on, 'YYYY-MM-DD') AS outcome_on,
              to_char(follow_up_on, 'YYYY-MM-DD') AS follow_up_on, history, updated_at
         FROM handout WHERE id = $1`,
      [id],
    );
    return rows[0];
  }
  async function auditOf(id: string) {
    const { rows } = await t.db.query(
      `SELECT actor_id, action, details FROM audit_event
        WHERE entity_type = 'handout' AND entity_id = $1 ORDER BY seq`,
      [id],
    );
    return rows;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    pA = await seedParticipant(t, w.teamA.id, 'Grace');
    pB = await seedParticipant(t, w.teamB.id, 'Tomas');
    food = (
      await t.request('POST', '/api/resources', {
        token: w.admin.token,
        body: { name: 'Harbor Food Pantry', category: 'food' },
      })
    ).body;
  });
  afterAll(() => t.close());

  it('keeps every step: open steps, a closing one, and an undo as a new step, each audited', async () => {
    const givenOn = addDays(today, -10);
    const h = await give(w.workerA.token, pA, givenOn, { followUpOn: addDays(today, -3) });
    expect(h.history).toEqual([{ status: 'pending', on: givenOn, byId: w.workerA.id }]);
    expect(h.open).toBe(true);

    // Contacted, with a note, and the next follow-up moved in the same step.
    const contacted = await move(w.workerA.token, h.id, {
      status: 'contacted',
      on: addDays(today, -8),
      note: 'Called the pantry together',
      followUpOn: addDays(today, 2),
    });
    expect(contacted.status).toBe(200);
    expect(contacted.body).toMatchObject({
      id: h.id,
      outcome: 'contacted',
      outcomeOn: addDays(today, -8),
      followUpOn: addDays(today, 2),
      open: true,
      history: [
        { status: 'pending', on: givenOn, byId: w.workerA.id },
        {
          status: 'contacted',
          on: addDays(today, -8),
          byId: w.workerA.id,
          note: 'Called the pantry together',
        },
      ],
    });
    expect(await stored(h.id)).toMatchObject({
      outcome: 'contacted',
      outcome_on: addDays(today, -8),
      follow_up_on: addDays(today, 2),
      history: contacted.body.history,
    });

    // The same step again by the same person: 200, as it is, nothing written.
    const before = await stored(h.id);
    const again = await move(w.workerA.token, h.id, {
      status: 'contacted',
      on: addDays(today, -8),
      note: 'Called the pantry together',
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(contacted.body);
    expect(await stored(h.id)).toEqual(before);
    // By someone else: 409 with the handout as it is, nothing written.
    const other = await move(w.supA.token, h.id, {
      status: 'contacted',
      on: addDays(today, -8),
      note: 'Called the pantry together',
    });
    expect(other.status).toBe(409);
    expect(other.body.record).toEqual(contacted.body);
    expect(await stored(h.id)).toEqual(before);

    // Connected (today by default): closed.
    const connected = await move(w.supA.token, h.id, { status: 'connected' });
    expect(connected.status).toBe(200);
    expect(connected.body).toMatchObject({ outcome: 'connected', outcomeOn: today, open: false });
    expect(connected.body.history).toHaveLength(3);
    expect(connected.body.history[2]).toEqual({ status: 'connected', on: today, byId: w.supA.id });

    // An undo is a new step, never a deletion: open again.
    const undo = await move(w.workerA.token, h.id, {
      status: 'scheduled',
      note: 'Recorded too soon: the appointment is on Friday',
    });
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ outcome: 'scheduled', outcomeOn: today, open: true });
    expect(undo.body.history.map((s: { status: string }) => s.status)).toEqual([
      'pending',
      'contacted',
      'connected',
      'scheduled',
    ]);
    // Back to pending: the day of the outcome goes, the step stays.
    const pending = await move(w.workerA.token, h.id, { status: 'pending' });
    expect(pending.body).toMatchObject({ outcome: 'pending', outcomeOn: null, open: true });
    expect(pending.body.history).toHaveLength(5);
    expect((await stored(h.id)).history).toHaveLength(5);

    const audit = await auditOf(h.id);
    const updates = audit.filter((a) => a.action === 'update');
    expect(updates.map((a) => [a.actor_id, a.details.outcome])).toEqual([
      [w.workerA.id, { from: 'pending', to: 'contacted' }],
      [w.supA.id, { from: 'contacted', to: 'connected' }],
      [w.workerA.id, { from: 'connected', to: 'scheduled' }],
      [w.workerA.id, { from: 'scheduled', to: 'pending' }],
    ]);
    expect(updates[0].details.fields).toEqual(['outcome', 'history', 'followUpOn']);
    expect(audit.filter((a) => a.details?.repeated === 'status')).toHaveLength(1);
  });

  it('refuses bad input with 400 naming the field, and another team’s referral with 404, changing nothing', async () => {
    const h = await give(w.workerA.token, pA, addDays(today, -5));
    const hB = await give(w.workerB.token, pB, addDays(today, -5));
    const sum = await tableChecksum(t, 'handout');
    const cases: [object, string][] = [
      [{ status: 'maybe' }, 'status'],
      [{}, 'status'],
      [{ status: 'contacted', on: addDays(today, 1) }, 'on'],
      [{ status: 'contacted', on: addDays(today, -6) }, 'on'],
      [{ status: 'contacted', on: '2026-02-30' }, 'on'],
      [{ status: 'contacted', followUpOn: addDays(today, -6) }, 'followUpOn'],
      [{ status: 'contacted', note: 'x'.repeat(2001) }, 'note'],
      [{ status: 'contacted', outcome: 'connected' }, 'outcome'],
    ];
    for (const [body, field] of cases) {
      const res = await move(w.workerA.token, h.id, body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    for (const token of [w.workerA.token, w.supA.token]) {
      const res = await move(token, hB.id, { status: 'connected' });
      expect(res.status).toBe(404);
    }
    expect((await move(w.workerB.token, h.id, { status: 'connected' })).status).toBe(404);
    expect(await tableChecksum(t, 'handout')).toBe(sum);
  });

  it('lists open and closed referrals, and the old PATCH adds a step too', async () => {
    const open = await give(w.workerA2.token, pA, addDays(today, -4));
    const closed = await give(w.workerA2.token, pA, addDays(today, -4));
    const patched = await t.request<Handout>('PATCH', `/api/handouts/${closed.id}`, {
      token: w.workerA2.token,
      body: { outcome: 'no_capacity', outcomeOn: addDays(today, -1) },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ outcome: 'no_capacity', open: false });
    expect(patched.body.history).toEqual([
      { status: 'pending', on: addDays(today, -4), byId: w.workerA2.id },
      { status: 'no_capacity', on: addDays(today, -1), byId: w.workerA2.id },
    ]);
    const list = async (q: string) =>
      (
        await t.request<Page<HandoutListItem>>(
          'GET',
          `/api/handouts?workerId=${w.workerA2.id}&${q}`,
          { token: w.supA.token },
        )
      ).body.items.map((i) => i.id);
    expect(await list('open=true')).toEqual([open.id]);
    expect(await list('open=false')).toEqual([closed.id]);
  });

  it('shows the last step of an open referral on the agenda', async () => {
    const h = await give(w.supA.token, pA, addDays(today, -9));
    await move(w.supA.token, h.id, { status: 'scheduled', followUpOn: addDays(today, -1) });
    const res = await t.request('GET', `/api/agenda?date=${today}`, { token: w.supA.token });
    expect(res.status).toBe(200);
    const item = res.body.items.find(
      (i: { kind: string; dueOn: string }) =>
        i.kind === 'handout_follow_up' && i.dueOn === addDays(today, -1),
    );
    expect(item.title).toBe('Follow up on Harbor Food Pantry · last step: Appointment booked');
    // Closed: off the agenda.
    await move(w.supA.token, h.id, { status: 'not_eligible' });
    const after = await t.request('GET', `/api/agenda?date=${today}`, { token: w.supA.token });
    expect(
      after.body.items.filter((i: { kind: string }) => i.kind === 'handout_follow_up'),
    ).toEqual([]);
  });
});

/**
 * The figures, worked by hand (May 2026, team C of its own app so nothing else counts):
 *
 *   handout  givenOn  steps                                          now           closing step  days
 *   H1       05-01    contacted 05-03, scheduled 05-06, connected 05-11  connected   05-11         10
 *   H2       05-02    no_capacity 05-06                              no_capacity   05-06          4
 *   H3       05-04    connected 05-08, contacted 05-09 (undo)        contacted     —  (open)
 *   H4       04-20    not_eligible 05-02                             not_eligible  05-02         12 (given in April)
 *   H5       05-10    declined 05-30                                 declined      05-30         20
 *   H6       05-12    —                                              pending       —
 *   H7       05-20    connected 06-02                                connected     06-02 (June)
 *   team B   05-01    connected 05-05                                (another team)
 *
 * byOutcome (givenOn in May): pending 1 (H6), contacted 1 (H3), connected 2 (H1, H7),
 * declined 1 (H5), no_capacity 1 (H2); total 6. connectionRate = 2 / (2 + 1 + 1) = 0.5.
 * Closed in May: H1 10, H2 4, H4 12, H5 20 → median of 4, 10, 12, 20 = 11.
 */
describe('referral figures', () => {
  let t: TestApp;
  let w: World;
  const MAY = 'from=2026-05-01&to=2026-05-31';

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    const pA = await seedParticipant(t, w.teamA.id, 'Amara');
    const pB = await seedParticipant(t, w.teamB.id, 'Bo');
    const food = (
      await t.request('POST', '/api/resources', {
        token: w.admin.token,
        body: { name: 'Kettle Food Pantry', category: 'food' },
      })
    ).body as Resource;
    const journey = async (
      token: string,
      participantId: string,
      givenOn: string,
      steps: [string, string][],
    ) => {
      const res = await t.request('POST', '/api/handouts', {
        token,
        body: { participantId, resourceId: food.id, method: 'printed', givenOn },
      });
      expect(res.status).toBe(201);
      for (const [status, on] of steps) {
        const s = await t.request('POST', `/api/handouts/${res.body.id}/status`, {
          token,
          body: { status, on: `2026-${on}` },
        });
        expect(s.status).toBe(200);
      }
    };
    const A = w.workerA.token;
    await journey(A, pA, '2026-05-01', [
      ['contacted', '05-03'],
      ['scheduled', '05-06'],
      ['connected', '05-11'],
    ]);
    await journey(A, pA, '2026-05-02', [['no_capacity', '05-06']]);
    await journey(A, pA, '2026-05-04', [
      ['connected', '05-08'],
      ['contacted', '05-09'],
    ]);
    await journey(A, pA, '2026-04-20', [['not_eligible', '05-02']]);
    await journey(A, pA, '2026-05-10', [['declined', '05-30']]);
    await journey(A, pA, '2026-05-12', []);
    await journey(A, pA, '2026-05-20', [['connected', '06-02']]);
    await journey(w.workerB.token, pB, '2026-05-01', [['connected', '05-05']]);
  });
  afterAll(() => t.close());

  it('counts by current status, connectionRate = connected ÷ closed, and the median days to outcome', async () => {
    const res = await t.request<ActivitySummary>('GET', `/api/reports/activity?${MAY}`, {
      token: w.supA.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.handouts).toEqual({
      total: 6,
      byCategory: expect.objectContaining({ food: 6, housing: 0 }),
      byOutcome: {
        pending: 1,
        contacted: 1,
        scheduled: 0,
        connected: 2,
        not_connected: 0,
        declined: 1,
        no_capacity: 1,
        not_eligible: 0,
      },
      connectionRate: 0.5,
      medianDaysToOutcome: 11,
    });
    // The whole organisation adds team B's (given 05-01, connected 05-05: 4 days):
    // 4, 4, 10, 12, 20 → 10; connected 3 of 5 closed → 0.6.
    const all = await t.request<ActivitySummary>('GET', `/api/reports/activity?${MAY}`, {
      token: w.admin.token,
    });
    expect(all.body.handouts).toMatchObject({ connectionRate: 0.6, medianDaysToOutcome: 10 });
    // Closed in June: H7 alone (13 days); nothing given in June.
    const june = await t.request<ActivitySummary>(
      'GET',
      '/api/reports/activity?from=2026-06-01&to=2026-06-30',
      { token: w.supA.token },
    );
    expect(june.body.handouts).toMatchObject({
      total: 0,
      connectionRate: null,
      medianDaysToOutcome: 13,
    });
    // Nothing closed: null.
    const april = await t.request<ActivitySummary>(
      'GET',
      '/api/reports/activity?from=2026-04-01&to=2026-04-30',
      { token: w.supA.token },
    );
    expect(april.body.handouts).toMatchObject({ medianDaysToOutcome: null });
  });

  it('hides the median in the funder export when fewer than the threshold closed, shows it internally', async () => {
    const row = (csv: string) =>
      csv
        .split('\n')
        .find((l) => l.startsWith('handouts,medianDaysToOutcome,'))
        ?.split(',')
        .slice(0, 4)
        .join(',');
    const funder = await t.request('GET', `/api/reports/activity/export?${MAY}&format=csv`, {
      token: w.supA.token,
    });
    expect(funder.status).toBe(200);
    // 4 referrals closed, threshold 11.
    expect(row(funder.text)).toBe('handouts,medianDaysToOutcome,,suppressed');
    const internal = await t.request(
      'GET',
      `/api/reports/activity/export?${MAY}&format=csv&internal=true`,
      { token: w.supA.token },
    );
    expect(internal.status).toBe(200);
    expect(row(internal.text)).toBe('handouts,medianDaysToOutcome,,11');
  });
});
