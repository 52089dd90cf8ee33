import { Workbook } from 'exceljs';
import type { SuppressedActivitySummary } from '@peerpath/shared';
import {
  SECTIONS,
  SECTION_TITLES,
  figureRows,
  longDate,
  INTERNAL_MARK,
  PERTURBATION_EXPLAINED,
  protectionLabel,
  protectionOf,
  suppressionRule,
  teamLabel,
  type ExportMeta,
} from './rows';

/** A cover sheet (who, when, which team, the suppression rule), then a sheet per section. */
export async function writeXlsx(f: SuppressedActivitySummary, meta: ExportMeta): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = 'PeerPath';
  wb.title = meta.internal ? 'Activity summary (internal, not for funders)' : 'Activity summary';

  const cover = wb.addWorksheet('About this report');
  cover.columns = [{ width: 26 }, { width: 90 }];
  cover.addRow([meta.orgName]).font = { bold: true, size: 14 };
  cover.addRow(['Activity summary']).font = { bold: true, size: 18 };
  if (meta.internal) {
    cover.addRow(['INTERNAL', INTERNAL_MARK]).font = { bold: true, color: { argb: 'FFB00020' } };
  }
  cover.addRow([]);
  const facts: [string, string | number][] = [
    ['Period', `${longDate(f.period.from)} to ${longDate(f.period.to)} (inclusive)`],
    ['From', f.period.from],
    ['To', f.period.to],
    ['Team', teamLabel(meta)],
    ['Suppression threshold', meta.internal ? 'none (internal)' : f.suppressionThreshold],
    ['Protection', `${protectionOf(meta)}: ${protectionLabel(meta)}`],
    ['Generated on', meta.generatedOn],
  ];
  for (const fact of facts) cover.addRow(fact).getCell(1).font = { bold: true };
  cover.addRow([]);
  const rule = suppressionRule(f.suppressionThreshold, meta.internal);
  rule.forEach((line, i) => {
    const row = cover.addRow([i === 0 ? 'Small-cell suppression' : '', line]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  if (protectionOf(meta) === 'perturb') {
    cover.addRow([]);
    PERTURBATION_EXPLAINED.forEach((line, i) => {
      const row = cover.addRow([i === 0 ? 'Small changes to figures' : '', line]);
      row.getCell(1).font = { bold: true };
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    });
  }
  cover.getColumn(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };

  const rows = figureRows(f);
  for (const section of SECTIONS) {
    const sheet = wb.addWorksheet(SECTION_TITLES[section]);
    sheet.columns = [
      { header: 'Figure', width: 52 },
      { header: 'metric', width: 24 },
      { header: 'breakdown', width: 26 },
      { header: 'value', width: 14 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of rows.filter((x) => x.section === section)) {
      const row = sheet.addRow([r.label, r.metric, r.breakdown, r.value]);
      row.getCell(4).alignment = { horizontal: 'right' };
    }
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
