import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ActivityReportQuery,
  ActivitySummary,
  CaseloadReport,
  CaseloadReportQuery,
} from '@peerpath/shared';
import { api } from '../../api';

export const reportKeys = {
  caseload: (q: CaseloadReportQuery) => ['reports', 'caseload', q] as const,
  activity: (q: ActivityReportQuery) => ['reports', 'activity', q] as const,
};

/** Workers get their own row; supervisors their team; admins name a team. */
export function useCaseloadReport(q: CaseloadReportQuery, enabled = true) {
  return useQuery({
    queryKey: reportKeys.caseload(q),
    queryFn: ({ signal }) => api<CaseloadReport>('/reports/caseload', { query: { ...q }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useActivityReport(q: ActivityReportQuery, enabled = true) {
  return useQuery({
    queryKey: reportKeys.activity(q),
    queryFn: ({ signal }) => api<ActivitySummary>('/reports/activity', { query: { ...q }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
