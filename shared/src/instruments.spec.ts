import {
  INSTRUMENTS,
  INSTRUMENT_KEYS,
  answersProblem,
  bandOf,
  describeChange,
  scoreAnswers,
  scoreRange,
  type InstrumentKey,
} from './instruments';

const all = (key: InstrumentKey, value: number) => INSTRUMENTS[key].items.map(() => value);

/** Answers summing to `score`, filled from the first item. */
function answersFor(key: InstrumentKey, score: number): number[] {
  const i = INSTRUMENTS[key];
  const lo = i.answers[0].value;
  const hi = i.answers[i.answers.length - 1].value;
  let rest = score - lo * i.items.length;
  return i.items.map(() => {
    const add = Math.min(hi - lo, rest);
    rest -= add;
    return lo + add;
  });
}

describe('instruments', () => {
  it.each([
    ['barc10', 10, 10, 60],
    ['phq9', 9, 0, 27],
    ['gad7', 7, 0, 21],
  ] as const)('%s has %i items scored %i–%i', (key, items, min, max) => {
    const i = INSTRUMENTS[key];
    expect(i.items).toHaveLength(items);
    expect(scoreRange(i)).toEqual({ min, max });
    expect(scoreAnswers(i, all(key, i.answers[0].value)).score).toBe(min);
    expect(scoreAnswers(i, all(key, i.answers[i.answers.length - 1].value)).score).toBe(max);
  });

  it.each([
    // Every band edge of every instrument.
    ['barc10', 10, 'building'],
    ['barc10', 46, 'building'],
    ['barc10', 47, 'strong'],
    ['barc10', 60, 'strong'],
    ['phq9', 0, 'minimal'],
    ['phq9', 4, 'minimal'],
    ['phq9', 5, 'mild'],
    ['phq9', 9, 'mild'],
    ['phq9', 10, 'moderate'],
    ['phq9', 14, 'moderate'],
    ['phq9', 15, 'moderately_severe'],
    ['phq9', 19, 'moderately_severe'],
    ['phq9', 20, 'severe'],
    ['phq9', 27, 'severe'],
    ['gad7', 0, 'minimal'],
    ['gad7', 4, 'minimal'],
    ['gad7', 5, 'mild'],
    ['gad7', 9, 'mild'],
    ['gad7', 10, 'moderate'],
    ['gad7', 14, 'moderate'],
    ['gad7', 15, 'severe'],
    ['gad7', 21, 'severe'],
  ] as const)('%s score %i is %s', (key, score, band) => {
    const scored = scoreAnswers(INSTRUMENTS[key], answersFor(key, score));
    expect(scored.score).toBe(score);
    expect(scored.band).toBe(band);
  });

  it('bands cover every possible score exactly once', () => {
    for (const key of INSTRUMENT_KEYS) {
      const i = INSTRUMENTS[key];
      const { min, max } = scoreRange(i);
      for (let s = min; s <= max; s++) {
        expect(i.bands.filter((b) => s >= b.min && s <= b.max)).toHaveLength(1);
      }
      expect(() => bandOf(i, min - 1)).toThrow(RangeError);
      expect(() => bandOf(i, max + 1)).toThrow(RangeError);
    }
  });

  it('refuses a wrong number of answers and answers out of range', () => {
    const phq9 = INSTRUMENTS.phq9;
    expect(answersProblem(phq9, all('phq9', 0).slice(1))).toMatch(/exactly 9 values, not 8/);
    expect(answersProblem(phq9, [...all('phq9', 0), 0])).toMatch(/not 10/);
    expect(answersProblem(phq9, [4, 0, 0, 0, 0, 0, 0, 0, 0])).toMatch(/answer 1 .* 0, 1, 2, 3/);
    expect(answersProblem(phq9, [0, 0, -1, 0, 0, 0, 0, 0, 0])).toMatch(/answer 3/);
    expect(answersProblem(phq9, [0, 0, 1.5, 0, 0, 0, 0, 0, 0])).toMatch(/answer 3/);
    expect(answersProblem(INSTRUMENTS.barc10, all('barc10', 0))).toMatch(/answer 1 .* 1, 2/);
    expect(answersProblem(INSTRUMENTS.barc10, all('barc10', 7))).toMatch(/answer 1/);
    expect(answersProblem(INSTRUMENTS.gad7, all('gad7', 3))).toBeNull();
    expect(() => scoreAnswers(phq9, [1])).toThrow(RangeError);
  });

  it('raises the self-harm alert on PHQ-9 item 9 above 0 only', () => {
    const phq9 = INSTRUMENTS.phq9;
    expect(
      scoreAnswers(
        phq9,
        all('phq9', 3).map((v, i) => (i === 8 ? 0 : v)),
      ).alerts,
    ).toEqual([]);
    expect(scoreAnswers(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1]).alerts).toEqual(['phq9_item9']);
    expect(scoreAnswers(INSTRUMENTS.gad7, all('gad7', 3)).alerts).toEqual([]);
  });

  it('states the change since baseline in words', () => {
    expect(describeChange(INSTRUMENTS.phq9, { score: 12 }, { score: 6 }, 'March')).toBe(
      'down 6 points since March — from moderate to mild',
    );
    expect(describeChange(INSTRUMENTS.barc10, { score: 40 }, { score: 41 }, 'May')).toBe(
      'up 1 point since May — still building recovery capital',
    );
    expect(describeChange(INSTRUMENTS.gad7, { score: 3 }, { score: 3 }, 'June')).toBe(
      'the same score since June — still minimal',
    );
  });
});
