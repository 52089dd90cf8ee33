import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';

/**
 * A titled part of a long form. `labelled` names the section by its title
 * (a region landmark), for forms whose parts are steps to move between;
 * `grid` lays its fields out in a grid (`Grid` cells, or `GridCells`).
 */
export function FormSection({
  title,
  hint,
  labelled = false,
  spacing = 3,
  grid = false,
  children,
}: {
  title: string;
  /** A line under the title saying what the part is for. */
  hint?: string;
  labelled?: boolean;
  /** Space below the section, in theme units. */
  spacing?: number;
  grid?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={labelled ? id : undefined} sx={{ mb: spacing }}>
      <Typography
        variant="h3"
        component="h2"
        id={labelled ? id : undefined}
        sx={{ mb: hint ? 0.5 : 1.5 }}
      >
        {title}
      </Typography>
      {hint && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {hint}
        </Typography>
      )}
      {grid ? (
        <Grid container spacing={2}>
          {children}
        </Grid>
      ) : (
        children
      )}
    </Box>
  );
}
