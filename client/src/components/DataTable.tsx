import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { Fragment, useId, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@peerpath/shared';
import { visuallyHidden } from '../lib/visuallyHidden';
import { SHAPES } from '../theme/shapes';
import { Lines, Shape } from './Shape';

const PAGE_SIZE_OPTIONS = [PAGE_SIZE_DEFAULT, 50, PAGE_SIZE_MAX];

/** One column of a `DataTable`. */
export interface DataTableColumn<R> {
  /** Unique within the table. */
  field: string;
  header: string;
  /** A column that keeps this width (px). */
  width?: number;
  /** A column that takes spare room but never gets narrower than this (px). */
  minWidth?: number;
  align?: 'left' | 'center' | 'right';
  /** The cell as text; `render` wins when both are given. */
  value?: (row: R) => string;
  render?: (row: R) => ReactNode;
  /** Left off the phone cards (below 600 px) when `false`. */
  card?: boolean;
}

/** One page of a server-paged list, as a list component built on `DataTable` takes it. */
export interface PagedRows<R> {
  rows: readonly R[];
  total: number;
  loading: boolean;
  /** 1-based, as the API counts. */
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}

export interface DataTableProps<R extends { id: string }> extends PagedRows<R> {
  /** Read out by screen readers as the table's name. */
  label: string;
  columns: readonly DataTableColumn<R>[];
  /** Opens a row: by click, or by Enter or Space on a focused row. */
  onRowClick?: (row: R) => void;
  /** Shown in place of rows when there are none. */
  empty?: ReactNode;
}

function cellContent<R>(column: DataTableColumn<R>, row: R): ReactNode {
  if (column.render) return column.render(row);
  if (column.value) return column.value(row);
  const value = (row as Record<string, unknown>)[column.field];
  return value == null ? '' : String(value);
}

const focusRing = {
  '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
};

/**
 * A list paged by the server (`{items, total, page, pageSize}`): a plain,
 * labelled table; below 600 px a list of cards instead, each naming its
 * fields, so what a worker acts on (status, due date, "past due") is on
 * screen without scrolling sideways.
 * The first column names the row for screen readers. With `onRowClick`, each
 * row is a tab stop that opens on click, Enter or Space; links and buttons in
 * cells keep working on their own (they stop the click from reaching the row).
 */
export function DataTable<R extends { id: string }>({
  label,
  rows,
  columns,
  total,
  loading,
  page,
  pageSize,
  onPageChange,
  onRowClick,
  empty = 'Nothing to show.',
}: DataTableProps<R>) {
  const cards = useMediaQuery(useTheme().breakpoints.down('sm'));
  const skeleton = loading && rows.length === 0;
  const openOnKey = (row: R) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    onRowClick?.(row);
  };

  return (
    <Paper variant="outlined" sx={{ width: '100%', minWidth: 0 }}>
      <Box role="status" sx={visuallyHidden}>
        {loading ? 'Loading…' : ''}
      </Box>
      {cards ? (
        <CardList
          label={label}
          rows={rows}
          columns={columns}
          loading={loading}
          skeleton={skeleton}
          empty={empty}
          onRowClick={onRowClick}
          openOnKey={openOnKey}
        />
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table
            aria-label={label}
            aria-busy={loading}
            // Narrower side padding than MUI's default, so six columns fit a laptop screen.
            sx={{
              '& .MuiTableCell-root': { px: 1.25 },
              '& .MuiTableCell-root:first-child': { pl: 2 },
              '& .MuiTableCell-root:last-child': { pr: 2 },
            }}
          >
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell
                    key={c.field}
                    scope="col"
                    align={c.align}
                    sx={{
                      width: c.width,
                      minWidth: c.width ?? c.minWidth,
                      fontWeight: 600,
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {c.header}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody sx={{ opacity: loading && !skeleton ? 0.6 : 1 }}>
              {skeleton &&
                Array.from({ length: Math.min(pageSize, 6) }, (_, i) => (
                  <TableRow key={i} aria-hidden className={SHAPES}>
                    {columns.map((c) => (
                      <TableCell key={c.field}>
                        <Shape height={24} />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              {!loading && rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={columns.length} sx={{ color: 'text.secondary' }}>
                    {empty}
                  </TableCell>
                </TableRow>
              )}
              {rows.map((row) => (
                <TableRow
                  key={row.id}
                  hover={Boolean(onRowClick)}
                  tabIndex={onRowClick ? 0 : undefined}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                  onKeyDown={onRowClick ? openOnKey(row) : undefined}
                  sx={onRowClick ? { cursor: 'pointer', ...focusRing } : undefined}
                >
                  {columns.map((c, i) => (
                    <TableCell
                      key={c.field}
                      align={c.align}
                      {...(i === 0 ? { component: 'th', scope: 'row' } : {})}
                    >
                      {cellContent(c, row)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <PageControls total={total} page={page} pageSize={pageSize} onPageChange={onPageChange} />
    </Paper>
  );
}

/** 1234567 as "1,234,567", without starting the browser's number formatting (see `PageControls`). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Rows per page, "26–50 of 1,204", and the previous and next pages. In place of MUI's
 * `TablePagination`, which makes a number format when its module loads: the first use of the
 * browser's number formatting on a page loads its locale data, 60–130 ms on a slow phone,
 * and nothing else on a list page needs it.
 */
function PageControls({
  total,
  page,
  pageSize,
  onPageChange,
}: Pick<PagedRows<unknown>, 'total' | 'page' | 'pageSize' | 'onPageChange'>) {
  const id = useId();
  const last = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Box
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        justifyContent: 'flex-end',
        columnGap: 2,
        rowGap: 0.5,
        minHeight: 52,
        px: 1,
        borderTop: 1,
        borderColor: 'divider',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography component="label" htmlFor={id} variant="body2">
          Rows per page
        </Typography>
        {/* The phone's own list of choices; a plain select keeps MUI's input parts out of
            every list page's first download. */}
        <Box
          component="select"
          id={id}
          value={pageSize}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => onPageChange(1, Number(e.target.value))}
          sx={{
            typography: 'body2',
            color: 'text.primary',
            bgcolor: 'background.paper',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            minHeight: 36,
            px: 1,
            cursor: 'pointer',
            '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
          }}
        >
          {PAGE_SIZE_OPTIONS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Box>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="body2">
          {grouped(from)}–{grouped(to)} of {grouped(total)}
        </Typography>
        <Box>
          <IconButton
            aria-label="Go to previous page"
            title="Go to previous page"
            disabled={page <= 1}
            onClick={() => onPageChange(page - 1, pageSize)}
          >
            <ChevronLeft />
          </IconButton>
          <IconButton
            aria-label="Go to next page"
            title="Go to next page"
            disabled={page >= last}
            onClick={() => onPageChange(page + 1, pageSize)}
          >
            <ChevronRight />
          </IconButton>
        </Box>
      </Box>
    </Box>
  );
}

/** The rows as cards: the first column as the card's title, then each other field by name. */
function CardList<R extends { id: string }>({
  label,
  rows,
  columns,
  loading,
  skeleton,
  empty,
  onRowClick,
  openOnKey,
}: {
  label: string;
  rows: readonly R[];
  columns: readonly DataTableColumn<R>[];
  loading: boolean;
  skeleton: boolean;
  empty: ReactNode;
  onRowClick?: (row: R) => void;
  openOnKey: (row: R) => (e: KeyboardEvent<HTMLElement>) => void;
}) {
  const [title, ...fields] = columns.filter((c) => c.card !== false);
  if (!loading && rows.length === 0)
    return <Box sx={{ p: 2, color: 'text.secondary' }}>{empty}</Box>;
  return (
    <Box
      component="ul"
      aria-label={label}
      aria-busy={loading}
      sx={{ listStyle: 'none', m: 0, p: 1, display: 'grid', gap: 1 }}
    >
      {skeleton &&
        Array.from({ length: 3 }, (_, i) => (
          <Box component="li" key={i} aria-hidden className={SHAPES} sx={{ p: 1.5 }}>
            <Lines
              lines={[
                ['60%', 24],
                ['100%', 20],
                ['100%', 20],
              ]}
            />
          </Box>
        ))}
      {rows.map((row) => (
        <Box
          component="li"
          key={row.id}
          tabIndex={onRowClick ? 0 : undefined}
          onClick={onRowClick ? () => onRowClick(row) : undefined}
          onKeyDown={onRowClick ? openOnKey(row) : undefined}
          sx={{
            p: 1.5,
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            minWidth: 0,
            opacity: loading ? 0.6 : 1,
            ...(onRowClick ? { cursor: 'pointer', ...focusRing } : {}),
          }}
        >
          {title && <Box sx={{ fontWeight: 600, mb: 0.75 }}>{cellContent(title, row)}</Box>}
          <Box
            component="dl"
            sx={{
              m: 0,
              display: 'grid',
              gridTemplateColumns: 'minmax(84px, auto) minmax(0, 1fr)',
              columnGap: 1.5,
              rowGap: 0.5,
              fontSize: '0.875rem',
            }}
          >
            {fields.map((c) => {
              const content = cellContent(c, row);
              if (content === '' || content == null) return null;
              return (
                <Fragment key={c.field}>
                  <Box component="dt" sx={{ color: 'text.secondary' }}>
                    {c.header}
                  </Box>
                  <Box component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
                    {content}
                  </Box>
                </Fragment>
              );
            })}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
