import { todayIn } from './dates';

describe('todayIn', () => {
  // 2026-03-08 03:30 UTC: still the 7th in New York and Honolulu, the 8th in Auckland.
  const at = new Date('2026-03-08T03:30:00Z');

  it('gives the day in each time zone, asked again and again in any order', () => {
    for (let i = 0; i < 3; i++) {
      expect(todayIn('America/New_York', at)).toBe('2026-03-07');
      expect(todayIn('Pacific/Auckland', at)).toBe('2026-03-08');
      expect(todayIn('UTC', at)).toBe('2026-03-08');
      expect(todayIn('Pacific/Honolulu', at)).toBe('2026-03-07');
    }
    expect(todayIn('America/New_York', new Date('2026-03-08T05:00:00Z'))).toBe('2026-03-08');
  });

  it('refuses a name that is not a time zone, each time it is asked', () => {
    expect(() => todayIn('Mars/Olympus_Mons', at)).toThrow(RangeError);
    expect(() => todayIn('Mars/Olympus_Mons', at)).toThrow(RangeError);
  });
});
