import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateSessionNoteRequest,
  Page,
  RecoveryPlan,
  SessionNote,
  UpdateSessionNoteRequest,
} from '@peerpath/shared';
import { api } from '../../api';

export const noteKeys = {
  all: ['notes'] as const,
  session: (sessionId: string) => ['notes', 'session', sessionId] as const,
  queue: (signedById?: string) => ['notes', 'queue', signedById ?? 'team'] as const,
};

/** Every note of one session (one per attendee at most). */
export function useSessionNotes(sessionId: string) {
  return useQuery({
    queryKey: noteKeys.session(sessionId),
    queryFn: ({ signal }) =>
      api<Page<SessionNote>>('/notes', { query: { sessionId, pageSize: 100 }, signal }),
  });
}

/** Every note of the person that worked on one goal of their plan, newest first. */
export function useGoalNotes(participantId: string, goalId: string) {
  return useQuery({
    queryKey: ['notes', 'goal', participantId, goalId] as const,
    queryFn: ({ signal }) =>
      api<Page<SessionNote>>('/notes', { query: { participantId, goalId, pageSize: 100 }, signal }),
  });
}

/** The supervisor's co-signature queue, oldest first; or one signer's notes waiting in it. */
export function useCosignQueue(signedById?: string) {
  return useQuery({
    queryKey: noteKeys.queue(signedById),
    queryFn: ({ signal }) =>
      api<Page<SessionNote>>('/notes', {
        query: { awaitingCosign: true, signedById, pageSize: 100 },
        signal,
      }),
  });
}

/** The person's plan in use now: its goals are the ones a note can link. */
export function useActivePlan(participantId: string | undefined) {
  return useQuery({
    queryKey: ['plans', 'participant', participantId, 'active'],
    queryFn: async ({ signal }) => {
      const page = await api<Page<RecoveryPlan>>(`/participants/${participantId}/plans`, {
        query: { pageSize: 100 },
        signal,
      });
      return page.items.find((p) => p.status === 'active') ?? null;
    },
    enabled: Boolean(participantId),
    staleTime: 60_000,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: noteKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['participants', 'timeline'] }),
      queryClient.invalidateQueries({ queryKey: ['reports'] }),
    ]);
}

export function useCreateNote(sessionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateSessionNoteRequest) =>
      api<SessionNote>(`/sessions/${sessionId}/notes`, { method: 'POST', body }),
    onSuccess: () => refresh(),
  });
}

export function useUpdateNote() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateSessionNoteRequest & { id: string }) =>
      api<SessionNote>(`/notes/${id}`, { method: 'PATCH', body }),
    onSuccess: () => refresh(),
  });
}

/** Sign, co-sign, return or add an addendum: each answers the note as it is now. */
export function useNoteAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      id,
      action,
      body,
    }: {
      id: string;
      action: 'sign' | 'cosign' | 'return' | 'addenda';
      body?: object;
    }) => api<SessionNote>(`/notes/${id}/${action}`, { method: 'POST', body: body ?? {} }),
    onSuccess: () => refresh(),
  });
}
