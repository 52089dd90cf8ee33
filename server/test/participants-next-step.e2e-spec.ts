import type { Page, ParticipantListItem } from '@peerpath/shared';
import { createParticipant } from './factories/daily-loop';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';

/**
 * The participant list leads with what comes next for each person: their
 * soonest unfinished advocacy action, else their newest decision's next steps;
 * a page served from the list cache follows every change of either.
 */
describe('participants: next step in the list', () => {
  let t: TestApp;
  let w: World;
  let id: string;

  const nextStep = async () => {
    const res = await t.request<Page<ParticipantListItem>>(
      'GET',
      '/api/participants?search=Nextstep',
      { token: w.workerA.token },
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    return res.body.items[0].nextStep;
  };
  const post = async (path: string, body: object, token = w.workerA.token) => {
    const res = await t.request('POST', path, { token, body });
    expect({ path, status: res.status, text: res.text }).toMatchObject({ path, status: 201 });
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    id = (await createParticipant(t, w.workerA, { firstName: 'Robin', lastName: 'Nextstep' })).id;
  });
  afterAll(() => t.close());

  it('has none at first, then follows decisions and advocacy as they are written', async () => {
    expect(await nextStep()).toBeNull();

    // A decision's next steps (its first line), with its follow-up date.
    await post('/api/decision-notes', {
      participantId: id,
      discussedOn: '2026-03-06',
      decidedBy: 'participant',
      topic: 'Where to live',
      options: [{ label: 'Stay with sister' }, { label: 'Apply for housing' }],
      decision: 'Apply for housing',
      nextSteps: 'Fill in the housing form together\nBring ID next time',
      followUpOn: '2026-03-20',
    });
    expect(await nextStep()).toEqual({
      text: 'Fill in the housing form together',
      dueOn: '2026-03-20',
    });

    // An unfinished advocacy action comes first; the soonest due of two.
    await post('/api/advocacy-actions', {
      participantId: id,
      level: 'individual',
      category: 'housing',
      title: 'Call the housing office',
      openedOn: '2026-03-07',
      dueOn: '2026-04-15',
    });
    expect(await nextStep()).toEqual({ text: 'Call the housing office', dueOn: '2026-04-15' });
    const sooner = await post('/api/advocacy-actions', {
      participantId: id,
      level: 'individual',
      category: 'benefits',
      title: 'Appeal the benefits letter',
      openedOn: '2026-03-08',
      dueOn: '2026-03-30',
    });
    expect(await nextStep()).toEqual({ text: 'Appeal the benefits letter', dueOn: '2026-03-30' });

    // Completing it moves on to the next one (an update, not a new row).
    const done = await t.request('PATCH', `/api/advocacy-actions/${sooner.id}`, {
      token: w.workerA.token,
      body: { version: sooner.version, status: 'done', completedOn: '2026-03-10' },
    });
    expect(done.status).toBe(200);
    expect(await nextStep()).toEqual({ text: 'Call the housing office', dueOn: '2026-04-15' });

    // The database agrees with what the list shows.
    const { rows } = await t.db.query(
      `SELECT title FROM advocacy_action WHERE participant_id = $1 AND status IN ('open', 'in_progress')`,
      [id],
    );
    expect(rows.map((r) => r.title)).toEqual(['Call the housing office']);
  });

  it('never shows another team’s records as a next step', async () => {
    const other = await t.request<Page<ParticipantListItem>>('GET', '/api/participants', {
      token: w.workerB.token,
    });
    expect(other.status).toBe(200);
    expect(JSON.stringify(other.body)).not.toContain('housing');
  });
});
