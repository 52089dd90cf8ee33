import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { visuallyHidden } from '../lib/visuallyHidden';
import { TILE_COLUMNS } from './StatTiles';

/** Shapes side by side in a CSS grid of `columns`. */
function ShapeGrid({
  columns,
  gap = 2,
  mb,
  children,
}: {
  columns: string | Record<string, string>;
  gap?: number;
  mb?: number;
  children: ReactNode;
}) {
  return <Box sx={{ display: 'grid', gridTemplateColumns: columns, gap, mb }}>{children}</Box>;
}

/**
 * Placeholders shaped like the content on its way, so the page does not jump
 * when it arrives. Screen readers hear one "Loading…" (a status region marked
 * busy); the grey shapes themselves are hidden from them.
 */
export function LoadingRegion({
  label = 'Loading…',
  children,
  sx,
}: {
  label?: string;
  children: ReactNode;
  sx?: SxProps<Theme>;
}) {
  return (
    <Box role="status" aria-busy="true" sx={sx}>
      <Box component="span" sx={visuallyHidden}>
        {label}
      </Box>
      <Box aria-hidden>{children}</Box>
    </Box>
  );
}

/** Lines of text: the last one shorter, as a paragraph ends. */
export function TextLines({ lines = 3, height = 20 }: { lines?: number; height?: number }) {
  return (
    <>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} height={height} width={i === lines - 1 && lines > 1 ? '60%' : '100%'} />
      ))}
    </>
  );
}

/** The page's back link, heading, subtitle and action buttons. */
function HeaderShape({ back = false, actions = 1 }: { back?: boolean; actions?: number }) {
  return (
    <>
      {back && <Skeleton width={140} height={24} sx={{ mb: 1 }} />}
      <Box
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          justifyContent: 'space-between',
          alignItems: 'flex-start',
          gap: 2,
          mb: 3,
        }}
      >
        <Box sx={{ flex: '1 1 240px', maxWidth: 420 }}>
          <Skeleton height={44} width="80%" />
          <Skeleton height={22} width="55%" />
        </Box>
        {actions > 0 && (
          <Box sx={{ display: 'flex', gap: 1 }}>
            {Array.from({ length: actions }, (_, i) => (
              <Skeleton key={i} variant="rounded" width={130} height={36} />
            ))}
          </Box>
        )}
      </Box>
    </>
  );
}

function CardShape({ lines = 4, title = true }: { lines?: number; title?: boolean }) {
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 2.5 }, mb: 2 }}>
      {title && <Skeleton height={30} width="40%" sx={{ mb: 1 }} />}
      <TextLines lines={lines} />
    </Paper>
  );
}

/** Rows of a timeline: an icon and two lines each. */
function TimelineRows({ rows = 4 }: { rows?: number }) {
  return (
    <>
      <Skeleton height={22} width={120} sx={{ mb: 1 }} />
      {Array.from({ length: rows }, (_, i) => (
        <Box key={i} sx={{ display: 'flex', gap: 1.5, py: 1.25 }}>
          <Skeleton variant="circular" width={36} height={36} sx={{ flex: '0 0 36px' }} />
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Skeleton height={20} width="45%" />
            <Skeleton height={22} width="85%" />
          </Box>
        </Box>
      ))}
    </>
  );
}

/** A participant's timeline while it loads. */
export function TimelineSkeleton() {
  return (
    <LoadingRegion label="Loading the timeline…">
      <TimelineRows />
    </LoadingRegion>
  );
}

/** A participant's page: details and consent beside the timeline. */
export function ParticipantPageSkeleton() {
  return (
    <LoadingRegion label="Loading the participant…">
      <HeaderShape back actions={2} />
      <ShapeGrid columns={{ xs: 'minmax(0, 1fr)', md: 'minmax(0, 5fr) minmax(0, 7fr)' }}>
        <Box>
          <CardShape lines={6} />
          <CardShape lines={2} />
        </Box>
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 2.5 } }}>
          <Skeleton height={30} width="30%" sx={{ mb: 1 }} />
          <TimelineRows />
        </Paper>
      </ShapeGrid>
    </LoadingRegion>
  );
}

/** A single record (a session, a decision note): heading and one panel of details. */
export function RecordPageSkeleton({ label = 'Loading…' }: { label?: string }) {
  return (
    <LoadingRegion label={label}>
      <HeaderShape back actions={2} />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 960 }}>
        <Skeleton height={28} width="30%" sx={{ mb: 1 }} />
        <TextLines lines={3} />
        <Skeleton height={28} width="30%" sx={{ mt: 3, mb: 1 }} />
        <TextLines lines={4} />
      </Paper>
    </LoadingRegion>
  );
}

/** A form's sections of labelled fields. */
function FormShape({ sections = 3 }: { sections?: number }) {
  return (
    <>
      {Array.from({ length: sections }, (_, s) => (
        <Box key={s} sx={{ mb: 3 }}>
          <Skeleton height={28} width={180} sx={{ mb: 1 }} />
          <ShapeGrid columns={{ xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))' }}>
            <Skeleton variant="rounded" height={56} />
            <Skeleton variant="rounded" height={56} />
          </ShapeGrid>
        </Box>
      ))}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Skeleton variant="rounded" width={140} height={36} />
        <Skeleton variant="rounded" width={80} height={36} />
      </Box>
    </>
  );
}

/** A form while its code or the record it starts from loads, inside its panel. */
export function FormSkeleton({ label = 'Opening the form…' }: { label?: string }) {
  return (
    <LoadingRegion label={label}>
      <FormShape />
    </LoadingRegion>
  );
}

/** A page that is a form (log a session, record a decision) while what it needs loads. */
export function FormPageSkeleton({ label = 'Opening the form…' }: { label?: string }) {
  return (
    <LoadingRegion label={label}>
      <HeaderShape actions={0} />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 960 }}>
        <FormShape />
      </Paper>
    </LoadingRegion>
  );
}

/** Cards of the resource directory. */
export function CardGridSkeleton({
  count = 6,
  label = 'Loading…',
}: {
  count?: number;
  label?: string;
}) {
  return (
    <LoadingRegion label={label}>
      <ShapeGrid columns="repeat(auto-fill, minmax(min(280px, 100%), 1fr))">
        {Array.from({ length: count }, (_, i) => (
          <Paper key={i} variant="outlined" sx={{ p: 2 }}>
            <Skeleton height={28} width="70%" />
            <Skeleton variant="rounded" height={24} width={110} sx={{ my: 0.5 }} />
            <TextLines lines={3} />
            <Skeleton variant="rounded" height={30} width={170} sx={{ mt: 1 }} />
          </Paper>
        ))}
      </ShapeGrid>
    </LoadingRegion>
  );
}

/** A table: a header row and a few rows. */
export function TableSkeleton({ rows = 5, label = 'Loading…' }: { rows?: number; label?: string }) {
  return (
    <LoadingRegion label={label}>
      <Paper variant="outlined" sx={{ p: 1 }}>
        <Skeleton height={36} sx={{ mb: 0.5 }} />
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} height={40} />
        ))}
      </Paper>
    </LoadingRegion>
  );
}

/** Headline figures, and (on reports) a chart under them. */
export function SummarySkeleton({
  tiles = 8,
  chart = true,
  label = 'Loading…',
}: {
  tiles?: number;
  chart?: boolean;
  label?: string;
}) {
  return (
    <LoadingRegion label={label}>
      <ShapeGrid columns={TILE_COLUMNS} gap={1.5} mb={3}>
        {Array.from({ length: tiles }, (_, i) => (
          <Paper key={i} variant="outlined" sx={{ p: 1.5 }}>
            <Skeleton height={36} width="50%" />
            <Skeleton height={18} width="80%" />
          </Paper>
        ))}
      </ShapeGrid>
      {chart && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Skeleton height={28} width={200} sx={{ mb: 1 }} />
          <Skeleton variant="rounded" height={220} />
        </Paper>
      )}
    </LoadingRegion>
  );
}

/** Any page while its code loads: a heading and a block of content. */
export function PageSkeleton() {
  return (
    <LoadingRegion>
      <HeaderShape />
      <Skeleton variant="rounded" height={56} sx={{ mb: 2, maxWidth: 720 }} />
      <TextLines lines={6} height={40} />
    </LoadingRegion>
  );
}

/**
 * "Today" on the home page while it loads: a few people with their items, so the figures and
 * the list under it are not pushed down when it arrives.
 */
export function AgendaSkeleton() {
  return (
    <LoadingRegion label="Loading what is due…">
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        {Array.from({ length: 3 }, (_, i) => (
          <Paper key={i} variant="outlined" sx={{ px: 2, pt: 1.5, pb: 1 }}>
            <Skeleton height={26} width="45%" sx={{ mb: 0.5 }} />
            {Array.from({ length: 2 }, (_, j) => (
              <Box key={j} sx={{ py: 0.75 }}>
                <Skeleton height={16} width={90} />
                <Skeleton height={24} width="80%" />
                <Skeleton height={20} width="55%" />
              </Box>
            ))}
          </Paper>
        ))}
      </Box>
    </LoadingRegion>
  );
}

/** The caseload's filter row (`CaseloadFilters`): laid out by both, so they wrap alike. */
export const CASELOAD_FILTERS_SX = {
  row: { display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 },
  search: { flex: '1 1 240px', maxWidth: 360 },
  status: { flex: '0 1 200px', minWidth: 160 },
} as const;

/** "Mine | Whole team" as the small toggle group draws it (13 px text, 7 px padding). */
const TOGGLE_SIZE = { width: 154, height: 38.75 };

/**
 * The caseload's filters while their code loads (beside the list's, after the first paint):
 * a small toggle, a search box and a select, each as tall as the real one.
 */
export function CaseloadFiltersSkeleton({ toggle }: { toggle: boolean }) {
  return (
    <LoadingRegion label="Loading the filters…">
      <Box sx={CASELOAD_FILTERS_SX.row}>
        {toggle && <Skeleton variant="rounded" {...TOGGLE_SIZE} />}
        <Skeleton variant="rounded" height={40} sx={CASELOAD_FILTERS_SX.search} />
        <Skeleton variant="rounded" height={40} sx={CASELOAD_FILTERS_SX.status} />
      </Box>
    </LoadingRegion>
  );
}
