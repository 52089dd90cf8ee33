import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { LABELS, type ChangeHandoutStatusRequest, type HandoutListItem } from '@peerpath/shared';
import { lazy, Suspense, useState } from 'react';
import { describeError } from '../../api';
import { useCurrentUser } from '../../auth';
import { WarningFlag } from '../../components/WarningFlag';
import { daysSince, formatDate } from '../../lib/dates';
import { useNotify } from '../../lib/notify';
import { useChangeHandoutStatus, useHandouts } from './api';
import { ListRow } from '../../components/ListRow';

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

/** Undoing a step is a new step back to where the referral stood (SPEC §12: never a deletion). */
const undoBody = (h: HandoutListItem): ChangeHandoutStatusRequest => ({
  status: h.outcome,
  followUpOn: h.followUpOn,
  note: 'Undone: recorded by mistake',
});

/** The last step after sharing, in words: "Made contact on 3 Dec 2026 — called together". */
function lastStep(h: HandoutListItem): string | null {
  const last = h.history[h.history.length - 1];
  if (!last || h.history.length < 2) return null;
  return `Last step: ${LABELS.handoutOutcome[last.status]} on ${formatDate(last.on)}${
    last.note ? ` — ${last.note}` : ''
  }`;
}
/** The soonest few; the rest on request. */
const SHOWN = 5;

/** The handouts a follow-up list shows: a person's open ones, or those due of a worker or team. */
export function useFollowUpList(participantId?: string, workerId?: string) {
  const me = useCurrentUser();
  return useHandouts({
    ...(participantId ? { open: true } : { followUpDue: true }),
    pageSize: 20,
    participantId,
    workerId: workerId ?? (participantId || me.role !== 'worker' ? undefined : me.id),
  });
}

/**
 * Referrals that wait for a check-in, each with its last step, a big "What
 * happened?" (status, note and next follow-up in one step) and one click for
 * "Connected". On a participant's page: every open one, due or not (a step
 * can be recorded, or the follow-up moved, at any time); elsewhere the ones
 * due. Each change can be undone from the message that confirms it (a new
 * step back, SPEC §12).
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
  const notify = useNotify();
  const due = useFollowUpList(participantId, workerId);
  const update = useChangeHandoutStatus();
  const [showAll, setShowAll] = useState(false);
  const [editing, setEditing] = useState<HandoutListItem | null>(null);
  // Soonest follow-up first; those with no date last.
  const all = [...(due.data?.items ?? [])].sort((a, b) =>
    (a.followUpOn ?? '9999').localeCompare(b.followUpOn ?? '9999'),
  );
  const items = showAll ? all : all.slice(0, SHOWN);
  if (!due.data || all.length === 0) return null;

  const save = async (h: HandoutListItem, body: ChangeHandoutStatusRequest, message: string) => {
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
  const connected = (h: HandoutListItem) =>
    save(h, { status: 'connected' }, `${h.resourceName}: connected`);

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
        Ask how these are going, then record what happened — every step counts.
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {items.map((h) => (
          <ListRow key={h.id} py={1} divider="top">
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
              {lastStep(h) && (
                <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                  {lastStep(h)}
                </Typography>
              )}
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
              <Button
                size="large"
                variant="contained"
                disabled={update.isPending}
                onClick={() => setEditing(h)}
              >
                What happened?
              </Button>
              <Button
                size="large"
                variant="outlined"
                disabled={update.isPending}
                onClick={() => void connected(h)}
              >
                Connected
              </Button>
            </Box>
          </ListRow>
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
                body.status !== 'pending'
                  ? `${h.resourceName}: ${LABELS.handoutOutcome[body.status].toLowerCase()}`
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
