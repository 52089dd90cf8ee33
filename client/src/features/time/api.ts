import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateTimeEntryRequest,
  Page,
  TimeEntry,
  TimeEntryListQuery,
  UpdateTimeEntryRequest,
} from '@peerpath/shared';
import { api } from '../../api';

export const timeKeys = {
  all: ['time-entries'] as const,
  list: (params: TimeEntryListQuery) => ['time-entries', 'list', params] as const,
};

export function useTimeEntries(params: TimeEntryListQuery) {
  return useQuery({
    queryKey: timeKeys.list(params),
    queryFn: ({ signal }) =>
      api<Page<TimeEntry>>('/time-entries', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: timeKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['reports'] }),
    ]);
}

export function useCreateTimeEntry() {
  const invalidate = useInvalidate();
  return useMutation({
    // The client-chosen id makes a resend after a dropped answer a safe retry.
    mutationFn: (body: CreateTimeEntryRequest & { id: string }) =>
      api<TimeEntry>('/time-entries', { method: 'POST', body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateTimeEntry(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateTimeEntryRequest) =>
      api<TimeEntry>(`/time-entries/${id}`, { method: 'PATCH', body }),
    onSuccess: () => invalidate(),
  });
}
