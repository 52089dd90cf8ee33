import { describeError, isApiError } from '../../api';

/** The server's words for a refusal: they name the field or what the consent lacks. */
export function refusal(e: unknown): string {
  return isApiError(e, 409) || isApiError(e, 400) ? e.message : describeError(e);
}
