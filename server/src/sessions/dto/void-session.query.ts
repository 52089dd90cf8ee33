import { TextField } from '../../common/validation';

/** `DELETE /api/sessions/:id?reason=`: why the session is voided, kept with it for the audit. */
export class VoidSessionQuery {
  @TextField({
    max: 500,
    description: 'Why the session is voided (required, not blank, at most 500 characters)',
    example: 'Logged twice by mistake',
  })
  reason: string;
}
