import { useSyncExternalStore } from 'react';
import { outboxEntries, subscribeOutbox, type OutboxEntry } from './outbox';
import { isSyncing, subscribeSyncing } from './sync';

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export type SyncPhase = 'saved' | 'offline' | 'waiting' | 'sending' | 'failed';

export interface SyncState {
  phase: SyncPhase;
  entries: OutboxEntry[];
  waiting: number;
  failed: number;
  online: boolean;
  /** The state in one plain sentence (the app bar's label, the banner). */
  sentence: string;
  /** A word or two for the app bar on wider screens. */
  short: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function describeSync(entries: OutboxEntry[], online: boolean, sending: boolean): SyncState {
  const waiting = entries.filter((e) => e.state === 'waiting').length;
  const failed = entries.length - waiting;
  const base = { entries, waiting, failed, online };
  if (failed > 0) {
    return {
      ...base,
      phase: 'failed',
      sentence: `${plural(failed, 'entry', 'entries')} couldn't be saved — open ${failed === 1 ? 'it' : 'them'} to fix or discard`,
      short: `${failed} not saved`,
    };
  }
  if (waiting > 0 && !online) {
    return {
      ...base,
      phase: 'waiting',
      sentence: `Saved on this device — will send when you're back online (${plural(waiting, 'entry', 'entries')} waiting)`,
      short: `${waiting} waiting`,
    };
  }
  if (waiting > 0) {
    return {
      ...base,
      phase: sending ? 'sending' : 'waiting',
      sentence: sending
        ? `Sending ${plural(waiting, 'entry', 'entries')} saved on this device…`
        : `Saved on this device — ${plural(waiting, 'entry', 'entries')} will send as soon as PeerPath can be reached`,
      short: sending ? 'Sending…' : `${waiting} waiting`,
    };
  }
  if (!online) {
    return {
      ...base,
      phase: 'offline',
      sentence:
        "You're offline. What you save now stays on this device and is sent when you're back online.",
      short: 'Offline',
    };
  }
  return { ...base, phase: 'saved', sentence: 'All saved', short: 'All saved' };
}

/** The outbox and the connection, for the app bar and the outbox dialog. */
export function useSyncState(): SyncState {
  const entries = useSyncExternalStore(subscribeOutbox, outboxEntries);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const sending = useSyncExternalStore(subscribeSyncing, isSyncing);
  return describeSync(entries, online, sending);
}
