import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { EXPORT_FORMATS, type ExportFormat } from '@peerpath/shared';
import { lazy, Suspense, useState } from 'react';
import { describeError, download } from '../api';
import { RequireAuth, useCurrentUser } from '../auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { FilterSelect } from '../components/FilterSelect';
import { oneOf } from '../lib/options';
import { PageHeader } from '../components/PageHeader';
import { SummarySkeleton, TableSkeleton } from '../components/Skeletons';
import { formatDate, today } from '../lib/dates';
import { ActivitySummaryView } from '../features/reports/ActivitySummaryView';
import { CaseloadTable } from '../features/reports/CaseloadTable';
import { HoursHelp } from '../features/reports/HoursHelp';
import { useActivityReport, useCaseloadReport } from '../features/reports/api';
import { useDeferredAnswer } from '../api/deferred';
import { PERIODS, PERIOD_LABEL, periodRange, type Period } from '../features/reports/periods';
import { useTeams } from '../features/teams/api';
import { useUrlState } from '../hooks/useUrlState';
import { fileName, saveBlob } from '../lib/saveBlob';

const FORMAT_LABEL: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel', pdf: 'PDF' };

const CustomPeriodFields = lazy(() => import('../features/reports/CustomPeriodFields'));

/** The room of the two date fields while their code arrives (a small field is 40 px tall). */
const DATE_FIELDS_ROOM = (
  <>
    <Box sx={{ width: 200, height: 40 }} />
    <Box sx={{ width: 200, height: 40 }} />
  </>
);

function Reports() {
  const me = useCurrentUser();
  const teams = useTeams();
  // The last full month by default: this month is only partly done.
  const [state, set] = useUrlState({ period: 'last_month', from: '', to: '', team: '' });
  const period = oneOf(PERIODS, state.period) ?? 'last_month';
  const range =
    period === 'custom'
      ? {
          from: state.from || periodRange('last_month', today()).from,
          to: state.to || periodRange('last_month', today()).to,
        }
      : periodRange(period, today());
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const badRange = range.from > range.to;
  const teamId = me.role === 'admin' ? state.team || undefined : undefined;
  const caseload = useCaseloadReport({ teamId });
  const activity = useActivityReport({ from: range.from, to: range.to, teamId }, !badRange);
  // Each drawn in a transition, in short slices, a render after it arrives.
  const caseloadShown = useDeferredAnswer(caseload);
  const activityShown = useDeferredAnswer(activity);

  const exportAs = async (format: ExportFormat, internal = false) => {
    setExporting(`${internal ? 'internal-' : ''}${format}`);
    setExportError(null);
    try {
      const { blob, filename } = await download('/reports/activity/export', {
        from: range.from,
        to: range.to,
        teamId,
        format,
        internal: internal ? 'true' : undefined,
      });
      saveBlob(blob, fileName(filename, `peerpath-activity-${range.from}-${range.to}.${format}`));
    } catch (error) {
      setExportError(describeError(error));
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageHeader
        title="Reports"
        subtitle={
          me.role === 'admin' ? 'For one team or the whole organisation.' : 'For your team.'
        }
      />
      {me.role === 'admin' && (
        <Box sx={{ maxWidth: 320, mb: 3 }}>
          <FilterSelect
            label="Team"
            value={state.team}
            allLabel="Whole organisation"
            options={(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
            onChange={(v) => set({ team: v })}
          />
        </Box>
      )}

      <Box component="section" aria-labelledby="caseload-heading" sx={{ mb: 5 }}>
        <Typography variant="h2" id="caseload-heading">
          Caseloads
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1.5 }}>
          The last 30 days, up to today.
        </Typography>
        {caseloadShown.isLoading && <TableSkeleton label="Loading caseloads…" />}
        {caseload.error && (
          <ErrorAlert error={caseload.error} onRetry={() => void caseload.refetch()} />
        )}
        {caseloadShown.data && (
          <>
            <CaseloadTable report={caseloadShown.data} labelledBy="caseload-heading" />
            <HoursHelp contact={false} />
          </>
        )}
      </Box>

      {/* Below the caseloads, whose table is taller than its placeholder: placed once they are
          known (both are asked for at once), so that it is not pushed down as they arrive. */}
      {!caseloadShown.isLoading && (
        <Box component="section" aria-labelledby="activity-heading">
          <Typography variant="h2" id="activity-heading" sx={{ mb: 1.5 }}>
            Activity
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2, alignItems: 'flex-start' }}>
            <Box sx={{ width: 200 }}>
              <FilterSelect<Period>
                label="Period"
                value={period}
                options={PERIODS.map((p) => ({ value: p, label: PERIOD_LABEL[p] }))}
                onChange={(v) => {
                  const next = (v || 'last_month') as Period;
                  // Custom dates start from the period shown until now.
                  set(
                    next === 'custom'
                      ? { period: next, from: range.from, to: range.to }
                      : { period: next, from: '', to: '' },
                  );
                }}
              />
            </Box>
            {period === 'custom' ? (
              <Suspense fallback={DATE_FIELDS_ROOM}>
                <CustomPeriodFields
                  from={range.from}
                  to={range.to}
                  badRange={badRange}
                  onChange={set}
                />
              </Suspense>
            ) : (
              <Typography sx={{ alignSelf: 'center' }} aria-live="polite">
                {formatDate(range.from)} to {formatDate(range.to)}
              </Typography>
            )}
            <Box
              role="group"
              aria-label="Download the funder export"
              sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', ml: { md: 'auto' } }}
            >
              {EXPORT_FORMATS.map((f) => (
                <Button
                  key={f}
                  variant="outlined"
                  startIcon={<DownloadOutlined />}
                  loading={exporting === f}
                  disabled={badRange || (exporting !== null && exporting !== f)}
                  onClick={() => void exportAs(f)}
                >
                  {FORMAT_LABEL[f]}
                </Button>
              ))}
            </Box>
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Exports for funders leave out names, ids and notes, and hide small numbers, so no one
            can be recognised.
          </Typography>
          <Paper
            variant="outlined"
            component="section"
            aria-labelledby="internal-export-heading"
            sx={{ p: 2, mb: 2, borderColor: 'warning.main', borderWidth: 2 }}
          >
            <Typography
              variant="h3"
              id="internal-export-heading"
              sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}
            >
              <LockOutlined sx={{ color: 'warning.main' }} aria-hidden />
              Internal export — not for funders
            </Typography>
            <Typography variant="body2" sx={{ mb: 1.5 }}>
              Every count as it is, small numbers included, so the team can check its own work.
              Still no names, ids or notes. For your team’s supervisors and admins only: do not send
              it outside the organisation. Each download is recorded.
            </Typography>
            <Box
              role="group"
              aria-label="Download the internal export (not for funders)"
              sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}
            >
              {EXPORT_FORMATS.map((f) => (
                <Button
                  key={f}
                  variant="outlined"
                  color="warning"
                  startIcon={<DownloadOutlined />}
                  loading={exporting === `internal-${f}`}
                  disabled={badRange || (exporting !== null && exporting !== `internal-${f}`)}
                  onClick={() => void exportAs(f, true)}
                  aria-label={`${FORMAT_LABEL[f]}, internal, not for funders`}
                >
                  {FORMAT_LABEL[f]}
                </Button>
              ))}
            </Box>
          </Paper>
          {exportError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {exportError}
            </Alert>
          )}
          {activityShown.isLoading && <SummarySkeleton label="Loading activity…" />}
          {activity.error && (
            <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />
          )}
          {activityShown.data && <ActivitySummaryView summary={activityShown.data} />}
        </Box>
      )}
    </>
  );
}

export function ReportsPage() {
  return (
    <RequireAuth roles={['supervisor', 'admin']}>
      <Reports />
    </RequireAuth>
  );
}
