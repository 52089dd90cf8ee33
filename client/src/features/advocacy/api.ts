import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdvocacyAction,
  AdvocacyCategory,
  AdvocacyLevel,
  AdvocacyStatus,
  CreateAdvocacyActionRequest,
  Page,
  UpdateAdvocacyActionRequest,
} from '@peerpath/shared';
import { api } from '../../api';
import { createOrQueue } from '../../offline';
import { advocacySummary } from '../../offline/summaries';

export interface AdvocacyListParams {
  page?: number;
  pageSize?: number;
  participantId?: string;
  status?: AdvocacyStatus;
  workerId?: string;
  level?: AdvocacyLevel;
  category?: AdvocacyCategory;
  overdue?: boolean;
}

export const advocacyKeys = {
  all: ['advocacy'] as const,
  list: (params: AdvocacyListParams) => ['advocacy', 'list', params] as const,
};

export function useAdvocacyActions(params: AdvocacyListParams) {
  return useQuery({
    queryKey: advocacyKeys.list(params),
    queryFn: ({ signal }) =>
      api<Page<AdvocacyAction>>('/advocacy-actions', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: advocacyKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['participants', 'timeline'] }),
      queryClient.invalidateQueries({ queryKey: ['reports'] }),
    ]);
}

export function useCreateAdvocacy() {
  const invalidate = useInvalidate();
  return useMutation({
    // Kept on this device and sent later when the connection is lost (SavedOnDevice).
    mutationFn: (body: CreateAdvocacyActionRequest & { id: string }) =>
      createOrQueue<AdvocacyAction>({
        kind: 'advocacy',
        path: '/advocacy-actions',
        body,
        summary: advocacySummary(body),
        participantId: body.participantId,
      }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateAdvocacy(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateAdvocacyActionRequest) =>
      api<AdvocacyAction>(`/advocacy-actions/${id}`, { method: 'PATCH', body }),
    onSuccess: () => invalidate(),
  });
}

/** One advocacy action, to open it from a participant's timeline. */
export function useAdvocacyAction(id: string | null) {
  return useQuery({
    queryKey: ['advocacy', 'one', id],
    queryFn: ({ signal }) => api<AdvocacyAction>(`/advocacy-actions/${id}`, { signal }),
    enabled: Boolean(id),
  });
}
