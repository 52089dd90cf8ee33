import type { DataSource } from 'typeorm';
import { addDays, todayIn } from '@peerpath/shared';
import type { ResolvedConfig } from '../../config/config';

/**
 * The demo team's credentials (SPEC §11): most are certified for a while yet;
 * Jordan Blake's certification ends in six weeks, so it shows on their
 * agenda and the supervisor's; Sam Whitfield and Robin MacLeod are new and
 * still working toward theirs (their notes are co-signed, SPEC §8).
 */
const CREDENTIALS: { email: string; credential: string; daysLeft: number | null }[] = [
  {
    email: 'maya.okafor@northside.example',
    credential: 'Certified Peer Recovery Specialist',
    daysLeft: 540,
  },
  {
    email: 'alex.rivera@northside.example',
    credential: 'Certified Peer Recovery Specialist',
    daysLeft: 410,
  },
  {
    email: 'jordan.blake@northside.example',
    credential: 'Certified Peer Specialist',
    daysLeft: 42,
  },
  {
    email: 'priya.natarajan@riverside.example',
    credential: 'Certified Peer Recovery Specialist',
    daysLeft: 300,
  },
  {
    email: 'chris.delgado@riverside.example',
    credential: 'Certified Family Peer Specialist',
    daysLeft: 620,
  },
  {
    email: 'taylor.nguyen@riverside.example',
    credential: 'Certified Peer Specialist',
    daysLeft: null,
  },
];

export async function seedDemoCredentials(ds: DataSource, config: ResolvedConfig): Promise<void> {
  const today = todayIn(config.orgTimezone);
  for (const c of CREDENTIALS) {
    await ds.query(
      `UPDATE app_user SET credential = $2, credential_expires_on = $3::date WHERE email = $1`,
      [c.email, c.credential, c.daysLeft === null ? null : addDays(today, c.daysLeft)],
    );
  }
}
