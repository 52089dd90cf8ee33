import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/**
 * A list page's filters above the list: one under the other on a phone, two a
 * row on a tablet and `wide` (the grid's columns) on a large screen.
 */
export function FilterBar({
  wide = 'repeat(4, minmax(0, 1fr))',
  children,
}: {
  wide?: string;
  children: ReactNode;
}) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))', lg: wide },
        gap: 2,
        mb: 2,
      }}
    >
      {children}
    </Box>
  );
}
