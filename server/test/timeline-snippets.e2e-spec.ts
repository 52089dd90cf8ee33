import { createTestApp, type TestApp } from './harness';
import { seedOrganisation, versionOf, type Organisation } from './support/organisation';

/*
 * Issue #16, item 2: every timeline entry says what happened in one line under
 * its label — a session's notes, an advocacy action's status and due date
 * ("past due" when late and still open), a handout's outcome (and follow-up
 * date while pending), a decision note's decision. A session another team
 * delivered stays a summary: no snippet, and none of its notes.
 */

interface Item {
  kind: string;
  id: string;
  summary: string;
  snippet: string | null;
  openable: boolean;
}

describe('timeline snippets', () => {
  let t: TestApp;
  let org: Organisation;

  const timeline = async (token: string, participantId: string): Promise<Item[]> => {
    const res = await t.request('GET', `/api/participants/${participantId}/timeline`, { token });
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };
  const item = (items: Item[], id: string): Item => {
    const found = items.find((i) => i.id === id);
    if (!found) throw new Error(`no timeline item ${id}`);
    return found;
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  it('gives each kind of entry a one-line snippet of what happened', async () => {
    const { a } = org;
    const items = await timeline(a.worker.token, a.participant.id);
    expect(item(items, a.session.id).snippet).toBe(
      'Marisol spoke about cravings around payday; group shared grounding techniques.',
    );
    // In progress, due 15 April 2026, which is before today: past due.
    expect(item(items, a.advocacy.id).snippet).toBe('In progress · due 15 Apr 2026 · past due');
    expect(item(items, a.handout.id).snippet).toBe('Awaiting follow-up · follow up 12 Mar 2026');
    expect(item(items, a.decisionNote.id).snippet).toBe(
      'Book an intake appointment at Eastgate next Tuesday',
    );
  });

  it('says past due only for open work, shortens long notes and names a missing decision', async () => {
    const { a } = org;
    const as = (method: string, url: string, body: unknown) =>
      t.request(method, url, { token: a.worker.token, body });
    const advocacy = (status: string, dueOn: string) =>
      as('POST', '/api/advocacy-actions', {
        participantId: a.participant.id,
        level: 'individual',
        category: 'benefits',
        title: `Benefits review ${status} ${dueOn}`,
        status,
        openedOn: '2026-03-01',
        dueOn,
        ...(status === 'done' ? { completedOn: '2026-03-10', outcome: 'Approved' } : {}),
      });
    const done = await advocacy('done', '2026-03-15');
    expect(done.status).toBe(201);
    const future = await advocacy('open', '2099-01-31');
    expect(future.status).toBe(201);

    const long = `Talked   about\nthe new job,\n\n${'sleep and routines; '.repeat(12)}end of notes`;
    const session = await as('POST', '/api/sessions', {
      type: 'one_to_one_mentoring',
      setting: 'phone',
      startsAt: '2026-03-09T10:00:00Z',
      durationMinutes: 45,
      activities: ['emotional_support'],
      notes: long,
      attendance: [{ participantId: a.participant.id, status: 'attended' }],
    });
    expect(session.status).toBe(201);
    const quiet = await as('POST', '/api/sessions', {
      type: 'one_to_one_mentoring',
      setting: 'phone',
      startsAt: '2026-03-10T10:00:00Z',
      durationMinutes: 30,
      activities: [],
      attendance: [{ participantId: a.participant.id, status: 'attended' }],
    });
    expect(quiet.status).toBe(201);
    const undecided = await as('POST', '/api/decision-notes', {
      participantId: a.participant.id,
      discussedOn: '2026-03-11',
      topic: 'Moving to a day programme',
      options: [{ label: 'Try the Tuesday group' }],
      decidedBy: 'deferred',
    });
    expect(undecided.status).toBe(201);
    const connected = await as('POST', '/api/handouts', {
      participantId: a.participant.id,
      resourceId: org.resource.id,
      method: 'printed',
      givenOn: '2026-03-06',
      followUpOn: '2026-03-13',
      outcome: 'connected',
      outcomeOn: '2026-03-12',
    });
    expect(connected.status).toBe(201);

    const items = await timeline(a.worker.token, a.participant.id);
    expect(item(items, done.body.id).snippet).toBe('Done · due 15 Mar 2026');
    expect(item(items, future.body.id).snippet).toBe('Open · due 31 Jan 2099');
    const snippet = item(items, session.body.id).snippet!;
    expect(snippet.startsWith('Talked about the new job, sleep and routines; sleep')).toBe(true);
    expect(snippet).not.toMatch(/\s{2}|\n/);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(121);
    expect(item(items, quiet.body.id).snippet).toBeNull();
    expect(item(items, undecided.body.id).snippet).toBe('No decision yet');
    expect(item(items, connected.body.id).snippet).toBe('Connected');

    // The notes themselves are unchanged: the snippet is only a view.
    const { rows } = await t.db.query(`SELECT notes FROM support_session WHERE id = $1`, [
      session.body.id,
    ]);
    expect(rows[0].notes).toBe(long);
  });

  it('gives a moved person’s session of the old team no snippet and none of its notes', async () => {
    const { a, b, admin } = org;
    const moved = await t.request('PATCH', `/api/participants/${a.participant.id}`, {
      token: admin.token,
      body: {
        version: await versionOf(t, 'participant', a.participant.id),
        teamId: b.team.id,
        primaryWorkerId: b.worker.id,
      },
    });
    expect(moved.status).toBe(200);

    const res = await t.request('GET', `/api/participants/${a.participant.id}/timeline`, {
      token: b.worker.token,
    });
    expect(res.status).toBe(200);
    const session = item(res.body.items as Item[], a.session.id);
    expect(session.openable).toBe(false);
    expect(session.snippet).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain('cravings around payday');
    // What moved with the person keeps its snippet for the new team.
    expect(item(res.body.items as Item[], a.decisionNote.id).snippet).toBe(
      'Book an intake appointment at Eastgate next Tuesday',
    );
    const { rows } = await t.db.query(`SELECT team_id, notes FROM support_session WHERE id = $1`, [
      a.session.id,
    ]);
    expect(rows[0]).toEqual({
      team_id: a.team.id,
      notes: 'Marisol spoke about cravings around payday; group shared grounding techniques.',
    });
  });
});
