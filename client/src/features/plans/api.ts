import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePlanRequest,
  Page,
  RecoveryPlan,
  UpdatePlanGoalRequest,
  UpdatePlanRequest,
} from '@peerpath/shared';
import { api } from '../../api';

export const planKeys = {
  all: ['plans'] as const,
  ofParticipant: (participantId: string) => ['plans', 'participant', participantId] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
};

/** Every version of a person's plan, newest first (a person has a handful at most). */
export function usePlans(participantId: string | undefined) {
  return useQuery({
    queryKey: planKeys.ofParticipant(participantId ?? ''),
    queryFn: ({ signal }) =>
      api<Page<RecoveryPlan>>(`/participants/${participantId}/plans`, {
        signal,
        query: { pageSize: 100 },
      }),
    enabled: Boolean(participantId),
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<RecoveryPlan>(`/plans/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return (plan?: RecoveryPlan) => {
    if (plan) queryClient.setQueryData(planKeys.detail(plan.id), plan);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: planKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['participants', 'timeline'] }),
      queryClient.invalidateQueries({ queryKey: ['reports'] }),
    ]);
  };
}

export function useCreatePlan(participantId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreatePlanRequest) =>
      api<RecoveryPlan>(`/participants/${participantId}/plans`, { method: 'POST', body }),
    onSuccess: (plan) => refresh(plan),
  });
}

export function useUpdatePlan(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UpdatePlanRequest) =>
      api<RecoveryPlan>(`/plans/${id}`, { method: 'PATCH', body }),
    onSuccess: (plan) => refresh(plan),
  });
}

export function useDiscardPlan(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api<void>(`/plans/${id}`, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}

export function useActivatePlan(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (participantAgreedOn: string) =>
      api<RecoveryPlan>(`/plans/${id}/activate`, {
        method: 'POST',
        body: { participantAgreedOn },
      }),
    onSuccess: (plan) => refresh(plan),
  });
}

export function useReviewPlan(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (reviewedOn: string) =>
      api<RecoveryPlan>(`/plans/${id}/review`, { method: 'POST', body: { reviewedOn } }),
    onSuccess: (plan) => refresh(plan),
  });
}

/** Progress on the plan in use, shown at once (the box is ticked before the server answers). */
export function useUpdateGoal(plan: RecoveryPlan | undefined) {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  const listKey = planKeys.ofParticipant(plan?.participantId ?? '');
  const patch = (p: RecoveryPlan, goalId: string, body: UpdatePlanGoalRequest): RecoveryPlan => ({
    ...p,
    goals: p.goals.map((g) =>
      g.id !== goalId
        ? g
        : {
            ...g,
            status: body.status ?? g.status,
            steps: g.steps.map((s) => ({
              ...s,
              done: body.steps?.find((x) => x.id === s.id)?.done ?? s.done,
            })),
          },
    ),
  });
  return useMutation({
    mutationFn: ({ goalId, ...body }: UpdatePlanGoalRequest & { goalId: string }) =>
      api<RecoveryPlan>(`/plans/${plan?.id}/goals/${goalId}`, { method: 'PATCH', body }),
    onMutate: async ({ goalId, ...body }) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      queryClient.setQueryData<Page<RecoveryPlan>>(
        listKey,
        (page) =>
          page && {
            ...page,
            items: page.items.map((p) => (p.id === plan?.id ? patch(p, goalId, body) : p)),
          },
      );
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<Page<RecoveryPlan>>(
        listKey,
        (page) =>
          page && { ...page, items: page.items.map((p) => (p.id === saved.id ? saved : p)) },
      );
      return refresh(saved);
    },
    onError: () => refresh(),
  });
}
