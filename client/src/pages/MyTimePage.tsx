import AccessTimeOutlined from '@mui/icons-material/AccessTimeOutlined';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import {
  TIME_ENTRY_KINDS,
  TIME_ENTRY_KIND_LABELS,
  type TimeEntry,
  type TimeEntryKind,
} from '@peerpath/shared';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { StatTiles } from '../components/StatTiles';
import { useTimeEntries } from '../features/time/api';
import { LogTimeDialog } from '../features/time/LogTimeDialog';
import { TimeEntryDialog } from '../features/time/TimeEntryDialog';
import { formatDate, formatMinutes } from '../lib/dates';
import { useNotify } from '../lib/notify';
import { oneOf } from '../lib/options';

const hours = (minutes: number) => `${Math.round((minutes / 60) * 10) / 10} h`;

/** The caller's own time outside sessions in one month, with totals by kind. */
export function MyTimePage() {
  const me = useCurrentUser();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const monthParam = params.get('month') ?? '';
  const month = /^\d{4}-\d{2}$/.test(monthParam) ? dayjs(`${monthParam}-01`) : dayjs();
  const start = month.startOf('month');
  const kind = oneOf(TIME_ENTRY_KINDS, params.get('kind') ?? '');
  const [editing, setEditing] = useState<TimeEntry | null>(null);
  const [logging, setLogging] = useState(false);
  // A month of one person's entries fits one page (a few a day at most).
  const list = useTimeEntries({
    workerId: me.id,
    from: start.format('YYYY-MM-DD'),
    to: start.endOf('month').format('YYYY-MM-DD'),
    pageSize: 100,
  });
  const entries = list.data?.items ?? [];
  const byKind = new Map<TimeEntryKind, number>();
  for (const e of entries) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + e.minutes);
  const total = entries.reduce((sum, e) => sum + e.minutes, 0);
  const shown = kind ? entries.filter((e) => e.kind === kind) : entries;
  const monthKey = start.format('YYYY-MM');
  const href = (k?: TimeEntryKind) => `/time?month=${monthKey}${k ? `&kind=${k}` : ''}`;
  const go = (delta: number) =>
    setParams({ month: start.add(delta, 'month').format('YYYY-MM') }, { replace: true });

  return (
    <>
      <PageHeader
        title="My time"
        subtitle="Work outside sessions: outreach, travel, training and the rest."
        actions={
          <Button
            variant="contained"
            startIcon={<AccessTimeOutlined />}
            onClick={() => setLogging(true)}
          >
            Log time
          </Button>
        }
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
        <IconButton aria-label="Previous month" onClick={() => go(-1)}>
          <ChevronLeft />
        </IconButton>
        <Typography component="h2" variant="h6" sx={{ minWidth: 160, textAlign: 'center' }}>
          {start.format('MMMM YYYY')}
        </Typography>
        <IconButton
          aria-label="Next month"
          onClick={() => go(1)}
          disabled={!start.isBefore(dayjs().startOf('month'))}
        >
          <ChevronRight />
        </IconButton>
      </Box>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <StatTiles
          label={`Hours in ${start.format('MMMM YYYY')}`}
          stats={[
            { label: 'All kinds', value: hours(total), href: href(), hrefLabel: 'every entry' },
            ...TIME_ENTRY_KINDS.filter((k) => byKind.has(k)).map((k) => ({
              label: TIME_ENTRY_KIND_LABELS[k],
              value: hours(byKind.get(k)!),
              href: href(k),
              hrefLabel: `${TIME_ENTRY_KIND_LABELS[k].toLowerCase()} entries`,
            })),
          ]}
        />
      )}
      {list.data && entries.length === 0 ? (
        <EmptyState
          icon={<AccessTimeOutlined />}
          title="No time logged this month"
          action={
            <Button variant="contained" onClick={() => setLogging(true)}>
              Log time
            </Button>
          }
        >
          Outreach, travel and community events are real work. Log them here so the team’s reports
          show them.
        </EmptyState>
      ) : (
        <Paper variant="outlined">
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{ px: 2, pt: 1.5 }}
            aria-live="polite"
          >
            {kind
              ? `${shown.length} ${TIME_ENTRY_KIND_LABELS[kind].toLowerCase()} ${shown.length === 1 ? 'entry' : 'entries'}`
              : `${shown.length} ${shown.length === 1 ? 'entry' : 'entries'}`}
            {kind && (
              <Button size="small" href={href()} sx={{ ml: 1 }}>
                Show all
              </Button>
            )}
          </Typography>
          <List aria-label="Time entries">
            {shown.map((e) => (
              <ListItem key={e.id} disablePadding>
                <ListItemButton onClick={() => setEditing(e)} sx={{ minHeight: 56 }}>
                  <ListItemText
                    primary={`${TIME_ENTRY_KIND_LABELS[e.kind]} · ${formatMinutes(e.minutes)}`}
                    secondary={`${formatDate(e.on)}${e.note ? ` · ${e.note}` : ''}`}
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
      {logging && <LogTimeDialog onClose={() => setLogging(false)} />}
      {editing && (
        <TimeEntryDialog
          key={`${editing.id}-${editing.version}`}
          entry={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notify('Time entry updated');
          }}
        />
      )}
    </>
  );
}
