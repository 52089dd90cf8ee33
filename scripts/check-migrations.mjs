// Migrations never change once they are on main: a database that ran one must
// mean the same as one that runs it later. This compares every migration file
// with the sha256 committed in server/src/database/migrations/checksums.json
// and fails when a listed file changed or is missing, or a migration is not
// listed. `node scripts/check-migrations.mjs --add` lists new migrations (and
// only new ones: it never rewrites the checksum of a listed file).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('../server/src/database/migrations/', import.meta.url).pathname;
const listFile = join(dir, 'checksums.json');
const isMigration = (name) => /^\d{13}-[\w-]+\.ts$/.test(name);
const sha256 = (name) =>
  createHash('sha256')
    .update(readFileSync(join(dir, name)))
    .digest('hex');

const listed = JSON.parse(readFileSync(listFile, 'utf8'));
const files = readdirSync(dir).filter(isMigration).sort();
const problems = [];
for (const [name, sum] of Object.entries(listed)) {
  if (!existsSync(join(dir, name)))
    problems.push(`${name} is listed but missing: migrations are never removed`);
  else if (sha256(name) !== sum)
    problems.push(
      `${name} changed: a migration never changes once on main; write a new migration instead`,
    );
}
const unlisted = files.filter((name) => !(name in listed));
if (process.argv.includes('--add')) {
  for (const name of unlisted) listed[name] = sha256(name);
  writeFileSync(listFile, `${JSON.stringify(listed, null, 2)}\n`);
  for (const name of unlisted) console.log(`listed ${name}`);
} else {
  for (const name of unlisted) {
    problems.push(
      `${name} is not listed: run \`pnpm check:migrations --add\` and commit checksums.json with it`,
    );
  }
}
if (problems.length) {
  console.error(`Migrations: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(`Migrations: ${files.length} file(s) match checksums.json.`);
