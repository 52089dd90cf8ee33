import 'reflect-metadata';
import { Client } from 'pg';
import { addDays, todayIn } from '@peerpath/shared';
import { hashPassword } from '../src/auth/passwords';
import { ConfigError } from '../src/config/config';
import { prepareDatabase } from '../src/database/prepare';
import { rebuildRollups, setRollupTriggers } from '../src/database/rollups';
import { openTargetDatabase, redactUrl } from './scale/database';
import {
  SCALE_ADMIN_EMAIL,
  SCALE_DOMAIN,
  SCALE_PASSWORD,
  supervisorEmail,
  TEAM_ONE_WORKERS,
  workerEmail,
} from './scale/identities';
import { planOrganisation } from './scale/organisation';
import { Progress } from './scale/progress';
import {
  BULK_TABLES,
  dropForLoad,
  restoreAfterLoad,
  schemaSnapshot,
  type DroppedSchema,
} from './scale/schema';
import { PlanError, planFromArgs, SEED_USAGE, type SeedPlan } from './scale/seed-plan';
import { ScaleSeeder } from './scale/seeder';

/** Emptied by `--force`; CASCADE also empties any later table that refers to them. audit_event stays (append-only). */
const DOMAIN_TABLES = [
  'disclosure',
  'consent',
  'supervision',
  'time_entry',
  'safety_alert',
  'measurement',
  'session_note',
  'recovery_plan_review',
  'recovery_plan_goal',
  'recovery_plan',
  'attendance',
  'support_session',
  'handout',
  'advocacy_action',
  'decision_note',
  'participant',
  'resource',
  'auth_session',
  'login_failure',
  'app_user',
  'team',
  'billing_profile',
];

class Refused extends Error {}

const fmt = (n: number) => n.toLocaleString('en-US');

function describe(plan: SeedPlan, today: string, tz: string): string {
  return [
    `${fmt(plan.teams)} teams, ${fmt(plan.workers)} workers + ${fmt(plan.supervisors)} supervisors + 1 admin,`,
    `${fmt(plan.participants)} participants, ${fmt(plan.sessions)} sessions (about ${fmt(plan.attendance)} attendance rows),`,
    `${fmt(plan.handouts)} handouts, ${fmt(plan.advocacy)} advocacy actions, ${fmt(plan.decisionNotes)} decision notes,`,
    `recovery plans for ${Math.round(plan.planShare * 100)} % of participants, session notes for ${Math.round(plan.noteShare * 100)} % of attendance rows, about ${fmt(plan.measurements)} outcome measures,`,
    `one billing profile (Medicaid H0038) with coverage for about 85 % of participants; most staff hold a peer credential,`,
    `${fmt(plan.resources)} resources; ${fmt(plan.days)} days from ${addDays(today, -(plan.days - 1))} to ${today} (${tz}), seed ${plan.seed}`,
  ].join('\n  ');
}

async function seed(plan: SeedPlan, progress: Progress): Promise<void> {
  const target = await openTargetDatabase((l) => progress.say(l));
  try {
    const { config } = target;
    const today = todayIn(config.orgTimezone);
    progress.say(
      `Seeding ${redactUrl(config.databaseUrl)}:\n  ${describe(plan, today, config.orgTimezone)}`,
    );
    await progress.phase('migrations', async () => {
      await prepareDatabase(config, (l) => progress.say(`  ${l}`));
    });

    const db = new Client({
      connectionString: config.databaseUrl,
      application_name: 'peerpath-seed-scale',
    });
    await db.connect();
    try {
      const { rows } = await db.query<{ participants: number; scale_users: number }>(
        `SELECT (SELECT count(*) FROM participant)::int AS participants,
                (SELECT count(*) FROM app_user WHERE email LIKE $1)::int AS scale_users`,
        [`%@${SCALE_DOMAIN}`],
      );
      const existing = rows[0];
      if ((existing.participants > 0 || existing.scale_users > 0) && !plan.force) {
        throw new Refused(
          `The database already has ${fmt(existing.participants)} participants and ${fmt(existing.scale_users)} @${SCALE_DOMAIN} users.\n` +
            'Run again with --force to empty its domain tables (teams, users, participants and all records; the audit trail stays).',
        );
      }
      const passwordHash = await hashPassword(SCALE_PASSWORD);
      const org = planOrganisation(plan);
      const seeder = new ScaleSeeder(db, plan, org, today, config.orgTimezone);
      await seeder.prepareSession();

      // One transaction: a failure or an interruption leaves the database as it was.
      await db.query('BEGIN');
      try {
        if (plan.force) {
          await progress.phase('empty domain tables', async () => {
            await db.query(`TRUNCATE ${DOMAIN_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
          });
        }
        const before = await schemaSnapshot(db);
        let dropped: DroppedSchema | undefined;
        if (!plan.keepIndexes) {
          await progress.phase('drop indexes and keys', async () => {
            dropped = await dropForLoad(db, BULK_TABLES);
          });
        }
        // The report roll-ups are rebuilt once after the load instead of row by row.
        await setRollupTriggers(db, false);
        await progress.phase('teams and users', () => seeder.organisation(passwordHash));
        await progress.phase('resources', () => seeder.resources());
        await progress.phase('participants', () => seeder.participants());
        await progress.phase('session plan (temporary)', () => seeder.sessionPlan());
        await progress.phase('sessions', (tick) => seeder.sessions(tick));
        await progress.phase('attendance', (tick) => seeder.attendance(tick));
        await progress.phase('handouts', (tick) => seeder.handouts(tick));
        await progress.phase('advocacy actions', (tick) => seeder.advocacy(tick));
        await progress.phase('decision notes', (tick) => seeder.decisionNotes(tick));
        await progress.phase('recovery plans', (tick) => seeder.plans(tick));
        await progress.phase('session notes', (tick) => seeder.notes(tick));
        await progress.phase('outcome measures and alerts', (tick) => seeder.measures(tick));
        await progress.phase('recurring groups and rosters', () => seeder.groups());
        await progress.phase('time entries', (tick) => seeder.timeEntries(tick));
        await progress.phase('supervision', (tick) => seeder.supervisions(tick));
        await progress.phase('consents to share', (tick) => seeder.consents(tick));
        await progress.phase('disclosures', (tick) => seeder.disclosures(tick));
        if (dropped) {
          const schema = dropped;
          await progress.phase('indexes, keys, foreign keys', (tick) =>
            restoreAfterLoad(db, schema, tick, async () => {
              // Statistics first, so the foreign-key checks are planned on real numbers.
              for (const t of BULK_TABLES) await db.query(`ANALYZE ${t}`);
            }),
          );
        }
        await setRollupTriggers(db, true);
        await progress.phase('report roll-ups', async () => {
          await db.query(`UPDATE report_setting SET org_timezone = $1`, [config.orgTimezone]);
          await rebuildRollups(db);
        });
        const after = await schemaSnapshot(db);
        if (before.join('\n') !== after.join('\n')) {
          throw new Error('The schema changed during the load; nothing was written.');
        }
        await progress.phase('commit', async () => {
          await db.query('COMMIT');
        });
      } catch (err) {
        await db.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
      // VACUUM sets the visibility map (index-only scans) and hint bits, as a
      // long-running database would have them; ANALYZE where not done above.
      await progress.phase('vacuum and analyze', async (tick) => {
        const tables = [
          'team',
          'app_user',
          'resource',
          ...BULK_TABLES,
          'team_day_activity',
          'team_month_activity',
          'team_month_handouts',
          'participant_contact',
        ];
        let done = 0;
        for (const t of tables) {
          const analyzed = !plan.keepIndexes && BULK_TABLES.includes(t);
          await db.query(`VACUUM ${analyzed ? '' : '(ANALYZE) '}${t}`);
          tick(++done / tables.length);
        }
      });

      const c = seeder.counts;
      progress.say(
        `\nSeeded in ${progress.totalSeconds().toFixed(1)} s: ${fmt(c.teams ?? 0)} teams, ${fmt(c.users ?? 0)} users, ` +
          `${fmt(c.participants ?? 0)} participants, ${fmt(c.sessions ?? 0)} sessions, ${fmt(c.attendance ?? 0)} attendance rows, ` +
          `${fmt(c.handouts ?? 0)} handouts, ${fmt(c.advocacy ?? 0)} advocacy actions, ${fmt(c.decisionNotes ?? 0)} decision notes, ` +
          `${fmt(c.resources ?? 0)} resources,\n  ${fmt(c.plans ?? 0)} recovery plan versions (${fmt(c.planGoals ?? 0)} goals, ${fmt(c.planReviews ?? 0)} reviews), ` +
          `${fmt(c.notes ?? 0)} session notes, ${fmt(c.measurements ?? 0)} outcome measures, ` +
          `${fmt(c.alerts ?? 0)} safety alerts (${fmt(c.openAlerts ?? 0)} open),\n  ` +
          `${fmt(c.timeEntries ?? 0)} time entries, ${fmt(c.supervisions ?? 0)} supervisions, ` +
          `${fmt(c.consents ?? 0)} consents, ${fmt(c.disclosures ?? 0)} disclosures (${fmt(c.emergencyDisclosures ?? 0)} in an emergency).`,
      );
      progress.say(`Sign-ins (password for all: ${SCALE_PASSWORD}):`);
      progress.say(`  admin        ${SCALE_ADMIN_EMAIL}`);
      progress.say(
        `  supervisors  ${supervisorEmail(1)} … ${supervisorEmail(plan.teams)} (team n)`,
      );
      progress.say(
        `  workers      ${workerEmail(1)} … ${workerEmail(TEAM_ONE_WORKERS)} (team 1), up to ${workerEmail(plan.workers)}`,
      );
    } finally {
      await db.end().catch(() => undefined);
    }
  } finally {
    await target.stop();
  }
}

async function main(args: string[]): Promise<number> {
  let plan: SeedPlan | null;
  try {
    plan = planFromArgs(args);
  } catch (err) {
    if (!(err instanceof PlanError)) throw err;
    process.stderr.write(`${err.message}\n\n${SEED_USAGE}`);
    return 2;
  }
  if (!plan) {
    process.stdout.write(SEED_USAGE);
    return 0;
  }
  try {
    await seed(plan, new Progress());
    return 0;
  } catch (err) {
    if (err instanceof Refused || err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `\nseed:scale failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
