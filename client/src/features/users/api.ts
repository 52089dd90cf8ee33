import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, Page, Role, UpdateUserRequest, User } from '@peerpath/shared';
import type { SelectOption } from '../../lib/options';
import { api } from '../../api';
import { seesWholeTeam, useCurrentUser } from '../../auth';

export interface UserListParams {
  page?: number;
  pageSize?: number;
  teamId?: string;
  role?: Role;
  active?: boolean;
}

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
};

export function useUsers(params: UserListParams, enabled = true) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => api<Page<User>>('/users', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The people of the caller's team (admins: everyone). Workers may not list
 * users (SPEC §4), so for them this holds only themself.
 */
export function useTeamMembers(): { members: User[]; isLoading: boolean } {
  const me = useCurrentUser();
  const canList = seesWholeTeam(me.role);
  const { data, isLoading } = useUsers(
    { pageSize: 100, ...(me.role === 'supervisor' && me.teamId ? { teamId: me.teamId } : {}) },
    canList,
  );
  if (!canList) return { members: [me], isLoading: false };
  return { members: data?.items ?? [me], isLoading };
}

/** A person's name for display: "you" for the caller, else their name when known. */
export function useUserName() {
  const me = useCurrentUser();
  const { members } = useTeamMembers();
  return (id: string | null | undefined): string => {
    if (!id) return 'No one yet';
    if (id === me.id) return `${me.displayName} (you)`;
    return members.find((u) => u.id === id)?.displayName ?? 'A colleague';
  };
}

/**
 * The workers and supervisors of the team as choices, "(you)" marked: the
 * active ones to name who does something; with `includeInactive`, also those
 * who have left, to filter the records they kept.
 */
export function useWorkerOptions({ includeInactive = false } = {}): SelectOption[] {
  const me = useCurrentUser();
  const { members } = useTeamMembers();
  return members
    .filter((u) => u.role !== 'admin' && (includeInactive || u.active))
    .map((u) => ({
      value: u.id,
      label: u.id === me.id ? `${u.displayName} (you)` : u.displayName,
    }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api<User>('/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) =>
      api<User>(`/users/${id}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
