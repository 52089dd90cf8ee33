import BalanceOutlined from '@mui/icons-material/BalanceOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { TimelineItem, TimelineKind } from '@peerpath/shared';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TimelineSkeleton } from '../../components/Skeletons';
import { formatDate, formatDateTime } from '../../components/dates';
import { useTimeline } from './api';

const KIND: Record<TimelineKind, { label: string; icon: ReactNode }> = {
  session: { label: 'Session', icon: <EventNoteOutlined /> },
  advocacy: { label: 'Advocacy', icon: <CampaignOutlined /> },
  handout: { label: 'Resource shared', icon: <MenuBookOutlined /> },
  decision_note: { label: 'Decision note', icon: <BalanceOutlined /> },
};

function when(item: TimelineItem) {
  return item.kind === 'session' ? formatDateTime(item.date) : formatDate(item.date.slice(0, 10));
}

function monthOf(item: TimelineItem) {
  const d = item.date.length === 10 ? dayjs(`${item.date}T00:00:00`) : dayjs(item.date);
  return d.format('MMMM YYYY');
}

/** Everything recorded with a participant, newest first, grouped by month. */
export function Timeline({ participantId }: { participantId: string }) {
  const timeline = useTimeline(participantId);
  if (timeline.isLoading) return <TimelineSkeleton />;
  if (timeline.error)
    return <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const items = timeline.data?.items ?? [];
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<HistoryOutlined />}
        title="Nothing recorded yet"
        action={
          <Button variant="outlined" href={`/sessions/new?participantId=${participantId}`}>
            Log a first one-to-one
          </Button>
        }
      >
        Sessions, advocacy, resources shared and decision notes will appear here as you record them.
      </EmptyState>
    );
  }
  const groups: { month: string; items: TimelineItem[] }[] = [];
  for (const item of items) {
    const month = monthOf(item);
    if (groups.at(-1)?.month !== month) groups.push({ month, items: [] });
    groups.at(-1)!.items.push(item);
  }
  return (
    <Box>
      {groups.map((g) => (
        <Box key={g.month} component="section" sx={{ mb: 2 }}>
          <Typography
            variant="h3"
            component="h3"
            sx={{ fontSize: '0.95rem', color: 'text.secondary', mb: 1 }}
          >
            {g.month}
          </Typography>
          <Box
            component="ol"
            sx={{ listStyle: 'none', p: 0, m: 0 }}
            aria-label={`Timeline, ${g.month}`}
          >
            {g.items.map((item) => {
              const kind = KIND[item.kind];
              return (
                <Box
                  component="li"
                  key={`${item.kind}-${item.id}`}
                  sx={{
                    display: 'flex',
                    gap: 1.5,
                    py: 1.25,
                    borderBottom: 1,
                    borderColor: 'divider',
                    '&:last-child': { borderBottom: 0 },
                  }}
                >
                  <Box
                    aria-hidden
                    sx={{
                      flex: '0 0 36px',
                      height: 36,
                      borderRadius: '50%',
                      display: 'grid',
                      placeItems: 'center',
                      bgcolor: 'action.hover',
                      color: 'primary.main',
                      '& svg': { fontSize: 20 },
                    }}
                  >
                    {kind.icon}
                  </Box>
                  <Box sx={{ minWidth: 0 }}>
                    <Typography variant="body2" color="text.secondary">
                      <Box component="span" sx={{ fontWeight: 600, color: 'text.primary' }}>
                        {kind.label}
                      </Box>
                      {' · '}
                      {when(item)}
                    </Typography>
                    <Typography sx={{ overflowWrap: 'anywhere' }}>
                      {!item.openable ? (
                        // A session another team ran before this person joined yours: a summary only.
                        <>
                          {item.summary}
                          <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
                            Run by another team — its details stay with them
                          </Box>
                        </>
                      ) : item.kind === 'session' ? (
                        <Link href={`/sessions/${item.id}`}>{item.summary}</Link>
                      ) : item.kind === 'decision_note' ? (
                        <Link href={`/decision-notes/${item.id}`}>{item.summary}</Link>
                      ) : (
                        item.summary
                      )}
                    </Typography>
                  </Box>
                </Box>
              );
            })}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
