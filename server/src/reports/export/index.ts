import type { ExportFormat, SuppressedActivitySummary } from '@peerpath/shared';
import { writeCsv } from './csv';
import { writePdf } from './pdf';
import type { ExportMeta } from './rows';
import { writeXlsx } from './xlsx';

export type { ExportMeta } from './rows';

export interface ExportFile {
  body: Buffer;
  contentType: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Writes the suppressed figures in the format asked for. */
export async function writeExport(
  format: ExportFormat,
  figures: SuppressedActivitySummary,
  meta: ExportMeta,
): Promise<ExportFile> {
  const writers: Record<ExportFormat, () => Buffer | Promise<Buffer>> = {
    csv: () => writeCsv(figures, meta),
    xlsx: () => writeXlsx(figures, meta),
    pdf: () => writePdf(figures, meta),
  };
  return { body: await writers[format](), contentType: CONTENT_TYPES[format] };
}
