import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import type { GridColDef, GridValidRowModel } from '@mui/x-data-grid';
import { lazy, Suspense } from 'react';

/**
 * The grid (MUI X DataGrid, about 115 KB gzip) is its own chunk, so a page's
 * heading, filters and summary show before it arrives. `preloadDataTable`
 * starts the download early (when a list page is opened).
 */
const load = () => import('./DataTableGrid');
const Grid = lazy(() => load().then((m) => ({ default: m.DataTableGrid })));

export function preloadDataTable() {
  void load();
}

export interface DataTableProps<R extends GridValidRowModel> {
  /** Read out by screen readers as the grid's name. */
  label: string;
  rows: readonly R[];
  columns: readonly GridColDef<R>[];
  total: number;
  loading: boolean;
  /** 1-based, as the API counts. */
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  onRowClick?: (row: R) => void;
}

function GridPlaceholder() {
  return (
    <Box
      role="status"
      aria-label="Loading the table"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}
    >
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} height={44} />
      ))}
    </Box>
  );
}

export function DataTable<R extends GridValidRowModel>(props: DataTableProps<R>) {
  return (
    <Suspense fallback={<GridPlaceholder />}>
      <Grid {...(props as unknown as DataTableProps<GridValidRowModel>)} />
    </Suspense>
  );
}
