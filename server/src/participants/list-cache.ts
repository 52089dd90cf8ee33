import { LRUCache } from 'lru-cache';

interface Page {
  version: string;
  body: string;
}

/**
 * Pages of teams' participant lists as last sent (the JSON text), each with the
 * version of its team's list it was read at (migration ParticipantListVersion).
 * An entry is only ever used after the database confirms that version is still
 * current, so it can be old but never wrong. Bounded by entries and by
 * characters (an LRU cache: the least recently used entry goes first; a page
 * larger than the whole cache is not kept). It lives in this process's memory
 * only and is never written anywhere.
 */
export class ListPageCache {
  private readonly entries?: LRUCache<string, Page>;

  constructor(maxEntries = 1000, maxBytes = 32 * 1024 * 1024) {
    if (maxEntries > 0 && maxBytes > 0) {
      this.entries = new LRUCache<string, Page>({
        max: maxEntries,
        maxSize: maxBytes,
        sizeCalculation: (page) => Math.max(1, page.body.length),
      });
    }
  }

  /** The page stored under `key` if it was read at `version`; a page of another version is dropped. */
  get(key: string, version: string | null): string | undefined {
    const hit = this.entries?.get(key);
    if (!hit) return undefined;
    if (hit.version === version) return hit.body;
    this.entries!.delete(key);
    return undefined;
  }

  /** True when a page is stored under `key`, whatever its version. */
  has(key: string): boolean {
    return this.entries?.has(key) ?? false;
  }

  set(key: string, version: string, body: string): void {
    this.entries?.set(key, { version, body });
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
