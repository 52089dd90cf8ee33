import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTeamRequest, Page, Team, UpdateTeamRequest } from '@peerpath/shared';
import type { SelectOption } from '../../lib/options';
import { api } from '../../api';

export const teamKeys = {
  all: ['teams'] as const,
  list: () => ['teams', 'list'] as const,
};

/** Admins: every team; everyone else: their own. */
export function useTeams() {
  return useQuery({
    queryKey: teamKeys.list(),
    queryFn: ({ signal }) => api<Page<Team>>('/teams', { query: { pageSize: 100 }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useTeamName(teamId: string | null | undefined): string | undefined {
  const { data } = useTeams();
  if (!teamId) return undefined;
  return data?.items.find((t) => t.id === teamId)?.name;
}

/** The teams the caller sees, as choices of a select. */
export function useTeamOptions(): SelectOption[] {
  const { data } = useTeams();
  return (data?.items ?? []).map((t) => ({ value: t.id, label: t.name }));
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeamRequest) => api<Team>('/teams', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.all }),
  });
}

/** Team settings (admin): the outcome measures the team takes and its default note format. */
export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTeamRequest }) =>
      api<Team>(`/teams/${id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      // What is due changes with the instruments.
      void queryClient.invalidateQueries({ queryKey: ['measurements'] });
    },
  });
}
