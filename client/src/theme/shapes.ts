/**
 * The class names of a placeholder's grey shapes (`Shape` in components/Skeletons.tsx), whose
 * rules the theme's baseline styles hold: `SHAPE` on each shape (with `-text`, `-rounded` or
 * `-circular`), `SHAPES` on the element around a group of them, which pulses.
 */
export const SHAPE = 'pp-shape';
export const SHAPES = 'pp-shapes';
