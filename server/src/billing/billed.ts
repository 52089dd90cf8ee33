import { ConflictException } from '@nestjs/common';
import type { Queryable } from '../records';

/**
 * SPEC §13: a session with a line in a live batch can no longer have its
 * date, minutes or attendance changed, or be voided (409). The batch's lines
 * are locked while the session changes, so a batch made at the same moment
 * waits for the change.
 */
export async function requireNotBilled(m: Queryable, sessionId: string, what: string) {
  const rows: { batch_id: string }[] = await m.query(
    `SELECT batch_id FROM billing_claim_line WHERE session_id = $1 AND live LIMIT 1 FOR SHARE`,
    [sessionId],
  );
  if (rows.length > 0) {
    throw new ConflictException({
      message: `This session is billed (batch ${rows[0].batch_id}): its ${what} can no longer change`,
      errors: { [what === 'void' ? 'id' : what]: ['is billed in a batch'] },
    });
  }
}
