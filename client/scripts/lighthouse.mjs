// Lighthouse on a phone: the sign-in, caseload, participant, log-session and reports pages of the
// built app, in Lighthouse's default mobile profile (slow 4G and a 4× slower CPU, simulated), in
// the system Chromium. Writes each page's performance and accessibility scores into
// bench-results.json (the `lighthouse` key, beside what `pnpm bench` wrote) and prints a table;
// `pnpm bench --strict` checks them against their budgets (`lighthouseBudgets` below).
//
// Usage: pnpm lighthouse [--out <file>] [--url <running app>] [--runs <n>] [--pages a,b]
//                        [--save-reports <dir>]   (each page's whole Lighthouse report, as JSON)
// (after `pnpm build`). Without --url it starts the built server on a fresh embedded database
// with the demo organisation, as the browser tests do. Exit codes: 0 measured (budgets are
// figures here), 1 Lighthouse or the app could not run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** chrome-launcher's flags for a machine without a display, GPU or outside network. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The demo organisation's sign-ins (server/src/database/seed/demo.ts, client/e2e/support.ts). */
export const PASSWORD = 'walk-alongside-2026';
export const WORKER = 'alex.rivera@northside.example';
export const SUPERVISOR = 'maya.okafor@northside.example';

/** The pages, in order: who is signed in (none: the sign-in page itself) and where they go. */
const PAGES = [
  { name: 'signIn', as: null, path: () => '/login' },
  { name: 'caseload', as: WORKER, path: () => '/' },
  { name: 'participant', as: WORKER, path: (ctx) => `/participants/${ctx.participantId}` },
  { name: 'logSession', as: WORKER, path: () => '/sessions/new' },
  { name: 'reports', as: SUPERVISOR, path: () => '/reports' },
];

export const LIGHTHOUSE_BUDGETS = { performance: 90, accessibility: 100 };

/** One budget line per page and score, in the shape of `pnpm bench`'s budgets. */
export function lighthouseBudgets(section) {
  const out = [];
  for (const [page, figures] of Object.entries(section?.pages ?? {})) {
    for (const [score, min] of Object.entries(LIGHTHOUSE_BUDGETS)) {
      const value = figures[score] ?? null;
      out.push({
        figure: `lighthouse.${page}.${score}`,
        value,
        limit: min === 100 ? '= 100' : `≥ ${min}`,
        result: value === null ? 'PENDING' : value >= min ? 'PASS' : 'FAIL',
      });
    }
  }
  return out;
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The built server on a fresh embedded database with the demo data (as playwright.config.ts). */
export async function startApp() {
  const main = join(REPO, 'server', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run pnpm build first`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'peerpath-lighthouse-'));
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
  };
  // The embedded database, whatever the shell points at.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [main], {
    cwd: join(REPO, 'server'),
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(15_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const base = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited (${child.exitCode}) before it was ready:\n${stderr}`);
    }
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`the server did not answer /api/health within 180 s:\n${stderr}`);
}

/** Signs in through the API: a fresh sign-in session, its refresh cookie and access token. */
export async function signIn(base, email) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: HTTP ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('pp_refresh='));
  if (!cookie) throw new Error(`sign-in as ${email} set no refresh cookie`);
  return { cookie, token: (await res.json()).accessToken };
}

/** Someone the demo worker may open: the first of their caseload. */
export async function workersFirstParticipant(base) {
  const worker = await signIn(base, WORKER);
  const list = await fetch(`${base}/api/participants?pageSize=1`, {
    headers: { authorization: `Bearer ${worker.token}` },
  }).then((r) => r.json());
  const id = list.items?.[0]?.id;
  if (!id) throw new Error('the demo worker has no participant');
  return id;
}

/**
 * Removes a Chromium profile folder. A helper process can still be writing
 * into it for a moment after its group was stopped (a removal then fails with
 * ENOTEMPTY), so the removal is retried; a folder that still cannot
 * be removed is left in the temporary folder with a warning, not a failure.
 */
function removeProfile(profile) {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  } catch (err) {
    process.stderr.write(`lighthouse: left ${profile} behind (${err.code ?? err.message})\n`);
  }
}

/** The system Chromium with a DevTools port, for Lighthouse to drive. */
async function launchChromium() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'peerpath-lighthouse-chromium-'));
  const child = spawn(
    CHROMIUM,
    [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    // Its own process group, so that stopping it stops its helper processes too.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // the group is gone already
    }
  };
  process.once('exit', () => signal('SIGKILL'));
  const port = await new Promise((ok, fail) => {
    let text = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not start:\n${text}`)), 30_000);
    child.stderr.on('data', (c) => {
      text += c;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    });
    child.once('exit', (code) => fail(new Error(`Chromium exited (${code}):\n${text}`)));
  });
  child.stderr.resume();
  return {
    port,
    stop: async () => {
      const exited = () => child.exitCode !== null || child.signalCode !== null;
      const exit = new Promise((r) => (exited() ? r() : child.once('exit', r)));
      if (!exited()) {
        signal('SIGTERM');
        await Promise.race([exit, sleep(5_000)]);
      }
      // Helpers that outlive the browser would keep writing into the profile.
      signal('SIGKILL');
      if (!exited()) await Promise.race([exit, sleep(5_000)]);
      removeProfile(profile);
    },
  };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (n) => (n === null || n === undefined ? null : Math.round(n * 10) / 10);

/** What one Lighthouse report says of a page. */
function figuresOf(lhr) {
  const audit = (id) => lhr.audits[id];
  const num = (id) => audit(id)?.numericValue ?? null;
  const items = audit('network-requests')?.details?.items ?? [];
  const bytes = (filter) =>
    items.filter(filter).reduce((n, i) => n + (i.transferSize ?? 0), 0) / 1024;
  const a11y = lhr.categories.accessibility;
  return {
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((a11y.score ?? 0) * 100),
    fcpMs: r1(num('first-contentful-paint')),
    lcpMs: r1(num('largest-contentful-paint')),
    tbtMs: r1(num('total-blocking-time')),
    cls:
      num('cumulative-layout-shift') === null
        ? null
        : r1(num('cumulative-layout-shift') * 1000) / 1000,
    speedIndexMs: r1(num('speed-index')),
    transferKb: r1(bytes(() => true)),
    scriptKb: r1(bytes((i) => i.resourceType === 'Script')),
    failingAccessibility: a11y.auditRefs
      .filter((ref) => ref.weight > 0 && audit(ref.id)?.score !== null && audit(ref.id)?.score < 1)
      .map((ref) => ref.id),
    opportunities: Object.values(lhr.audits)
      .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) >= 100)
      .map((a) => `${a.id} (${Math.round(a.details.overallSavingsMs)} ms)`),
  };
}

async function measure({ base, pages, runs, say, saveTo }) {
  const { default: lighthouse } = await import('lighthouse');
  const { readFileSync: read } = await import('node:fs');
  const version = JSON.parse(
    read(fileURLToPath(import.meta.resolve('lighthouse/package.json')), 'utf8'),
  ).version;
  const ctx = { participantId: await workersFirstParticipant(base) };

  const chromium = await launchChromium();
  const results = {};
  try {
    for (const page of pages) {
      const url = `${base}${page.path(ctx)}`;
      const reports = [];
      for (let run = 0; run < runs; run++) {
        let lhr;
        for (let attempt = 1; ; attempt++) {
          // A sign-in session of its own for each load: the page trades the refresh cookie once
          // (the server rotates it, and refuses an old one).
          const headers = page.as ? { Cookie: (await signIn(base, page.as)).cookie } : undefined;
          const result = await lighthouse(url, {
            port: chromium.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
            // Leaves the page and comes back: a second refresh with the same cookie would end the session.
            skipAudits: ['bf-cache'],
            extraHeaders: headers,
          });
          lhr = result?.lhr;
          if (!lhr) throw new Error(`Lighthouse returned no report for ${url}`);
          // Now and then Chromium's trace of a load lacks its start (NO_NAVSTART): the recording
          // failed, not the page. Such a load is measured again, up to three times in all.
          if (lhr.runtimeError?.code !== 'NO_NAVSTART' || attempt === 3) break;
          say(
            `  ${page.name}: the trace of the load lost its start (NO_NAVSTART); measuring again`,
          );
        }
        if (lhr.runtimeError) {
          throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        }
        const finalPath = new URL(lhr.finalDisplayedUrl).pathname;
        if (finalPath !== new URL(url).pathname) {
          throw new Error(`${url} ended on ${finalPath} (not signed in?)`);
        }
        reports.push(figuresOf(lhr));
        if (saveTo) {
          mkdirSync(saveTo, { recursive: true });
          writeFileSync(join(saveTo, `${page.name}-${run + 1}.json`), JSON.stringify(lhr));
        }
      }
      // An even number of runs averages the middle two: rounded to a tenth (ms, KB, scores),
      // layout shift to four places.
      const pick = (k) => {
        const m = median(reports.map((r) => r[k]));
        return m === null || k !== 'cls' ? r1(m) : Math.round(m * 1e4) / 1e4;
      };
      const worst = reports.reduce((a, b) => (a.performance <= b.performance ? a : b));
      results[page.name] = {
        path: new URL(url).pathname.replace(ctx.participantId, ':id'),
        signedInAs: page.as,
        performance: pick('performance'),
        accessibility: pick('accessibility'),
        fcpMs: pick('fcpMs'),
        lcpMs: pick('lcpMs'),
        tbtMs: pick('tbtMs'),
        cls: pick('cls'),
        speedIndexMs: pick('speedIndexMs'),
        transferKb: pick('transferKb'),
        scriptKb: pick('scriptKb'),
        failingAccessibility: [...new Set(reports.flatMap((r) => r.failingAccessibility))],
        opportunities: worst.opportunities,
      };
      say(
        `  ${page.name}: performance ${results[page.name].performance}, accessibility ${results[page.name].accessibility}`,
      );
    }
  } finally {
    await chromium.stop();
  }
  return { version, pages: results };
}

function table(section, budgets) {
  const cols = ['page', 'perf', 'a11y', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'JS KB', 'all KB'];
  const rows = Object.entries(section.pages).map(([name, p]) => [
    name,
    p.performance,
    p.accessibility,
    p.fcpMs,
    p.lcpMs,
    p.tbtMs,
    p.cls,
    p.scriptKb,
    p.transferKb,
  ]);
  const all = [cols, ...rows].map((r) => r.map((v) => (v === null ? '—' : String(v))));
  const widths = cols.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const lines = all.map((r) =>
    r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  '),
  );
  for (const [name, p] of Object.entries(section.pages)) {
    if (p.failingAccessibility.length)
      lines.push(`${name}: accessibility fails ${p.failingAccessibility.join(', ')}`);
    if (p.opportunities.length) lines.push(`${name}: could save ${p.opportunities.join(', ')}`);
  }
  lines.push('', 'Budgets (checked by pnpm bench --strict):');
  for (const b of budgets) {
    lines.push(
      `  ${b.result.padEnd(7)} ${b.figure.padEnd(34)} ${String(b.value ?? '—').padStart(4)}  ${b.limit}`,
    );
  }
  return lines.map((l) => `  ${l}`).join('\n');
}

async function main(argv) {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      out: { type: 'string' },
      url: { type: 'string' },
      runs: { type: 'string' },
      pages: { type: 'string' },
      'save-reports': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: pnpm lighthouse [--out <file>] [--url <running app>] [--runs <n>] [--pages signIn,caseload,...] [--save-reports <dir>]\n',
    );
    return 0;
  }
  // pnpm runs the script in client/; a relative --out is taken from where the command was typed.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const out = resolve(cwd, values.out ?? join(REPO, 'bench-results.json'));
  const runs = Math.max(1, Number(values.runs ?? 1) || 1);
  const wanted = values.pages?.split(',').map((s) => s.trim());
  const pages = wanted ? PAGES.filter((p) => wanted.includes(p.name)) : PAGES;
  if (pages.length === 0)
    throw new Error(`no such page: ${values.pages} (${PAGES.map((p) => p.name)})`);
  const say = (line) => process.stdout.write(`${line}\n`);
  if (!existsSync(join(REPO, 'client', 'dist', 'index.html')) && !values.url) {
    throw new Error('client/dist is missing: run pnpm build first');
  }

  const app = values.url
    ? { base: values.url.replace(/\/$/, ''), stop: async () => {} }
    : await startApp();
  let measured;
  try {
    say(
      `Lighthouse (mobile: slow 4G, 4× CPU slowdown, simulated) on ${app.base}, ${runs} run(s) a page …`,
    );
    const saveTo = values['save-reports'] ? resolve(cwd, values['save-reports']) : undefined;
    measured = await measure({ base: app.base, pages, runs, say, saveTo });
  } finally {
    await app.stop();
  }
  const section = {
    generatedAt: new Date().toISOString(),
    lighthouseVersion: measured.version,
    profile: 'mobile (Lighthouse default): slow 4G, 4× CPU slowdown, simulated throttling',
    runs,
    pages: measured.pages,
  };
  const budgets = lighthouseBudgets(section);
  let results = {};
  if (existsSync(out)) {
    try {
      results = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      results = {};
    }
  }
  results.lighthouse = section;
  if (Array.isArray(results.budgets)) {
    results.budgets = [
      ...results.budgets.filter((b) => !String(b.figure).startsWith('lighthouse.')),
      ...budgets,
    ];
  }
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  say(`\n${table(section, budgets)}\n\nWritten to ${out}`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err) => {
      process.stderr.write(`\nlighthouse failed: ${err?.stack ?? err}\n`);
      process.exitCode = 1;
    },
  );
}
