import type { CSSProperties } from 'react';
import { SHAPE } from '../theme/shapes';

/**
 * One grey shape of a placeholder: a line of text (`text`, drawn at 0.6 of its height as MUI's
 * Skeleton draws one), a box with the theme's corners (`rounded`) or a circle. A plain element
 * under the rules in the theme's baseline styles, not a styled component: a page's placeholders
 * are dozens of shapes, drawn on a phone before anything else and taken away when the content
 * comes, and each styled one cost a style of its own to draw and an animation of its own to
 * stop. It does not pulse by itself: the group around it does (`LoadingRegion`, or `SHAPES`).
 */
export function Shape({
  variant = 'text',
  width,
  height,
  style,
}: {
  variant?: 'text' | 'rounded' | 'circular';
  width?: number | string;
  height: number;
  style?: CSSProperties;
}) {
  return <span className={`${SHAPE} ${SHAPE}-${variant}`} style={{ width, height, ...style }} />;
}

/** A line of `Lines`: its width (px or a share of the line) and height, or `null` for space. */
export type Line = readonly [width: number | string | null, height: number];

/**
 * Lines of text one under another, drawn as `Shape` draws each (0.6 of its height, rounded) but
 * in one element: the lines are a mask over the shape's colour. A page's placeholder then takes
 * a few elements where it took dozens, which matters when it is taken away: a browser that
 * records what each removal changes (as Lighthouse's trace does) spends about a millisecond on
 * each element.
 */
export function Lines({ lines, style }: { lines: readonly Line[]; style?: CSSProperties }) {
  let y = 0;
  let bars = '';
  for (const [width, height] of lines) {
    if (width !== null) {
      const radius = Math.min(0.3 * height, 10);
      bars += `<rect y="${y + 0.25 * height}" width="${width}" height="${0.6 * height}" rx="${radius}"/>`;
    }
    y += height;
  }
  const mask = `url("data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="${y}">${bars}</svg>`,
  )}")`;
  return (
    <span
      className={`${SHAPE} ${SHAPE}-lines`}
      style={{ height: y, maskImage: mask, WebkitMaskImage: mask, ...style }}
    />
  );
}
