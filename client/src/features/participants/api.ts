import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  CreateParticipantRequest,
  Page,
  Participant,
  ParticipantListItem,
  ParticipantListSort,
  ParticipantStatus,
  TimelineItem,
  UpdateParticipantRequest,
} from '@peerpath/shared';
import { api } from '../../api';

export interface ParticipantListParams {
  page?: number;
  pageSize?: number;
  search?: string;
  status?: ParticipantStatus;
  primaryWorkerId?: string;
  teamId?: string;
  /** Only people with no attended session on or after this date. */
  noContactSince?: string;
  /** Only people whose plan in use is due for review on or before this date. */
  planReviewDueBy?: string;
  /** Only people enrolled on or before this date with no plan in use. */
  withoutPlanEnrolledBy?: string;
  /** Only people with an outcome measure due on or before this date. */
  measuresDueBy?: string;
  sort?: ParticipantListSort;
}

export const participantKeys = {
  all: ['participants'] as const,
  lists: () => ['participants', 'list'] as const,
  list: (params: ParticipantListParams) => ['participants', 'list', params] as const,
  detail: (id: string) => ['participants', 'detail', id] as const,
  timeline: (id: string) => ['participants', 'timeline', id] as const,
};

/** A page of the participant list, as `useParticipants` asks for it (and a prefetch may). */
export const participantListQuery = (params: ParticipantListParams) =>
  queryOptions({
    queryKey: participantKeys.list(params),
    queryFn: ({ signal }) =>
      api<Page<ParticipantListItem>>('/participants', { query: { ...params }, signal }),
  });

/** The team's active people, the first hundred: the names an attendance field matches at once. */
export const ACTIVE_ROSTER: ParticipantListParams = { status: 'active', pageSize: 100 };
/** The first hundred of the team in any status: names for the ids of attendance lists. */
export const KNOWN_ROSTER: ParticipantListParams = { pageSize: 100 };

export function useParticipants(params: ParticipantListParams, enabled = true) {
  return useQuery({ ...participantListQuery(params), placeholderData: keepPreviousData, enabled });
}

export function useParticipant(id: string | undefined) {
  return useQuery({
    queryKey: participantKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Participant>(`/participants/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: participantKeys.timeline(id),
    queryFn: ({ signal }) =>
      api<{ items: TimelineItem[] }>(`/participants/${id}/timeline`, { signal }),
  });
}

export function useCreateParticipant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateParticipantRequest & { id: string }) =>
      api<Participant>('/participants', { method: 'POST', body }),
    onSuccess: (p) => {
      queryClient.setQueryData(participantKeys.detail(p.id), p);
      return queryClient.invalidateQueries({ queryKey: participantKeys.lists() });
    },
  });
}

export function useUpdateParticipant(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateParticipantRequest) =>
      api<Participant>(`/participants/${id}`, { method: 'PATCH', body }),
    onSuccess: (p) => {
      queryClient.setQueryData(participantKeys.detail(p.id), p);
      return queryClient.invalidateQueries({ queryKey: participantKeys.lists() });
    },
  });
}

/**
 * Names for participant ids (attendance lists): one list read of the team,
 * then a detail read for anyone not in it.
 */
export function useParticipantLookup(ids: readonly string[]) {
  const roster = useParticipants(KNOWN_ROSTER);
  const known = new Map<string, Participant>((roster.data?.items ?? []).map((p) => [p.id, p]));
  const missing = roster.data ? ids.filter((id) => !known.has(id)) : [];
  const extra = useQueries({
    queries: missing.map((id) => ({
      queryKey: participantKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<Participant>(`/participants/${id}`, { signal }),
      staleTime: 5 * 60_000,
    })),
  });
  for (const q of extra) if (q.data) known.set(q.data.id, q.data);
  return { known, isLoading: roster.isLoading || extra.some((q) => q.isLoading) };
}
