import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface Stat {
  label: string;
  value: ReactNode;
  /** A short note under the label ("2 past due date"). */
  note?: ReactNode;
  icon?: ReactNode;
}

/** Two tiles a row on a phone, as many as fit from a small tablet up (shared with the loading skeleton). */
export const TILE_COLUMNS = {
  xs: 'repeat(2, minmax(0, 1fr))',
  sm: 'repeat(auto-fit, minmax(160px, 1fr))',
};

/**
 * Headline numbers as a description list: the label (dt) comes first for
 * screen readers, the number is shown first on screen.
 */
export function StatTiles({ stats, label }: { stats: Stat[]; label: string }) {
  return (
    <Box
      component="dl"
      aria-label={label}
      sx={{
        display: 'grid',
        gridTemplateColumns: TILE_COLUMNS,
        gap: 1.5,
        m: 0,
        mb: 3,
      }}
    >
      {stats.map((s) => (
        <Paper
          key={s.label}
          variant="outlined"
          sx={{ p: 1.5, display: 'flex', flexDirection: 'column' }}
        >
          <Typography component="dt" variant="body2" color="text.secondary" sx={{ order: 1 }}>
            {s.label}
          </Typography>
          <Typography
            component="dd"
            sx={{
              order: 0,
              m: 0,
              fontSize: '1.6rem',
              fontWeight: 600,
              lineHeight: 1.2,
              display: 'flex',
              alignItems: 'center',
              gap: 0.75,
            }}
          >
            {s.value}
            {s.icon}
          </Typography>
          {s.note && (
            <Typography
              component="dd"
              variant="body2"
              color="text.secondary"
              sx={{ order: 2, m: 0 }}
            >
              {s.note}
            </Typography>
          )}
        </Paper>
      ))}
    </Box>
  );
}
