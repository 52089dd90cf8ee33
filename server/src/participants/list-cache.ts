/**
 * Pages of teams' participant lists as last sent (the JSON text), each with the
 * version of its team's list it was read at (migration ParticipantListVersion).
 * An entry is only ever used after the database confirms that version is still
 * current, so it can be old but never wrong. Bounded by entries and by bytes;
 * the least recently used entry goes first. It lives in this process's memory
 * only and is never written anywhere.
 */
export class ListPageCache {
  private readonly entries = new Map<string, { version: string; body: string }>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 1000,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  /** The page stored under `key` if it was read at `version`; a page of another version is dropped. */
  get(key: string, version: string | null): string | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.drop(key);
    if (hit.version !== version) return undefined;
    this.entries.set(key, hit); // most recently used again
    this.bytes += hit.body.length;
    return hit.body;
  }

  /** True when a page is stored under `key`, whatever its version. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, version: string, body: string): void {
    this.drop(key);
    if (this.maxEntries <= 0 || body.length > this.maxBytes) return;
    this.entries.set(key, { version, body });
    this.bytes += body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      this.drop(this.entries.keys().next().value!);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.body.length;
  }
}
