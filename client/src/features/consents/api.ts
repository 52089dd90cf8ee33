import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Consent,
  CreateConsentRequest,
  CreateDisclosureRequest,
  Disclosure,
  DisclosureListItem,
  Page,
} from '@peerpath/shared';
import { api } from '../../api';

export function useConsents(participantId: string) {
  return useQuery({
    queryKey: ['consents', participantId],
    queryFn: ({ signal }) =>
      api<Page<Consent>>(`/participants/${participantId}/consents`, {
        query: { pageSize: 100 },
        signal,
      }),
  });
}

/** The accounting of disclosures: the last three years, newest first. */
export function useDisclosures(participantId: string) {
  return useQuery({
    queryKey: ['disclosures', participantId],
    queryFn: ({ signal }) =>
      api<Page<Disclosure>>(`/participants/${participantId}/disclosures`, {
        query: { pageSize: 100 },
        signal,
      }),
  });
}

export function useAddConsent(participantId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConsentRequest) =>
      api<Consent>(`/participants/${participantId}/consents`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['consents', participantId] }),
  });
}

export function useRevokeConsent(participantId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revokedOn }: { id: string; revokedOn: string }) =>
      api<Consent>(`/consents/${id}/revoke`, { method: 'POST', body: { revokedOn } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['consents', participantId] }),
  });
}

export function useRecordDisclosure(participantId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDisclosureRequest) =>
      api<Disclosure>(`/participants/${participantId}/disclosures`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['disclosures', participantId] }),
  });
}

/** Supervisors and admins: the team's emergency disclosures since `from`, newest first. */
export function useEmergencyDisclosures(from: string, enabled: boolean) {
  return useQuery({
    queryKey: ['disclosures', 'emergency', from],
    queryFn: ({ signal }) =>
      api<Page<DisclosureListItem>>('/disclosures', {
        query: { emergency: true, from, pageSize: 100 },
        signal,
      }),
    enabled,
    staleTime: 60_000,
  });
}

/** Keeps the signed copy (a PDF, PNG or JPEG up to 5 MB) with a consent, replacing any before. */
export function useUploadScan(participantId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<Consent>(`/consents/${id}/scan`, { method: 'PUT', form });
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['consents', participantId] }),
  });
}
