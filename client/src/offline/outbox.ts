import type { ApiError } from '@peerpath/shared';

/**
 * Creates kept on this device until the server has them: the outbox.
 *
 * Each entry holds the exact request that will be sent (path and body, the
 * body carrying the record's client-chosen `id`), so every retry is the same
 * request: the API answers 200 with the stored record when it already has it,
 * and nothing is saved twice.
 *
 * The entries are kept in localStorage under the signed-in user's id: written
 * synchronously, so an entry is stored before the person is told it is, and
 * kept through a reload or a closed tab. They are deleted when that person
 * signs out (after a warning) and when someone else signs in on this browser.
 */

export type OutboxKind = 'session' | 'decision_note' | 'advocacy' | 'handout';

export interface OutboxEntry {
  /** The record's client-chosen id (also in `body.id`). */
  id: string;
  kind: OutboxKind;
  /** API path of the create, e.g. `/sessions`. */
  path: string;
  body: Record<string, unknown> & { id: string };
  /** Plain words for the list: "One-to-one mentoring, Thu 4 Dec 2026, 20:45". */
  summary: string;
  /** The person the entry is about, for a link to their page. */
  participantId: string | null;
  /** When it was saved on this device (ISO instant). */
  savedAt: string;
  state: 'waiting' | 'failed';
  /** Why the server refused it (state `failed`). */
  error?: ApiError;
}

const PREFIX = 'peerpath.outbox.v1.';
let owner: string | null = null;
let cached: OutboxEntry[] = [];
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Storage turned off: entries live in memory for this page only.
  }
}

function read(): OutboxEntry[] {
  if (!owner) return [];
  const raw = storage()?.getItem(PREFIX + owner);
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
  } catch {
    return [];
  }
}

function emit() {
  for (const listener of listeners) listener();
}

function write(entries: OutboxEntry[]) {
  cached = entries;
  if (owner) {
    const store = storage();
    if (entries.length === 0) store?.removeItem(PREFIX + owner);
    // A full storage throws here: the caller then keeps the entry in the form instead.
    else store?.setItem(PREFIX + owner, JSON.stringify(entries));
  }
  emit();
}

/** Another tab changed the outbox. */
function onStorage(event: StorageEvent) {
  if (owner && (event.key === null || event.key === PREFIX + owner)) {
    cached = read();
    emit();
  }
}

/**
 * Whose outbox this is: the signed-in user's id, or null once nobody is. When
 * someone signs in, the entries another person left on this browser (a sign-in
 * that ran out) are deleted, so they can never be seen or sent under the
 * wrong name.
 */
export function setOutboxOwner(userId: string | null) {
  if (userId === owner) return;
  owner = userId;
  const store = storage();
  if (userId && store) {
    for (let i = store.length - 1; i >= 0; i -= 1) {
      const key = store.key(i);
      if (key?.startsWith(PREFIX) && key !== PREFIX + userId) store.removeItem(key);
    }
  }
  if (typeof window !== 'undefined') {
    window.removeEventListener('storage', onStorage);
    if (userId) window.addEventListener('storage', onStorage);
  }
  cached = read();
  emit();
}

/** Whether entries of a sign-in that ran out are waiting on this browser (for the sign-in page). */
export function hasEntriesOfAnyone(): boolean {
  const store = storage();
  if (!store) return false;
  for (let i = 0; i < store.length; i += 1) {
    if (store.key(i)?.startsWith(PREFIX)) return true;
  }
  return false;
}

export function outboxEntries(): OutboxEntry[] {
  return cached;
}

export function subscribeOutbox(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Adds an entry (or replaces the one with its id). Throws when it cannot be stored. */
export function putEntry(entry: OutboxEntry) {
  if (!owner) throw new Error('Nobody is signed in');
  const entries = read();
  const at = entries.findIndex((e) => e.id === entry.id);
  if (at >= 0) entries[at] = entry;
  else entries.push(entry);
  write(entries);
}

export function updateEntry(id: string, change: Partial<OutboxEntry>) {
  const entries = read();
  const at = entries.findIndex((e) => e.id === id);
  if (at < 0) return;
  entries[at] = { ...entries[at]!, ...change };
  write(entries);
}

export function removeEntry(id: string) {
  const entries = read();
  if (entries.some((e) => e.id === id)) write(entries.filter((e) => e.id !== id));
}

/** Re-reads this person's entries (another tab may have sent some). */
export function freshEntries(): OutboxEntry[] {
  cached = read();
  return cached;
}

/** Deletes every entry kept on this browser (sign-out). */
export function clearOutbox() {
  const store = storage();
  if (store) {
    for (let i = store.length - 1; i >= 0; i -= 1) {
      const key = store.key(i);
      if (key?.startsWith(PREFIX)) store.removeItem(key);
    }
  }
  cached = [];
  emit();
}
