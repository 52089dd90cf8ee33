import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDecisionNoteRequest,
  DecisionNote,
  UpdateDecisionNoteRequest,
} from '@peerpath/shared';
import { api } from '../../api';
import { createOrQueue } from '../../offline';
import { decisionNoteSummary } from '../../offline/summaries';

export const decisionNoteKeys = {
  all: ['decision-notes'] as const,
  detail: (id: string) => ['decision-notes', 'detail', id] as const,
};

export function useDecisionNote(id: string | undefined) {
  return useQuery({
    queryKey: decisionNoteKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<DecisionNote>(`/decision-notes/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return (note: DecisionNote) => {
    queryClient.setQueryData(decisionNoteKeys.detail(note.id), note);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ['decision-notes', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['participants', 'timeline'] }),
      queryClient.invalidateQueries({ queryKey: ['reports'] }),
    ]);
  };
}

export function useCreateDecisionNote() {
  const invalidate = useInvalidate();
  return useMutation({
    // Kept on this device and sent later when the connection is lost (SavedOnDevice).
    mutationFn: (body: CreateDecisionNoteRequest & { id: string }) =>
      createOrQueue<DecisionNote>({
        kind: 'decision_note',
        path: '/decision-notes',
        body,
        summary: decisionNoteSummary(body),
        participantId: body.participantId,
      }),
    onSuccess: (note) => invalidate(note),
  });
}

export function useUpdateDecisionNote(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateDecisionNoteRequest) =>
      api<DecisionNote>(`/decision-notes/${id}`, { method: 'PATCH', body }),
    onSuccess: (note) => invalidate(note),
  });
}
