import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** A page alone on the screen, without the app's frame: its content in the middle (sign-in). */
export function ScreenCentre({ children }: { children: ReactNode }) {
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        p: 2,
        bgcolor: 'background.default',
      }}
    >
      {children}
    </Box>
  );
}
