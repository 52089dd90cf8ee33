/** Bytes (gzip) each page in `pages` loads before its first paint, from the build in `dist`. */
export function firstLoadGzipBytes(dist: string, pages: string[]): Record<string, number>;
