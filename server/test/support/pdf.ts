/**
 * The text drawn in a PDF that pdfkit wrote (uncompressed, standard fonts):
 * each run of text is a TJ array of hex glyph codes with kerning numbers
 * between them; the standard fonts use single-byte codes, so decoding the
 * hex gives the text back, one run a line.
 */
export function pdfText(pdf: string): string {
  const runs: string[] = [];
  for (const [, array] of pdf.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    let run = '';
    for (const [, hex] of array.matchAll(/<([0-9a-fA-F]*)>/g)) {
      run += Buffer.from(hex, 'hex').toString('latin1');
    }
    runs.push(run);
  }
  return runs.join('\n');
}

/** The drawn text with every run of white space (line breaks included) as one space. */
export function pdfWords(pdf: string): string {
  return pdfText(pdf).replace(/\s+/g, ' ');
}
