import DataLoader from 'dataloader';

/** At most this many keys in one lookup. */
const MAX_KEYS = 500;

/**
 * Lookups by key asked for during one turn of the event loop, answered
 * together by one query once the turn is over (DataLoader, dispatched by
 * `setImmediate` rather than its default end of the current tick): a busy
 * server sends one statement for the requests that arrived together instead
 * of one each. The query starts after every request in it did, so it sees
 * every change committed before any of them. Nothing is remembered between
 * lookups (no DataLoader cache): a key asked for twice in one turn is looked
 * up once; a failed query fails every lookup in it.
 */
export class BatchedLookup<K, V> extends DataLoader<K, V | undefined> {
  /** `fetch` returns what it found, by key; a key it leaves out is `undefined`. */
  constructor(fetch: (keys: K[]) => Promise<Map<K, V>>) {
    super(
      async (keys) => {
        const found = await fetch([...new Set(keys)]);
        return keys.map((k) => found.get(k));
      },
      { cache: false, maxBatchSize: MAX_KEYS, batchScheduleFn: (run) => setImmediate(run) },
    );
  }
}
