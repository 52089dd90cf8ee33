import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  BILLING_BLOCK_REASON_LABELS,
  BILLING_BLOCK_REASONS,
  addDays,
  monthOf,
  type BillingBlockReason,
  type ClaimLine,
} from '@peerpath/shared';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { describeError, download } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { FilterSelect } from '../components/FilterSelect';
import { PageHeader } from '../components/PageHeader';
import { useUrlState } from '../hooks/useUrlState';
import { formatDate, today } from '../lib/dates';
import { useBlocked, useClaims } from '../features/billing/api';
import { fileName, saveBlob } from '../lib/saveBlob';

/** Where a blocked line is put right. */
function fixFor(reason: BillingBlockReason, line: ClaimLine): { to: string; label: string } | null {
  switch (reason) {
    case 'no_note':
    case 'note_unsigned':
      return { to: `/sessions/${line.sessionId}`, label: 'Write or sign the note' };
    case 'awaiting_cosign':
      return { to: '/notes/cosign', label: 'Ask for the co-signature' };
    case 'no_active_plan':
      return line.participantId
        ? { to: `/participants/${line.participantId}/plan`, label: 'Renew the plan' }
        : null;
    case 'no_coverage':
      return line.participantId
        ? { to: `/participants/${line.participantId}?edit=coverage`, label: 'Add their coverage' }
        : null;
    default:
      return { to: `/sessions/${line.sessionId}`, label: 'Open the session' };
  }
}

/** This month and the `count - 1` before it, newest first, each with its name ("November 2026"). */
function recentMonths(day: string, count: number) {
  const months: { from: string; to: string; label: string }[] = [];
  let m = monthOf(day);
  for (let i = 0; i < count; i++) {
    const label = new Date(`${m.from}T12:00:00`).toLocaleDateString(undefined, {
      month: 'long',
      year: 'numeric',
    });
    months.push({ ...m, label });
    m = monthOf(addDays(m.from, -1));
  }
  return months;
}

const money = (n: number | null) =>
  n === null ? '—' : n.toLocaleString(undefined, { style: 'currency', currency: 'USD' });

/**
 * Billing for supervisors and admins (SPEC §13): this month's billable units
 * and amount, the lines that cannot be billed yet grouped by reason with a
 * link that fixes each, and the claims file for the biller.
 */
export function BillingPage() {
  const months = recentMonths(today(), 6);
  const [url, setUrl] = useUrlState({ month: months[0].from });
  const period = months.find((m) => m.from === url.month) ?? months[0];
  const current = period === months[0];
  const range = { from: period.from, to: period.to };
  const claims = useClaims(range);
  const blocked = useBlocked(range);
  const [exportError, setExportError] = useState<string | null>(null);
  const [showReady, setShowReady] = useState(false);

  const exportAs = async (format: 'csv' | 'json') => {
    setExportError(null);
    try {
      const { blob, filename } = await download('/billing/claims', {
        from: period.from,
        to: period.to,
        format,
      });
      saveBlob(
        blob,
        fileName(filename, `peerpath-claims-${period.from}-to-${period.to}.${format}`),
      );
    } catch (error) {
      setExportError(describeError(error));
    }
  };

  const byReason = new Map<BillingBlockReason, ClaimLine[]>();
  for (const line of blocked.data?.items ?? []) {
    for (const r of line.reasons) byReason.set(r, [...(byReason.get(r) ?? []), line]);
  }

  return (
    <>
      <PageHeader title="Billing" />
      <Stack spacing={2}>
        <Box sx={{ maxWidth: 320 }}>
          <FilterSelect
            label="Month"
            value={period.from}
            onChange={(v) => setUrl({ month: v })}
            options={months.map((m) => ({ value: m.from, label: m.label }))}
          />
        </Box>
        {claims.error && <ErrorAlert error={claims.error} />}
        {blocked.error && <ErrorAlert error={blocked.error} />}
        <Paper sx={{ p: 2 }}>
          <Typography variant="h6" component="h2">
            {current ? 'Ready to bill this month' : `Ready to bill for ${period.label}`}
          </Typography>
          <Typography variant="h4" component="p">
            {claims.data ? `${claims.data.totals.units} units` : '…'}
          </Typography>
          {claims.data && (
            <Button
              variant="text"
              onClick={() => setShowReady((v) => !v)}
              aria-expanded={showReady}
              aria-controls="billing-ready-lines"
              sx={{ px: 0, minHeight: 44, textAlign: 'left' }}
            >
              {`${claims.data.totals.lines} services, ${money(claims.data.totals.amount)}`}
              {showReady ? ' · hide them' : ' · see them'}
            </Button>
          )}
          {showReady && claims.data && (
            <Stack
              id="billing-ready-lines"
              component="ul"
              spacing={1}
              aria-label="Services ready to bill"
              sx={{ pl: 2, my: 1 }}
            >
              {claims.data.items.map((line) => (
                <li key={`${line.sessionId}-${line.participantId ?? line.memberName}`}>
                  {formatDate(line.serviceDate)} · {line.memberName} · {line.renderingWorkerName} ·{' '}
                  {line.units} {line.units === 1 ? 'unit' : 'units'}
                  {line.amount !== null && `, ${money(line.amount)}`} ·{' '}
                  <Link
                    component={RouterLink}
                    to={`/sessions/${line.sessionId}`}
                    sx={{ display: 'inline-block', py: 0.75, fontWeight: 500 }}
                  >
                    Open the session
                  </Link>
                </li>
              ))}
            </Stack>
          )}
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
            <Button variant="contained" size="large" onClick={() => void exportAs('csv')}>
              Download claims (CSV)
            </Button>
            <Button variant="outlined" size="large" onClick={() => void exportAs('json')}>
              Download claims (JSON)
            </Button>
          </Stack>
          {exportError && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {exportError}
            </Alert>
          )}
        </Paper>
        <Typography variant="h6" component="h2">
          Not billable yet
        </Typography>
        {blocked.data && blocked.data.items.length === 0 && (
          <Alert severity="success">Every service this month is ready to bill.</Alert>
        )}
        {BILLING_BLOCK_REASONS.filter((r) => byReason.has(r)).map((reason) => (
          <Paper key={reason} sx={{ p: 2 }} aria-label={BILLING_BLOCK_REASON_LABELS[reason]}>
            <Typography variant="subtitle1" component="h3">
              {BILLING_BLOCK_REASON_LABELS[reason]} ({byReason.get(reason)!.length})
            </Typography>
            <Stack component="ul" spacing={1} sx={{ pl: 2, m: 0 }}>
              {byReason.get(reason)!.map((line) => {
                const fix = fixFor(reason, line);
                return (
                  <li key={`${line.sessionId}-${line.participantId ?? line.memberName}`}>
                    {formatDate(line.serviceDate)} · {line.memberName} · {line.renderingWorkerName}
                    {fix && (
                      <>
                        {' · '}
                        <Link
                          component={RouterLink}
                          to={fix.to}
                          sx={{ display: 'inline-block', py: 0.75, fontWeight: 500 }}
                        >
                          {fix.label}
                        </Link>
                      </>
                    )}
                  </li>
                );
              })}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
