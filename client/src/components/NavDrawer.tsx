import Drawer from '@mui/material/Drawer';
import type { ReactNode } from 'react';

/**
 * The navigation on a phone: a drawer over the page, opened from the app bar. Loaded when first
 * opened; on a wider screen the links are docked beside the page instead (`AppShell`).
 */
export function NavDrawer({
  open,
  onClose,
  width,
  children,
}: {
  open: boolean;
  onClose: () => void;
  width: number;
  children: ReactNode;
}) {
  return (
    <Drawer
      variant="temporary"
      open={open}
      onClose={onClose}
      slotProps={{ paper: { id: 'main-navigation', sx: { width } } }}
    >
      {children}
    </Drawer>
  );
}
