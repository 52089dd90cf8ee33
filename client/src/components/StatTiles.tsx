import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface Stat {
  label: string;
  value: ReactNode;
  /** A short note under the label ("2 past due date"). */
  note?: ReactNode;
  icon?: ReactNode;
  /** Where the records behind the figure are listed; the whole tile opens it. */
  href?: string;
  /** What the link opens, for screen readers ("people with no contact in 30 days"). */
  hrefLabel?: string;
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
          sx={{
            p: 1.5,
            display: 'flex',
            flexDirection: 'column',
            position: 'relative',
            ...(s.href && {
              '&:hover': { borderColor: 'primary.main' },
              '&:focus-within': { outline: '2px solid', outlineColor: 'primary.main' },
            }),
          }}
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
            {s.href ? (
              <Link
                href={s.href}
                aria-label={`${String(s.value)} ${s.hrefLabel ?? s.label}: see the list`}
                underline="always"
                sx={{
                  color: 'inherit',
                  '&:focus-visible': { outline: 'none' },
                  // The whole tile is the link's touch target.
                  '&::after': { content: '""', position: 'absolute', inset: 0 },
                }}
              >
                {s.value}
              </Link>
            ) : (
              s.value
            )}
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
