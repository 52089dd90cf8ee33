import { randomUUID } from 'node:crypto';
import type { Participant, Session } from '@peerpath/shared';
import type { SeededUser, TestApp } from '../harness';

/** A participant through the API, in the caller's team (an admin adds `teamId`). */
export async function createParticipant(
  t: TestApp,
  who: SeededUser,
  fields: Record<string, unknown> = {},
): Promise<Participant> {
  const res = await t.request('POST', '/api/participants', {
    token: who.token,
    body: { firstName: 'Casey', lastName: `Doe ${randomUUID().slice(0, 6)}`, ...fields },
  });
  if (res.status !== 201) throw new Error(`participant not created: ${res.status} ${res.text}`);
  return res.body;
}

/** A group session through the API, facilitated by the caller, with everyone attending. */
export async function createSession(
  t: TestApp,
  who: SeededUser,
  participantIds: string[],
  fields: Record<string, unknown> = {},
): Promise<Session> {
  const res = await t.request('POST', '/api/sessions', {
    token: who.token,
    body: sessionBody(participantIds, fields),
  });
  if (res.status !== 201) throw new Error(`session not created: ${res.status} ${res.text}`);
  return res.body;
}

export function sessionBody(participantIds: string[], fields: Record<string, unknown> = {}) {
  return {
    type: 'support_group',
    setting: 'community_center',
    startsAt: '2026-03-02T17:00:00Z',
    durationMinutes: 90,
    activities: ['coping_strategies', 'emotional_support'],
    attendance: participantIds.map((participantId) => ({ participantId, status: 'attended' })),
    ...fields,
  };
}

/** A participant written straight to the database (no audit, no API rules). */
export async function insertParticipant(
  t: TestApp,
  teamId: string,
  fields: { firstName?: string; lastName?: string; preferredName?: string | null } = {},
): Promise<string> {
  const { rows } = await t.db.query(
    `INSERT INTO participant (team_id, first_name, last_name, preferred_name, enrolled_on)
     VALUES ($1, $2, $3, $4, '2025-09-01') RETURNING id`,
    [
      teamId,
      fields.firstName ?? 'Drew',
      fields.lastName ?? 'Example',
      fields.preferredName ?? null,
    ],
  );
  return rows[0].id;
}
