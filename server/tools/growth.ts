import { readFileSync, writeFileSync } from 'node:fs';

/*
 * `pnpm bench:growth <smaller.json> <larger.json>`: how each timed figure of
 * `pnpm bench` grows with the data. It reads two results files of the same
 * build on two sizes of `seed:scale` (say the full size and ten times it),
 * and writes `growth` into the larger one: for each figure, its value on each
 * and larger ÷ smaller. The reports read roll-ups, not sessions, so their
 * goal is a growth of at most 1.5 for ten times the data.
 */

/** The figures compared: a path into the results, and whether it is a report (goal ≤ 1.5). */
const FIGURES: [path: string, report: boolean][] = [
  ['activity.appMs', true],
  ['caseload.appMs', true],
  ['outcomes.appMs', true],
  ['claims.appMs', true],
  ['funderExport.perturbedMs', true],
  ['funderExport.exactMs', true],
  ['participantPage.appMs', false],
  ['groupSession.p95Ms', false],
  ['list.p99Ms', false],
  ['listMix.p99Ms', false],
];
export const REPORT_GROWTH_GOAL = 1.5;

type Results = Record<string, unknown> & {
  database?: { participants?: number; sessions?: number };
  growth?: unknown;
};

function valueAt(results: Results, path: string): number | null {
  let v: unknown = results;
  for (const part of path.split('.')) {
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export interface GrowthFigure {
  smaller: number | null;
  larger: number | null;
  growth: number | null;
  goal: string | null;
  result: 'PASS' | 'FAIL' | null;
}

/** The growth of each figure from `small` to `large`. */
export function growth(small: Results, large: Results) {
  const figures: Record<string, GrowthFigure> = {};
  for (const [path, report] of FIGURES) {
    const a = valueAt(small, path);
    const b = valueAt(large, path);
    const g = a !== null && b !== null && a > 0 ? Math.round((b / a) * 100) / 100 : null;
    figures[path] = {
      smaller: a,
      larger: b,
      growth: g,
      goal: report ? `≤ ${REPORT_GROWTH_GOAL}` : null,
      result: report && g !== null ? (g <= REPORT_GROWTH_GOAL ? 'PASS' : 'FAIL') : null,
    };
  }
  const size = (r: Results) => ({
    participants: r.database?.participants ?? null,
    sessions: r.database?.sessions ?? null,
  });
  const s = size(small);
  const l = size(large);
  return {
    smaller: s,
    larger: l,
    dataRatio: s.sessions && l.sessions ? Math.round((l.sessions / s.sessions) * 10) / 10 : null,
    figures,
  };
}

function main(argv: string[]): number {
  if (argv.length !== 2 || argv.some((a) => a.startsWith('-'))) {
    console.log(
      'Usage: pnpm bench:growth <smaller bench-results.json> <larger bench-results.json>',
    );
    console.log('Writes `growth` (larger ÷ smaller for each timed figure) into the larger file.');
    return argv.includes('--help') ? 0 : 1;
  }
  const [smallFile, largeFile] = argv;
  const small = JSON.parse(readFileSync(smallFile, 'utf8')) as Results;
  const large = JSON.parse(readFileSync(largeFile, 'utf8')) as Results;
  const g = growth(small, large);
  large.growth = { smallerFile: smallFile, ...g };
  writeFileSync(largeFile, JSON.stringify(large, null, 2) + '\n');
  console.log(
    `Growth from ${g.smaller.sessions?.toLocaleString('en-US')} to ${g.larger.sessions?.toLocaleString('en-US')} sessions (${g.dataRatio}×):`,
  );
  for (const [path, f] of Object.entries(g.figures)) {
    console.log(
      `  ${(f.result ?? '').padEnd(5)} ${path.padEnd(26)} ${String(f.smaller).padStart(8)} → ${String(f.larger).padStart(8)}  ${f.growth ?? '–'}×${f.goal ? ` (${f.goal})` : ''}`,
    );
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
