import Box from '@mui/material/Box';
import {
  DataGrid,
  type GridPaginationModel,
  type GridRowParams,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import type { DataTableProps } from './DataTable';

const PAGE_SIZE_OPTIONS = [25, 50, 100];

/**
 * A DataGrid paged by the server (`{items, total, page, pageSize}`), sized to
 * its rows, with the settings every list here shares.
 */
export function DataTableGrid<R extends GridValidRowModel>({
  label,
  rows,
  columns,
  total,
  loading,
  page,
  pageSize,
  onPageChange,
  onRowClick,
}: DataTableProps<R>) {
  const model: GridPaginationModel = { page: page - 1, pageSize };
  return (
    <Box sx={{ width: '100%', minWidth: 0 }}>
      <DataGrid<R>
        aria-label={label}
        rows={rows}
        columns={columns}
        rowCount={total}
        loading={loading}
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        paginationModel={model}
        onPaginationModelChange={(m) => onPageChange(m.page + 1, m.pageSize)}
        pageSizeOptions={PAGE_SIZE_OPTIONS}
        autoHeight
        disableColumnMenu
        disableColumnSorting
        disableRowSelectionOnClick
        disableColumnFilter
        onRowClick={onRowClick ? (p: GridRowParams<R>) => onRowClick(p.row) : undefined}
        sx={{
          bgcolor: 'background.paper',
          '& .MuiDataGrid-row': onRowClick ? { cursor: 'pointer' } : undefined,
          '& .MuiDataGrid-cell:focus, & .MuiDataGrid-cell:focus-within': {
            outline: '2px solid',
            outlineColor: 'primary.main',
            outlineOffset: -2,
          },
        }}
      />
    </Box>
  );
}
