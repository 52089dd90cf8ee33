#!/usr/bin/env node
// `pnpm test`: the shared unit tests, then the server's unit and end-to-end
// tests on a real PostgreSQL (DATABASE_URL, else an embedded one). Ends with
// one line `N passed, M failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, '.ci', 'out');
mkdirSync(out, { recursive: true });
const label = process.env.PEERPATH_TEST_LABEL ?? 'test';

function run(cwd, args) {
  return (
    spawnSync('npx', args, { cwd: join(root, cwd), stdio: 'inherit', env: process.env }).status ?? 1
  );
}

// The server runs on the compiled shared package; the shutdown spec runs the compiled server.
if (run('shared', ['tsc', '-p', 'tsconfig.build.json']) !== 0) process.exit(1);
if (run('server', ['tsc', '-p', 'tsconfig.build.json']) !== 0) process.exit(1);

const suites = [
  { name: 'shared', cwd: 'shared', args: ['--passWithNoTests'] },
  { name: 'server', cwd: 'server', args: process.argv.slice(2) },
];
let passed = 0;
let failed = 0;
let broken = false;
for (const s of suites) {
  const file = join(out, `jest-${label}-${s.name}.json`);
  rmSync(file, { force: true });
  const status = run(s.cwd, ['jest', '--json', `--outputFile=${file}`, ...s.args]);
  if (!existsSync(file)) {
    broken = true;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A suite that failed to load counts as a failure even when no test in it ran.
  failed += r.testResults.filter(
    (t) => t.status === 'failed' && t.assertionResults.length === 0,
  ).length;
  if (status !== 0 && r.numFailedTests === 0 && r.numRuntimeErrorTestSuites === 0) broken = true;
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || broken ? 1 : 0);
