import Grid from '@mui/material/Grid';
import { Children, isValidElement, type ReactNode } from 'react';

/**
 * Fields in a form's grid (inside a `Grid container`): each child in its own
 * cell, the full width on a phone and `sm` twelfths of the row from the sm
 * breakpoint up (a half by default; 12, one under the other everywhere). A
 * child left out (`{cond && …}`) takes no cell.
 */
export function GridCells({ sm = 6, children }: { sm?: 4 | 6 | 8 | 12; children: ReactNode }) {
  return Children.toArray(children).map((child, i) => (
    <Grid key={isValidElement(child) ? child.key : i} size={sm === 12 ? 12 : { xs: 12, sm }}>
      {child}
    </Grid>
  ));
}
