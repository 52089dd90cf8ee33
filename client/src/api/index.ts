export {
  api,
  confirmOwnPassword,
  download,
  refreshSession,
  restoreSession,
  setAccessToken,
  startSessionRestore,
  onSessionChange,
  toQueryString,
} from './client';
export type { QueryValue, RequestOptions } from './client';
export { ApiRequestError, describeError, isApiError } from './errors';
export { applyServerErrors } from './formErrors';
export type { FieldLabels } from './formErrors';
export { queryClient } from './queryClient';
