import BalanceOutlined from '@mui/icons-material/BalanceOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import RouteOutlined from '@mui/icons-material/RouteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { LinkBehavior } from '../../theme/LinkBehavior';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { NOTE_LABELS, type TimelineItem, type TimelineKind } from '@peerpath/shared';
import dayjs from 'dayjs';
import { useEffect, useRef, type ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TimelineSkeleton } from '../../components/Skeletons';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useTimeline } from './api';
import { useDeferredAnswer } from '../../api/deferred';

const KIND: Record<TimelineKind, { label: string; icon: ReactNode }> = {
  session: { label: 'Session', icon: <EventNoteOutlined /> },
  advocacy: { label: 'Advocacy', icon: <CampaignOutlined /> },
  handout: { label: 'Resource shared', icon: <MenuBookOutlined /> },
  decision_note: { label: 'Decision note', icon: <BalanceOutlined /> },
  plan_activated: { label: 'Recovery plan', icon: <RouteOutlined /> },
  plan_reviewed: { label: 'Plan review', icon: <RouteOutlined /> },
};

function when(item: TimelineItem) {
  return item.kind === 'session' ? formatDateTime(item.date) : formatDate(item.date.slice(0, 10));
}

function monthOf(item: TimelineItem) {
  const d = item.date.length === 10 ? dayjs(`${item.date}T00:00:00`) : dayjs(item.date);
  return d.format('MMMM YYYY');
}

/**
 * Everything recorded with a participant, newest first, grouped by month, each
 * entry with a line of what happened. Sessions and decision notes open their
 * page; advocacy and resources shared open in place (`onOpen`). `highlightId`
 * (an entry just saved) is marked, brought into view (the top of the page when it fits) and
 * focused.
 */
export function Timeline({
  participantId,
  highlightId,
  onOpen,
}: {
  participantId: string;
  highlightId?: string;
  onOpen?: (kind: 'advocacy' | 'handout', id: string) => void;
}) {
  const timeline = useTimeline(participantId);
  const { data, isLoading } = useDeferredAnswer(timeline);
  const highlighted = useRef<HTMLLIElement>(null);
  const found = Boolean(highlightId && data?.items.some((i) => i.id === highlightId));
  useEffect(() => {
    if (!found) return;
    // The top of the page, unless that leaves the new entry below the fold (a person with
    // follow-ups and alerts above their timeline): then the entry itself, in the middle.
    window.scrollTo({ top: 0 });
    const entry = highlighted.current;
    if (!entry) return;
    if (entry.getBoundingClientRect().bottom > window.innerHeight) {
      entry.scrollIntoView({ block: 'center' });
    }
    entry.focus({ preventScroll: true });
  }, [found]);
  if (isLoading) return <TimelineSkeleton />;
  if (timeline.error)
    return <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const items = data?.items ?? [];
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
              const isNew = item.id === highlightId;
              return (
                <Box
                  component="li"
                  key={`${item.kind}-${item.id}`}
                  ref={isNew ? highlighted : undefined}
                  tabIndex={isNew ? -1 : undefined}
                  aria-current={isNew ? 'true' : undefined}
                  sx={{
                    display: 'flex',
                    gap: 1.5,
                    py: 1.25,
                    borderBottom: 1,
                    borderColor: 'divider',
                    '&:last-child': { borderBottom: 0 },
                    ...(isNew && {
                      bgcolor: 'action.selected',
                      borderLeft: 4,
                      borderLeftColor: 'primary.main',
                      pl: 1,
                      borderRadius: 1,
                      outlineOffset: 2,
                    }),
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
                      {isNew && (
                        <Box component="span" sx={{ fontWeight: 600, color: 'primary.main' }}>
                          {' · Just saved'}
                        </Box>
                      )}
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
                      ) : item.planId ? (
                        <Link href={`/plans/${item.planId}`}>{item.summary}</Link>
                      ) : onOpen && (item.kind === 'advocacy' || item.kind === 'handout') ? (
                        <Link
                          component="button"
                          type="button"
                          onClick={() => onOpen(item.kind as 'advocacy' | 'handout', item.id)}
                          sx={{ textAlign: 'left', font: 'inherit', verticalAlign: 'baseline' }}
                        >
                          {item.summary}
                        </Link>
                      ) : (
                        item.summary
                      )}
                    </Typography>
                    {item.snippet && (
                      <Typography
                        variant="body2"
                        color="text.secondary"
                        data-testid="timeline-snippet"
                        sx={{ overflowWrap: 'anywhere' }}
                      >
                        {item.snippet}
                      </Typography>
                    )}
                    {item.note && (
                      <Box
                        sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}
                        data-testid="timeline-note"
                      >
                        <Chip
                          size="small"
                          variant="outlined"
                          color={item.note.status === 'draft' ? 'default' : 'success'}
                          label={`Note: ${NOTE_LABELS.status[item.note.status].toLowerCase()}${item.note.late ? ', late' : ''}`}
                        />
                        {item.note.goals.map((g) => (
                          <Chip
                            key={g.id}
                            size="small"
                            color="primary"
                            variant="outlined"
                            clickable
                            component={LinkBehavior}
                            href={`/participants/${participantId}/goals/${g.id}`}
                            label={g.statement || 'A goal of their plan'}
                            sx={{ maxWidth: '100%' }}
                          />
                        ))}
                      </Box>
                    )}
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
