import type { DataSource } from 'typeorm';
import type { Role } from '@peerpath/shared';
import { hashPassword } from '../../auth/passwords';
import type { ResolvedConfig } from '../../config/config';
import { seedDemoConsents } from './demo-consents';
import { seedDemoCredentials } from './demo-credentials';
import { seedDemoBilling } from './demo-billing';
import { seedDailyLoop } from './demo-daily-loop';
import { seedDemoMeasures } from './demo-measures';
import { seedDemoPlans } from './demo-plans';
import { seedDemoRecords } from './demo-records';
import { seedDemoTime } from './demo-time';
import { seedDemoGroups } from './demo-groups';
import { seedDemoSupervision } from './demo-supervision';

export interface DemoLogin {
  email: string;
  role: Role;
  team: string | null;
}

/** Every demo account shares this password; it is printed at start. */
export const DEMO_PASSWORD = 'walk-alongside-2026';

const TEAMS = [
  {
    name: 'Northside Recovery Hub',
    domain: 'northside.example',
    supervisor: 'Maya Okafor',
    workers: ['Alex Rivera', 'Jordan Blake', 'Sam Whitfield'],
  },
  {
    name: 'Riverside Peer Collective',
    domain: 'riverside.example',
    supervisor: 'Priya Natarajan',
    workers: ['Chris Delgado', 'Taylor Nguyen', 'Robin MacLeod'],
  },
];

const emailOf = (name: string, domain: string) =>
  `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}`;

export type DemoExtension = (ds: DataSource, config: ResolvedConfig) => Promise<void>;

/** Later features add their demo records here, in order, after teams and users exist. */
export const DEMO_EXTENSIONS: DemoExtension[] = [
  seedDailyLoop,
  seedDemoRecords,
  seedDemoMeasures,
  seedDemoPlans,
  seedDemoTime,
  seedDemoSupervision,
  seedDemoConsents,
  seedDemoCredentials,
  seedDemoGroups,
  seedDemoBilling,
];

/**
 * A believable demo organisation, seeded only into an empty database: two
 * teams, a supervisor and three workers each, and an admin.
 */
export async function seedDemo(ds: DataSource, config: ResolvedConfig): Promise<DemoLogin[]> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM team`);
  const logins: DemoLogin[] = [{ email: 'admin@peerpath.example', role: 'admin', team: null }];
  for (const t of TEAMS) {
    logins.push({ email: emailOf(t.supervisor, t.domain), role: 'supervisor', team: t.name });
    for (const w of t.workers)
      logins.push({ email: emailOf(w, t.domain), role: 'worker', team: t.name });
  }
  const [{ demo }] = await ds.query(
    `SELECT count(*)::int AS demo FROM app_user WHERE email = 'admin@peerpath.example'`,
  );
  if (n > 0) return demo > 0 ? logins : [];

  const hash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO app_user (email, display_name, role, team_id, password_hash)
       VALUES ('admin@peerpath.example', 'Dana Admin', 'admin', NULL, $1)
       ON CONFLICT (email) DO NOTHING`,
      [hash],
    );
    for (const t of TEAMS) {
      const [{ id }] = await m.query(`INSERT INTO team (name) VALUES ($1) RETURNING id`, [t.name]);
      await m.query(
        `INSERT INTO app_user (email, display_name, role, team_id, password_hash) VALUES ($1, $2, 'supervisor', $3, $4)`,
        [emailOf(t.supervisor, t.domain), t.supervisor, id, hash],
      );
      for (const w of t.workers) {
        await m.query(
          `INSERT INTO app_user (email, display_name, role, team_id, password_hash) VALUES ($1, $2, 'worker', $3, $4)`,
          [emailOf(w, t.domain), w, id, hash],
        );
      }
    }
  });
  for (const extend of DEMO_EXTENSIONS) await extend(ds, config);
  return logins;
}
