import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { formatDateTime } from '../../lib/dates';
import { useAuditWarnings } from './api';

/**
 * An admin's warning: someone asked for many records of teams other than
 * their own in a short time. Shown only while there is something to say.
 */
export function AccessWarnings() {
  const warnings = useAuditWarnings(true);
  const data = warnings.data;
  if (!data || data.items.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 3 }} data-testid="access-warnings">
      <AlertTitle>Someone is opening other teams’ records</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {data.items.map((w) => (
          <li key={w.actorId}>
            <strong>{w.displayName ?? 'An unknown user'}</strong>
            {w.teamName ? ` (${w.teamName})` : ''} asked for {w.count} records of other teams in the
            last {data.windowMinutes} minutes, most recently {formatDateTime(w.lastAt)}.
          </li>
        ))}
      </Box>
      <Box component="p" sx={{ mb: 0 }}>
        PeerPath showed them nothing. It may be an old link, or someone looking where they should
        not: the audit trail (action “access_denied”) lists each request.
      </Box>
    </Alert>
  );
}
