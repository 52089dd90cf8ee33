import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateMeasurementRequest,
  Measurement,
  MeasureSchedule,
  Page,
  SafetyAlert,
} from '@peerpath/shared';
import { api } from '../../api';

export function useMeasurements(participantId: string) {
  return useQuery({
    queryKey: ['measurements', participantId],
    queryFn: ({ signal }) =>
      api<Page<Measurement>>('/measurements', {
        query: { participantId, pageSize: 100 },
        signal,
      }),
  });
}

export function useMeasureSchedule(participantId: string) {
  return useQuery({
    queryKey: ['measurements', participantId, 'schedule'],
    queryFn: ({ signal }) =>
      api<MeasureSchedule>('/measurements/schedule', { query: { participantId }, signal }),
  });
}

export function useSaveMeasurement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeasurementRequest) =>
      api<Measurement>('/measurements', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['measurements'] });
      void qc.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

/** Voids a wrong measurement with a reason: kept for the record, left out of the trend. */
export function useVoidMeasurement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<Measurement>(`/measurements/${id}/void`, { method: 'POST', body: { reason } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['measurements'] }),
  });
}

/** Open alerts for the banner: a worker's own people, the whole team for a supervisor. */
export function useOpenAlerts(primaryWorkerId?: string) {
  return useQuery({
    queryKey: ['alerts', 'open', primaryWorkerId ?? 'team'],
    queryFn: ({ signal }) =>
      api<Page<SafetyAlert>>('/alerts', {
        query: { status: 'open', primaryWorkerId, pageSize: 100 },
        signal,
      }),
    refetchInterval: 60_000,
  });
}

/** One person's open alerts, for their page. */
export function useParticipantOpenAlerts(participantId: string) {
  return useQuery({
    queryKey: ['alerts', 'open', 'participant', participantId],
    queryFn: ({ signal }) =>
      api<Page<SafetyAlert>>('/alerts', {
        query: { status: 'open', participantId, pageSize: 100 },
        signal,
      }),
    refetchInterval: 60_000,
  });
}

export function useResolveAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, resolution }: { id: string; resolution: string }) =>
      api<SafetyAlert>(`/alerts/${id}/resolve`, { method: 'POST', body: { resolution } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
