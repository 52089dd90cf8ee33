import type { ApiError } from '@peerpath/shared';

/** A failed API call, carrying the server's `{statusCode, message, errors}`. */
export class ApiRequestError extends Error implements ApiError {
  readonly statusCode: number;
  readonly errors?: Record<string, string[]>;

  constructor(body: ApiError) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.statusCode = body.statusCode;
    this.errors = body.errors;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiRequestError {
  return error instanceof ApiRequestError && (status === undefined || error.statusCode === status);
}

/** Words a person can act on, whatever went wrong. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) {
    switch (error.statusCode) {
      case 0:
        return 'PeerPath cannot reach the server. Check your connection and try again.';
      case 403:
        return 'You do not have permission to do this.';
      case 404:
        return 'This record could not be found. It may have been removed, or it belongs to another team.';
      case 409:
        return error.message || 'Someone else changed this — reload to see the latest version.';
      case 429:
        return 'Too many attempts. Please wait a little and try again.';
      default:
        return error.statusCode >= 500
          ? 'Something went wrong on our side. Please try again in a moment.'
          : error.message;
    }
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}
