import HealthAndSafetyOutlined from '@mui/icons-material/HealthAndSafetyOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { LABELS, type RecoveryPlan, type WellnessSection } from '@peerpath/shared';
import { useId } from 'react';

/** In a crisis, these first: what to do, then how things look when they are much worse. */
const CRISIS_ORDER: WellnessSection[] = ['crisisPlan', 'whenThingsBreakDown', 'earlyWarningSigns'];

/** The person's crisis plan, in their words, one tap from their page. */
export function CrisisPlanDialog({
  plan,
  participantName,
  onClose,
}: {
  plan: RecoveryPlan;
  participantName: string;
  onClose: () => void;
}) {
  const titleId = useId();
  const parts = CRISIS_ORDER.filter((k) => plan.wellness[k]);
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle
        id={titleId}
        sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'error.main' }}
      >
        <HealthAndSafetyOutlined aria-hidden />
        {participantName}&rsquo;s crisis plan
      </DialogTitle>
      <DialogContent>
        {parts.length === 0 ? (
          <Typography>
            {participantName} has not written a crisis plan yet. If they are in danger now, call the
            local emergency number.
          </Typography>
        ) : (
          parts.map((k) => (
            <Box key={k} sx={{ mb: 2 }}>
              <Typography variant="h3" sx={{ fontSize: '1.05rem', fontWeight: 700, mb: 0.5 }}>
                {LABELS.wellnessSection[k]}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {plan.wellness[k]}
              </Typography>
            </Box>
          ))
        )}
        <Typography variant="body2" color="text.secondary">
          From version {plan.versionNo} of the plan, in {participantName}&rsquo;s words.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button href={`/plans/${plan.id}#crisis-plan`}>Open the whole plan</Button>
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
