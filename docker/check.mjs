#!/usr/bin/env node
// Checks the deployment files without a container engine (none runs on the CI machine): every YAML file
// parses, the manifests keep the properties the README promises, and what the Dockerfile copies and runs
// exists after `pnpm build`. Exits 1 naming each problem.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const problems = [];
const check = (ok, message) => ok || problems.push(message);

const docs = {};
for (const dir of ['docker', 'docker/k8s']) {
  for (const name of readdirSync(join(root, dir)).filter((n) => /\.ya?ml$/.test(n))) {
    const file = `${dir}/${name}`;
    const parsed = parseAllDocuments(readFileSync(join(root, file), 'utf8'));
    for (const d of parsed) for (const e of d.errors) problems.push(`${file}: ${e.message}`);
    docs[file] = parsed.map((d) => d.toJS());
  }
}

const compose = docs['docker/compose.yaml']?.[0];
check(compose?.services?.db?.image?.startsWith('postgres:16'), 'compose: db must be PostgreSQL 16');
check(compose?.services?.db?.volumes?.length > 0, 'compose: db needs a volume');
check(
  compose?.services?.db?.healthcheck && compose?.services?.app?.healthcheck,
  'compose: both services need health checks',
);
check(
  compose?.services?.app?.env_file === '.env',
  'compose: the app reads its secrets from docker/.env',
);

const deployment = docs['docker/k8s/deployment.yaml']?.[0];
const container = deployment?.spec?.template?.spec?.containers?.[0];
check(deployment?.spec?.replicas >= 2, 'k8s: the Deployment runs 2+ replicas');
check(
  container?.readinessProbe?.httpGet?.path === '/api/health',
  'k8s: readiness probe on /api/health',
);
check(container?.livenessProbe, 'k8s: a liveness probe');
check(
  container?.resources?.limits?.memory && container?.resources?.limits?.cpu,
  'k8s: resource limits',
);
check(deployment?.spec?.template?.spec?.securityContext?.runAsNonRoot, 'k8s: runs as non-root');
const hpa = docs['docker/k8s/hpa.yaml']?.[0];
check(
  hpa?.kind === 'HorizontalPodAutoscaler' && hpa.spec.minReplicas >= 2,
  'k8s: an HPA with 2+ replicas',
);
check(docs['docker/k8s/migrate-job.yaml']?.[0]?.kind === 'Job', 'k8s: a migration Job');
check(docs['docker/k8s/ingress.yaml']?.[0]?.kind === 'Ingress', 'k8s: an Ingress');
check(docs['docker/k8s/secret.template.yaml']?.[0]?.kind === 'Secret', 'k8s: a Secret template');
check(docs['docker/k8s/service.yaml']?.[0]?.kind === 'Service', 'k8s: a Service');

// What the image copies and runs exists once built.
const dockerfile = readFileSync(join(root, 'docker/server.Dockerfile'), 'utf8');
check(/^USER node$/m.test(dockerfile), 'Dockerfile: runs as the non-root node user');
for (const path of [
  'shared/dist/index.js',
  'server/dist/main.js',
  'server/dist/database/migrate-cli.js',
  'client/dist/index.html',
]) {
  check(existsSync(join(root, path)), `build output missing (run pnpm build): ${path}`);
}
// The benchmark, the load check and the scale seeder build into server/dist-tools, never into the image.
const toolCode = (dir) =>
  readdirSync(dir, { recursive: true }).filter((f) =>
    /(^|\/)(scale|bench|load-check|seed-scale|start-server)([./]|$)/.test(String(f)),
  );
if (existsSync(join(root, 'server/dist'))) {
  const found = toolCode(join(root, 'server/dist'));
  check(found.length === 0, `server/dist holds tool code: ${found.slice(0, 3).join(', ')}`);
}
check(
  !/dist-tools|server\/tools/.test(dockerfile),
  'Dockerfile: copies no tool code (server/tools, server/dist-tools)',
);
const job =
  docs['docker/k8s/migrate-job.yaml']?.[0]?.spec?.template?.spec?.containers?.[0]?.command ?? [];
check(
  existsSync(join(root, job[1] ?? 'missing')),
  `k8s: the migration Job runs ${job[1]}, which must exist`,
);

if (problems.length) {
  console.error(`Deployment files: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log('Deployment files: compose, Dockerfile and Kubernetes manifests check out.');
