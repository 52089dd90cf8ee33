#!/usr/bin/env node
// `pnpm start`: build what changed since the last build, then run PeerPath.
// With no DATABASE_URL the server starts its own embedded PostgreSQL with demo data.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

const packages = [
  {
    name: 'shared',
    inputs: ['shared/src', 'shared/tsconfig.json', 'shared/tsconfig.build.json'],
    cmd: ['npx', 'tsc', '-p', 'tsconfig.build.json'],
  },
  {
    name: 'server',
    inputs: ['server/src', 'server/tsconfig.json', 'server/tsconfig.build.json', 'shared/src'],
    cmd: ['npx', 'tsc', '-p', 'tsconfig.build.json'],
  },
  {
    name: 'client',
    inputs: [
      'client/src',
      'client/index.html',
      'client/vite.config.ts',
      'client/public',
      'shared/src',
    ],
    cmd: ['npx', 'vite', 'build', '--logLevel', 'warn'],
  },
];

for (const p of packages) {
  const stamp = join(root, p.name, 'dist', '.build-stamp');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = Math.max(...p.inputs.map((i) => newest(join(root, i))));
  if (changed <= built) continue;
  process.stdout.write(`Building ${p.name} …\n`);
  const r = spawnSync(p.cmd[0], p.cmd.slice(1), { cwd: join(root, p.name), stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}

const server = spawn(process.execPath, ['dist/main.js'], {
  cwd: join(root, 'server'),
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
