// Sums every suite's results written under .ci/out into the closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Every step that failed (install, lint, typecheck, a suite that could not start …) counts as one more failure.
const [dir, checkFailures = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const lines = [];
for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
  if (!/^(jest-|playwright).*\.json$/.test(name)) continue;
  const r = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  let p;
  let f;
  if (name.startsWith('jest-')) {
    p = r.numPassedTests;
    f =
      r.numFailedTests +
      r.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
  } else if (name.startsWith('playwright')) {
    p = r.stats.expected + (r.stats.flaky ?? 0);
    f = r.stats.unexpected;
  } else continue;
  lines.push(`  ${name.replace(/\.json$/, '')}: ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
}
console.log('\nSuites:');
console.log(lines.join('\n'));
if (Number(checkFailures) > 0) console.log(`  steps that failed: ${checkFailures}`);
failed += Number(checkFailures);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
