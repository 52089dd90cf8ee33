import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  HANDOUT_OUTCOMES,
  INSTRUMENTS,
  LABELS,
  RESOURCE_CATEGORIES,
  SESSION_SETTINGS,
  SESSION_TYPES,
  SUPPRESSED_MARK,
  TIME_ENTRY_KINDS,
  TIME_ENTRY_KIND_LABELS,
  primaryMark,
  type Shown,
  type SuppressedActivitySummary,
} from '@peerpath/shared';
import { printable, startPdf } from '../../common/pdf';
import { INTERNAL_MARK, longDate, teamLabel, type ExportMeta } from './rows';

const PAGE = { width: 612, height: 792, margin: 40 }; // US Letter, in points
const INK = '#1f2933';
const MUTED = '#52606d';
const BAR = '#2f6f8f';
const RULE = '#cbd2d9';

function shown(v: Shown | null, kind: 'count' | 'hours' | 'average' | 'rate' = 'count'): string {
  if (v === null) return 'n/a';
  if (typeof v === 'string') return v;
  if (kind === 'rate') return `${Math.round(v * 100)}%`;
  if (kind === 'hours' || kind === 'average') return v.toFixed(1);
  return v.toLocaleString('en-US');
}

/**
 * One readable page: organisation, title, period and team; the key figures;
 * a bar chart of sessions by type; and the breakdowns as tables.
 * Streams are left uncompressed: the file stays small (one page, no images)
 * and its text can be checked with a plain search.
 */
export function writePdf(f: SuppressedActivitySummary, meta: ExportMeta): Promise<Buffer> {
  const { doc, done } = startPdf({
    title: meta.internal ? 'Activity summary (internal, not for funders)' : 'Activity summary',
    orgName: meta.orgName,
    subject: `${f.period.from} to ${f.period.to}, ${teamLabel(meta)}`,
    margin: PAGE.margin,
  });

  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const text = (
    s: string,
    x: number,
    y: number,
    opts: {
      size?: number;
      bold?: boolean;
      color?: string;
      width?: number;
      align?: 'left' | 'right' | 'center';
    } = {},
  ) => {
    doc
      .font(opts.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(opts.size ?? 9)
      .fillColor(opts.color ?? INK)
      .text(printable(s), x, y, {
        width: opts.width,
        align: opts.align,
        lineBreak: opts.width !== undefined && opts.align === undefined,
        ellipsis: opts.width !== undefined,
      });
  };

  // Heading.
  text(meta.orgName, left, 40, { size: 11, bold: true, color: MUTED, width });
  text('Activity summary', left, 56, { size: 22, bold: true });
  text(
    `${longDate(f.period.from)} to ${longDate(f.period.to)}   ·   Team: ${teamLabel(meta)}   ·   Generated ${longDate(meta.generatedOn)}`,
    left,
    84,
    { size: 9.5, color: MUTED, width },
  );
  if (meta.internal) {
    text(printable(INTERNAL_MARK), left, 100, { size: 8, bold: true, color: '#b00020', width });
  } else {
    text(
      `De-identified figures. Counts from 1 to ${f.suppressionThreshold - 1} are shown as "${primaryMark(f.suppressionThreshold)}"; ` +
        `a cell that would let one be worked out, and any hours, average or rate computed from a hidden count, as "${SUPPRESSED_MARK}".` +
        (meta.protection === 'perturb'
          ? ' Every count shown is changed by a small consistent amount (at most 2; the same records always get the same change), ' +
            'so reports of overlapping periods cannot be subtracted: breakdowns may not add up to their totals.'
          : ''),
      left,
      100,
      { size: 7.5, color: MUTED, width },
    );
  }

  // Key figures: five to a row.
  const keyFigures: [string, string][] = [
    ['Participants served', shown(f.participantsServed)],
    ['New participants', shown(f.newParticipants)],
    ['Participants discharged', shown(f.dischargedParticipants)],
    ['Sessions', shown(f.sessions.total)],
    ['Service hours', shown(f.serviceHours, 'hours')],
    ['Contact hours', shown(f.contactHours, 'hours')],
    ['Group attendances', shown(f.groupAttendance.attended)],
    ['Average per group session', shown(f.groupAttendance.averagePerGroupSession, 'average')],
    ['Resources handed out', shown(f.handouts.total)],
    ['Connection rate', shown(f.handouts.connectionRate, 'rate')],
    ['Median days to outcome', shown(f.handouts.medianDaysToOutcome, 'average')],
    ['Advocacy opened', shown(f.advocacy.opened)],
    ['Advocacy completed', shown(f.advocacy.completed)],
    ['Decision notes', shown(f.decisionNotes)],
    ['Other hours (outside sessions)', shown(f.otherHours.total, 'hours')],
  ];
  const perRow = 5;
  const boxW = width / perRow;
  const boxH = 37;
  const figuresTop = 132;
  keyFigures.forEach(([label, value], i) => {
    const x = left + (i % perRow) * boxW;
    const y = figuresTop + Math.floor(i / perRow) * (boxH + 6);
    doc
      .rect(x + 2, y, boxW - 4, boxH)
      .strokeColor(RULE)
      .lineWidth(0.75)
      .stroke();
    text(value, x + 8, y + 6, { size: 15, bold: true, width: boxW - 16 });
    text(label, x + 8, y + 26, { size: 7.5, color: MUTED, width: boxW - 16 });
  });

  // Chart: sessions by type, one horizontal bar each; hidden values hatched and labelled.
  // Other hours by kind, in a line under the figures (a table would not fit the page).
  const kindsTop = figuresTop + 3 * (boxH + 6) + 2;
  text(
    `Other hours by kind (work outside sessions, never service or contact hours): ${TIME_ENTRY_KINDS.map(
      (k) => `${TIME_ENTRY_KIND_LABELS[k]} ${shown(f.otherHours.byKind[k], 'hours')}`,
    ).join('  ·  ')}`,
    left,
    kindsTop,
    { size: 7.5, color: MUTED, width },
  );
  const chartTop = kindsTop + 24;
  text('Sessions by type', left, chartTop, { size: 11, bold: true });
  const hatched = (x: number, y: number, w: number, h: number) => {
    doc.save();
    doc.rect(x, y, w, h).clip();
    doc.strokeColor(BAR).lineWidth(0.8);
    for (let d = -h; d < w; d += 4)
      doc
        .moveTo(x + d, y + h)
        .lineTo(x + d + h, y)
        .stroke();
    doc.restore();
    doc.rect(x, y, w, h).strokeColor(BAR).lineWidth(0.8).stroke();
  };
  hatched(left + 150, chartTop + 2, 16, 8);
  text('hidden by small-cell suppression (value not drawn to scale)', left + 172, chartTop + 2, {
    size: 7.5,
    color: MUTED,
  });
  const labelW = 150;
  const barMax = width - labelW - 70;
  const numbers = SESSION_TYPES.map((t) => f.sessions.byType[t]).filter(
    (v): v is number => typeof v === 'number',
  );
  const scale = Math.max(f.suppressionThreshold, ...numbers);
  const barH = 11;
  SESSION_TYPES.forEach((t, i) => {
    const y = chartTop + 20 + i * (barH + 4);
    const v = f.sessions.byType[t];
    text(LABELS.sessionType[t], left, y + 1, { size: 8.5, width: labelW - 8 });
    const x = left + labelW;
    if (typeof v === 'number') {
      const w = (v / scale) * barMax;
      if (w > 0) doc.rect(x, y, w, barH).fillColor(BAR).fill();
      text(shown(v), x + w + 5, y + 1, { size: 8.5 });
    } else {
      hatched(x, y, 28, barH);
      text(v, x + 33, y + 1, { size: 8.5, color: MUTED });
    }
  });
  doc
    .moveTo(left + labelW, chartTop + 16)
    .lineTo(left + labelW, chartTop + 20 + SESSION_TYPES.length * (barH + 4) - 2)
    .strokeColor(RULE)
    .lineWidth(0.75)
    .stroke();

  // Tables: three columns of breakdowns.
  const tablesTop = chartTop + 20 + SESSION_TYPES.length * (barH + 4) + 16;
  const colGap = 18;
  const colW = (width - 2 * colGap) / 3;
  const table = <K extends string>(
    title: string,
    keys: readonly K[],
    values: Record<K, Shown>,
    labels: Record<K, string>,
    total: [string, Shown] | null,
    x: number,
    y: number,
  ): number => {
    text(title, x, y, { size: 9.5, bold: true, width: colW });
    let yy = y + 15;
    doc
      .moveTo(x, yy - 2)
      .lineTo(x + colW, yy - 2)
      .strokeColor(RULE)
      .lineWidth(0.75)
      .stroke();
    const row = (label: string, value: Shown, bold = false) => {
      text(label, x, yy, { size: 8.5, width: colW - 60, bold });
      text(shown(value), x + colW - 60, yy, { size: 8.5, width: 60, align: 'right', bold });
      yy += 12;
    };
    for (const k of keys) row(labels[k], values[k]);
    if (total) {
      doc
        .moveTo(x, yy - 1)
        .lineTo(x + colW, yy - 1)
        .strokeColor(RULE)
        .lineWidth(0.75)
        .stroke();
      yy += 1;
      row(total[0], total[1], true);
    }
    return yy + 12;
  };
  const col = (i: number) => left + i * (colW + colGap);
  const y1 = table(
    'Sessions by setting',
    SESSION_SETTINGS,
    f.sessions.bySetting,
    LABELS.sessionSetting,
    ['Sessions', f.sessions.total],
    col(0),
    tablesTop,
  );
  const y2 = table(
    'Handouts by outcome',
    HANDOUT_OUTCOMES,
    f.handouts.byOutcome,
    LABELS.handoutOutcome,
    ['Handouts', f.handouts.total],
    col(0),
    y1,
  );
  const y1b = table(
    'Handouts by resource category',
    RESOURCE_CATEGORIES,
    f.handouts.byCategory,
    LABELS.resourceCategory,
    ['Handouts', f.handouts.total],
    col(1),
    tablesTop,
  );
  const y3 = table(
    'Advocacy opened by category',
    ADVOCACY_CATEGORIES,
    f.advocacy.byCategory,
    LABELS.advocacyCategory,
    ['Opened', f.advocacy.opened],
    col(2),
    tablesTop,
  );
  const y4 = table(
    'Advocacy opened by level',
    ADVOCACY_LEVELS,
    f.advocacy.byLevel,
    LABELS.advocacyLevel,
    ['Opened', f.advocacy.opened],
    col(2),
    y3,
  );

  // Outcomes (SPEC §9): one row per instrument, the same protection as every other figure.
  if (meta.outcomes) {
    const top = Math.max(y2, y1b, y4) - 4;
    text('Outcome measures: people with a follow-up measure in the period', left, top, {
      size: 9.5,
      bold: true,
      width,
    });
    const heads = [
      'People',
      'Mean at baseline',
      'Mean latest',
      'Mean change',
      'Improved',
      'Worsened',
    ];
    const nameW = 170;
    const cellW = (width - nameW) / heads.length;
    let yy = top + 15;
    heads.forEach((h, i) =>
      text(h, left + nameW + i * cellW, yy, {
        size: 7.5,
        bold: true,
        width: cellW,
        align: 'right',
      }),
    );
    yy += 11;
    doc
      .moveTo(left, yy - 2)
      .lineTo(left + width, yy - 2)
      .strokeColor(RULE)
      .lineWidth(0.75)
      .stroke();
    for (const r of meta.outcomes) {
      text(INSTRUMENTS[r.instrument].name, left, yy, { size: 8.5, width: nameW - 8 });
      const cells: [Shown | null, 'count' | 'average'][] = [
        [r.n, 'count'],
        [r.meanBaseline, 'average'],
        [r.meanLatest, 'average'],
        [r.meanChange, 'average'],
        [r.improved, 'count'],
        [r.worsened, 'count'],
      ];
      cells.forEach(([v, kind], i) =>
        text(shown(v, kind), left + nameW + i * cellW, yy, {
          size: 8.5,
          width: cellW,
          align: 'right',
        }),
      );
      yy += 12;
    }
  }

  text(
    `PeerPath · ${meta.orgName} · ${f.period.from} to ${f.period.to} · ${meta.internal ? 'INTERNAL, NOT FOR FUNDERS' : `suppression threshold ${f.suppressionThreshold}`}`,
    left,
    PAGE.height - PAGE.margin - 14,
    { size: 7, color: MUTED, width },
  );

  doc.end();
  return done;
}
