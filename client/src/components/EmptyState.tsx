import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** What an empty list means and what to do next. */
export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Box sx={{ textAlign: 'center', py: 5, px: 2, color: 'text.secondary' }}>
      {icon && (
        <Box sx={{ fontSize: 40, mb: 1, '& svg': { fontSize: 40 } }} aria-hidden>
          {icon}
        </Box>
      )}
      <Typography variant="h3" component="p" color="text.primary" gutterBottom>
        {title}
      </Typography>
      {children && <Typography sx={{ maxWidth: 520, mx: 'auto' }}>{children}</Typography>}
      {action && <Box sx={{ mt: 2 }}>{action}</Box>}
    </Box>
  );
}
