import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Browser tests against the built server (which serves the built client from
 * client/dist): build shared, server and client first. Every run starts on a
 * fresh embedded database with the demo organisation.
 */
// Chosen once by the main process and inherited by the workers (which load this file again), so
// runs on one machine (a developer's and CI's, or two checkouts) never fight over a port.
if (!process.env.PEERPATH_E2E_PORT || !process.env.PEERPATH_E2E_PG_PORT) {
  const [port, pgPort] = twoFreePorts();
  process.env.PEERPATH_E2E_PORT ??= String(port);
  process.env.PEERPATH_E2E_PG_PORT ??= String(pgPort);
}
process.env.PEERPATH_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'peerpath-e2e-'));
const PORT = Number(process.env.PEERPATH_E2E_PORT);
const dataDir = process.env.PEERPATH_E2E_DATA;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 860 },
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // The system Chromium; never download browsers here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node ../server/dist/main.js',
    url: `http://localhost:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATA_DIR: dataDir,
      // Its own embedded PostgreSQL port, so a running dev server does not clash.
      EMBEDDED_PG_PORT: process.env.PEERPATH_E2E_PG_PORT,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
    },
  },
});

/**
 * Two free ports for the server and its embedded PostgreSQL, below the
 * kernel's range for outgoing connections (32768–60999 on Linux). A port in
 * that range can be held by another program's outgoing connection, open or just
 * closed (TIME_WAIT), and PostgreSQL then cannot listen on it. Each candidate is
 * checked by listening on it in a short child process, since this file is
 * loaded synchronously.
 */
function twoFreePorts(): [number, number] {
  const probe = `
    const net = require('node:net');
    const tryPort = (p) => new Promise((ok) => {
      const s = net.createServer();
      s.once('error', () => ok(false));
      s.listen(p, '127.0.0.1', () => s.close(() => ok(true)));
    });
    (async () => {
      const found = [];
      for (let i = 0; i < 200 && found.length < 2; i++) {
        const p = 20000 + Math.floor(Math.random() * 12000);
        if (!found.includes(p) && (await tryPort(p))) found.push(p);
      }
      process.stdout.write(found.join(' '));
    })();`;
  const [port, pgPort] = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })
    .trim()
    .split(' ')
    .map(Number);
  if (!port || !pgPort)
    throw new Error('no two free ports between 20000 and 32000 for the browser tests');
  return [port, pgPort];
}
