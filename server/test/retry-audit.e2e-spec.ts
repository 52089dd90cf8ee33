import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from './harness';
import { seedOrganisation, type Organisation } from './support/organisation';
import { auditSeq } from './support/routes';

interface AuditRow {
  actor_id: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  participant_id: string | null;
  team_id: string | null;
}

/**
 * SPEC §3 and §4: a safe retry that returns a stored record (200) writes
 * nothing to the record, but it is a read of that record and is audited as
 * one, naming the record, its participant and its team as any other read does.
 */
describe('safe retries are audited as reads', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await createTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  async function eventsSince(seq: string): Promise<AuditRow[]> {
    const { rows } = await t.db.query(
      `SELECT actor_id, action, entity_type, entity_id, participant_id, team_id
         FROM audit_event WHERE seq > $1 ORDER BY seq`,
      [seq],
    );
    return rows as AuditRow[];
  }

  /** Creates with a client id, retries the same body, and returns the retry's answer and events. */
  async function createThenRetry(table: string, url: string, body: Record<string, unknown>) {
    const { worker } = org.a;
    const first = await t.request('POST', url, { token: worker.token, body });
    expect(first.status).toBe(201);
    const rowsBefore = (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    const seq = await auditSeq(t);
    const retry = await t.request('POST', url, { token: worker.token, body });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const rowsAfter = (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    expect(rowsAfter).toBe(rowsBefore);
    return { record: retry.body, events: await eventsSince(seq) };
  }

  it('audits a retried participant create as a read of that participant', async () => {
    const id = randomUUID();
    const { events } = await createThenRetry('participant', '/api/participants', {
      id,
      firstName: 'Rosalind',
      lastName: 'Achebe',
    });
    expect(events).toEqual([
      {
        actor_id: org.a.worker.id,
        action: 'read',
        entity_type: 'participant',
        entity_id: id,
        participant_id: id,
        team_id: org.a.team.id,
      },
    ]);
  });

  it('audits a retried session create as a read naming each attendee', async () => {
    const id = randomUUID();
    const { events } = await createThenRetry('support_session', '/api/sessions', {
      id,
      type: 'support_group',
      setting: 'clinic',
      startsAt: '2026-03-10T17:00:00Z',
      durationMinutes: 60,
      attendance: [
        { participantId: org.a.participant.id, status: 'attended' },
        { participantId: org.a.relative.id, status: 'absent' },
      ],
    });
    const expected = [org.a.participant.id, org.a.relative.id].map((participantId) => ({
      actor_id: org.a.worker.id,
      action: 'read',
      entity_type: 'session',
      entity_id: id,
      participant_id: participantId,
      team_id: org.a.team.id,
    }));
    expect(events).toEqual(expect.arrayContaining(expected));
    expect(events).toHaveLength(2);
  });

  it('audits a retried advocacy action create as a read of that action', async () => {
    const id = randomUUID();
    const { events } = await createThenRetry('advocacy_action', '/api/advocacy-actions', {
      id,
      participantId: org.a.participant.id,
      level: 'individual',
      category: 'benefits',
      title: 'Renew the bus pass discount',
    });
    expect(events).toEqual([
      {
        actor_id: org.a.worker.id,
        action: 'read',
        entity_type: 'advocacy_action',
        entity_id: id,
        participant_id: org.a.participant.id,
        team_id: org.a.team.id,
      },
    ]);
  });

  it('audits a retried handout create as a read of that handout', async () => {
    const id = randomUUID();
    const { events } = await createThenRetry('handout', '/api/handouts', {
      id,
      participantId: org.a.participant.id,
      resourceId: org.resource.id,
      method: 'printed',
    });
    expect(events).toEqual([
      {
        actor_id: org.a.worker.id,
        action: 'read',
        entity_type: 'handout',
        entity_id: id,
        participant_id: org.a.participant.id,
        team_id: org.a.team.id,
      },
    ]);
  });

  it('audits a retried decision note create as a read of that note', async () => {
    const id = randomUUID();
    const { events } = await createThenRetry('decision_note', '/api/decision-notes', {
      id,
      participantId: org.a.participant.id,
      topic: 'Which evening group to try first',
      options: [{ label: 'Tuesday circle' }, { label: 'Thursday circle' }],
      decidedBy: 'participant',
    });
    expect(events).toEqual([
      {
        actor_id: org.a.worker.id,
        action: 'read',
        entity_type: 'decision_note',
        entity_id: id,
        participant_id: org.a.participant.id,
        team_id: org.a.team.id,
      },
    ]);
  });

  it('writes no read event for a retry that differs (409), and nothing else either', async () => {
    const id = randomUUID();
    const body = { id, firstName: 'Casimir', lastName: 'Nwosu' };
    expect(
      (await t.request('POST', '/api/participants', { token: org.a.worker.token, body })).status,
    ).toBe(201);
    const seq = await auditSeq(t);
    const res = await t.request('POST', '/api/participants', {
      token: org.a.worker.token,
      body: { ...body, lastName: 'Nwosu-Okeke' },
    });
    expect(res.status).toBe(409);
    expect(await eventsSince(seq)).toEqual([]);
    const { rows } = await t.db.query(`SELECT last_name FROM participant WHERE id = $1`, [id]);
    expect(rows).toEqual([{ last_name: 'Nwosu' }]);
  });
});
