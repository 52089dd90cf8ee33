import { startTransition, useDeferredValue, useEffect, useState } from 'react';

/**
 * A query's answer, drawn in a transition.
 *
 * React Query hands a new answer to the page through `useSyncExternalStore`, whose renders
 * React always makes at once, in one piece. On a slow phone, drawing a page of answers that
 * way is a task of hundreds of milliseconds, in which a tap or a key waits. With this, the
 * render that sees the answer arrive still draws the placeholder (`isLoading` stays true); the
 * answer itself is drawn right after, in a transition that React splits into short slices.
 *
 * Only the arrival is deferred: an answer that goes away (another person or filter asked for)
 * is gone at once, so the page never shows one person's answer under another's heading.
 */
export function useDeferredAnswer<T>(query: { data: T | undefined; isLoading: boolean }): {
  data: T | undefined;
  isLoading: boolean;
} {
  const later = useDeferredValue(query.data);
  const data = query.data === undefined ? undefined : later;
  return { data, isLoading: query.isLoading || (data === undefined && query.data !== undefined) };
}

/**
 * True once `ready` is, a render later, in a transition: a page that waits for several answers
 * behind one placeholder is then drawn in short slices instead of in one long task.
 * Becoming not ready again is at once.
 *
 * With `evenAtFirst`, a page that is ready when it mounts (a form that needs no answer) is
 * also drawn a render later: its heading and placeholder first, the rest in slices after.
 */
export function useReadyLater(ready: boolean, evenAtFirst = false): boolean {
  const later = useDeferredValue(ready, evenAtFirst ? false : undefined);
  return ready && later;
}

/**
 * How many of a long form's parts to draw: the first at once, each next one after the last is
 * on the screen, in a transition. A form of many fields then reaches the screen part by part
 * (the part in view first), in tasks a phone can fit between taps, instead of in one long
 * commit in which the page's styles and layout are worked out for every field together.
 */
export function usePartsDrawn(parts: number): number {
  const [drawn, setDrawn] = useState(1);
  useEffect(() => {
    if (drawn < parts) startTransition(() => setDrawn((n) => n + 1));
  }, [drawn, parts]);
  return drawn;
}

/**
 * Runs `task` once the next frame is on the screen (a task queued from the frame's own callback
 * runs after its paint), so work a page can start early does not hold up what it draws first.
 * Returns the cancel, for an effect's clean-up.
 */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
