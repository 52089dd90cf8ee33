import HealthAndSafetyOutlined from '@mui/icons-material/HealthAndSafetyOutlined';
import RouteOutlined from '@mui/icons-material/RouteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { RecoveryPlan } from '@peerpath/shared';
import { lazy, Suspense, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Shape } from '../../components/Shape';
import { formatDate, today } from '../../lib/dates';
import { usePlans } from './api';
import { LIFE_AREA, versionLine } from './lifeAreas';
import { SHAPES } from '../../theme/shapes';

// The crisis plan's dialog loads when first opened (and with the offline prefetch, so it opens
// without a connection too): a person's page draws without it.
const CrisisPlanDialog = lazy(() =>
  import('./CrisisPlanDialog').then((m) => ({ default: m.CrisisPlanDialog })),
);

const inUse = (plans: RecoveryPlan[] | undefined) => plans?.find((p) => p.status === 'active');

/** The plan in use at a glance on the person's page: version, review date, goals. */
export function PlanSummary({ participantId, name }: { participantId: string; name: string }) {
  const plans = usePlans(participantId);
  const active = inUse(plans.data?.items);
  const draft = plans.data?.items.find((p) => p.status === 'draft');
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="plan-heading"
      sx={{ p: { xs: 2, sm: 2.5 }, mb: 2 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5, flexWrap: 'wrap' }}>
        <RouteOutlined color="primary" aria-hidden />
        <Typography variant="h2" id="plan-heading" sx={{ flex: 1 }}>
          Recovery plan
        </Typography>
        <Button href={`/participants/${participantId}/plan`} variant="outlined">
          {active || draft ? 'Open the plan' : `Write a plan with ${name}`}
        </Button>
      </Box>
      {plans.isLoading ? (
        <div className={SHAPES} aria-hidden>
          <Shape height={24} width="50%" />
          <Shape height={20} width="40%" style={{ marginBottom: 8 }} />
          <Shape variant="rounded" height={32} width="70%" />
        </div>
      ) : plans.error ? (
        <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />
      ) : active ? (
        <>
          <Typography sx={{ fontWeight: 600 }}>{versionLine(active)}</Typography>
          <Typography
            variant="body2"
            color={
              active.reviewDueOn && active.reviewDueOn <= today()
                ? 'warning.main'
                : 'text.secondary'
            }
            sx={{ mb: 1 }}
          >
            {active.reviewDueOn && active.reviewDueOn <= today()
              ? `Due for review since ${formatDate(active.reviewDueOn)}`
              : `Next review by ${formatDate(active.reviewDueOn)}`}
          </Typography>
          <Box component="ul" sx={{ p: 0, m: 0, display: 'flex', flexWrap: 'wrap', gap: 1 }}>
            {active.goals.map((g) => (
              <Chip
                key={g.id}
                component="li"
                icon={
                  <Box sx={{ display: 'flex', '& svg': { fontSize: 18 } }}>
                    {LIFE_AREA[g.lifeArea].icon}
                  </Box>
                }
                label={g.statement}
                variant="outlined"
                sx={{ maxWidth: '100%' }}
              />
            ))}
          </Box>
          {draft && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              A new version is being written.
            </Typography>
          )}
        </>
      ) : draft ? (
        <Typography color="text.secondary">A draft is being written — not agreed yet.</Typography>
      ) : (
        <Typography color="text.secondary">
          No plan yet. Start with what {name} is good at and what matters to them.
        </Typography>
      )}
    </Paper>
  );
}

/** "Crisis plan": the plan in use's crisis plan, in one tap. Shown once a plan is in use. */
export function CrisisPlanButton({ participantId, name }: { participantId: string; name: string }) {
  const plans = usePlans(participantId);
  const [open, setOpen] = useState(false);
  const active = inUse(plans.data?.items);
  // Its room kept while the plans load, so the buttons beside it do not move when it appears.
  if (plans.isLoading) {
    return (
      <Button
        variant="outlined"
        startIcon={<HealthAndSafetyOutlined />}
        disabled
        aria-hidden
        tabIndex={-1}
        sx={{ visibility: 'hidden' }}
      >
        Crisis plan
      </Button>
    );
  }
  if (!active) return null;
  return (
    <>
      <Button
        variant="outlined"
        color="error"
        startIcon={<HealthAndSafetyOutlined />}
        onClick={() => setOpen(true)}
      >
        Crisis plan
      </Button>
      {open && (
        <Suspense fallback={null}>
          <CrisisPlanDialog plan={active} participantName={name} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
