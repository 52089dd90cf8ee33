import { INSTRUMENTS, type InstrumentKey } from '@peerpath/shared';

/** Answers of the instrument `key` that add up to `score`, each item filled in turn. */
export function answersFor(key: InstrumentKey, score: number): number[] {
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
