import 'reflect-metadata';
import { Client } from 'pg';
import { loadConfig } from '../config/config';
import { openDatabase } from '../database/open-database';
import { verifyAuditTrail } from './audit-chain';

/**
 * `pnpm audit:verify`: recomputes the audit hash chain of the configured
 * database (DATABASE_URL, else the embedded one) and exits 1 on any break.
 */
async function main() {
  const database = await openDatabase(loadConfig(), { reuseRunning: true });
  const client = new Client({ connectionString: database.config.databaseUrl });
  await client.connect();
  try {
    const result = await verifyAuditTrail(
      async (sql, params) => (await client.query(sql, params)).rows,
    );
    process.stdout.write(
      `Checked ${result.checked} sealed audit event(s); head seq ${result.head.seq} hash ${result.head.hash}; ` +
        `${result.pending} newer event(s) not sealed yet.\n`,
    );
    for (const p of result.problems) {
      const what = {
        edited: 'was changed after it was sealed',
        deleted: 'was deleted after it was sealed',
        unsealed: 'appeared inside the sealed range (inserted or back-dated)',
      }[p.kind];
      process.stdout.write(`  audit event seq ${p.seq} ${what}\n`);
    }
    process.stdout.write(result.ok ? 'Audit trail intact.\n' : 'AUDIT TRAIL TAMPERED.\n');
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await client.end();
    await database.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `audit:verify failed: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(2);
});
