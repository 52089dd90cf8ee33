import type { AddressInfo } from 'node:net';
import { listAndLogSession } from './client/example';
import { createTestApp, seedWorld, TEST_PASSWORD, type TestApp, type World } from './harness';

/** The README's third-party example, with the client generated from the document, over real HTTP. */
describe('the generated TypeScript client', () => {
  let t: TestApp;
  let w: World;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(() => t.close());

  it('lists participants and logs a session with the typed client', async () => {
    const created = await t.request('POST', '/api/participants', {
      token: w.workerA.token,
      body: { firstName: 'Robin', lastName: 'Achebe' },
    });
    expect(created.status).toBe(201);

    const { participants, session } = await listAndLogSession(baseUrl, {
      email: w.workerA.email,
      password: TEST_PASSWORD,
    });
    expect(participants.map((p) => p.id)).toEqual([created.body.id]);
    expect(session).toMatchObject({
      type: 'one_to_one_mentoring',
      format: 'one_to_one',
      facilitatorId: w.workerA.id,
      teamId: w.teamA.id,
      attendance: [{ participantId: created.body.id, status: 'attended', note: null }],
    });
    const { rows } = await t.db.query(
      `SELECT s.facilitator_id, a.participant_id, a.status
         FROM support_session s JOIN attendance a ON a.session_id = s.id WHERE s.id = $1`,
      [session.id],
    );
    expect(rows).toEqual([
      { facilitator_id: w.workerA.id, participant_id: created.body.id, status: 'attended' },
    ]);
  });
});
