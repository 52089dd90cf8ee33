interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (err: unknown) => void;
}

/** At most this many keys in one lookup. */
const MAX_KEYS = 500;

/**
 * Lookups by key asked for during one turn of the event loop, answered
 * together by one query once the turn is over: a busy server sends one
 * statement for the requests that arrived together instead of one each. The
 * query starts after every request in it did, so it sees every change
 * committed before any of them. A key asked for twice is looked up once; a
 * failed query fails every lookup in it.
 */
export class BatchedLookup<K, V> {
  private pending = new Map<K, Waiter<V>[]>();
  private scheduled = false;

  /** `fetch` returns what it found, by key; a key it leaves out is `undefined`. */
  constructor(private readonly fetch: (keys: K[]) => Promise<Map<K, V>>) {}

  load(key: K): Promise<V | undefined> {
    return new Promise<V | undefined>((resolve, reject) => {
      const waiters = this.pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.run());
      }
    });
  }

  private run(): void {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += MAX_KEYS) {
      const chunk = keys.slice(i, i + MAX_KEYS);
      this.fetch(chunk).then(
        (found) => {
          for (const k of chunk) for (const w of batch.get(k)!) w.resolve(found.get(k));
        },
        (err: unknown) => {
          for (const k of chunk) for (const w of batch.get(k)!) w.reject(err);
        },
      );
    }
  }
}
