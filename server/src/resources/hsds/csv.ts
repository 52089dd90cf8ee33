import { stringify } from 'csv-stringify/sync';

/** A cell a spreadsheet would run as a formula starts with one of these (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as written: a formula-like text gets a leading apostrophe. */
function inert(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The cell as read: the apostrophe `inert` added is taken off again. */
function uninert(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** CSV text (header row first) of `rows` with `columns`; absent values are empty cells. */
export function writeCsv(columns: readonly string[], rows: Record<string, unknown>[]): string {
  const records = rows.map((r) =>
    columns.map((c) => {
      const v = r[c];
      if (v === undefined || v === null) return '';
      if (Array.isArray(v)) return inert(v.join(';'));
      return inert(String(v));
    }),
  );
  return stringify([columns as string[], ...records]);
}

export class CsvError extends Error {}

/**
 * RFC 4180 records of `text` (quoted cells may hold commas, quotes doubled,
 * and line breaks); a leading byte order mark is ignored. Throws CsvError for
 * an unclosed quote.
 */
export function parseCsvRecords(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let any = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      any = true;
      i++;
    } else if (c === ',') {
      record.push(cell);
      cell = '';
      any = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      record.push(cell);
      if (any || record.length > 1 || cell !== '') records.push(record);
      record = [];
      cell = '';
      any = false;
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      any = true;
      i++;
    }
  }
  if (quoted) throw new CsvError('a quoted cell is never closed');
  if (any || cell !== '' || record.length) {
    record.push(cell);
    records.push(record);
  }
  return records;
}

/**
 * The rows of a CSV file as objects by header name. Empty cells are left out
 * (an absent field); `lists` names the columns that hold `;`-separated lists.
 */
export function readCsvRows(
  text: string,
  lists: readonly string[] = [],
): Record<string, unknown>[] {
  const [header, ...records] = parseCsvRecords(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return records.map((cells) => {
    const row: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const raw = cells[i];
      if (raw === undefined || raw === '' || !name) return;
      const value = uninert(raw);
      row[name] = lists.includes(name)
        ? value
            .split(';')
            .map((t) => t.trim())
            .filter((t) => t !== '')
        : value;
    });
    return row;
  });
}
