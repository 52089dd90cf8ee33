import { BatchedLookup } from './batched';

describe('BatchedLookup', () => {
  it('answers the lookups of one turn with one fetch of their distinct keys', async () => {
    const fetched: string[][] = [];
    const b = new BatchedLookup<string, number>(async (keys) => {
      fetched.push(keys);
      return new Map(keys.filter((k) => k !== 'none').map((k) => [k, k.length]));
    });
    const answers = await Promise.all([b.load('a'), b.load('bb'), b.load('a'), b.load('none')]);
    expect(answers).toEqual([1, 2, 1, undefined]);
    expect(fetched).toEqual([['a', 'bb', 'none']]);
    // A later turn is a fetch of its own.
    expect(await b.load('ccc')).toBe(3);
    expect(fetched).toEqual([['a', 'bb', 'none'], ['ccc']]);
  });

  it('fails every lookup of a fetch that fails, and the next turn starts afresh', async () => {
    let fail = true;
    const b = new BatchedLookup<string, string>(async (keys) => {
      if (fail) throw new Error('database unavailable');
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    const results = await Promise.allSettled([b.load('x'), b.load('y')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await b.load('x')).toBe('X');
  });

  it('splits a large turn into fetches of at most 500 keys', async () => {
    const sizes: number[] = [];
    const b = new BatchedLookup<number, number>(async (keys) => {
      sizes.push(keys.length);
      return new Map(keys.map((k) => [k, k * 2]));
    });
    const keys = Array.from({ length: 1201 }, (_, i) => i);
    const answers = await Promise.all(keys.map((k) => b.load(k)));
    expect(answers).toEqual(keys.map((k) => k * 2));
    expect(sizes).toEqual([500, 500, 201]);
  });
});
