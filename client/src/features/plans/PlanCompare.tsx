import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { LABELS, WELLNESS_SECTIONS, type PlanGoal, type RecoveryPlan } from '@peerpath/shared';
import type { ReactNode } from 'react';
import { formatDate } from '../../lib/dates';
import { LIFE_AREA } from './lifeAreas';

type GoalChange = 'new' | 'removed' | 'changed' | 'same';

const CHANGE: Record<GoalChange, { label: string; color: 'success' | 'default' | 'info' }> = {
  new: { label: 'New goal', color: 'success' },
  removed: { label: 'No longer in the plan', color: 'default' },
  changed: { label: 'Changed', color: 'info' },
  same: { label: 'Same as before', color: 'default' },
};

/** What differs between two versions of one goal, in plain words. */
function goalDifferences(a: PlanGoal, b: PlanGoal): string[] {
  const out: string[] = [];
  if (a.statement !== b.statement) out.push(`Was: “${a.statement}”`);
  if (a.lifeArea !== b.lifeArea) {
    out.push(`Part of life: ${LIFE_AREA[a.lifeArea].label} → ${LIFE_AREA[b.lifeArea].label}`);
  }
  if (a.status !== b.status) {
    out.push(`${LABELS.goalStatus[a.status]} → ${LABELS.goalStatus[b.status]}`);
  }
  if (a.targetOn !== b.targetOn) {
    out.push(`Hoping for: ${formatDate(a.targetOn)} → ${formatDate(b.targetOn)}`);
  }
  const before = new Map(a.steps.map((s) => [s.id, s]));
  for (const s of b.steps) {
    const old = before.get(s.id);
    if (!old) out.push(`New step: ${s.text}`);
    else {
      if (old.text !== s.text) out.push(`Step reworded: ${old.text} → ${s.text}`);
      if (!old.done && s.done) out.push(`Step done: ${s.text}`);
    }
  }
  const now = new Set(b.steps.map((s) => s.id));
  for (const s of a.steps) if (!now.has(s.id)) out.push(`Step left out: ${s.text}`);
  return out;
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Typography variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function TextChange({ before, after }: { before: string | null; after: string | null }) {
  if ((before ?? '') === (after ?? '')) {
    return <Typography color="text.secondary">No change.</Typography>;
  }
  return (
    <Box
      sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}
      data-testid="text-change"
    >
      {[
        ['Before', before],
        ['Now', after],
      ].map(([label, text]) => (
        <Paper key={label} variant="outlined" sx={{ p: 1.5 }}>
          <Typography variant="body2" sx={{ fontWeight: 700, mb: 0.5 }}>
            {label}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {text || '—'}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}

/**
 * Two versions of a plan side by side, as what changed: goals are matched by
 * their id, which a goal keeps from version to version.
 */
export function PlanCompare({ older, newer }: { older: RecoveryPlan; newer: RecoveryPlan }) {
  const oldGoals = new Map(older.goals.map((g) => [g.id, g]));
  const newIds = new Set(newer.goals.map((g) => g.id));
  const rows: { goal: PlanGoal; change: GoalChange; notes: string[] }[] = [
    ...newer.goals.map((g) => {
      const before = oldGoals.get(g.id);
      if (!before) return { goal: g, change: 'new' as const, notes: [] };
      const notes = goalDifferences(before, g);
      return { goal: g, change: notes.length ? ('changed' as const) : ('same' as const), notes };
    }),
    ...older.goals
      .filter((g) => !newIds.has(g.id))
      .map((g) => ({ goal: g, change: 'removed' as const, notes: [] })),
  ];
  const wellness = WELLNESS_SECTIONS.filter(
    (k) => (older.wellness[k] ?? '') !== (newer.wellness[k] ?? ''),
  );
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 960 }}>
      <Block title="What I am good at">
        <TextChange before={older.strengths} after={newer.strengths} />
      </Block>
      <Block title="What matters to me">
        <TextChange before={older.whatMatters} after={newer.whatMatters} />
      </Block>
      <Block title="Goals">
        <Box component="ul" sx={{ p: 0, m: 0 }}>
          {rows.map(({ goal, change, notes }) => (
            <Paper
              key={goal.id}
              component="li"
              variant="outlined"
              data-testid="compare-goal"
              sx={{ p: 1.5, mb: 1, listStyle: 'none', opacity: change === 'removed' ? 0.75 : 1 }}
            >
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Box aria-hidden sx={{ display: 'flex', color: 'primary.main' }}>
                  {LIFE_AREA[goal.lifeArea].icon}
                </Box>
                <Typography sx={{ fontWeight: 600, flex: 1, minWidth: 200 }}>
                  “{goal.statement}”
                </Typography>
                <Chip
                  size="small"
                  label={CHANGE[change].label}
                  color={CHANGE[change].color}
                  variant="outlined"
                />
              </Box>
              {notes.length > 0 && (
                <Box component="ul" sx={{ mt: 1, mb: 0, pl: 3 }}>
                  {notes.map((n) => (
                    <Typography component="li" key={n} variant="body2">
                      {n}
                    </Typography>
                  ))}
                </Box>
              )}
            </Paper>
          ))}
        </Box>
      </Block>
      <Block title="Staying well">
        {wellness.length === 0 ? (
          <Typography color="text.secondary">No change.</Typography>
        ) : (
          wellness.map((k) => (
            <Box key={k} sx={{ mb: 2 }}>
              <Typography sx={{ fontWeight: 700, mb: 0.5 }}>{LABELS.wellnessSection[k]}</Typography>
              <TextChange before={older.wellness[k]} after={newer.wellness[k]} />
            </Box>
          ))
        )}
      </Block>
    </Paper>
  );
}
