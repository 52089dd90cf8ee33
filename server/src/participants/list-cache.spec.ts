import { ListPageCache } from './list-cache';

describe('ListPageCache', () => {
  it('gives a page back only at the version it was read at, and forgets it at another', () => {
    const c = new ListPageCache();
    c.set('team-a p1', 'v1', '{"items":[]}');
    expect(c.get('team-a p1', 'v1')).toBe('{"items":[]}');
    expect(c.get('team-a p1', 'v1')).toBe('{"items":[]}');
    expect(c.get('team-a p2', 'v1')).toBeUndefined();
    expect(c.get('team-a p1', 'v2')).toBeUndefined();
    // Once seen at another version the old page is gone, even for the old version.
    expect(c.has('team-a p1')).toBe(false);
    expect(c.get('team-a p1', 'v1')).toBeUndefined();
    expect(c.get('team-a p1', null)).toBeUndefined();
  });

  it('drops the least recently used page past its entry limit', () => {
    const c = new ListPageCache(2);
    c.set('a', 'v', 'A');
    c.set('b', 'v', 'B');
    expect(c.get('a', 'v')).toBe('A'); // a is now the most recently used
    c.set('c', 'v', 'C');
    expect([c.has('a'), c.has('b'), c.has('c')]).toEqual([true, false, true]);
    expect(c.size).toBe(2);
  });

  it('stays within its size in characters, and keeps nothing larger than that', () => {
    const c = new ListPageCache(100, 10);
    c.set('a', 'v', '12345');
    c.set('b', 'v', '12345');
    c.set('c', 'v', '123');
    expect([c.has('a'), c.has('b'), c.has('c')]).toEqual([false, true, true]);
    c.set('big', 'v', '12345678901');
    expect(c.has('big')).toBe(false);
    c.set('b', 'v2', '1234567890'); // replacing an entry counts its new size only
    expect([c.has('b'), c.has('c')]).toEqual([true, false]);
  });

  it('keeps nothing when its entry limit is 0', () => {
    const c = new ListPageCache(0);
    c.set('a', 'v', 'A');
    expect(c.size).toBe(0);
  });
});
