import type { Weighted } from './vocabulary';

/*
 * Small helpers that write SQL text. Every value they inline is either a
 * number checked here or a string from this program's own vocabulary, quoted.
 */

export function lit(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

export function int(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not a whole number: ${value}`);
  return String(value);
}

export function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(lit).join(', ')}]::text[]`;
}

/** One element of `values`, chosen by `r` (uniform in [0, 1)). */
export function oneOf(values: readonly string[], r: string): string {
  return `(${textArray(values)})[1 + floor(${r} * ${values.length})::int]`;
}

function cumulative<T>(table: Weighted<T>): [T, number][] {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  return table.map(([v, w]) => {
    acc += w / total;
    return [v, acc];
  });
}

/** A value of `table` chosen with its weight by `r` (uniform in [0, 1)). */
export function weighted(table: Weighted<string>, r: string): string {
  const steps = cumulative(table);
  const whens = steps
    .slice(0, -1)
    .map(([v, c]) => `WHEN ${r} < ${num(c)} THEN ${lit(v)}`)
    .join(' ');
  return `CASE ${whens} ELSE ${lit(steps[steps.length - 1][0])} END`;
}

/** A number of `table` chosen with its weight by `r`. */
export function weightedNumber(table: Weighted<number>, r: string): string {
  const steps = cumulative(table);
  const whens = steps
    .slice(0, -1)
    .map(([v, c]) => `WHEN ${r} < ${num(c)} THEN ${num(v)}`)
    .join(' ');
  return `CASE ${whens} ELSE ${num(steps[steps.length - 1][0])} END`;
}

/**
 * `pg_temp.rnd(n, salt)`: a deterministic pseudo-random number in [0, 1) for
 * the pair (n, salt); `pg_temp.uid(kind, n)`: a deterministic version-4-shaped
 * uuid; `pg_temp.uid2(kind, a, b)` one for a pair, from md5 (the int8 hash
 * behind the others folds numbers above 2^32 into 32 bits, so pairs of large
 * numbers would collide). All are temporary: they vanish with the connection
 * and never touch the schema.
 *
 * They are plain SQL functions that PostgreSQL inlines into each statement,
 * which it does only when every function in the body is as immutable as the
 * function says it is: `uid2` casts its numbers to text itself (`int || text`
 * is only stable, and a function it cannot inline costs ~5 µs a call, called
 * once for each of ten million session notes at 10×). `uid` sets the version
 * and variant nibbles on the two hashes' bytes rather than on their hex text
 * (0.4 instead of 1.0 µs a call); both give the same ids as the text forms.
 */
export function helperFunctions(seed: number): string[] {
  const offset = int(seed * 1_000_003);
  return [
    `CREATE FUNCTION pg_temp.rnd(n bigint, salt int) RETURNS float8
       LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT (hashint8extended(n, salt + ${offset}) & 2147483647)::float8 / 2147483648.0 $$`,
    // Hex digit 13 is the high nibble of byte 6 (the version, 4); digit 17 that of byte 8 (the variant, 8–b).
    `CREATE FUNCTION pg_temp.uid(kind int, n bigint) RETURNS uuid
       LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT encode(
                 int8send((hashint8extended(n, kind * 2 + ${offset}) & ~x'F000'::bigint) | x'4000'::bigint) ||
                 int8send((hashint8extended(n, kind * 2 + 1 + ${offset}) & x'0FFFFFFFFFFFFFFF'::bigint) |
                          ((8 + abs(n) % 4) << 60)),
               'hex')::uuid $$`,
    `CREATE FUNCTION pg_temp.uid2(kind int, a bigint, b bigint) RETURNS uuid
       LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT overlay(overlay(md5(kind::text || ':' || a::text || ':' || b::text || ':' || '${offset}')
               placing '4' from 13 for 1)
               placing substr('89ab', (abs(a + b) % 4)::int + 1, 1) from 17 for 1)::uuid $$`,
  ];
}

export const rnd = (n: string, salt: number) => `pg_temp.rnd(${n}, ${int(salt)})`;
