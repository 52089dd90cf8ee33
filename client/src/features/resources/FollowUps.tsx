import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import {
  LABELS,
  type HandoutListItem,
  type HandoutOutcome,
  type UpdateHandoutRequest,
} from '@peerpath/shared';
import { lazy, Suspense, useState } from 'react';
import { describeError } from '../../api';
import { useCurrentUser } from '../../auth';
import { WarningFlag } from '../../components/WarningFlag';
import { daysSince, formatDate } from '../../lib/dates';
import { useNotify } from '../../lib/notify';
import { useHandouts, useUpdateHandout } from './api';

const FollowUpDialog = lazy(() =>
  import('./FollowUpDialog').then((m) => ({ default: m.FollowUpDialog })),
);

/** "5 days late", "Due today", "Due in 3 days": how far the follow-up date is. */
function dueFlag(followUpOn: string | null) {
  if (!followUpOn) return null;
  const late = daysSince(followUpOn);
  if (late > 0)
    return (
      <WarningFlag icon={EventBusyOutlined}>
        Overdue: {late} {late === 1 ? 'day' : 'days'} late
      </WarningFlag>
    );
  if (late === 0) return <span>Due today</span>;
  return (
    <span>
      Due in {-late} {late === -1 ? 'day' : 'days'}
    </span>
  );
}

/** What the handout was before a change, so the change can be undone. */
const undoBody = (h: HandoutListItem): UpdateHandoutRequest => ({
  outcome: h.outcome,
  note: h.note,
  followUpOn: h.followUpOn,
  ...(h.outcome === 'pending' ? {} : { outcomeOn: h.outcomeOn }),
});

const OUTCOMES: HandoutOutcome[] = ['connected', 'not_connected', 'declined'];
/** The soonest few; the rest on request. */
const SHOWN = 5;

/**
 * Resources shared that wait for a check-in, with one click to record how it
 * went. On a participant's page: every pending one, due or not (an outcome
 * can be recorded, or the follow-up moved, at any time); elsewhere the ones
 * due. Each change can be undone from the message that confirms it.
 */
export function FollowUps({
  participantId,
  workerId,
  workerName,
}: {
  participantId?: string;
  /** Only this worker's (a supervisor's drill-down from the caseload report). */
  workerId?: string;
  workerName?: string;
}) {
  const me = useCurrentUser();
  const notify = useNotify();
  const due = useHandouts({
    ...(participantId ? { outcome: 'pending' as const } : { followUpDue: true }),
    pageSize: 20,
    participantId,
    workerId: workerId ?? (participantId || me.role !== 'worker' ? undefined : me.id),
  });
  const update = useUpdateHandout();
  const [showAll, setShowAll] = useState(false);
  const [editing, setEditing] = useState<HandoutListItem | null>(null);
  // Soonest follow-up first; those with no date last.
  const all = [...(due.data?.items ?? [])].sort((a, b) =>
    (a.followUpOn ?? '9999').localeCompare(b.followUpOn ?? '9999'),
  );
  const items = showAll ? all : all.slice(0, SHOWN);
  if (!due.data || all.length === 0) return null;

  const save = async (h: HandoutListItem, body: UpdateHandoutRequest, message: string) => {
    try {
      await update.mutateAsync({ id: h.id, body });
      notify(message, {
        undo: () =>
          void update
            .mutateAsync({ id: h.id, body: undoBody(h) })
            .then(() => notify(`${h.resourceName}: change undone`))
            .catch((error: unknown) => notify(describeError(error))),
      });
    } catch (error) {
      notify(describeError(error));
    }
  };
  const record = (h: HandoutListItem, outcome: HandoutOutcome) =>
    save(h, { outcome }, `${h.resourceName}: ${LABELS.handoutOutcome[outcome].toLowerCase()}`);

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="follow-ups-heading"
      sx={{ p: 2, mb: 3 }}
    >
      <Typography variant="h2" id="follow-ups-heading" sx={{ mb: 0.5 }}>
        {participantId ? 'Follow-ups' : 'Follow-ups due'}
        {workerName ? ` for ${workerName}` : ''} ({due.data.total})
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        Ask how these went, then record what happened.
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {items.map((h) => (
          <Box
            component="li"
            key={h.id}
            sx={{
              display: 'flex',
              flexWrap: 'wrap',
              alignItems: 'center',
              gap: 1,
              py: 1,
              borderTop: 1,
              borderColor: 'divider',
            }}
          >
            <Box sx={{ flex: '1 1 260px', minWidth: 0 }}>
              <Typography sx={{ fontWeight: 600 }}>
                {h.resourceName}
                {!participantId && (
                  <>
                    {' '}
                    for{' '}
                    <Link href={`/participants/${h.participantId}`} underline="always">
                      {h.participantName}
                    </Link>
                  </>
                )}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Shared {formatDate(h.givenOn)} ({LABELS.handoutMethod[h.method].toLowerCase()})
                {h.followUpOn ? ` · follow up ${formatDate(h.followUpOn)}` : ''}
              </Typography>
              {h.followUpOn && <Typography variant="body2">{dueFlag(h.followUpOn)}</Typography>}
              {h.note && (
                <Typography
                  variant="body2"
                  color="text.secondary"
                  sx={{ overflowWrap: 'anywhere' }}
                >
                  Note: {h.note}
                </Typography>
              )}
            </Box>
            <Box
              role="group"
              aria-label={`How it went: ${h.resourceName}`}
              sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}
            >
              {OUTCOMES.map((o) => (
                <Button
                  key={o}
                  size="small"
                  variant="outlined"
                  disabled={update.isPending}
                  onClick={() => void record(h, o)}
                >
                  {LABELS.handoutOutcome[o]}
                </Button>
              ))}
              <Button size="small" disabled={update.isPending} onClick={() => setEditing(h)}>
                Note or new date…
              </Button>
            </Box>
          </Box>
        ))}
      </Box>
      {all.length > SHOWN && (
        <Button size="small" onClick={() => setShowAll((s) => !s)} sx={{ mt: 1 }}>
          {showAll
            ? 'Show fewer'
            : `Show all ${all.length}${due.data.total > all.length ? ` of ${due.data.total}` : ''}`}
        </Button>
      )}
      {editing && (
        <Suspense fallback={null}>
          <FollowUpDialog
            handout={editing}
            onClose={() => setEditing(null)}
            onSave={async (body) => {
              const h = editing;
              setEditing(null);
              const message =
                body.outcome && body.outcome !== 'pending'
                  ? `${h.resourceName}: ${LABELS.handoutOutcome[body.outcome].toLowerCase()}`
                  : body.followUpOn && body.followUpOn !== h.followUpOn
                    ? `${h.resourceName}: follow up moved to ${formatDate(body.followUpOn)}`
                    : `${h.resourceName}: follow-up saved`;
              await save(h, body, message);
            }}
          />
        </Suspense>
      )}
    </Paper>
  );
}
