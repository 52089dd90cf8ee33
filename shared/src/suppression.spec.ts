import fc from 'fast-check';
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
import { TIME_ENTRY_KINDS } from './time';
import type { ActivitySummary } from './reports';
import {
  ACTIVITY_BREAKDOWNS,
  SUPPRESSED_MARK,
  activityCounts,
  primaryMark,
  suppressActivitySummary,
  suppressTable,
  unsuppressedActivitySummary,
  type Breakdown,
} from './suppression';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** An empty period: every figure 0, as the server reports it. */
function emptySummary(): ActivitySummary {
  return {
    period: { from: '2026-03-01', to: '2026-03-31' },
    teamId: null,
    participantsServed: 0,
    newParticipants: 0,
    dischargedParticipants: 0,
    sessions: {
      total: 0,
      byType: zeros(SESSION_TYPES),
      byFormat: zeros(SESSION_FORMATS),
      bySetting: zeros(SESSION_SETTINGS),
    },
    groupAttendance: { attended: 0, averagePerGroupSession: null },
    serviceHours: 0,
    contactHours: 0,
    handouts: {
      total: 0,
      byCategory: zeros(RESOURCE_CATEGORIES),
      byOutcome: zeros(HANDOUT_OUTCOMES),
      connectionRate: null,
      medianDaysToOutcome: null,
    },
    advocacy: {
      opened: 0,
      completed: 0,
      byCategory: zeros(ADVOCACY_CATEGORIES),
      byLevel: zeros(ADVOCACY_LEVELS),
    },
    decisionNotes: 0,
    otherHours: { total: 0, byKind: zeros(TIME_ENTRY_KINDS) },
  };
}

/** Members of a breakdown (its cells and its total) that are hidden. */
const hiddenIn = (b: Breakdown, hidden: Map<string, unknown>) =>
  [b.total, ...b.cells].filter((k) => hidden.has(k));

describe('suppressTable (hand-worked)', () => {
  const one: Breakdown[] = [{ total: 't', cells: ['a', 'b', 'c', 'd'] }];

  it('hides 1..threshold−1, shows zero and the threshold itself', () => {
    const hidden = suppressTable({ t: 0, a: 0, b: 0, c: 0, d: 0, x: 1, y: 10, z: 11 }, one, 11);
    expect([...hidden]).toEqual([
      ['x', 'primary'],
      ['y', 'primary'],
    ]);
  });

  it('hides the smallest other non-zero cell when one cell is hidden', () => {
    // a=4 is small; b=0 is skipped; c=12 < d=30, so c goes; the total (46) stays.
    const hidden = suppressTable({ t: 46, a: 4, b: 0, c: 12, d: 30 }, one, 11);
    expect(Object.fromEntries(hidden)).toEqual({ a: 'primary', c: 'secondary' });
  });

  it('breaks a tie by the order of the cells', () => {
    const hidden = suppressTable({ t: 29, a: 5, b: 12, c: 12, d: 0 }, one, 11);
    expect(Object.fromEntries(hidden)).toEqual({ a: 'primary', b: 'secondary' });
  });

  it('adds nothing when two cells are already hidden', () => {
    const hidden = suppressTable({ t: 57, a: 3, b: 9, c: 20, d: 25 }, one, 11);
    expect(Object.fromEntries(hidden)).toEqual({ a: 'primary', b: 'primary' });
  });

  it('hides every non-zero cell and the total when the total is small', () => {
    const hidden = suppressTable({ t: 7, a: 7, b: 0, c: 0, d: 0 }, one, 11);
    expect(Object.fromEntries(hidden)).toEqual({ t: 'primary', a: 'primary' });
  });

  it('hides the total when no other cell is non-zero, then re-checks every breakdown of that total', () => {
    // Breakdown A does not cover its whole total (t = 40, a = 5): with a hidden
    // and no other non-zero cell, t goes. t is also breakdown B's total, where
    // c = 15 and d = 25 were shown: t = c + d would give it back, so c goes too.
    const hidden = suppressTable(
      { t: 40, a: 5, b: 0, c: 15, d: 25 },
      [
        { total: 't', cells: ['a', 'b'] },
        { total: 't', cells: ['c', 'd'] },
      ],
      11,
    );
    expect(Object.fromEntries(hidden)).toEqual({ a: 'primary', t: 'secondary', c: 'secondary' });
  });

  it('carries a hidden sub-total into the breakdown it is a cell of', () => {
    // Two levels: t = p + q and p = p1 + p2. q = 3 and p2 = 2 are small. In t's
    // breakdown q stands alone, so p (16, the smallest other non-zero cell)
    // goes; p's breakdown then has p and p2 hidden, so p1 can stay.
    const hidden = suppressTable(
      { t: 19, p: 16, q: 3, p1: 14, p2: 2 },
      [
        { total: 't', cells: ['p', 'q'] },
        { total: 'p', cells: ['p1', 'p2'] },
      ],
      11,
    );
    expect(Object.fromEntries(hidden)).toEqual({ q: 'primary', p2: 'primary', p: 'secondary' });
  });

  it('refuses a threshold below 2, a value that is not a count and a breakdown without values', () => {
    expect(() => suppressTable({ a: 1 }, [], 1)).toThrow(RangeError);
    expect(() => suppressTable({ a: 1.5 }, [], 11)).toThrow(RangeError);
    expect(() => suppressTable({ a: -1 }, [], 11)).toThrow(RangeError);
    expect(() => suppressTable({ a: 1 }, [{ total: 't', cells: ['a'] }], 11)).toThrow(RangeError);
  });
});

describe('suppressActivitySummary (hand-worked)', () => {
  it('shows an empty period as zeros, with nulls where there is nothing to divide', () => {
    const out = suppressActivitySummary(emptySummary(), 11);
    expect(out.sessions.byType).toEqual(zeros(SESSION_TYPES));
    expect(out.handouts.byCategory).toEqual(zeros(RESOURCE_CATEGORIES));
    expect(out).toMatchObject({
      suppressionThreshold: 11,
      participantsServed: 0,
      serviceHours: 0,
      groupAttendance: { attended: 0, averagePerGroupSession: null },
      handouts: { total: 0, connectionRate: null },
      advocacy: { opened: 0, byLevel: { individual: 0, systemic: 0 } },
    });
    expect(out).not.toHaveProperty('teamId');
    expect(out.sessions).not.toHaveProperty('byFormat');
  });

  it('applies primary, secondary and derived suppression to a whole summary', () => {
    const s = emptySummary();
    s.participantsServed = 40;
    s.newParticipants = 3; // primary
    s.dischargedParticipants = 11; // the threshold itself is shown
    // 52 sessions. byType: one_to_one_mentoring 4 (primary) → family_support_group 12 (smallest
    // other non-zero) is hidden too. bySetting: 22 + 30, nothing small.
    s.sessions.total = 52;
    s.sessions.byType.support_group = 20;
    s.sessions.byType.one_to_one_mentoring = 4;
    s.sessions.byType.family_support_group = 12;
    s.sessions.byType.educational_group = 16;
    s.sessions.byFormat = { group: 48, one_to_one: 4 };
    s.sessions.bySetting.community_center = 22;
    s.sessions.bySetting.online = 30;
    s.groupAttendance = { attended: 150, averagePerGroupSession: 3.1 };
    s.serviceHours = 70.5;
    s.contactHours = 160;
    // 25 handouts. byCategory: crisis 25. byOutcome: pending 9 (primary) and connected 16
    // (secondary) → connectionRate 1 is hidden with them.
    s.handouts.total = 25;
    s.handouts.byCategory.crisis = 25;
    s.handouts.byOutcome.pending = 9;
    s.handouts.byOutcome.connected = 16;
    s.handouts.connectionRate = 1;
    // 5 advocacy actions opened: the total is small, so every non-zero cell is too.
    s.advocacy.opened = 5;
    s.advocacy.completed = 0;
    s.advocacy.byCategory.housing = 4;
    s.advocacy.byCategory.policy = 1;
    s.advocacy.byLevel = { individual: 4, systemic: 1 };
    s.decisionNotes = 12;

    const out = suppressActivitySummary(s, 11);
    expect(out).toEqual({
      period: { from: '2026-03-01', to: '2026-03-31' },
      suppressionThreshold: 11,
      participantsServed: 40,
      newParticipants: '<11',
      dischargedParticipants: 11,
      sessions: {
        total: 52,
        byType: {
          support_group: 20,
          one_to_one_mentoring: '<11',
          condition_specific_group: 0,
          family_support_group: SUPPRESSED_MARK,
          online_forum: 0,
          educational_group: 16,
        },
        bySetting: { ...zeros(SESSION_SETTINGS), community_center: 22, online: 30 },
      },
      // The average would give away the group-session count (52 − one-to-one), so it goes.
      groupAttendance: { attended: 150, averagePerGroupSession: SUPPRESSED_MARK },
      serviceHours: 70.5,
      contactHours: 160,
      handouts: {
        total: 25,
        byCategory: { ...zeros(RESOURCE_CATEGORIES), crisis: 25 },
        byOutcome: {
          ...zeros(HANDOUT_OUTCOMES),
          pending: '<11',
          connected: SUPPRESSED_MARK,
        },
        connectionRate: SUPPRESSED_MARK,
        medianDaysToOutcome: null,
      },
      advocacy: {
        opened: '<11',
        completed: 0,
        byCategory: { ...zeros(ADVOCACY_CATEGORIES), housing: '<11', policy: '<11' },
        byLevel: { individual: '<11', systemic: '<11' },
      },
      decisionNotes: 12,
      // Hours of work, not counts of people: §5 leaves them exact.
      otherHours: { total: 0, byKind: zeros(TIME_ENTRY_KINDS) },
    });
  });

  it('hides hours with the session total and contact hours with group attendance', () => {
    const s = emptySummary();
    s.sessions.total = 6;
    s.sessions.byType.support_group = 6;
    s.sessions.byFormat.group = 6;
    s.sessions.bySetting.clinic = 6;
    s.groupAttendance = { attended: 8, averagePerGroupSession: 1.3 };
    s.serviceHours = 9;
    s.contactHours = 12;
    const out = suppressActivitySummary(s, 11);
    expect(out.serviceHours).toBe(SUPPRESSED_MARK);
    expect(out.contactHours).toBe(SUPPRESSED_MARK);
    expect(out.groupAttendance).toEqual({
      attended: '<11',
      averagePerGroupSession: SUPPRESSED_MARK,
    });
  });

  it('hides medianDaysToOutcome when fewer referrals than the threshold closed in the period (SPEC §12)', () => {
    const s = emptySummary();
    s.handouts.medianDaysToOutcome = 6.5;
    expect(suppressActivitySummary(s, 11, 10).handouts.medianDaysToOutcome).toBe(SUPPRESSED_MARK);
    expect(suppressActivitySummary(s, 11, 1).handouts.medianDaysToOutcome).toBe(SUPPRESSED_MARK);
    // Not told how many: hidden.
    expect(suppressActivitySummary(s, 11).handouts.medianDaysToOutcome).toBe(SUPPRESSED_MARK);
    expect(suppressActivitySummary(s, 11, 11).handouts.medianDaysToOutcome).toBe(6.5);
    expect(suppressActivitySummary(s, 5, 5).handouts.medianDaysToOutcome).toBe(6.5);
    expect(unsuppressedActivitySummary(s, 11).handouts.medianDaysToOutcome).toBe(6.5);
    // None closed: nothing to hide.
    s.handouts.medianDaysToOutcome = null;
    expect(suppressActivitySummary(s, 11, 0).handouts.medianDaysToOutcome).toBeNull();
  });

  it('writes the threshold in force', () => {
    const s = emptySummary();
    s.decisionNotes = 4;
    s.participantsServed = 5;
    const out = suppressActivitySummary(s, 5);
    expect(primaryMark(5)).toBe('<5');
    expect(out.decisionNotes).toBe('<5');
    expect(out.participantsServed).toBe(5);
  });
});

/**
 * Random activity summaries built from random records, so every breakdown sums
 * to its total exactly as the server's do.
 */
const pick = (n: number) => fc.nat({ max: n - 1 });
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
    completed: fc.nat({ max: 40 }),
    people: fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 40 }), fc.nat({ max: 40 })),
    attended: fc.nat({ max: 200 }),
    decisionNotes: fc.nat({ max: 40 }),
  })
  .map((r) => {
    const s = emptySummary();
    for (const [t, st] of r.sessions) {
      s.sessions.byType[SESSION_TYPES[t]]++;
      s.sessions.byFormat[formatOf(SESSION_TYPES[t])]++;
      s.sessions.bySetting[SESSION_SETTINGS[st]]++;
    }
    s.sessions.total = r.sessions.length;
    const groups = s.sessions.byFormat.group;
    s.groupAttendance = {
      attended: groups ? r.attended : 0,
      averagePerGroupSession: groups ? Math.round((r.attended / groups) * 10) / 10 : null,
    };
    s.serviceHours = r.sessions.length * 1.5;
    s.contactHours = r.attended;
    for (const [c, o] of r.handouts) {
      s.handouts.byCategory[RESOURCE_CATEGORIES[c]]++;
      s.handouts.byOutcome[HANDOUT_OUTCOMES[o]]++;
    }
    s.handouts.total = r.handouts.length;
    const { connected, not_connected, declined, no_capacity, not_eligible } = s.handouts.byOutcome;
    const decided = connected + not_connected + declined + no_capacity + not_eligible;
    s.handouts.connectionRate = decided ? Math.round((connected / decided) * 100) / 100 : null;
    for (const [c, l] of r.advocacy) {
      s.advocacy.byCategory[ADVOCACY_CATEGORIES[c]]++;
      s.advocacy.byLevel[ADVOCACY_LEVELS[l]]++;
    }
    s.advocacy.opened = r.advocacy.length;
    s.advocacy.completed = r.completed;
    [s.participantsServed, s.newParticipants, s.dischargedParticipants] = r.people;
    s.decisionNotes = r.decisionNotes;
    return s;
  });
const thresholds = fc.integer({ min: 2, max: 15 });

describe('suppression properties', () => {
  it('leaves no hidden cell recoverable from its total and the shown cells', () => {
    fc.assert(
      fc.property(summaries, thresholds, (s, threshold) => {
        const hidden = suppressTable(activityCounts(s), ACTIVITY_BREAKDOWNS, threshold);
        for (const b of ACTIVITY_BREAKDOWNS) {
          expect(hiddenIn(b, hidden).length).not.toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hides every count from 1 to threshold−1, never a zero, and shows the rest as they are', () => {
    fc.assert(
      fc.property(summaries, thresholds, (s, threshold) => {
        const counts = activityCounts(s);
        const hidden = suppressTable(counts, ACTIVITY_BREAKDOWNS, threshold);
        for (const [k, v] of Object.entries(counts)) {
          if (v >= 1 && v < threshold) expect(hidden.get(k)).toBe('primary');
          if (v === 0) expect(hidden.has(k)).toBe(false);
          if (v >= threshold) expect(hidden.get(k)).not.toBe('primary');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hides no more than it must: each complementary cell is the smallest that closes its breakdown', () => {
    fc.assert(
      fc.property(summaries, thresholds, (s, threshold) => {
        const counts = activityCounts(s);
        const hidden = suppressTable(counts, ACTIVITY_BREAKDOWNS, threshold);
        for (const [k, reason] of hidden) {
          if (reason !== 'secondary') continue;
          const own = ACTIVITY_BREAKDOWNS.filter((b) => b.cells.includes(k));
          // Breakdowns that sum exactly never need a total hidden on their account.
          expect(own).toHaveLength(1);
          expect(hiddenIn(own[0], hidden)).toHaveLength(2);
          const shownNonZero = own[0].cells.filter((c) => !hidden.has(c) && counts[c] > 0);
          for (const c of shownNonZero) expect(counts[c]).toBeGreaterThanOrEqual(counts[k]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never shows a small count in the summary, and hides derived figures with their counts', () => {
    fc.assert(
      fc.property(summaries, thresholds, (s, threshold) => {
        const out = suppressActivitySummary(s, threshold);
        const counts = activityCounts(s);
        const shown = activityCounts({
          ...s,
          ...(out as unknown as ActivitySummary),
        } as ActivitySummary);
        for (const [k, v] of Object.entries(shown)) {
          if (typeof v === 'number') {
            expect(v).toBe(counts[k]);
            expect(v === 0 || v >= threshold).toBe(true);
          } else {
            expect([primaryMark(threshold), SUPPRESSED_MARK]).toContain(v);
          }
        }
        const isHidden = (v: unknown) => typeof v === 'string';
        expect(isHidden(out.serviceHours)).toBe(isHidden(out.sessions.total));
        expect(isHidden(out.contactHours)).toBe(isHidden(out.groupAttendance.attended));
        if (isHidden(out.groupAttendance.attended) || isHidden(out.sessions.total)) {
          expect(out.groupAttendance.averagePerGroupSession).toBe(SUPPRESSED_MARK);
        }
        const outcomeHidden = HANDOUT_OUTCOMES.some((o) => isHidden(out.handouts.byOutcome[o]));
        expect(isHidden(out.handouts.connectionRate)).toBe(outcomeHidden);
      }),
      { numRuns: 500 },
    );
  });

  it('on any table of nested or partial breakdowns, stops with no breakdown giving one cell away', () => {
    // Cells may be totals of other breakdowns and totals may exceed their cells
    // (a breakdown that does not cover everything), which is where a hidden
    // total must be carried into its other breakdowns.
    const tables = fc
      .record({
        values: fc.array(fc.oneof(fc.nat({ max: 15 }), fc.nat({ max: 80 })), {
          minLength: 4,
          maxLength: 24,
        }),
        shapes: fc.array(
          fc.tuple(fc.nat(), fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 6 })),
          { minLength: 1, maxLength: 6 },
        ),
      })
      .map(({ values, shapes }) => {
        const n = values.length;
        const keys = values.map((_, i) => `k${i}`);
        const table: Record<string, number> = Object.fromEntries(
          keys.map((k, i) => [k, values[i]]),
        );
        // A breakdown's cells come after its total, so nesting never loops.
        const breakdowns: Breakdown[] = [];
        for (const [t, cells] of shapes) {
          const ti = t % (n - 1);
          const own = [...new Set(cells.map((c) => ti + 1 + (c % (n - 1 - ti))))];
          breakdowns.push({ total: keys[ti], cells: own.map((i) => keys[i]) });
        }
        // A total is at least the sum of its cells (the rest is what no cell
        // covers); deepest totals first, so a cell that is itself a total is final.
        const byDepth = [...breakdowns].sort(
          (a, b) => keys.indexOf(b.total) - keys.indexOf(a.total),
        );
        for (const b of byDepth) {
          const sum = b.cells.reduce((acc, c) => acc + table[c], 0);
          if (table[b.total] < sum) table[b.total] = sum;
        }
        return { table, breakdowns };
      });
    fc.assert(
      fc.property(tables, thresholds, ({ table, breakdowns }, threshold) => {
        const hidden = suppressTable(table, breakdowns, threshold);
        for (const b of breakdowns) {
          const lone = hiddenIn(b, hidden);
          if (lone.length !== 1) continue;
          // Only a hidden total whose cells are all zero may stand alone: they
          // cannot add up to it, so it is not given away.
          expect(lone[0]).toBe(b.total);
          for (const c of b.cells) expect(table[c]).toBe(0);
        }
        for (const k of hidden.keys()) expect(table[k]).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
