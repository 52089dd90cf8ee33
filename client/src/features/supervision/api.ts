import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateSupervisionRequest,
  LastSupervision,
  Page,
  Supervision,
  SupervisionListQuery,
  UpdateSupervisionRequest,
} from '@peerpath/shared';
import { api } from '../../api';

export const supervisionKeys = {
  all: ['supervisions'] as const,
  list: (params: SupervisionListQuery) => ['supervisions', 'list', params] as const,
  last: (teamId: string | null) => ['supervisions', 'last', teamId] as const,
};

export function useSupervisions(params: SupervisionListQuery) {
  return useQuery({
    queryKey: supervisionKeys.list(params),
    queryFn: ({ signal }) =>
      api<Page<Supervision>>('/supervisions', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** When each worker of the team was last supervised (supervisors; admins name the team). */
export function useLastSupervised(teamId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: supervisionKeys.last(teamId),
    queryFn: ({ signal }) =>
      api<LastSupervision[]>('/supervisions/last', { query: { teamId }, signal }),
    enabled,
  });
}

export function useCreateSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSupervisionRequest & { id: string }) =>
      api<Supervision>('/supervisions', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}

export function useUpdateSupervision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSupervisionRequest) =>
      api<Supervision>(`/supervisions/${id}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}
