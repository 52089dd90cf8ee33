import type { ApiError, LoginResponse } from '@peerpath/shared';
import { ApiRequestError } from './errors';
import { takeStarted } from './started';

/**
 * The access token lives in memory only (never in storage). The refresh token
 * is an httpOnly cookie the server sets at sign-in, scoped to /api/auth.
 */
let accessToken: string | null = null;
let refreshing: Promise<LoginResponse | null> | null = null;
const sessionListeners = new Set<(signedIn: LoginResponse | null) => void>();

export function setAccessToken(token: string | null) {
  accessToken = token;
}

/** Told when a refresh succeeds (new user data) or the session has ended (null). */
export function onSessionChange(listener: (signedIn: LoginResponse | null) => void) {
  sessionListeners.add(listener);
  return () => {
    sessionListeners.delete(listener);
  };
}

export type QueryValue = string | number | boolean | null | undefined;

export function toQueryString(params?: Record<string, QueryValue>): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

async function readError(response: Response): Promise<ApiRequestError> {
  let body: Partial<ApiError> = {};
  try {
    body = (await response.json()) as Partial<ApiError>;
  } catch {
    // Not JSON (a proxy error page, for instance).
  }
  return new ApiRequestError({
    statusCode: body.statusCode ?? response.status,
    message: body.message ?? (response.statusText || 'Request failed'),
    errors: body.errors,
  });
}

/**
 * Resolves in a task of its own. A page asks for its data as it first draws: each query's request
 * is started by the effect that subscribes it, all in the one task that runs the page's effects
 * (on the caseload, five requests). Starting each from a task of its own keeps that task short, so
 * a tap on a slow phone is answered between them. A message, not a timer: a hidden tab's timers
 * wait a second or more.
 */
const tasks = new MessageChannel();
const waiting: (() => void)[] = [];
tasks.port1.onmessage = () => waiting.shift()?.();
const nextTask = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    tasks.port2.postMessage(null);
  });

async function send(path: string, init: RequestInit): Promise<Response> {
  await nextTask();
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
  try {
    return await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError({ statusCode: 0, message: 'Network error' });
  }
}

/**
 * Trades the refresh cookie for a new access token. The server rotates the
 * refresh token, so two refreshes with the same cookie cannot both succeed:
 * callers in this tab share one request, and tabs take turns (Web Locks), so
 * a second tab sends the cookie the first one just received.
 */
export function refreshSession(started?: Promise<Response>): Promise<LoginResponse | null> {
  refreshing ??= (async () => {
    try {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      const response = started
        ? await started
        : locks
          ? await locks.request('peerpath-refresh', () =>
              send('/api/auth/refresh', { method: 'POST' }),
            )
          : await send('/api/auth/refresh', { method: 'POST' });
      if (!response.ok) {
        setAccessToken(null);
        return null;
      }
      const signedIn = (await response.json()) as LoginResponse;
      setAccessToken(signedIn.accessToken);
      return signedIn;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

let restoring: Promise<LoginResponse | null> | null = null;

/**
 * Starts restoring the session from the refresh cookie as the app starts,
 * beside the organisation's locale, instead of after the first render: on a
 * phone on a slow connection that is one round trip less before any page
 * shows. In the built app the request went out while the app's code was
 * downloading (`takeStarted`), and this takes its answer. The AuthProvider
 * takes the session with `restoreSession`.
 */
export function startSessionRestore(): void {
  restoring ??= refreshSession(takeStarted('refresh'));
}

/** The session restored at start (once), else a refresh now. */
export function restoreSession(): Promise<LoginResponse | null> {
  const started = restoring;
  restoring = null;
  return started ?? refreshSession();
}

/**
 * Checks that `password` is the signed-in user's own, for the locked
 * self-entry mode. The API has no separate password check, so this signs the
 * same user in again and moves onto that new sign-in session: the session the
 * device was on ends (signed out by its access token alone, so the new refresh
 * cookie stays), and the app carries on with one session, not two. Another
 * user's password never unlocks it: the sign-in is always for the signed-in
 * user's own email, and its answer must name the same user.
 */
export async function confirmOwnPassword(
  user: { id: string; email: string },
  password: string,
): Promise<boolean> {
  const earlier = accessToken;
  let response: Response;
  try {
    response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ email: user.email, password }),
    });
  } catch {
    return false;
  }
  if (!response.ok) return false;
  const signedIn = (await response.json()) as LoginResponse;
  // Ends one session by its access token; the cookie is left out so the new refresh cookie stays.
  const signOut = (token: string) =>
    fetch('/api/auth/logout', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      credentials: 'omit',
    }).catch(() => undefined);
  if (signedIn.user.id !== user.id) {
    await signOut(signedIn.accessToken);
    return false;
  }
  if (earlier) await signOut(earlier);
  setAccessToken(signedIn.accessToken);
  return true;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A multipart form (a file upload); the browser sets its Content-Type. */
  form?: FormData;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Skip the refresh-and-retry on 401 (sign-in itself). */
  noRefresh?: boolean;
  /** A file sent as it is (the directory import's zip), with its content type. */
  file?: { body: Blob; type: string };
}

async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const url = `/api${path}${toQueryString(options.query)}`;
  const init: RequestInit = { method: options.method ?? 'GET', signal: options.signal };
  if (options.form !== undefined) {
    init.body = options.form;
  } else if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { 'Content-Type': 'application/json' };
  } else if (options.file) {
    init.body = options.file.body;
    init.headers = { 'Content-Type': options.file.type };
  }
  let response = await send(url, init);
  if (response.status === 401 && !options.noRefresh) {
    const signedIn = await refreshSession();
    if (signedIn) {
      for (const listener of sessionListeners) listener(signedIn);
      response = await send(url, init);
    } else {
      for (const listener of sessionListeners) listener(null);
    }
  }
  if (!response.ok) throw await readError(response);
  return response;
}

/** JSON API call: Bearer token, one refresh-and-retry on 401, typed errors. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file download (exports): same auth rules, returns the blob and its name. */
export async function download(
  path: string,
  query?: Record<string, QueryValue>,
): Promise<{ blob: Blob; filename: string }> {
  const response = await request(path, { query });
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return {
    blob: await response.blob(),
    filename: match ? decodeURIComponent(match[1]) : 'export',
  };
}
