import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeHandoutStatusRequest,
  CreateHandoutRequest,
  CreateResourceRequest,
  Handout,
  HandoutListItem,
  HandoutOutcome,
  Page,
  Resource,
  ResourceCategory,
  UpdateHandoutRequest,
  UpdateResourceRequest,
} from '@peerpath/shared';
import { api } from '../../api';
import { createOrQueue } from '../../offline';
import { handoutSummary } from '../../offline/summaries';

export interface ResourceListParams {
  page?: number;
  pageSize?: number;
  search?: string;
  category?: ResourceCategory;
  includeInactive?: boolean;
  /** true: only resources never checked or not checked in the last 365 days. */
  stale?: boolean;
}

export interface HandoutListParams {
  page?: number;
  pageSize?: number;
  participantId?: string;
  outcome?: HandoutOutcome;
  workerId?: string;
  followUpDue?: boolean;
  /** true: open referrals only (pending, contacted, scheduled). */
  open?: boolean;
}

export const resourceKeys = {
  all: ['resources'] as const,
  list: (p: ResourceListParams) => ['resources', 'list', p] as const,
};
export const handoutKeys = {
  all: ['handouts'] as const,
  list: (p: HandoutListParams) => ['handouts', 'list', p] as const,
};

export function useResources(params: ResourceListParams, enabled = true) {
  return useQuery({
    queryKey: resourceKeys.list(params),
    queryFn: ({ signal }) => api<Page<Resource>>('/resources', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveResource(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResourceRequest | UpdateResourceRequest) =>
      id
        ? api<Resource>(`/resources/${id}`, { method: 'PATCH', body })
        : api<Resource>('/resources', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all }),
  });
}

/** "Still right": marks a resource checked today (admins). */
export function useVerifyResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Resource>(`/resources/${id}/verify`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all }),
  });
}

export function useHandouts(params: HandoutListParams, enabled = true) {
  return useQuery({
    queryKey: handoutKeys.list(params),
    queryFn: ({ signal }) =>
      api<Page<HandoutListItem>>('/handouts', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useInvalidateHandouts() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: handoutKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['participants', 'timeline'] }),
      queryClient.invalidateQueries({ queryKey: ['reports'] }),
    ]);
}

export function useCreateHandout() {
  const invalidate = useInvalidateHandouts();
  return useMutation({
    // Kept on this device and sent later when the connection is lost (SavedOnDevice).
    mutationFn: (body: CreateHandoutRequest & { id: string }) =>
      createOrQueue<Handout>({
        kind: 'handout',
        path: '/handouts',
        body,
        summary: handoutSummary(body),
        participantId: body.participantId,
      }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateHandout() {
  const invalidate = useInvalidateHandouts();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateHandoutRequest }) =>
      api<Handout>(`/handouts/${id}`, { method: 'PATCH', body }),
    onSuccess: () => invalidate(),
  });
}

/** What happened with a referral: a new step of its history (SPEC §12). */
export function useChangeHandoutStatus() {
  const invalidate = useInvalidateHandouts();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ChangeHandoutStatusRequest }) =>
      api<Handout>(`/handouts/${id}/status`, { method: 'POST', body }),
    onSuccess: () => invalidate(),
  });
}
