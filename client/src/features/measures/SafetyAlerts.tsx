import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import type { SafetyAlert } from '@peerpath/shared';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useCurrentUser } from '../../auth';
import { formatDate } from '../../lib/dates';
import { useOpenAlerts, useParticipantOpenAlerts } from './api';
import { useDeferredAnswer } from '../../api/deferred';

// Loaded when "Resolve" is first chosen: the home page paints without its form.
const ResolveAlertDialog = lazy(() =>
  import('./ResolveAlertDialog').then((m) => ({ default: m.ResolveAlertDialog })),
);

/** Workers see the alerts of their own people; supervisors and admins the team's. */
function useMyOpenAlerts() {
  const user = useCurrentUser();
  return useOpenAlerts(user.role === 'worker' ? user.id : undefined);
}

/**
 * The home page under its safety alerts: shown once it is known whether there are any, so
 * alerts arriving after the page do not push it down the screen (its placeholder until then).
 */
export function AfterSafetyAlerts({
  wait,
  pending,
  children,
}: {
  /** Only the home page shows the alerts above it. */
  wait: boolean;
  pending: ReactNode;
  children: ReactNode;
}) {
  const { isLoading } = useDeferredAnswer(useMyOpenAlerts());
  return wait && isLoading ? pending : children;
}

/** The app bar's alert button: shown only while some alert is open. */
export function SafetyAlertButton() {
  const { data } = useMyOpenAlerts();
  if (!data || data.total === 0) return null;
  return (
    <IconButton
      color="inherit"
      href="/#safety-alerts"
      aria-label={`${data.total} open safety alert${data.total === 1 ? '' : 's'}`}
    >
      <Badge badgeContent={data.total} color="error">
        <ReportProblemOutlined />
      </Badge>
    </IconButton>
  );
}

/** An open alert with the crisis resources one tap away and a way to resolve it. */
function AlertCard({
  alert: a,
  onResolve,
  showOpen,
}: {
  alert: SafetyAlert;
  onResolve: () => void;
  showOpen: boolean;
}) {
  return (
    <Alert
      severity="error"
      variant="outlined"
      icon={<ReportProblemOutlined />}
      sx={{ '& .MuiAlert-message': { width: '100%' } }}
    >
      <AlertTitle>Follow up with {a.participantName} today</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        On {formatDate(a.raisedAt)} they answered the PHQ-9 question about thoughts of self-harm
        with something other than “not at all”. Check in with them and write down what you did.
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="contained" color="error" href="/resources?category=crisis">
          Crisis resources
        </Button>
        {showOpen && (
          <Button variant="outlined" href={`/participants/${a.participantId}`}>
            Open their page
          </Button>
        )}
        <Button variant="outlined" onClick={onResolve}>
          Resolve
        </Button>
      </Box>
    </Alert>
  );
}

/** The home page's list of open alerts, each with the crisis resources and a way to resolve it. */
export function SafetyAlertsPanel() {
  const { data } = useMyOpenAlerts();
  const [resolving, setResolving] = useState<SafetyAlert | null>(null);
  if (!data || data.total === 0) return null;
  return (
    <Box id="safety-alerts" sx={{ mb: 2, display: 'grid', gap: 1 }}>
      {data.items.map((a) => (
        <AlertCard key={a.id} alert={a} showOpen onResolve={() => setResolving(a)} />
      ))}
      {resolving && (
        <Suspense fallback={null}>
          <ResolveAlertDialog alert={resolving} onClose={() => setResolving(null)} />
        </Suspense>
      )}
    </Box>
  );
}

/** The open alerts of one person, on their page, until resolved. */
export function ParticipantSafetyAlerts({ participantId }: { participantId: string }) {
  const { data } = useParticipantOpenAlerts(participantId);
  const [resolving, setResolving] = useState<SafetyAlert | null>(null);
  if (!data || data.total === 0) return null;
  return (
    <Box sx={{ mb: 2, display: 'grid', gap: 1 }}>
      {data.items.map((a) => (
        <AlertCard key={a.id} alert={a} showOpen={false} onResolve={() => setResolving(a)} />
      ))}
      {resolving && (
        <Suspense fallback={null}>
          <ResolveAlertDialog alert={resolving} onClose={() => setResolving(null)} />
        </Suspense>
      )}
    </Box>
  );
}
