import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * A section's <h2> (its `id` labels the section) with the section's main action
 * at the other end of the line, wrapping under it on a narrow screen.
 */
export function SectionHeader({
  id,
  title,
  action,
  mb = 1.5,
}: {
  id: string;
  title: ReactNode;
  action?: ReactNode;
  mb?: number;
}) {
  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 2,
        mb,
        flexWrap: 'wrap',
      }}
    >
      <Typography variant="h2" id={id}>
        {title}
      </Typography>
      {action}
    </Box>
  );
}
