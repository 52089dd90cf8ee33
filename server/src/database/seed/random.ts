import { v4 as uuidv4 } from 'uuid';

/**
 * Reproducible pseudo-random numbers (mulberry32: small, fast and good enough
 * for believable demo data), so the demo looks the same every time.
 */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const chance = (p: number) => next() < p;
  const sample = <T>(xs: readonly T[], n: number): T[] => {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.max(0, Math.min(n, copy.length)));
  };
  /** A version 4 UUID whose random bits come from this generator. */
  const uuid = () => uuidv4({ random: Uint8Array.from({ length: 16 }, () => int(0, 255)) });
  const weighted = <T extends string>(w: Record<T, number>): T => {
    const entries = Object.entries(w) as [T, number][];
    let r = next() * entries.reduce((s, [, n]) => s + n, 0);
    for (const [k, n] of entries) if ((r -= n) < 0) return k;
    return entries[entries.length - 1][0];
  };
  return { next, int, pick, chance, sample, uuid, weighted };
}
