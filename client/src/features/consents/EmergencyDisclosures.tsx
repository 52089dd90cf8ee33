import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { INFORMATION_LABELS, addDays } from '@peerpath/shared';
import { formatDate, today } from '../../lib/dates';
import { useEmergencyDisclosures } from './api';

/** How far back the home page looks for emergency disclosures to review. */
export const REVIEW_DAYS = 30;

/**
 * Supervisors' and admins' home: information the team shared without the
 * person's consent in an emergency (SPEC §10), in the last 30 days: why, who,
 * when, what, and a way to the person's page. Shown only when there is one.
 */
export function EmergencyDisclosures({ enabled }: { enabled: boolean }) {
  const from = addDays(today(), -REVIEW_DAYS);
  const { data } = useEmergencyDisclosures(from, enabled);
  if (!enabled || !data || data.total === 0) return null;
  return (
    <Box component="section" aria-labelledby="emergency-disclosures-heading" sx={{ mb: 3 }}>
      <Typography id="emergency-disclosures-heading" variant="h6" component="h2">
        Emergency disclosures to review
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Shared without the person’s consent in the last {REVIEW_DAYS} days. Check the reason holds,
        and talk it through with the worker and, when it is safe, with the person.
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
        {data.items.map((d) => (
          <Paper
            component="li"
            key={d.id}
            variant="outlined"
            sx={{ p: 2, borderLeft: 4, borderLeftColor: 'warning.main' }}
          >
            <Typography sx={{ fontWeight: 600 }}>
              {d.participantName}: {d.recipient}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {formatDate(d.disclosedOn)} · by {d.byName} ·{' '}
              {d.information.map((k) => INFORMATION_LABELS[k].toLowerCase()).join(', ')}
            </Typography>
            <Typography variant="body2" sx={{ my: 1, whiteSpace: 'pre-wrap' }}>
              Why: {d.reason}
            </Typography>
            <Button
              variant="outlined"
              href={`/participants/${d.participantId}`}
              aria-label={`Open ${d.participantName}’s page`}
            >
              Open their page
            </Button>
          </Paper>
        ))}
      </Box>
      {data.total > data.items.length && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Showing the latest {data.items.length} of {data.total}.
        </Typography>
      )}
    </Box>
  );
}
