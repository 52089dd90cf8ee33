import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/**
 * A row of a list (an `li` in a bare `ul`): its parts side by side and
 * centred, wrapping on a narrow screen, with a divider line above or below.
 */
export function ListRow({
  py,
  divider = 'bottom',
  rowGap = 1,
  children,
}: {
  /** Room above and below the row's parts, in theme units. */
  py: number;
  divider?: 'top' | 'bottom';
  /** Room between wrapped lines, in theme units (the room between parts is 1). */
  rowGap?: number;
  children: ReactNode;
}) {
  return (
    <Box
      component="li"
      sx={{
        display: 'flex',
        alignItems: 'center',
        flexWrap: 'wrap',
        columnGap: 1,
        rowGap,
        py,
        [divider === 'top' ? 'borderTop' : 'borderBottom']: 1,
        borderColor: 'divider',
      }}
    >
      {children}
    </Box>
  );
}
