import { stringify } from 'csv-stringify/sync';
import type { SuppressedActivitySummary } from '@peerpath/shared';
import { figureRows, type ExportMeta } from './rows';

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 * carriage return first) gets a leading apostrophe (OWASP CSV injection).
 * Only the team name is free text here; the figures are numbers or marks.
 */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** `section,metric,breakdown,value`, the meta rows first (SPEC §5). */
export function writeCsv(f: SuppressedActivitySummary, meta: ExportMeta): Buffer {
  const records: (string | number)[][] = [
    ['section', 'metric', 'breakdown', 'value'],
    ['meta', 'from', '', f.period.from],
    ['meta', 'to', '', f.period.to],
    ['meta', 'team', '', inert(meta.teamName ?? 'all')],
    ['meta', 'suppressionThreshold', '', f.suppressionThreshold],
    ...figureRows(f).map((r) => [r.section, r.metric, r.breakdown, r.value ?? '']),
  ];
  return Buffer.from(stringify(records), 'utf8');
}
