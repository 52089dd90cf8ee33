import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Client } from 'pg';
import type { AuthUser } from '../../src/common/auth.decorators';
import type { ResolvedConfig } from '../../src/config/config';
import { serverRoot } from '../start-server';

/** One statement as the reports module sent it to PostgreSQL. */
export interface CapturedStatement {
  text: string;
  values: unknown[];
}

export type ReportKind = 'activity' | 'caseload';

/** The part of ReportsService the benchmark calls. */
interface ReportsServiceLike {
  activity(caller: AuthUser, q: Record<string, string>): Promise<unknown>;
  caseload(caller: AuthUser, q: Record<string, string>): Promise<unknown>;
}

type ReportsServiceClass = new (
  db: unknown,
  audit: unknown,
  config: ResolvedConfig,
) => ReportsServiceLike;

/**
 * "The same SQL" as the report endpoints, without guessing it: the reports
 * module's own service is run once against a stand-in for TypeORM's
 * DataSource that executes each statement through `pg` and records it. The
 * benchmark then replays exactly those statements (transaction included) to
 * time the database alone. Audit writes are left out: they are part of what
 * the app adds.
 *
 * This is the one place that knows the reports module: the constructor
 * (DataSource, AuditService, config) and the `activity`/`caseload` methods.
 */
export async function captureReportSql(
  db: Client,
  config: ResolvedConfig,
  kind: ReportKind,
  caller: AuthUser,
  query: Record<string, string>,
): Promise<CapturedStatement[]> {
  // The built server's own copy (dist/), the code the measured server runs.
  const file = join(serverRoot(), 'dist', 'reports', 'reports.service.js');
  if (!existsSync(file))
    throw new PendingError(
      'the reports module is not built (server/src/reports/reports.service.ts)',
    );
  const mod = (await import(pathToFileURL(file).href)) as { ReportsService?: ReportsServiceClass };
  const Service = mod.ReportsService;
  if (typeof Service !== 'function')
    throw new PendingError('reports.service does not export ReportsService');

  const statements: CapturedStatement[] = [];
  const run = async (text: string, values: unknown[] = []) => {
    statements.push({ text, values });
    return (await db.query(text, values)).rows;
  };
  const manager = {
    query: run,
    transaction: async (isolationOrWork: unknown, maybeWork?: unknown) => {
      const work = (typeof isolationOrWork === 'function' ? isolationOrWork : maybeWork) as (
        m: unknown,
      ) => Promise<unknown>;
      const isolation =
        typeof isolationOrWork === 'string' ? ` ISOLATION LEVEL ${isolationOrWork}` : '';
      await run(`BEGIN${isolation}`);
      try {
        const result = await work(manager);
        await run('COMMIT');
        return result;
      } catch (err) {
        await run('ROLLBACK');
        throw err;
      }
    },
  };
  const dataSource = { ...manager, manager };
  const audit = { record: async () => undefined, recordMany: async () => undefined };
  const service = new Service(dataSource, audit, config);
  if (typeof service[kind] !== 'function')
    throw new PendingError(`ReportsService has no ${kind}()`);
  await service[kind](caller, query);
  return statements;
}

/** Runs captured statements in order; returns the milliseconds they took. */
export async function replay(db: Client, statements: CapturedStatement[]): Promise<number> {
  const t0 = performance.now();
  for (const s of statements) await db.query(s.text, s.values);
  return performance.now() - t0;
}

/** A figure that cannot be measured yet because another part of the app is missing. */
export class PendingError extends Error {}
