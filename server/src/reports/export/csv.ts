import { stringify } from 'csv-stringify/sync';
import type { SuppressedActivitySummary } from '@peerpath/shared';
import { INTERNAL_MARK, figureRows, protectionLabel, protectionOf, type ExportMeta } from './rows';

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 * carriage return first) gets a leading apostrophe (OWASP CSV injection).
 * Only the team name is free text here; the figures are numbers or marks.
 */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * `section,metric,breakdown,value,label` (`label`: the row in plain words),
 * the meta rows first (SPEC §5). The internal export says so in its first row
 * and has no suppression threshold.
 */
export function writeCsv(f: SuppressedActivitySummary, meta: ExportMeta): Buffer {
  const records: (string | number)[][] = [
    ['section', 'metric', 'breakdown', 'value', 'label'],
    ...(meta.internal ? [['meta', 'audience', '', 'internal', INTERNAL_MARK]] : []),
    ['meta', 'from', '', f.period.from, 'First day of the period'],
    ['meta', 'to', '', f.period.to, 'Last day of the period'],
    ['meta', 'team', '', inert(meta.teamName ?? 'all'), 'Team (all: the whole organisation)'],
    meta.internal
      ? ['meta', 'suppressionThreshold', '', 'none', 'Small numbers are not hidden']
      : [
          'meta',
          'suppressionThreshold',
          '',
          f.suppressionThreshold,
          `Counts below ${f.suppressionThreshold} are hidden`,
        ],
    ['meta', 'protection', '', protectionOf(meta), protectionLabel(meta)],
    ...figureRows(f).map((r) => [r.section, r.metric, r.breakdown, r.value ?? '', r.label]),
  ];
  return Buffer.from(stringify(records), 'utf8');
}
