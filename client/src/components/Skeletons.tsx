import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { visuallyHidden } from '../lib/visuallyHidden';
import { SHAPES } from '../theme/shapes';
import { Lines, Shape, type Line } from './Shape';
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

/** Space in the theme's units (8 px), for a shape's `style`. */
const space = (n: number) => n * 8;

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
      <Box aria-hidden className={SHAPES}>
        {children}
      </Box>
    </Box>
  );
}

/** Lines of text: the last one shorter, as a paragraph ends. */
export function TextLines({ lines = 3, height = 20 }: { lines?: number; height?: number }) {
  return (
    <Lines
      lines={Array.from({ length: lines }, (_, i) =>
        i === lines - 1 && lines > 1 ? ['60%', height] : ['100%', height],
      )}
    />
  );
}

/** The page's back link, heading, subtitle and action buttons. */
function HeaderShape({ back = false, actions = 1 }: { back?: boolean; actions?: number }) {
  return (
    <>
      {back && <Shape width={140} height={24} style={{ marginBottom: space(1) }} />}
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
          <Lines
            lines={[
              ['80%', 44],
              ['55%', 22],
            ]}
          />
        </Box>
        {actions > 0 && (
          <Box sx={{ display: 'flex', gap: 1 }}>
            {Array.from({ length: actions }, (_, i) => (
              <Shape key={i} variant="rounded" width={130} height={36} />
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
      {title && <Shape height={30} width="40%" style={{ marginBottom: space(1) }} />}
      <TextLines lines={lines} />
    </Paper>
  );
}

/** Rows of a timeline: an icon and two lines each. */
function TimelineRows({ rows = 4 }: { rows?: number }) {
  return (
    <>
      <Shape height={22} width={120} style={{ marginBottom: space(1) }} />
      {Array.from({ length: rows }, (_, i) => (
        <Box key={i} sx={{ display: 'flex', gap: 1.5, py: 1.25 }}>
          <Shape variant="circular" width={36} height={36} style={{ flex: '0 0 36px' }} />
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Lines
              lines={[
                ['45%', 20],
                ['85%', 22],
              ]}
            />
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
          <Shape height={30} width="30%" style={{ marginBottom: space(1) }} />
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
        <Shape height={28} width="30%" style={{ marginBottom: space(1) }} />
        <TextLines lines={3} />
        <Shape height={28} width="30%" style={{ marginTop: space(3), marginBottom: space(1) }} />
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
          <Shape height={28} width={180} style={{ marginBottom: space(1) }} />
          <ShapeGrid columns={{ xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))' }}>
            <Shape variant="rounded" height={56} />
            <Shape variant="rounded" height={56} />
          </ShapeGrid>
        </Box>
      ))}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Shape variant="rounded" width={140} height={36} />
        <Shape variant="rounded" width={80} height={36} />
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
            <Shape height={28} width="70%" />
            <Shape
              variant="rounded"
              height={24}
              width={110}
              style={{ marginTop: space(0.5), marginBottom: space(0.5) }}
            />
            <TextLines lines={3} />
            <Shape variant="rounded" height={30} width={170} style={{ marginTop: space(1) }} />
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
        <Lines
          lines={[
            ['100%', 36],
            [null, space(0.5)],
            ...Array.from({ length: rows }, (): Line => ['100%', 40]),
          ]}
        />
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
            <Lines
              lines={[
                ['50%', 36],
                ['80%', 18],
              ]}
            />
          </Paper>
        ))}
      </ShapeGrid>
      {chart && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Shape height={28} width={200} style={{ marginBottom: space(1) }} />
          <Shape variant="rounded" height={220} />
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
      <Shape variant="rounded" height={56} style={{ marginBottom: space(2), maxWidth: 720 }} />
      <TextLines lines={6} height={40} />
    </LoadingRegion>
  );
}

/** A person's card in "Today": their name, then two items of three lines, each 6 px above and below. */
const AGENDA_ITEM: readonly Line[] = [
  [null, 6],
  [90, 16],
  ['80%', 24],
  ['55%', 20],
  [null, 6],
];
const AGENDA_CARD: readonly Line[] = [['45%', 26], [null, 4], ...AGENDA_ITEM, ...AGENDA_ITEM];

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
            <Lines lines={AGENDA_CARD} />
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
        {toggle && <Shape variant="rounded" {...TOGGLE_SIZE} />}
        <Shape variant="rounded" height={40} style={CASELOAD_FILTERS_SX.search} />
        <Shape variant="rounded" height={40} style={CASELOAD_FILTERS_SX.status} />
      </Box>
    </LoadingRegion>
  );
}
