import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/**
 * A short warning in a line of text — something missing or late — in the
 * warning colour with an icon, so it is not told by colour alone.
 */
export function WarningFlag({
  children,
  icon: Icon = ErrorOutlineOutlined,
  small = false,
}: {
  children: ReactNode;
  icon?: typeof ErrorOutlineOutlined;
  /** Smaller text, for a second line under a figure in a table cell. */
  small?: boolean;
}) {
  return (
    <Box
      component="span"
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        color: 'warning.main',
        fontWeight: 600,
        fontSize: small ? '0.8125rem' : undefined,
      }}
    >
      <Icon sx={{ fontSize: small ? 16 : 18 }} aria-hidden />
      {children}
    </Box>
  );
}
