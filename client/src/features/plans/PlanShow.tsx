import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  GOAL_STATUSES,
  LABELS,
  LIFE_AREAS,
  WELLNESS_SECTIONS,
  type GoalStatus,
  type PlanGoal,
  type RecoveryPlan,
} from '@peerpath/shared';
import type { ReactNode } from 'react';
import { formatDate } from '../../lib/dates';
import { NO_PRINT } from '../decision-notes/DecisionNoteShow';
import { LIFE_AREA, versionLine } from './lifeAreas';

const GOAL_STATUS_COLOR: Record<GoalStatus, 'primary' | 'success' | 'default' | 'warning'> = {
  active: 'primary',
  achieved: 'success',
  paused: 'warning',
  discontinued: 'default',
};

function Part({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id} sx={{ mb: 3.5 }}>
      <Typography variant="h2" id={id} sx={{ fontSize: '1.3rem', mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function Words({ text, empty }: { text: string | null; empty: string }) {
  return text ? (
    <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: '1.05rem' }}>
      {text}
    </Typography>
  ) : (
    <Typography color="text.secondary">{empty}</Typography>
  );
}

export interface GoalProgress {
  onStep: (goal: PlanGoal, stepId: string, done: boolean) => void;
  onStatus: (goal: PlanGoal, status: GoalStatus) => void;
  busy: boolean;
}

function Goal({
  goal,
  progress,
  notesHref,
}: {
  goal: PlanGoal;
  progress?: GoalProgress;
  /** The goal's page: every note that worked on it (agreed plans only). */
  notesHref?: string;
}) {
  const area = LIFE_AREA[goal.lifeArea];
  const done = goal.steps.filter((s) => s.done).length;
  return (
    <Paper
      variant="outlined"
      component="li"
      data-testid="plan-goal"
      sx={{ p: { xs: 1.5, sm: 2 }, mb: 1.5, listStyle: 'none', breakInside: 'avoid' }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', color: 'primary.main', mb: 0.5 }}>
        <Box aria-hidden sx={{ display: 'flex' }}>
          {area.icon}
        </Box>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {area.label}
        </Typography>
      </Box>
      <Typography sx={{ fontSize: '1.15rem', fontWeight: 600, overflowWrap: 'anywhere' }}>
        “{goal.statement}”
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 1 }}>
        {progress ? (
          <TextField
            select
            size="small"
            fullWidth={false}
            label="How it is going"
            value={goal.status}
            disabled={progress.busy}
            onChange={(e) => progress.onStatus(goal, e.target.value as GoalStatus)}
            sx={{ minWidth: 180 }}
          >
            {GOAL_STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {LABELS.goalStatus[s]}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <Chip
            size="small"
            variant="outlined"
            color={GOAL_STATUS_COLOR[goal.status]}
            label={LABELS.goalStatus[goal.status]}
          />
        )}
        {goal.targetOn && (
          <Typography variant="body2" color="text.secondary">
            Hoping for: {formatDate(goal.targetOn)}
          </Typography>
        )}
        {goal.steps.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            {done} of {goal.steps.length} steps done
          </Typography>
        )}
        {notesHref && (
          <Link href={notesHref} className={NO_PRINT} sx={{ py: 1 }}>
            Notes that worked on this goal
          </Link>
        )}
      </Box>
      {goal.steps.length > 0 && (
        <Box component="ul" sx={{ pl: 0, m: 0, mt: 1 }} aria-label="Steps">
          {goal.steps.map((s) => (
            <Box component="li" key={s.id} sx={{ listStyle: 'none' }}>
              <FormControlLabel
                sx={{ alignItems: 'flex-start', ml: 0, '& .MuiCheckbox-root': { pt: 0.25 } }}
                control={
                  <Checkbox
                    checked={s.done}
                    disabled={!progress || progress.busy}
                    onChange={(e) => progress?.onStep(goal, s.id, e.target.checked)}
                  />
                }
                label={
                  <Typography
                    sx={{
                      overflowWrap: 'anywhere',
                      textDecoration: s.done ? 'line-through' : undefined,
                      color: s.done ? 'text.secondary' : undefined,
                    }}
                  >
                    {s.text}
                  </Typography>
                }
              />
            </Box>
          ))}
        </Box>
      )}
    </Paper>
  );
}

/**
 * The plan as the person reads it: their strengths first, what matters to
 * them, their goals by area of life, and how they stay well. On the plan in
 * use, `progress` lets steps be ticked and goals marked; printed, it is the
 * participant's copy.
 */
export function PlanCopy({
  plan,
  participantName,
  progress,
}: {
  plan: RecoveryPlan;
  participantName: string;
  progress?: GoalProgress;
}) {
  const areas = LIFE_AREAS.filter((a) => plan.goals.some((g) => g.lifeArea === a));
  const wellness = WELLNESS_SECTIONS.filter((k) => plan.wellness[k]);
  return (
    <Paper
      variant="outlined"
      className="peerpath-print-copy"
      component="article"
      aria-label={`${participantName}'s recovery plan`}
      sx={{ p: { xs: 2, sm: 4 }, maxWidth: 860 }}
    >
      <Typography variant="body2" color="text.secondary">
        {participantName}&rsquo;s recovery plan
      </Typography>
      <Typography
        variant="h2"
        component="p"
        data-testid="plan-version"
        sx={{ fontSize: { xs: '1.3rem', sm: '1.6rem' }, fontWeight: 700, mb: 0.5 }}
      >
        {versionLine(plan)}
      </Typography>
      {plan.status === 'active' && plan.reviewDueOn && (
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          We will look at it together again by {formatDate(plan.reviewDueOn)}
          {plan.lastReviewedOn ? ` (last looked at on ${formatDate(plan.lastReviewedOn)})` : ''}.
        </Typography>
      )}
      {plan.status !== 'active' && <Box sx={{ mb: 3 }} />}

      <Part title="What I am good at" id="plan-strengths">
        <Words text={plan.strengths} empty="Not written yet — everyone has strengths." />
      </Part>

      <Part title="What matters to me" id="plan-matters">
        <Words text={plan.whatMatters} empty="Not written yet." />
      </Part>

      <Part title="My goals" id="plan-goals">
        {plan.goals.length === 0 ? (
          <Typography color="text.secondary">No goals yet.</Typography>
        ) : (
          areas.map((a) => (
            <Box key={a} component="ul" sx={{ p: 0, m: 0 }}>
              {plan.goals
                .filter((g) => g.lifeArea === a)
                .map((g) => (
                  <Goal
                    key={g.id}
                    goal={g}
                    progress={progress}
                    notesHref={
                      plan.status === 'draft'
                        ? undefined
                        : `/participants/${plan.participantId}/goals/${g.id}`
                    }
                  />
                ))}
            </Box>
          ))
        )}
      </Part>

      <Part title="Staying well" id="plan-wellness">
        {wellness.length === 0 ? (
          <Typography color="text.secondary">Not written yet.</Typography>
        ) : (
          wellness.map((k) => (
            <Box
              key={k}
              id={k === 'crisisPlan' ? 'crisis-plan' : undefined}
              sx={{ mb: 2, breakInside: 'avoid' }}
            >
              <Typography variant="h3" sx={{ fontSize: '1.05rem', fontWeight: 700, mb: 0.5 }}>
                {LABELS.wellnessSection[k]}
              </Typography>
              <Words text={plan.wellness[k]} empty="" />
            </Box>
          ))
        )}
      </Part>

      <Typography sx={{ mt: 2, fontStyle: 'italic' }}>
        This is your plan, in your words. You can change it whenever you want to — just tell us.
      </Typography>
      <Typography variant="body2" color="text.secondary" className={NO_PRINT} sx={{ mt: 1 }}>
        {plan.goals.length} {plan.goals.length === 1 ? 'goal' : 'goals'}
      </Typography>
    </Paper>
  );
}
