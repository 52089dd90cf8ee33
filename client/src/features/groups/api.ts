import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateGroupRequest,
  GroupAttendance,
  GroupSessionDraft,
  Page,
  RecurringGroup,
  UpdateGroupRequest,
} from '@peerpath/shared';
import { api } from '../../api';

export const groupKeys = {
  all: ['groups'] as const,
  list: (params: { active?: boolean }) => ['groups', 'list', params] as const,
  detail: (id: string) => ['groups', 'detail', id] as const,
  attendance: (id: string) => ['groups', 'attendance', id] as const,
  draft: (id: string) => ['groups', 'draft', id] as const,
};

export function useGroups(params: { active?: boolean } = {}) {
  return useQuery({
    queryKey: groupKeys.list(params),
    queryFn: ({ signal }) =>
      api<Page<RecurringGroup>>('/groups', { query: { pageSize: 100, ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: groupKeys.detail(id),
    queryFn: ({ signal }) => api<RecurringGroup>(`/groups/${id}`, { signal }),
  });
}

export function useGroupAttendance(id: string) {
  return useQuery({
    queryKey: groupKeys.attendance(id),
    queryFn: ({ signal }) =>
      api<GroupAttendance>(`/groups/${id}/attendance`, { query: { meetings: 12 }, signal }),
  });
}

/** Today's meeting of the group as a session body (the server's today, in the org's time zone). */
export function useGroupDraft(id: string | undefined) {
  return useQuery({
    queryKey: groupKeys.draft(id ?? ''),
    queryFn: ({ signal }) => api<GroupSessionDraft>(`/groups/${id}/session-draft`, { signal }),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (g: RecurringGroup) => {
    queryClient.setQueryData(groupKeys.detail(g.id), g);
    return queryClient.invalidateQueries({ queryKey: groupKeys.all });
  };
}

export function useCreateGroup() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: CreateGroupRequest & { id: string }) =>
      api<RecurringGroup>('/groups', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useUpdateGroup(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: UpdateGroupRequest) =>
      api<RecurringGroup>(`/groups/${id}`, { method: 'PATCH', body }),
    onSuccess: saved,
  });
}

export function useJoinGroup(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: { participantId: string; joinedOn?: string }) =>
      api<RecurringGroup>(`/groups/${id}/members`, { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useLeaveGroup(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (participantId: string) =>
      api<RecurringGroup>(`/groups/${id}/members/${participantId}/leave`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: saved,
  });
}
