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

export type ReportKind = 'activity' | 'caseload' | 'outcomes';

/** Where each report is computed: the built module, its service class and the method the endpoint calls. */
const REPORT_SOURCES: Record<ReportKind, { file: string; service: string; method: string }> = {
  activity: { file: 'reports.service', service: 'ReportsService', method: 'activity' },
  caseload: { file: 'reports.service', service: 'ReportsService', method: 'caseload' },
  outcomes: { file: 'outcomes', service: 'OutcomesService', method: 'report' },
};

/** The part of a report service the benchmark calls. */
type ReportServiceLike = Record<
  string,
  ((caller: AuthUser, q: Record<string, string>) => Promise<unknown>) | undefined
>;

type ReportServiceClass = new (
  db: unknown,
  audit: unknown,
  config: ResolvedConfig,
) => ReportServiceLike;

/** The source file of a report, for the results (`server/src/reports/…`). */
export function reportSource(kind: ReportKind): string {
  const { file, service } = REPORT_SOURCES[kind];
  return `${service} (server/src/reports/${file}.ts)`;
}

/**
 * "The same SQL" as the report endpoints, without guessing it: the reports
 * module's own service is run once against a stand-in for TypeORM's
 * DataSource that executes each statement through `pg` and records it. The
 * benchmark then replays exactly those statements (transaction included) to
 * time the database alone. Audit writes are left out: they are part of what
 * the app adds.
 *
 * This is the one place that knows the report services: their constructor
 * (DataSource, AuditService, config) and the methods in REPORT_SOURCES.
 */
export async function captureReportSql(
  db: Client,
  config: ResolvedConfig,
  kind: ReportKind,
  caller: AuthUser,
  query: Record<string, string>,
): Promise<CapturedStatement[]> {
  // The built server's own copy (dist/), the code the measured server runs.
  const source = REPORT_SOURCES[kind];
  const file = join(serverRoot(), 'dist', 'reports', `${source.file}.js`);
  if (!existsSync(file))
    throw new PendingError(`the report is not built (server/src/reports/${source.file}.ts)`);
  const mod = (await import(pathToFileURL(file).href)) as Record<
    string,
    ReportServiceClass | undefined
  >;
  const Service = mod[source.service];
  if (typeof Service !== 'function')
    throw new PendingError(`${source.file} does not export ${source.service}`);

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
  const audit = {
    record: async () => undefined,
    recordMany: async () => undefined,
    recording: <T>(_entry: unknown, read: () => Promise<T>) => read(),
  };
  const service = new Service(dataSource, audit, config);
  const method = service[source.method];
  if (typeof method !== 'function')
    throw new PendingError(`${source.service} has no ${source.method}()`);
  await method.call(service, caller, query);
  return statements;
}

/**
 * The claim lines' SQL (SPEC §13) as the billing module sends it: its own
 * `queryClaimLines` (server/src/billing/claim-lines.ts) run once against a
 * stand-in that executes and records each statement, for replay.
 */
export async function captureClaimsSql(
  db: Client,
  period: { from: string; to: string; teamId: string | null; timezone: string },
): Promise<CapturedStatement[]> {
  const file = join(serverRoot(), 'dist', 'billing', 'claim-lines.js');
  if (!existsSync(file)) throw new PendingError('billing is not built (server/src/billing)');
  const mod = (await import(pathToFileURL(file).href)) as {
    queryClaimLines?: (m: unknown, p: typeof period, billable: boolean) => Promise<unknown>;
  };
  if (typeof mod.queryClaimLines !== 'function')
    throw new PendingError('claim-lines does not export queryClaimLines');
  const statements: CapturedStatement[] = [];
  const manager = {
    query: async (text: string, values: unknown[] = []) => {
      statements.push({ text, values });
      return (await db.query(text, values)).rows;
    },
  };
  await mod.queryClaimLines(manager, period, true);
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
