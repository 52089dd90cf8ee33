import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CONSENT_SCAN_MAX_BYTES, type ConsentScanType } from '@peerpath/shared';

/** The form field that carries the signed copy. */
export const SCAN_FIELD = 'file';

/**
 * How large a scan upload's whole body may be: the file (5 MB at most) and
 * the multipart framing around it. A larger body is refused (413) before it
 * is read; a file over 5 MB within it is refused by `readScanUpload`.
 */
export const SCAN_BODY_LIMIT = CONSENT_SCAN_MAX_BYTES + 64 * 1024;

const SCAN_ROUTE = /^\/api\/consents\/[^/?#]+\/scan\/?(\?|$)/;

/**
 * True for the one request that may send `multipart/form-data`: keeping the
 * signed copy of a consent (`PUT /api/consents/:id/scan`). A foreign page
 * cannot make a browser send a PUT without a CORS preflight, which PeerPath
 * refuses, so the JSON-only rule's protection holds (request-guards.ts).
 */
export function isScanUpload(request: Pick<FastifyRequest, 'method' | 'url'>): boolean {
  return request.method === 'PUT' && SCAN_ROUTE.test(request.url);
}

/** The type of a file, read from its first bytes (never from its name or declared type). */
export function sniffScanType(content: Buffer): ConsentScanType | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff)
    return 'image/jpeg';
  return null;
}

/** A refusal naming the field `file`: 400, or 413 (too large), or 415 (not a kept type). */
function refuse(message: string, status: HttpStatus = HttpStatus.BAD_REQUEST) {
  return new HttpException({ message, errors: { [SCAN_FIELD]: [message] } }, status);
}

function boundaryOf(contentType: string | undefined): string | null {
  const m = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(
    contentType ?? '',
  );
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * The one file of a `multipart/form-data` body, in the field `file`: a body
 * without it, with another field or with more than one part is a 400 naming
 * `file`; a file over 5 MB is a 413; a body that is not multipart, or a file
 * that is not a PDF, PNG or JPEG by its content, is a 415 naming `file`.
 */
export function readScanUpload(
  body: unknown,
  contentType: string | undefined,
): { content: Buffer; contentType: ConsentScanType } {
  if (!/^multipart\/form-data\s*;/i.test(contentType ?? '')) {
    throw refuse(
      'Send the signed copy as multipart/form-data, in the field “file”',
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    );
  }
  const boundary = boundaryOf(contentType);
  if (!boundary || !Buffer.isBuffer(body)) {
    throw refuse('The form has no boundary: send the signed copy in the field “file”');
  }
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw refuse('The form holds no file: send the signed copy in the field “file”');
  for (;;) {
    const start = at + delimiter.length;
    // `--boundary--` closes the body.
    if (body.subarray(start, start + 2).toString('latin1') === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw refuse('The form is cut short: send the whole file again');
    // A part runs from after the boundary's line break to before the next one's.
    parts.push(body.subarray(start + 2, next - 2));
    at = next;
  }
  if (parts.length !== 1) {
    throw refuse('Send one file, in the field “file”, and nothing else');
  }
  const part = parts[0];
  const headerEnd = part.indexOf('\r\n\r\n');
  if (headerEnd < 0) throw refuse('The form is not readable: send the file again');
  const headers = part.subarray(0, headerEnd).toString('utf8');
  const disposition = /^content-disposition:\s*form-data\s*;(.*)$/im.exec(headers);
  const name = disposition ? /\bname="([^"]*)"/i.exec(disposition[1]) : null;
  if (!name || name[1] !== SCAN_FIELD || !/\bfilename="/i.test(disposition![1])) {
    throw refuse('Send the signed copy as a file in the field “file”');
  }
  const content = part.subarray(headerEnd + 4);
  if (content.length === 0) throw refuse('The file is empty');
  if (content.length > CONSENT_SCAN_MAX_BYTES) {
    throw refuse('The file is too large: 5 MB at most', HttpStatus.PAYLOAD_TOO_LARGE);
  }
  const type = sniffScanType(content);
  if (!type) {
    throw refuse(
      'The file is not a PDF, PNG or JPEG (judged by its content, not its name)',
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    );
  }
  return { content: Buffer.from(content), contentType: type };
}
