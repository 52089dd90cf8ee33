import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, download } from '../../api';
import { resourceKeys } from './api';
import { fileName, saveBlob } from '../../lib/saveBlob';

/** One row the import refused, with what is wrong in each field. */
export interface RefusedRow {
  file: string;
  row: number;
  id: string | null;
  errors: { field: string; message: string }[];
}

export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  refused: RefusedRow[];
  refusedTotal: number;
}

/** The file as the import takes it: a zip as it is, or the JSON form parsed. */
async function importBody(
  file: File,
): Promise<{ body?: unknown; file?: { body: Blob; type: string } }> {
  if (/\.zip$/i.test(file.name) || file.type === 'application/zip') {
    return { file: { body: file, type: 'application/zip' } };
  }
  try {
    return { body: JSON.parse(await file.text()) as unknown };
  } catch {
    throw new Error('This file is neither a zip nor JSON. Choose the HSDS zip or its JSON form.');
  }
}

/** Checks an HSDS file (dry run) or applies it; applying refreshes the directory. */
export function useImportDirectory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      api<ImportReport>('/resources/import', {
        method: 'POST',
        query: { dryRun: dryRun || undefined },
        ...(await importBody(file)),
      }),
    onSuccess: (report) => {
      if (!report.dryRun) void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
    },
  });
}

/** Saves the whole directory as the HSDS zip. */
export async function exportDirectory(): Promise<void> {
  const { blob, filename } = await download('/resources/export', { format: 'hsds' });
  saveBlob(blob, fileName(filename, 'peerpath-directory-hsds.zip'));
}
