import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/**
 * What a third party (a referral platform, a state's reporting hub) writes
 * with the client generated from PeerPath's OpenAPI document: sign in, list the
 * team's active participants, and log a one-to-one session with one of them.
 * Type-checked by `pnpm typecheck`; run against a real server by
 * test/openapi-client.e2e-spec.ts.
 */
export type Participant = components['schemas']['ParticipantListItemResponse'];
export type Session = components['schemas']['SessionResponse'];

export async function listAndLogSession(
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<{ participants: Participant[]; session: Session }> {
  const client = createClient<paths>({ baseUrl });

  const signIn = await client.POST('/api/auth/login', { body: credentials });
  if (!signIn.data) throw new Error(`Sign-in failed: ${signIn.error?.message}`);
  const headers = { Authorization: `Bearer ${signIn.data.accessToken}` };

  const list = await client.GET('/api/participants', {
    params: { query: { status: 'active', pageSize: 10 } },
    headers,
  });
  if (!list.data) throw new Error(`Listing failed: ${list.error?.message}`);
  const [first] = list.data.items;
  if (!first) throw new Error('No active participant to log a session with');

  const logged = await client.POST('/api/sessions', {
    headers,
    body: {
      type: 'one_to_one_mentoring',
      setting: 'phone',
      startsAt: new Date().toISOString(),
      durationMinutes: 45,
      activities: ['emotional_support', 'coping_strategies'],
      attendance: [{ participantId: first.id, status: 'attended' }],
    },
  });
  if (!logged.data) {
    // Field errors come back as `errors`, keyed by field path.
    throw new Error(
      `Logging failed: ${logged.error?.message} ${JSON.stringify(logged.error?.errors)}`,
    );
  }
  return { participants: list.data.items, session: logged.data };
}
