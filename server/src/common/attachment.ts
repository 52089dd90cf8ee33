import { StreamableFile } from '@nestjs/common';

/** A file answered as a download (an export, a copy kept): its type, its name and its length. */
export function attachment(body: Uint8Array, type: string, filename: string): StreamableFile {
  return new StreamableFile(body, {
    type,
    disposition: `attachment; filename="${filename}"`,
    length: body.length,
  });
}
