import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { rebuildRollups, setRollupTriggers } from './rollups';

/**
 * Logical backups of PeerPath's data, for the embedded database and any
 * external PostgreSQL alike (the system pg_dump may be older than the embedded
 * server, and refuses to dump a newer one). A backup is a gzip file:
 *
 *   PEERPATH-BACKUP 1
 *   {"createdAt":…,"migrations":[…],"tables":[{"name":…,"columns":[…]}]}
 *   COPY <table>
 *   <rows in COPY text format>
 *   \.
 *
 * Sign-in sessions and failed-login counters are not kept: a restore starts
 * with everyone signed out.
 */
export const BACKUP_TABLES = [
  'team',
  'app_user',
  'resource',
  'participant',
  'support_session',
  'attendance',
  'advocacy_action',
  'handout',
  'decision_note',
  'audit_event',
  'audit_chain',
] as const;

const MAGIC = 'PEERPATH-BACKUP 1';

interface Header {
  createdAt: string;
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number }[];
}

async function columnsOf(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name as string);
}

const quoted = (cols: string[]) => cols.map((c) => `"${c}"`).join(', ');

async function migrationsOf(client: Client): Promise<string[]> {
  const { rows } = await client.query(`SELECT name FROM schema_migration ORDER BY id`);
  return rows.map((r) => r.name as string);
}

/** Writes a consistent snapshot (one REPEATABLE READ transaction) of every table to `file`. */
export async function backupDatabase(client: Client, file: string): Promise<Header> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const header: Header = {
      createdAt: new Date().toISOString(),
      migrations: await migrationsOf(client),
      tables: [],
    };
    for (const name of BACKUP_TABLES) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${name}"`);
      header.tables.push({ name, columns: await columnsOf(client, name), rows: rows[0].n });
    }
    const gzip = createGzip();
    const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
    const write = async (text: string) => {
      if (!gzip.write(text)) await once(gzip, 'drain');
    };
    await write(`${MAGIC}\n${JSON.stringify(header)}\n`);
    for (const t of header.tables) {
      await write(`COPY ${t.name}\n`);
      const stream = client.query(copyTo(`COPY "${t.name}" (${quoted(t.columns)}) TO STDOUT`));
      for await (const chunk of stream) await write(chunk.toString());
      await write('\\.\n');
    }
    gzip.end();
    await done;
    await client.query('COMMIT');
    return header;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

export class RestoreError extends Error {}

/**
 * Loads a backup into a database that has the same migrations and no data
 * (run the migrations first). Everything is loaded in one transaction: a
 * restore either completes or changes nothing.
 */
export async function restoreDatabase(client: Client, file: string): Promise<Header> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const it = lines[Symbol.asyncIterator]();
  const next = async () => {
    const r = await it.next();
    return r.done ? null : (r.value as string);
  };
  if ((await next()) !== MAGIC) throw new RestoreError(`${file} is not a PeerPath backup`);
  const header = JSON.parse((await next()) ?? '{}') as Header;

  const migrations = await migrationsOf(client);
  if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
    throw new RestoreError(
      `The backup was taken at migration ${header.migrations.at(-1)}, this database is at ${migrations.at(-1)}: ` +
        'restore into a PeerPath of the same version',
    );
  }
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM app_user) + (SELECT count(*) FROM team) + (SELECT count(*) FROM participant) AS n`,
  );
  if (Number(rows[0].n) > 0)
    throw new RestoreError('The target database already holds data: restore into an empty one');

  await client.query('BEGIN');
  try {
    // Sign-in state from before the restore must not survive it.
    await client.query('DELETE FROM auth_session');
    // The report roll-ups are not in the backup: they are rebuilt once from the restored records.
    await setRollupTriggers(client, false);
    for (const t of header.tables) {
      const line = await next();
      if (line !== `COPY ${t.name}`)
        throw new RestoreError(`Backup is damaged near table ${t.name}`);
      const sink = client.query(copyFrom(`COPY "${t.name}" (${quoted(t.columns)}) FROM STDIN`));
      const finished = once(sink, 'finish');
      // A bad row fails the COPY at once; the error surfaces below, not as an unhandled rejection.
      finished.catch(() => undefined);
      for (;;) {
        const row = await next();
        if (row === null) throw new RestoreError(`Backup ends inside table ${t.name}`);
        if (row === '\\.') break;
        if (!sink.write(`${row}\n`)) await once(sink, 'drain');
      }
      sink.end();
      await finished;
    }
    await setRollupTriggers(client, true);
    await rebuildRollups(client);
    await client.query(
      `SELECT setval(pg_get_serial_sequence('audit_event', 'seq'), coalesce((SELECT max(seq) FROM audit_event), 0) + 1, false)`,
    );
    await client.query('COMMIT');
    return header;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
