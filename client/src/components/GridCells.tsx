import Grid from '@mui/material/Grid';
import { Children, isValidElement, type ReactNode } from 'react';

/**
 * Fields side by side in a form's grid (inside a `Grid container`): each child
 * in its own cell, the full width on a phone and `sm` twelfths of the row from
 * the sm breakpoint up (a half by default). A child left out (`{cond && …}`)
 * takes no cell.
 */
export function GridCells({ sm = 6, children }: { sm?: 4 | 6 | 8; children: ReactNode }) {
  return Children.toArray(children).map((child, i) => (
    <Grid key={isValidElement(child) ? child.key : i} size={{ xs: 12, sm }}>
      {child}
    </Grid>
  ));
}
