import { api, ApiRequestError, queryClient } from '../api';
import { today } from '../lib/dates';
import {
  freshEntries,
  putEntry,
  removeEntry,
  subscribeOutbox,
  updateEntry,
  type OutboxEntry,
  type OutboxKind,
} from './outbox';

/** How long a save waits for an answer before it is kept on the device instead. */
export const SAVE_TIMEOUT_MS = 12_000;
/** Retries while entries wait: 5 s, 10 s, 20 s … up to 2 minutes (and at once when back online). */
const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 120_000;

/**
 * Thrown by a create that could not reach the server and was kept on this
 * device instead: the form is done (nothing typed is lost) and the sync
 * state says what happens next.
 */
export class SavedOnDevice extends Error {
  constructor(readonly entry: OutboxEntry) {
    super('Saved on this device — will send when you are back online');
    this.name = 'SavedOnDevice';
  }
}

export function isSavedOnDevice(error: unknown): error is SavedOnDevice {
  return error instanceof SavedOnDevice;
}

/** No answer that says anything about the entry: try again later. */
function isTransient(error: unknown): boolean {
  if (error instanceof DOMException) return true; // aborted after the timeout
  if (!(error instanceof ApiRequestError)) return false;
  const s = error.statusCode;
  // 0: no connection; 401: the sign-in must be renewed first; 408/429/5xx: try again later.
  return s === 0 || s === 401 || s === 408 || s === 429 || s >= 500;
}

/** The same as the first try, no answer after a network loss included (a proxy's 502–504). */
function isNetworkFailure(error: unknown): boolean {
  if (error instanceof DOMException) return true;
  if (!(error instanceof ApiRequestError)) return false;
  const s = error.statusCode;
  return s === 0 || s === 502 || s === 503 || s === 504;
}

function post<T>(path: string, body: unknown): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SAVE_TIMEOUT_MS);
  return api<T>(path, { method: 'POST', body, signal: controller.signal }).finally(() =>
    clearTimeout(timer),
  );
}

/** Date fields the server fills with "today" when left out: fixed to the day the entry was saved. */
const TODAY_FIELDS: Partial<Record<OutboxKind, string>> = {
  handout: 'givenOn',
  decision_note: 'discussedOn',
  advocacy: 'openedOn',
};

export interface CreateRequest {
  kind: OutboxKind;
  path: string;
  body: { id: string };
  summary: string;
  participantId?: string | null;
}

/**
 * Sends a create. When the device is offline, or the request is lost on the
 * way (no answer, or none within SAVE_TIMEOUT_MS), the create is kept on this
 * device with its id and sent again later, and `SavedOnDevice` is thrown.
 * Any answer from the server (a field error, a 409) comes back as it would
 * without the outbox, for the form to show.
 */
export async function createOrQueue<T>(request: CreateRequest): Promise<T> {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (!offline) {
    try {
      return await post<T>(request.path, request.body);
    } catch (error) {
      if (!isNetworkFailure(error)) throw error;
    }
  }
  const body: OutboxEntry['body'] = { ...request.body };
  const dateField = TODAY_FIELDS[request.kind];
  if (dateField && body[dateField] === undefined) body[dateField] = today();
  const entry: OutboxEntry = {
    id: request.body.id,
    kind: request.kind,
    path: request.path,
    body,
    summary: request.summary,
    participantId: request.participantId ?? null,
    savedAt: new Date().toISOString(),
    state: 'waiting',
  };
  try {
    putEntry(entry);
  } catch {
    // The device's storage is full or turned off: the entry stays in the form, to save again.
    throw new ApiRequestError({
      statusCode: 0,
      message: 'PeerPath cannot reach the server, and this device has no room to keep the entry',
    });
  }
  scheduleSync(FIRST_RETRY_MS);
  for (const listener of queuedListeners) listener(entry);
  throw new SavedOnDevice(entry);
}

// ---------------------------------------------------------------------------
// Sending the outbox

let running = false;
let flushing = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = 0;
const stateListeners = new Set<() => void>();
const queuedListeners = new Set<(entry: OutboxEntry) => void>();
const sentListeners = new Set<(count: number) => void>();

function emitState() {
  for (const listener of stateListeners) listener();
}

/** Whether entries are being sent right now. */
export function isSyncing() {
  return flushing;
}

export function subscribeSyncing(listener: () => void) {
  stateListeners.add(listener);
  return () => {
    stateListeners.delete(listener);
  };
}

/** Told when a create is kept on this device. */
export function onQueued(listener: (entry: OutboxEntry) => void) {
  queuedListeners.add(listener);
  return () => {
    queuedListeners.delete(listener);
  };
}

/** Told when waiting entries reached the server. */
export function onSent(listener: (count: number) => void) {
  sentListeners.add(listener);
  return () => {
    sentListeners.delete(listener);
  };
}

function scheduleSync(delay: number) {
  if (!running) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void syncNow();
  }, delay);
}

type Outcome = 'sent' | 'later' | 'failed';

async function sendEntry(entry: OutboxEntry): Promise<Outcome> {
  try {
    await post(entry.path, entry.body);
    removeEntry(entry.id);
    return 'sent';
  } catch (error) {
    if (isTransient(error)) return 'later';
    const e =
      error instanceof ApiRequestError
        ? { statusCode: error.statusCode, message: error.message, errors: error.errors }
        : { statusCode: 0, message: error instanceof Error ? error.message : String(error) };
    updateEntry(entry.id, { state: 'failed', error: e });
    return 'failed';
  }
}

async function sendWaiting(): Promise<{ sent: number; later: boolean }> {
  let sent = 0;
  for (const first of freshEntries().filter((e) => e.state === 'waiting')) {
    // Another tab may have sent or changed it meanwhile.
    const entry = freshEntries().find((e) => e.id === first.id && e.state === 'waiting');
    if (!entry) continue;
    const outcome = await sendEntry(entry);
    if (outcome === 'later') return { sent, later: true };
    if (outcome === 'sent') sent += 1;
  }
  return { sent, later: false };
}

/**
 * Sends the waiting entries, oldest first, one at a time. Tabs take turns
 * (Web Locks) so two tabs do not send the same entry at once — which would
 * still be safe: the second gets the stored record back.
 */
export async function syncNow(): Promise<void> {
  if (!running || flushing) return;
  if (!freshEntries().some((e) => e.state === 'waiting')) return;
  clearTimeout(timer);
  timer = undefined;
  flushing = true;
  emitState();
  let result: { sent: number; later: boolean };
  try {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    result = locks ? await locks.request('peerpath-outbox', sendWaiting) : await sendWaiting();
  } finally {
    flushing = false;
    emitState();
  }
  if (result.sent > 0) {
    for (const listener of sentListeners) listener(result.sent);
    await queryClient.invalidateQueries();
  }
  if (result.later) {
    retryDelay = Math.min(retryDelay ? retryDelay * 2 : FIRST_RETRY_MS, LAST_RETRY_MS);
    scheduleSync(retryDelay + Math.floor(Math.random() * 1000));
  } else {
    retryDelay = 0;
  }
}

/** Starts sending for the signed-in person: now, when the connection returns, and with backoff. */
export function startSync(): () => void {
  running = true;
  const online = () => {
    retryDelay = 0;
    void syncNow();
  };
  window.addEventListener('online', online);
  // Another tab kept an entry: this one may be the one that is online.
  const unsubscribe = subscribeOutbox(() => {
    if (!flushing && !timer && freshEntries().some((e) => e.state === 'waiting')) {
      scheduleSync(FIRST_RETRY_MS);
    }
  });
  void syncNow();
  return () => {
    running = false;
    clearTimeout(timer);
    timer = undefined;
    window.removeEventListener('online', online);
    unsubscribe();
  };
}

/** Sends a failed entry again, as it is or with the person's corrections. */
export function retryEntry(entry: OutboxEntry, body?: OutboxEntry['body']) {
  updateEntry(entry.id, { state: 'waiting', error: undefined, body: body ?? entry.body });
  retryDelay = 0;
  void syncNow();
}

/**
 * Sends a refused entry as a new record (a new id): for a 409, where the id
 * is already taken by a record with other details.
 */
export function resendAsNew(entry: OutboxEntry, newId: string, body?: OutboxEntry['body']) {
  removeEntry(entry.id);
  putEntry({
    ...entry,
    id: newId,
    body: { ...(body ?? entry.body), id: newId },
    state: 'waiting',
    error: undefined,
  });
  retryDelay = 0;
  void syncNow();
}
