import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { EXPORT_FORMATS, monthOf, type ExportFormat } from '@peerpath/shared';
import { useState } from 'react';
import { describeError, download } from '../api';
import { RequireAuth, useCurrentUser } from '../auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { FilterSelect } from '../components/FilterSelect';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { today } from '../components/dates';
import { PickersProvider, toDayjs, toIsoDate } from '../components/pickers';
import { ActivitySummaryView } from '../features/reports/ActivitySummaryView';
import { CaseloadTable } from '../features/reports/CaseloadTable';
import { useActivityReport, useCaseloadReport } from '../features/reports/api';
import { useTeams } from '../features/teams/api';
import { useUrlState } from '../hooks/useUrlState';

const FORMAT_LABEL: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel', pdf: 'PDF' };

function Reports() {
  const me = useCurrentUser();
  const teams = useTeams();
  const month = monthOf(today());
  const [state, set] = useUrlState({ from: month.from, to: month.to, team: '' });
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const badRange = state.from > state.to;
  const teamId = me.role === 'admin' ? state.team || undefined : undefined;
  const caseload = useCaseloadReport({ teamId });
  const activity = useActivityReport({ from: state.from, to: state.to, teamId }, !badRange);

  const exportAs = async (format: ExportFormat) => {
    setExporting(format);
    setExportError(null);
    try {
      const { blob, filename } = await download('/reports/activity/export', {
        from: state.from,
        to: state.to,
        teamId,
        format,
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download =
        filename === 'export' ? `peerpath-activity-${state.from}-${state.to}.${format}` : filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setExportError(describeError(error));
    } finally {
      setExporting(null);
    }
  };

  return (
    <PickersProvider>
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
        {caseload.isLoading && <Loading />}
        {caseload.error && (
          <ErrorAlert error={caseload.error} onRetry={() => void caseload.refetch()} />
        )}
        {caseload.data && <CaseloadTable report={caseload.data} labelledBy="caseload-heading" />}
      </Box>

      <Box component="section" aria-labelledby="activity-heading">
        <Typography variant="h2" id="activity-heading" sx={{ mb: 1.5 }}>
          Activity
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2, alignItems: 'flex-start' }}>
          <Box sx={{ width: 200 }}>
            <DatePicker
              label="From"
              value={toDayjs(state.from)}
              onChange={(d) => d?.isValid() && set({ from: toIsoDate(d) })}
              slotProps={{ textField: { size: 'small', fullWidth: true } }}
            />
          </Box>
          <Box sx={{ width: 200 }}>
            <DatePicker
              label="To"
              value={toDayjs(state.to)}
              onChange={(d) => d?.isValid() && set({ to: toIsoDate(d) })}
              slotProps={{
                textField: {
                  size: 'small',
                  fullWidth: true,
                  error: badRange,
                  helperText: badRange ? '“To” is before “From”' : undefined,
                },
              }}
            />
          </Box>
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
          Exports for funders leave out names, ids and notes, and hide small numbers, so no one can
          be recognised.
        </Typography>
        {exportError && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {exportError}
          </Alert>
        )}
        {activity.isLoading && <Loading />}
        {activity.error && (
          <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />
        )}
        {activity.data && <ActivitySummaryView summary={activity.data} />}
      </Box>
    </PickersProvider>
  );
}

export function ReportsPage() {
  return (
    <RequireAuth roles={['supervisor', 'admin']}>
      <Reports />
    </RequireAuth>
  );
}
