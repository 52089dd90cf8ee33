import PDFDocument from 'pdfkit';

/** The colours every PeerPath PDF is printed in. */
export const PDF_INK = '#1f2933';
export const PDF_MUTED = '#52606d';

/**
 * The standard PDF fonts cover Windows-1252 only; anything outside it (a
 * name in another script) is written as '?', not as broken glyphs.
 */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
export function printable(text: string): string {
  return [...text]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.includes(ch)
        ? ch
        : '?';
    })
    .join('');
}

/** "12 Mar 2026", as the app shows a day. */
export function showDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export interface PdfInfo {
  title: string;
  orgName: string;
  subject?: string;
  margin: number;
}

/**
 * A US Letter pdfkit document with PeerPath's metadata, and the file it
 * becomes once `doc.end()` is called. Streams are left uncompressed: the
 * files are small (text, no images) and their text can be checked.
 */
export function startPdf(info: PdfInfo): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: info.margin,
    compress: false,
    info: {
      Title: printable(info.title),
      Author: printable(info.orgName),
      ...(info.subject ? { Subject: printable(info.subject) } : {}),
      Creator: 'PeerPath',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/**
 * Flowing text for a document read top to bottom (a person's record, an
 * accounting): a paragraph in Helvetica, a section heading, and a field
 * line left out when it has nothing to say.
 */
export function flowWriter(doc: PDFKit.PDFDocument) {
  const para = (s: string, opts: { size?: number; bold?: boolean; color?: string } = {}) =>
    doc
      .font(opts.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(opts.size ?? 10)
      .fillColor(opts.color ?? PDF_INK)
      .text(printable(s));
  const heading = (s: string) => {
    doc.moveDown(0.8);
    para(s, { size: 14, bold: true });
    doc.moveDown(0.3);
  };
  return { para, heading };
}
