import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { Workbook } from 'exceljs';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import {
  INSTRUMENTS,
  INSTRUMENT_KEYS,
  MEANINGFUL_CHANGE,
  REPORT_MAX_YEARS,
  SUPPRESSED_MARK,
  monthOf,
  perturbCount,
  primaryMark,
  suppressTable,
  todayIn,
  type ExportFormat,
  type ExportProtection,
  type InstrumentKey,
  type OutcomeFigures,
  type OutcomesReport,
  type Shown,
} from '@peerpath/shared';
import { AuditService } from '../audit/audit.service';
import { fieldError } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';
import type { ExportFile } from './export';
import { periodByMonths } from '../database/rollups';
import { keyOfUnits, keyUnits } from './key-sums';
import { fileSlug, periodLimit, reportScope } from './scope';
import {
  PERTURBATION_EXPLAINED,
  protectionLabel,
  suppressionRule,
  type ExportMeta,
} from './export/rows';

/*
 * The outcomes report (SPEC §9): for each instrument, the people whose latest
 * live measurement (takenOn <= to) falls in the period and is not their
 * baseline; their mean baseline, mean latest and mean change, and how many
 * moved 5 points or more either way. One SQL aggregate; the funder export
 * follows §5's suppression with n as the total of improved and worsened.
 */

/** $1 from, $2 to, $3 team or null, $4 instruments asked, $5 instruments where higher is better, $6 the meaningful change. */
export const OUTCOMES_SQL = outcomesSql(false);

/**
 * The outcomes, and with `withKeys` the cell keys of SPEC §14 for the funder
 * export: the fractional part of the sum of the counted participants' record
 * keys, for n, improved and worsened.
 *
 * Each live measurement after a person's baseline carries the baseline score
 * and the day of the person's next measurement of the instrument (migration
 * OutcomeMonthRollups), so it is the person's latest on `to` in the period
 * when it was taken in the period and its next one is after `to` or absent.
 * The period's whole months come from `team_month_outcomes`, the months of
 * those measurements whose next month is after the month of `to`; the rest
 * from `measurement` by two partial indexes: those taken on the days outside
 * the whole months, and those taken in them whose next one falls after `to`
 * but within its month. Sums, not averages, are added, so the means are the
 * records' to the last digit. The month roll-up counts improved and worsened
 * with SPEC §9's 5 points and directions, as $5 and $6 give them.
 */
export function outcomesSql(withKeys: boolean): string {
  const period = periodByMonths('$1::date', '$2::date');
  const afterToMonth = `(date_trunc('month', $2::date::timestamp) + interval '1 month')::date`;
  const scope = (a: string) =>
    `($3::uuid IS NULL OR ${a}.team_id = $3::uuid) AND ${a}.instrument = ANY($4::text[])`;
  const cols = 'x.instrument, x.participant_id, x.baseline_score, x.score';
  const better = `CASE WHEN e.instrument = ANY($5::text[]) THEN e.score - e.baseline_score
                       ELSE e.baseline_score - e.score END`;
  const improved = ` FILTER (WHERE ${better} >= $6::int)`;
  const worsened = ` FILTER (WHERE ${better} <= -$6::int)`;
  return `
  WITH e AS (
    ${period.edgeRows(
      'measurement',
      cols,
      'taken_on',
      `x.baseline_score IS NOT NULL AND (x.next_taken_on IS NULL OR x.next_taken_on > $2::date)
         AND ${scope('x')}`,
    )}
    UNION ALL
    SELECT ${cols} FROM measurement x
     WHERE x.baseline_score IS NOT NULL AND x.next_taken_on > $2::date
       AND x.next_taken_on < ${afterToMonth} AND ${period.months('x.taken_on')} AND ${scope('x')}
  ), t AS (${period.monthSums(
    'team_month_outcomes',
    ['n', 'baseline', 'latest', 'improved', 'worsened', ...(withKeys ? OUTCOME_KEYS : [])],
    `m.next_month > date_trunc('month', $2::date::timestamp)::date AND ${scope('m')}`,
    'instrument',
  )}
    UNION ALL
    SELECT e.instrument, count(*), sum(e.baseline_score), sum(e.score),
           count(*)${improved}, count(*)${worsened}${
             withKeys
               ? `,
           ${keyUnits('p.record_key')}, ${keyUnits('p.record_key', improved)},
           ${keyUnits('p.record_key', worsened)}`
               : ''
           }
      FROM e${withKeys ? ' JOIN participant p ON p.id = e.participant_id' : ''}
     GROUP BY e.instrument
  )
  SELECT t.instrument, sum(t.n)::int AS n,
         round(sum(t.baseline) / sum(t.n), 1)::float8 AS mean_baseline,
         round(sum(t.latest) / sum(t.n), 1)::float8 AS mean_latest,
         round((sum(t.latest) - sum(t.baseline)) / sum(t.n), 1)::float8 AS mean_change,
         sum(t.improved)::int AS improved,
         sum(t.worsened)::int AS worsened${
           withKeys
             ? `,
         ${keyOfUnits('sum(t.key_n)')} AS n_key,
         ${keyOfUnits('sum(t.key_improved)')} AS improved_key,
         ${keyOfUnits('sum(t.key_worsened)')} AS worsened_key`
             : ''
         }
    FROM t
   GROUP BY t.instrument
  HAVING sum(t.n) > 0`;
}

/** The key sums kept beside the counts of `team_month_outcomes`. */
const OUTCOME_KEYS = ['key_n', 'key_improved', 'key_worsened'];

/** The cell keys of one instrument's counts (SPEC §14). */
export interface OutcomeKeys {
  n: number;
  improved: number;
  worsened: number;
}

export interface OutcomesQuery {
  from?: string;
  to?: string;
  teamId?: string;
  instrument?: InstrumentKey;
}

/** The figures of one instrument as a funder sees them. */
export interface ShownOutcome {
  instrument: InstrumentKey;
  n: Shown;
  meanBaseline: Shown | null;
  meanLatest: Shown | null;
  meanChange: Shown | null;
  improved: Shown;
  worsened: Shown;
}

/**
 * §5's suppression of the outcomes: n, improved and worsened are counts
 * (primary), improved and worsened are checked against n (secondary); the
 * means go with n, and n below the threshold hides every figure.
 */
export function suppressOutcomes(
  rows: OutcomeFigures[],
  threshold: number,
  keys?: Partial<Record<InstrumentKey, OutcomeKeys>>,
): ShownOutcome[] {
  return rows.map((r) => {
    // SPEC §14: suppression decided on the true counts, then each shown count perturbed.
    const k = keys?.[r.instrument] ?? (keys ? { n: 0, improved: 0, worsened: 0 } : undefined);
    const values = { n: r.n, improved: r.improved, worsened: r.worsened };
    const hidden = suppressTable(
      values,
      [{ total: 'n', cells: ['improved', 'worsened'] }],
      threshold,
    );
    const mark = (key: keyof typeof values): Shown =>
      hidden.get(key) === 'primary'
        ? primaryMark(threshold)
        : hidden.has(key)
          ? SUPPRESSED_MARK
          : k
            ? perturbCount(values[key], k[key], threshold)
            : values[key];
    const nHidden = hidden.has('n');
    const mean = (v: number | null): Shown | null => (nHidden ? SUPPRESSED_MARK : v);
    return {
      instrument: r.instrument,
      n: mark('n'),
      meanBaseline: mean(r.meanBaseline),
      meanLatest: mean(r.meanLatest),
      meanChange: mean(r.meanChange),
      improved: nHidden ? SUPPRESSED_MARK : mark('improved'),
      worsened: nHidden ? SUPPRESSED_MARK : mark('worsened'),
    };
  });
}

const METRICS: { key: keyof Omit<ShownOutcome, 'instrument'>; label: string }[] = [
  { key: 'n', label: 'People with a follow-up measure in the period' },
  { key: 'meanBaseline', label: 'Mean score at baseline' },
  { key: 'meanLatest', label: 'Mean score at their latest measure' },
  { key: 'meanChange', label: 'Mean change (latest − baseline)' },
  { key: 'improved', label: `Improved by ${MEANINGFUL_CHANGE} points or more` },
  { key: 'worsened', label: `Worsened by ${MEANINGFUL_CHANGE} points or more` },
];

interface Meta {
  orgName: string;
  teamName: string | null;
  generatedOn: string;
  threshold: number;
  period: { from: string; to: string };
  protection: ExportProtection;
}

const exportMeta = (meta: Meta): ExportMeta => ({ ...meta, internal: false });

/** A spreadsheet would run a cell starting with these as a formula. */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csv(rows: ShownOutcome[], meta: Meta): Buffer {
  const records: (string | number)[][] = [
    ['section', 'metric', 'breakdown', 'value', 'label'],
    ['meta', 'from', '', meta.period.from, 'First day of the period'],
    ['meta', 'to', '', meta.period.to, 'Last day of the period'],
    ['meta', 'team', '', inert(meta.teamName ?? 'all'), 'Team (all: the whole organisation)'],
    [
      'meta',
      'suppressionThreshold',
      '',
      meta.threshold,
      `Counts below ${meta.threshold} are hidden`,
    ],
    ['meta', 'protection', '', meta.protection, protectionLabel(exportMeta(meta))],
  ];
  for (const r of rows) {
    const name = INSTRUMENTS[r.instrument].name;
    for (const m of METRICS) {
      records.push(['outcomes', m.key, r.instrument, r[m.key] ?? '', `${name}: ${m.label}`]);
    }
  }
  return Buffer.from(stringify(records), 'utf8');
}

async function xlsx(rows: ShownOutcome[], meta: Meta): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = 'PeerPath';
  wb.title = 'Outcomes';
  const sheet = wb.addWorksheet('Outcomes');
  sheet.columns = [{ width: 28 }, ...rows.map(() => ({ width: 14 }))];
  sheet.addRow([meta.orgName]).font = { bold: true, size: 14 };
  sheet.addRow(['Outcomes']).font = { bold: true, size: 18 };
  sheet.addRow(['Period', `${meta.period.from} to ${meta.period.to}`]);
  sheet.addRow(['Team', meta.teamName ?? 'All teams']);
  sheet.addRow(['Suppression threshold', meta.threshold]);
  sheet.addRow(['Protection', `${meta.protection}: ${protectionLabel(exportMeta(meta))}`]);
  sheet.addRow(['Generated on', meta.generatedOn]);
  sheet.addRow([]);
  sheet.addRow(['', ...rows.map((r) => INSTRUMENTS[r.instrument].name)]).font = { bold: true };
  for (const m of METRICS) sheet.addRow([m.label, ...rows.map((r) => r[m.key] ?? 'n/a')]);
  const about = wb.addWorksheet('About this report');
  about.columns = [{ width: 26 }, { width: 90 }];
  const lines: [string, readonly string[]][] = [
    ['Small-cell suppression', suppressionRule(meta.threshold)],
    ...(meta.protection === 'perturb'
      ? ([['Small changes to figures', PERTURBATION_EXPLAINED]] as [string, readonly string[]][])
      : []),
    [
      'Means',
      [
        'Mean scores are worked out from every person counted, and are hidden whenever the number of people is.',
      ],
    ],
  ];
  for (const [title, text] of lines) {
    text.forEach((line, i) => {
      const row = about.addRow([i === 0 ? title : '', line]);
      row.getCell(1).font = { bold: true };
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function pdf(rows: ShownOutcome[], meta: Meta): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 40, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const ascii = (t: string) => t.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  doc.fillColor('#1f2933').font('Helvetica-Bold').fontSize(16).text(ascii(meta.orgName));
  doc.fontSize(20).text('Outcomes');
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#52606d')
    .text(
      ascii(
        `${meta.period.from} to ${meta.period.to} - ${meta.teamName ?? 'All teams'} - counts below ${meta.threshold} are hidden`,
      ),
    );
  doc.fontSize(8).text(ascii(protectionLabel(exportMeta(meta))));
  doc.moveDown();
  // A table: one column per instrument.
  const x0 = 40;
  const first = 230;
  const col = 100;
  let y = doc.y + 6;
  doc.font('Helvetica-Bold').fillColor('#1f2933').fontSize(10);
  rows.forEach((r, i) => doc.text(INSTRUMENTS[r.instrument].name, x0 + first + i * col, y));
  y += 18;
  doc.font('Helvetica');
  for (const m of METRICS) {
    doc.text(ascii(m.label), x0, y, { width: first - 10 });
    rows.forEach((r, i) => doc.text(String(r[m.key] ?? 'n/a'), x0 + first + i * col, y));
    y += 22;
  }
  // A chart: people improved and worsened, per instrument (hidden figures drawn as none).
  y += 20;
  doc.font('Helvetica-Bold').text('Improved and worsened, people', x0, y);
  y += 20;
  const counts = rows.flatMap((r) => [r.improved, r.worsened]).filter((v) => typeof v === 'number');
  const max = Math.max(1, ...(counts as number[]));
  doc.font('Helvetica').fontSize(9);
  for (const r of rows) {
    for (const [k, colour] of [
      ['improved', '#2f6f8f'],
      ['worsened', '#c2410c'],
    ] as const) {
      const v = r[k];
      doc
        .fillColor('#1f2933')
        .text(`${INSTRUMENTS[r.instrument].name} ${k}`, x0, y, { width: 140 });
      if (typeof v === 'number') doc.rect(x0 + 150, y, (v / max) * 300, 10).fill(colour);
      doc.fillColor('#1f2933').text(String(v), x0 + 460, y);
      y += 16;
    }
  }
  doc.end();
  return done;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async report(caller: AuthUser, q: OutcomesQuery): Promise<OutcomesReport> {
    const asked = await this.asked(caller, q);
    const { report } = await this.audit.recording(
      {
        actorId: caller.id,
        action: 'read',
        entityType: 'report',
        teamId: asked.teamId,
        details: {
          report: 'outcomes',
          from: asked.from,
          to: asked.to,
          instrument: q.instrument ?? null,
        },
      },
      () => this.figuresOf(asked),
    );
    return report;
  }

  async export(
    caller: AuthUser,
    q: OutcomesQuery & { format?: ExportFormat },
  ): Promise<ExportFile & { filename: string }> {
    const format = q.format ?? 'csv';
    const protection = this.config.exportProtection ?? 'perturb';
    const { report, teamName, keys } = await this.figures(caller, q, protection === 'perturb');
    const threshold = this.config.suppressionThreshold;
    const shown = suppressOutcomes(report.instruments, threshold, keys);
    const meta: Meta = {
      orgName: this.config.orgName,
      teamName,
      generatedOn: todayIn(this.config.orgTimezone),
      threshold,
      period: report.period,
      protection,
    };
    const body =
      format === 'csv'
        ? csv(shown, meta)
        : format === 'xlsx'
          ? await xlsx(shown, meta)
          : await pdf(shown, meta);
    await this.audit.record({
      actorId: caller.id,
      action: 'export',
      entityType: 'report',
      teamId: report.teamId,
      details: { report: 'outcomes', ...report.period, format, protection },
    });
    const slug = fileSlug(teamName);
    const { from, to } = report.period;
    return {
      body,
      contentType: CONTENT_TYPES[format],
      filename: `peerpath-outcomes-${slug}-${from}-to-${to}.${format}`,
    };
  }

  private async figures(caller: AuthUser, q: OutcomesQuery, withKeys = false) {
    return this.figuresOf(await this.asked(caller, q), withKeys);
  }

  /** The team, period and instruments asked, checked (before anything is read or audited). */
  private async asked(caller: AuthUser, q: OutcomesQuery) {
    const { teamId, teamName } = await reportScope(this.db, caller, q.teamId);
    const month = monthOf(todayIn(this.config.orgTimezone));
    const from = q.from ?? month.from;
    const to = q.to ?? month.to;
    if (from > to) throw fieldError('to', `to (${to}) must not be before from (${from})`);
    if (to >= periodLimit(from))
      throw fieldError('to', `A report covers at most ${REPORT_MAX_YEARS} years`);
    const instruments: InstrumentKey[] = q.instrument ? [q.instrument] : [...INSTRUMENT_KEYS];
    return { teamId, teamName, from, to, instruments };
  }

  private async figuresOf(asked: Awaited<ReturnType<OutcomesService['asked']>>, withKeys = false) {
    const { teamId, teamName, from, to } = asked;
    const { instruments, keys } = await queryOutcomes(
      this.db,
      from,
      to,
      teamId,
      asked.instruments,
      withKeys,
    );
    const report: OutcomesReport = { period: { from, to }, teamId, instruments };
    return { report, teamName, keys };
  }
}

/**
 * The outcome figures of a period for the instruments asked (SPEC §9), one SQL
 * aggregate; with `withKeys`, also each instrument's cell keys (SPEC §14).
 */
export async function queryOutcomes(
  db: Pick<DataSource, 'query'>,
  from: string,
  to: string,
  teamId: string | null,
  asked: readonly InstrumentKey[],
  withKeys: boolean,
): Promise<{
  instruments: OutcomeFigures[];
  keys: Partial<Record<InstrumentKey, OutcomeKeys>> | undefined;
}> {
  const higher = INSTRUMENT_KEYS.filter((k) => INSTRUMENTS[k].better === 'higher');
  const rows: {
    instrument: InstrumentKey;
    n: number;
    mean_baseline: number | null;
    mean_latest: number | null;
    mean_change: number | null;
    improved: number;
    worsened: number;
    n_key?: number;
    improved_key?: number;
    worsened_key?: number;
  }[] = await db.query(withKeys ? outcomesSql(true) : OUTCOMES_SQL, [
    from,
    to,
    teamId,
    asked,
    higher,
    MEANINGFUL_CHANGE,
  ]);
  const instruments = asked.map((instrument) => {
    const r = rows.find((x) => x.instrument === instrument);
    return {
      instrument,
      n: r?.n ?? 0,
      meanBaseline: r?.mean_baseline ?? null,
      meanLatest: r?.mean_latest ?? null,
      meanChange: r?.mean_change ?? null,
      improved: r?.improved ?? 0,
      worsened: r?.worsened ?? 0,
    };
  });
  const keys = withKeys
    ? Object.fromEntries(
        rows.map((r) => [
          r.instrument,
          { n: r.n_key ?? 0, improved: r.improved_key ?? 0, worsened: r.worsened_key ?? 0 },
        ]),
      )
    : undefined;
  return { instruments, keys };
}
