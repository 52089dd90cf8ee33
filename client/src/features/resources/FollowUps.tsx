import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { LABELS, type HandoutListItem, type HandoutOutcome } from '@peerpath/shared';
import { useState } from 'react';
import { describeError } from '../../api';
import { useCurrentUser } from '../../auth';
import { formatDate } from '../../components/dates';
import { useNotify } from '../../components/notify';
import { useHandouts, useUpdateHandout } from './api';

const OUTCOMES: HandoutOutcome[] = ['connected', 'not_connected', 'declined'];
/** The soonest few; the rest on request. */
const SHOWN = 5;

/** Resources shared that are due a check-in, with one click to record how it went. */
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
    followUpDue: true,
    pageSize: 20,
    participantId,
    workerId: workerId ?? (participantId || me.role !== 'worker' ? undefined : me.id),
  });
  const update = useUpdateHandout();
  const [showAll, setShowAll] = useState(false);
  const all = due.data?.items ?? [];
  const items = showAll ? all : all.slice(0, SHOWN);
  if (!due.data || all.length === 0) return null;

  const record = async (h: HandoutListItem, outcome: HandoutOutcome) => {
    try {
      await update.mutateAsync({ id: h.id, body: { outcome } });
      notify(`${h.resourceName}: ${LABELS.handoutOutcome[outcome].toLowerCase()}`);
    } catch (error) {
      notify(describeError(error));
    }
  };

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="follow-ups-heading"
      sx={{ p: 2, mb: 3 }}
    >
      <Typography variant="h2" id="follow-ups-heading" sx={{ mb: 0.5 }}>
        Follow-ups due{workerName ? ` for ${workerName}` : ''} ({due.data.total})
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
                Shared {formatDate(h.givenOn)} ({LABELS.handoutMethod[h.method].toLowerCase()}) ·
                follow up {formatDate(h.followUpOn)}
              </Typography>
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
    </Paper>
  );
}
