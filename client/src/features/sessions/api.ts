import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateSessionRequest,
  Page,
  Session,
  SessionType,
  UpdateSessionRequest,
} from '@peerpath/shared';
import { api } from '../../api';
import { createOrQueue } from '../../offline';
import { sessionSummary } from '../../offline/summaries';
import { participantKeys } from '../participants/api';

export interface SessionListParams {
  page?: number;
  pageSize?: number;
  from?: string;
  to?: string;
  participantId?: string;
  facilitatorId?: string;
  type?: SessionType;
  teamId?: string;
  /** Only sessions with someone who attended and has no signed note yet. */
  notesToSign?: boolean;
}

export const sessionKeys = {
  all: ['sessions'] as const,
  lists: () => ['sessions', 'list'] as const,
  list: (params: SessionListParams) => ['sessions', 'list', params] as const,
  detail: (id: string) => ['sessions', 'detail', id] as const,
};

export function useSessions(params: SessionListParams) {
  return useQuery({
    queryKey: sessionKeys.list(params),
    queryFn: ({ signal }) => api<Page<Session>>('/sessions', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: sessionKeys.detail(id),
    queryFn: ({ signal }) => api<Session>(`/sessions/${id}`, { signal }),
  });
}

/** A session changes timelines, last-contact dates and caseload figures too. */
function useInvalidateAfterSessionChange() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: sessionKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: participantKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['reports'] }),
    ]);
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateAfterSessionChange();
  return useMutation({
    // Kept on this device and sent later when the connection is lost (SavedOnDevice).
    mutationFn: (body: CreateSessionRequest & { id: string }) =>
      createOrQueue<Session>({
        kind: 'session',
        path: '/sessions',
        body,
        summary: sessionSummary(body),
        participantId: body.attendance?.length === 1 ? body.attendance[0]!.participantId : null,
      }),
    onSuccess: (s) => {
      queryClient.setQueryData(sessionKeys.detail(s.id), s);
      return invalidate();
    },
  });
}

export function useUpdateSession(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateAfterSessionChange();
  return useMutation({
    mutationFn: (body: UpdateSessionRequest) =>
      api<Session>(`/sessions/${id}`, { method: 'PATCH', body }),
    onSuccess: (s) => {
      queryClient.setQueryData(sessionKeys.detail(s.id), s);
      return invalidate();
    },
  });
}

/** Voids a session (kept for the audit, counted nowhere); the reason is required. */
export function useVoidSession(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateAfterSessionChange();
  return useMutation({
    mutationFn: (reason: string) =>
      api<void>(`/sessions/${id}?reason=${encodeURIComponent(reason)}`, { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: sessionKeys.detail(id) });
      return invalidate();
    },
  });
}
