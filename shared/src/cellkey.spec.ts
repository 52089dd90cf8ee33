import fc from 'fast-check';
import {
  CELL_KEY_TABLE,
  cellKeyChange,
  cellKeyOf,
  perturbActivitySummary,
  perturbCount,
  perturbHours,
} from './cellkey';
import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  HANDOUT_OUTCOMES,
  RESOURCE_CATEGORIES,
  SESSION_FORMATS,
  SESSION_SETTINGS,
  SESSION_TYPES,
  formatOf,
} from './enums';
import type { ActivitySummary } from './reports';
import { TIME_ENTRY_KINDS } from './time';
import {
  SUPPRESSED_MARK,
  activityCounts,
  primaryMark,
  suppressActivitySummary,
  type SuppressedActivitySummary,
} from './suppression';

/** A small deterministic generator (mulberry32), so the attack test is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('p(k), the table of SPEC §14, at its edges', () => {
  it.each([
    [0, -2],
    [0.19999999, -2],
    [0.2, -1],
    [0.39999999, -1],
    [0.4, 0],
    [0.59999999, 0],
    [0.6, 1],
    [0.79999999, 1],
    [0.8, 2],
    [0.99999999, 2],
  ])('k = %p gives %p', (k, change) => {
    expect(cellKeyChange(k)).toBe(change);
  });

  it('refuses a key outside [0, 1)', () => {
    for (const k of [1, -0.000001, 1.5, Number.NaN]) {
      expect(() => cellKeyChange(k)).toThrow(RangeError);
    }
  });

  it('is the fixed table: five equal ranges, −2 to +2, averaging 0', () => {
    expect(CELL_KEY_TABLE.map((r) => r.change)).toEqual([-2, -1, 0, 1, 2]);
    expect(CELL_KEY_TABLE.map((r) => r.below)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('takes the cell key as the fractional part of the sum of keys', () => {
    expect(cellKeyOf(0)).toBe(0);
    expect(cellKeyOf(2.25)).toBe(0.25);
    expect(cellKeyOf(7)).toBe(0);
  });
});

describe('perturbCount and perturbHours', () => {
  it('keeps zero at 0 whatever the key', () => {
    for (const k of [0, 0.1, 0.5, 0.9]) expect(perturbCount(0, k, 11)).toBe(0);
  });

  it('adds p(k), never going below the threshold', () => {
    expect(perturbCount(11, 0.05, 11)).toBe(11); // 9 → 11
    expect(perturbCount(12, 0.3, 11)).toBe(11);
    expect(perturbCount(20, 0.05, 11)).toBe(18);
    expect(perturbCount(20, 0.5, 11)).toBe(20);
    expect(perturbCount(20, 0.95, 11)).toBe(22);
  });

  it('publishes whole hours plus p(k), 0 for no records, suppressed under the threshold', () => {
    expect(perturbHours(0, 0, 0.9, 11)).toBe(0);
    expect(perturbHours(7.5, 10, 0.9, 11)).toBe(SUPPRESSED_MARK);
    expect(perturbHours(40.4, 11, 0.9, 11)).toBe(42);
    expect(perturbHours(40.5, 11, 0.5, 11)).toBe(41);
    expect(perturbHours(1.2, 30, 0.05, 11)).toBe(0); // never below 0
  });
});

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const pick = (n: number) => fc.nat({ max: n - 1 });
/** Summaries whose breakdowns add up, as the server's always do. */
const summaries = fc
  .record({
    sessions: fc.array(fc.tuple(pick(SESSION_TYPES.length), pick(SESSION_SETTINGS.length)), {
      maxLength: 90,
    }),
    handouts: fc.array(fc.tuple(pick(RESOURCE_CATEGORIES.length), pick(HANDOUT_OUTCOMES.length)), {
      maxLength: 90,
    }),
    advocacy: fc.array(fc.tuple(pick(ADVOCACY_CATEGORIES.length), pick(ADVOCACY_LEVELS.length)), {
      maxLength: 60,
    }),
    people: fc.array(fc.nat({ max: 40 }), { minLength: 5, maxLength: 5 }),
    attended: fc.nat({ max: 200 }),
  })
  .map((r): ActivitySummary => {
    const s: ActivitySummary = {
      period: { from: '2026-03-01', to: '2026-03-31' },
      teamId: null,
      participantsServed: r.people[0],
      newParticipants: r.people[1],
      dischargedParticipants: r.people[2],
      sessions: {
        total: r.sessions.length,
        byType: zeros(SESSION_TYPES),
        byFormat: zeros(SESSION_FORMATS),
        bySetting: zeros(SESSION_SETTINGS),
      },
      groupAttendance: { attended: 0, averagePerGroupSession: null },
      serviceHours: r.sessions.length * 1.5,
      contactHours: r.attended,
      handouts: {
        total: r.handouts.length,
        byCategory: zeros(RESOURCE_CATEGORIES),
        byOutcome: zeros(HANDOUT_OUTCOMES),
        connectionRate: null,
        medianDaysToOutcome: null,
      },
      advocacy: {
        opened: r.advocacy.length,
        completed: r.people[3],
        byCategory: zeros(ADVOCACY_CATEGORIES),
        byLevel: zeros(ADVOCACY_LEVELS),
      },
      decisionNotes: r.people[4],
      otherHours: { total: 0, byKind: zeros(TIME_ENTRY_KINDS) },
    };
    for (const [t, st] of r.sessions) {
      s.sessions.byType[SESSION_TYPES[t]]++;
      s.sessions.byFormat[formatOf(SESSION_TYPES[t])]++;
      s.sessions.bySetting[SESSION_SETTINGS[st]]++;
    }
    const groups = s.sessions.byFormat.group;
    s.groupAttendance = {
      attended: groups ? r.attended : 0,
      averagePerGroupSession: groups ? Math.round((r.attended / groups) * 10) / 10 : null,
    };
    for (const [c, o] of r.handouts) {
      s.handouts.byCategory[RESOURCE_CATEGORIES[c]]++;
      s.handouts.byOutcome[HANDOUT_OUTCOMES[o]]++;
    }
    const { connected, not_connected, declined } = s.handouts.byOutcome;
    const decided = connected + not_connected + declined;
    s.handouts.connectionRate = decided ? Math.round((connected / decided) * 100) / 100 : null;
    for (const [c, l] of r.advocacy) {
      s.advocacy.byCategory[ADVOCACY_CATEGORIES[c]]++;
      s.advocacy.byLevel[ADVOCACY_LEVELS[l]]++;
    }
    return s;
  });

const keysFor = (s: ActivitySummary, seed: number) => {
  const next = random(seed);
  return {
    cells: Object.fromEntries(Object.keys(activityCounts(s)).map((k) => [k, next()])),
    contactRows: s.groupAttendance.attended + 3,
    contactKey: next(),
    otherHours: { total: { n: 0, k: 0 }, byKind: {} },
  };
};

const flat = (out: SuppressedActivitySummary) =>
  activityCounts(out as unknown as ActivitySummary) as Record<string, number | string>;

describe('perturbActivitySummary', () => {
  it('hides exactly what §5 hides (decided on the true counts), keeps zeros, publishes nothing below the threshold', () => {
    fc.assert(
      fc.property(summaries, fc.integer({ min: 2, max: 15 }), fc.nat(), (s, threshold, seed) => {
        const keys = keysFor(s, seed);
        const out = flat(perturbActivitySummary(s, keys, threshold));
        const exact = flat(suppressActivitySummary(s, threshold));
        const counts = activityCounts(s);
        for (const [k, v] of Object.entries(out)) {
          if (typeof exact[k] === 'string') {
            expect(v).toBe(exact[k]);
            continue;
          }
          expect(typeof v).toBe('number');
          if (counts[k] === 0) expect(v).toBe(0);
          else {
            expect(v as number).toBeGreaterThanOrEqual(threshold);
            expect(v).toBe(Math.max(threshold, counts[k] + cellKeyChange(keys.cells[k])));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('works out the average and the rate from the published figures; hours follow the hours rule', () => {
    fc.assert(
      fc.property(summaries, fc.nat(), (s, seed) => {
        const keys = keysFor(s, seed);
        const out = perturbActivitySummary(s, keys, 11);
        const avg = out.groupAttendance.averagePerGroupSession;
        if (typeof avg === 'number') {
          const groups = SESSION_TYPES.filter((t) => formatOf(t) === 'group')
            .map((t) => out.sessions.byType[t] as number)
            .reduce((a, b) => a + b, 0);
          expect(avg).toBe(
            Math.round(((out.groupAttendance.attended as number) / groups) * 10) / 10,
          );
        }
        const rate = out.handouts.connectionRate;
        if (typeof rate === 'number') {
          const o = out.handouts.byOutcome as Record<string, number>;
          const decided = o.connected + o.not_connected + o.declined;
          expect(rate).toBe(Math.round((o.connected / decided) * 100) / 100);
        }
        if (typeof out.serviceHours === 'number' && s.sessions.total > 0) {
          expect(out.serviceHours).toBe(
            Math.max(0, Math.round(s.serviceHours) + cellKeyChange(keys.cells['sessions.total'])),
          );
        }
        if (s.sessions.total === 0) expect(out.serviceHours).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('with every key in the middle range, publishes §5 figures (hours to whole hours)', () => {
    const s = fc.sample(summaries, { numRuns: 1, seed: 7 })[0];
    const keys = {
      cells: Object.fromEntries(Object.keys(activityCounts(s)).map((k) => [k, 0.5])),
      contactRows: 50,
      contactKey: 0.5,
      otherHours: { total: { n: 0, k: 0 }, byKind: {} },
    };
    expect(flat(perturbActivitySummary(s, keys, 11))).toEqual(flat(suppressActivitySummary(s, 11)));
  });

  it('publishes other hours as whole hours plus p(k) of their time entries, hidden below the threshold', () => {
    const s = fc.sample(summaries, { numRuns: 1, seed: 5 })[0];
    s.otherHours = {
      total: 47.6,
      byKind: { ...zeros(TIME_ENTRY_KINDS), outreach: 40.1, travel: 7.5 },
    };
    const keys = {
      ...keysFor(s, 1),
      otherHours: {
        // 30 entries in all (key 0.9: +2), 24 of outreach (key 0.1: −2), 6 of travel.
        total: { n: 30, k: 0.9 },
        byKind: { outreach: { n: 24, k: 0.1 }, travel: { n: 6, k: 0.5 } },
      },
    };
    const out = perturbActivitySummary(s, keys, 11);
    expect(out.otherHours.total).toBe(50);
    expect(out.otherHours.byKind.outreach).toBe(38);
    expect(out.otherHours.byKind.travel).toBe('suppressed');
    expect(out.otherHours.byKind.training).toBe(0);
    // §5 alone (suppress_only) and the internal export publish them exactly.
    expect(suppressActivitySummary(s, 11).otherHours).toEqual(s.otherHours);
  });

  it('refuses a summary whose cells have no key', () => {
    const s = fc.sample(summaries, { numRuns: 1, seed: 3 })[0];
    expect(() =>
      perturbActivitySummary(
        s,
        {
          cells: {},
          contactRows: 0,
          contactKey: 0,
          otherHours: { total: { n: 0, k: 0 }, byKind: {} },
        },
        11,
      ),
    ).toThrow(/No cell key/);
  });
});

/**
 * The attack of issue 23: two exports of overlapping periods, subtracted. Many
 * synthetic programmes each have twelve months of records, every record with
 * its own random key; an export of months a..b publishes the count of those
 * records perturbed by the key of exactly that set of records. For every pair
 * of exports that start in the same month and end in different months, the
 * attacker takes the difference as the count of the months in between; where
 * that true count is small (hidden in an export of its own), we count how
 * often the attacker is right.
 */
describe('differencing overlapping exports', () => {
  const threshold = 11;
  const months = 12;
  const programmes = 300;

  function attack(protect: (c: number, sumOfKeys: number) => Shown) {
    const next = random(23);
    let pairs = 0;
    let recovered = 0;
    /** For each difference an attacker sees, the true small counts behind it. */
    const behind = new Map<number, Set<number>>();
    for (let p = 0; p < programmes; p++) {
      const perMonth = Array.from({ length: months }, () => {
        const n = Math.floor(next() * 9); // 0..8 records a month: each month alone is small
        return Array.from({ length: n }, () => next());
      });
      for (let a = 0; a < months; a++) {
        for (let b1 = a; b1 < months; b1++) {
          for (let b2 = b1 + 1; b2 < months; b2++) {
            const records = (from: number, to: number) => perMonth.slice(from, to + 1).flat();
            const one = records(a, b1);
            const two = records(a, b2);
            const truth = two.length - one.length;
            if (truth < 1 || truth >= threshold) continue; // only hidden counts are at stake
            const shownOne = protect(
              one.length,
              one.reduce((x, y) => x + y, 0),
            );
            const shownTwo = protect(
              two.length,
              two.reduce((x, y) => x + y, 0),
            );
            if (typeof shownOne !== 'number' || typeof shownTwo !== 'number') continue;
            pairs++;
            const guess = shownTwo - shownOne;
            if (guess === truth) recovered++;
            if (!behind.has(guess)) behind.set(guess, new Set());
            behind.get(guess)!.add(truth);
          }
        }
      }
    }
    return { pairs, recovered, behind };
  }

  const suppressOnly = (c: number): Shown => (c >= 1 && c < threshold ? primaryMark(threshold) : c);
  const cellKey = (c: number, sum: number): Shown =>
    c >= 1 && c < threshold ? primaryMark(threshold) : perturbCount(c, cellKeyOf(sum), threshold);

  it('with suppression alone, every pair gives the hidden count away', () => {
    const { pairs, recovered } = attack(suppressOnly);
    expect(pairs).toBeGreaterThan(10_000);
    expect(recovered).toBe(pairs);
  });

  it('with the cell key method, about a quarter of pairs at most, and never with certainty', () => {
    const { pairs, recovered, behind } = attack(cellKey);
    expect(pairs).toBeGreaterThan(10_000);
    expect(recovered / pairs).toBeLessThanOrEqual(0.25);
    // Every difference the attacker can see comes from more than one true count.
    for (const [guess, truths] of behind) {
      if (guess >= 1 && guess < threshold) expect(truths.size).toBeGreaterThan(1);
    }
  });

  it('gives the same published figure for the same records, whatever period they are asked in', () => {
    const keys = Array.from({ length: 30 }, random(5));
    const sum = (ks: number[]) => ks.reduce((x, y) => x + y, 0);
    // The same records summed in another order (another export, another period's query).
    const again = [...keys].reverse();
    expect(cellKey(30, sum(again))).toBe(cellKey(30, sum(keys)));
  });
});

type Shown = number | string;
