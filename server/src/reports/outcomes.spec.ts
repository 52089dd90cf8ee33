import { suppressOutcomes } from './outcomes';

describe('suppressOutcomes', () => {
  const row = (n: number, improved: number, worsened: number) => ({
    instrument: 'phq9' as const,
    n,
    meanBaseline: 14.2,
    meanLatest: 9.1,
    meanChange: -5.1,
    improved,
    worsened,
  });

  it('hides every figure when n is below the threshold', () => {
    expect(suppressOutcomes([row(10, 6, 0)], 11)).toEqual([
      {
        instrument: 'phq9',
        n: '<11',
        meanBaseline: 'suppressed',
        meanLatest: 'suppressed',
        meanChange: 'suppressed',
        improved: 'suppressed',
        worsened: 'suppressed',
      },
    ]);
  });

  it('shows zero, and everything when no count is small', () => {
    expect(suppressOutcomes([row(40, 12, 0)], 11)[0]).toEqual({ ...row(40, 12, 0) });
  });

  it('hides a small improved or worsened, and the other one with it (secondary against n)', () => {
    expect(suppressOutcomes([row(40, 25, 3)], 11)[0]).toMatchObject({
      n: 40,
      meanChange: -5.1,
      improved: 'suppressed',
      worsened: '<11',
    });
  });

  it('hides n itself when the only other cell is zero', () => {
    expect(suppressOutcomes([row(30, 4, 0)], 11)[0]).toMatchObject({
      n: 'suppressed',
      meanBaseline: 'suppressed',
      improved: 'suppressed',
      worsened: 'suppressed',
    });
  });

  it('with cell keys (SPEC §14): suppression on the true counts, then each shown count perturbed; zero stays 0', () => {
    // k 0.1 → −2, 0.9 → +2, 0.5 → 0.
    const keys = { phq9: { n: 0.1, improved: 0.9, worsened: 0.5 } };
    expect(suppressOutcomes([row(40, 12, 0)], 11, keys)[0]).toEqual({
      ...row(40, 12, 0),
      n: 38,
      improved: 14,
      worsened: 0,
    });
    // Never below the threshold: 12 − 2 is published as 11.
    expect(
      suppressOutcomes([row(40, 12, 0)], 11, { phq9: { ...keys.phq9, improved: 0.1 } })[0],
    ).toMatchObject({ improved: 11 });
    // What §5 hides stays hidden, whatever the keys.
    expect(suppressOutcomes([row(10, 6, 0)], 11, keys)).toEqual(
      suppressOutcomes([row(10, 6, 0)], 11),
    );
    expect(suppressOutcomes([row(40, 5, 20)], 11, keys)[0]).toMatchObject({
      n: 38,
      improved: '<11',
      worsened: 'suppressed',
    });
  });
});
