import CompareArrowsOutlined from '@mui/icons-material/CompareArrowsOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import EventRepeatOutlined from '@mui/icons-material/EventRepeatOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Participant, RecoveryPlan } from '@peerpath/shared';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormSkeleton, RecordPageSkeleton } from '../components/Skeletons';
import { PageHeader } from '../components/PageHeader';
import { formatDate } from '../lib/dates';
import { useNotify } from '../lib/notify';
import {
  BackToParticipant,
  NO_PRINT,
  PrintButton,
  PrintStyles,
} from '../features/decision-notes/DecisionNoteShow';
import { CopyForPrompt } from '../features/consents/DisclosureForm';
import { useParticipant } from '../features/participants/api';
import { participantName } from '../features/participants/names';
import {
  useActivatePlan,
  useCreatePlan,
  useDiscardPlan,
  usePlan,
  usePlans,
  useReviewPlan,
  useUpdateGoal,
} from '../features/plans/api';
import { PlanCompare } from '../features/plans/PlanCompare';
import { DateActionDialog } from '../features/plans/PlanDialogs';
import { PlanCopy } from '../features/plans/PlanShow';
import { RecordLoadError } from './NotFoundPage';

// The form and its date pickers load when first needed.
const PlanForm = lazy(() =>
  import('../features/plans/PlanForm').then((m) => ({ default: m.PlanForm })),
);

/** How a version is named in a list of versions. */
function versionName(p: RecoveryPlan): string {
  if (p.status === 'draft') return `Draft, started ${formatDate(p.createdAt.slice(0, 10))}`;
  const agreed = p.participantAgreedOn ? ` · agreed ${formatDate(p.participantAgreedOn)}` : '';
  return `Version ${p.versionNo}${p.status === 'active' ? ' (in use)' : ''}${agreed}`;
}

/** Picks one version of a plan, by its name in the list of versions. */
function VersionSelect({
  label,
  plans,
  value,
  onChange,
}: {
  label: string;
  plans: RecoveryPlan[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <TextField
      select
      size="small"
      fullWidth={false}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 260 }}
    >
      {plans.map((p) => (
        <MenuItem key={p.id} value={p.id}>
          {versionName(p)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The plan shown when none is named: the one in use, else the newest draft. */
function defaultPlan(plans: RecoveryPlan[]): RecoveryPlan | undefined {
  return plans.find((p) => p.status === 'active') ?? plans.find((p) => p.status === 'draft');
}

/** Loads the participant and every version of their plan, then renders `children`. */
function WithPlans({
  participantId,
  children,
}: {
  participantId: string | undefined;
  children: (participant: Participant, plans: RecoveryPlan[]) => ReactNode;
}) {
  const participant = useParticipant(participantId);
  const plans = usePlans(participantId);
  if (participant.isLoading || plans.isLoading) {
    return <RecordPageSkeleton label="Loading the recovery plan…" />;
  }
  if (participant.error || !participant.data) {
    return <RecordLoadError query={participant} record="participant" />;
  }
  if (plans.error || !plans.data) {
    return <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />;
  }
  return <>{children(participant.data, plans.data.items)}</>;
}

/** `/participants/:id/plan`: the person's plan in use (or their draft). */
export function PlanPage() {
  const { id } = useParams();
  return (
    <WithPlans participantId={id}>
      {(participant, plans) => (
        <PlanView
          key={participant.id}
          participant={participant}
          plans={plans}
          plan={defaultPlan(plans)}
        />
      )}
    </WithPlans>
  );
}

/** `/plans/:id`: one version of a plan (from the timeline, or the version list). */
export function PlanVersionPage() {
  const { id = '' } = useParams();
  const plan = usePlan(id);
  if (plan.isLoading) return <RecordPageSkeleton label="Loading the recovery plan…" />;
  if (plan.error || !plan.data) {
    return <RecordLoadError query={plan} record="plan" />;
  }
  return (
    <WithPlans participantId={plan.data.participantId}>
      {(participant, plans) => (
        <PlanView
          key={id}
          participant={participant}
          plans={plans}
          plan={plans.find((p) => p.id === id) ?? plan.data}
        />
      )}
    </WithPlans>
  );
}

function PlanView({
  participant,
  plans,
  plan,
}: {
  participant: Participant;
  plans: RecoveryPlan[];
  plan: RecoveryPlan | undefined;
}) {
  const name = participantName(participant);
  const navigate = useNavigate();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const [printed, setPrinted] = useState(false);
  const [dialog, setDialog] = useState<'activate' | 'review' | 'discard' | null>(null);
  const create = useCreatePlan(participant.id);
  const activate = useActivatePlan(plan?.id ?? '');
  const review = useReviewPlan(plan?.id ?? '');
  const discard = useDiscardPlan(plan?.id ?? '');
  const goal = useUpdateGoal(plan);
  const draft = plans.find((p) => p.status === 'draft' && p.basedOnPlanId === plan?.id);
  const agreed = plans.filter((p) => p.status !== 'draft');

  const header = (
    <Box className={NO_PRINT}>
      <BackToParticipant id={participant.id} name={participantName(participant)} />
      <PageHeader
        title={`${name}’s recovery plan`}
        documentTitle={`Recovery plan · ${name}`}
        actions={
          plan &&
          !editing && (
            <>
              {plan.status === 'draft' && (
                <>
                  <Button
                    variant="contained"
                    startIcon={<HandshakeOutlined />}
                    onClick={() => setDialog('activate')}
                  >
                    Agree and put in use
                  </Button>
                  <Button
                    variant="outlined"
                    startIcon={<EditOutlined />}
                    onClick={() => setEditing(true)}
                  >
                    Edit the draft
                  </Button>
                  <Button
                    color="inherit"
                    startIcon={<DeleteOutlineOutlined />}
                    onClick={() => setDialog('discard')}
                  >
                    Discard
                  </Button>
                </>
              )}
              {plan.status === 'active' && (
                <>
                  <PrintButton onPrinted={() => setPrinted(true)} />
                  <Button
                    variant="outlined"
                    startIcon={<EventRepeatOutlined />}
                    onClick={() => setDialog('review')}
                  >
                    Record a review
                  </Button>
                  {draft ? (
                    <Button variant="outlined" href={`/plans/${draft.id}`}>
                      Open the new draft
                    </Button>
                  ) : (
                    <Button
                      variant="outlined"
                      startIcon={<NoteAddOutlined />}
                      disabled={create.isPending}
                      onClick={() =>
                        void create.mutateAsync({}).then((d) => {
                          notify('A new version was started as a copy');
                          void navigate(`/plans/${d.id}`);
                        })
                      }
                    >
                      Start a new version
                    </Button>
                  )}
                </>
              )}
              {plan.status === 'superseded' && <PrintButton onPrinted={() => setPrinted(true)} />}
              {agreed.length >= 2 && (
                <Button
                  startIcon={<CompareArrowsOutlined />}
                  href={`/participants/${participant.id}/plan/compare`}
                >
                  Compare versions
                </Button>
              )}
            </>
          )
        }
      />
    </Box>
  );

  if (!plan) {
    return (
      <>
        {header}
        {editing ? (
          <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 960 }}>
            <Suspense fallback={<FormSkeleton />}>
              <PlanForm
                participant={participant}
                onSaved={(saved) => {
                  notify('Draft saved');
                  void navigate(`/plans/${saved.id}`);
                }}
                onCancel={() => setEditing(false)}
              />
            </Suspense>
          </Paper>
        ) : (
          <EmptyState
            title="No recovery plan yet"
            action={
              <Button variant="contained" size="large" onClick={() => setEditing(true)}>
                Write a plan with {name}
              </Button>
            }
          >
            A plan is written with {name}, in their words: what they are good at, what matters to
            them, and what they want.
          </EmptyState>
        )}
      </>
    );
  }

  return (
    <>
      <PrintStyles />
      {header}
      {printed && (
        <CopyForPrompt
          participantId={participant.id}
          personName={name}
          copy="this printed copy of the plan"
          prefill={{ information: ['plan'], method: 'in_person' }}
          onDone={() => setPrinted(false)}
        />
      )}
      {plans.length > 1 && !editing && (
        <TextField
          select
          size="small"
          fullWidth={false}
          label="Version"
          value={plan.id}
          onChange={(e) => void navigate(`/plans/${e.target.value}`)}
          className={NO_PRINT}
          sx={{ mb: 2, minWidth: 280, maxWidth: '100%' }}
        >
          {plans.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {versionName(p)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {editing ? (
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 960 }}>
          <Suspense fallback={<FormSkeleton />}>
            <PlanForm
              participant={participant}
              plan={plan}
              onSaved={() => {
                setEditing(false);
                notify('Draft saved');
              }}
              onCancel={() => setEditing(false)}
            />
          </Suspense>
        </Paper>
      ) : (
        <>
          {plan.status === 'draft' && plan.basedOnPlanId && (
            <Typography color="text.secondary" className={NO_PRINT} sx={{ mb: 2, maxWidth: 760 }}>
              This draft started as a copy of the plan in use. Change what {name} wants changed,
              then put it in use on the day they agree to it.
            </Typography>
          )}
          <PlanCopy
            plan={plan}
            participantName={name}
            progress={
              plan.status === 'active'
                ? {
                    busy: goal.isPending,
                    onStep: (g, stepId, done) =>
                      goal.mutate(
                        { goalId: g.id, version: plan.version, steps: [{ id: stepId, done }] },
                        {
                          onError: () => notify('That change was not saved. Reload and try again.'),
                        },
                      ),
                    onStatus: (g, status) =>
                      goal.mutate(
                        { goalId: g.id, version: plan.version, status },
                        {
                          onSuccess: () => notify('Saved'),
                          onError: () => notify('That change was not saved. Reload and try again.'),
                        },
                      ),
                  }
                : undefined
            }
          />
        </>
      )}
      {dialog === 'activate' && (
        <DateActionDialog
          open
          title="Agree and put this plan in use"
          dateLabel={`Day ${name} agreed to it`}
          confirmLabel="Put in use"
          onClose={() => setDialog(null)}
          onConfirm={async (date) => {
            await activate.mutateAsync(date);
            setDialog(null);
            notify('The plan is in use');
          }}
        >
          <Typography>
            Once {name} agrees, this version is kept exactly as it is.
            {plan.basedOnPlanId ? ' It replaces the plan in use now.' : ''} Progress on the goals
            can still be marked.
          </Typography>
        </DateActionDialog>
      )}
      {dialog === 'review' && (
        <DateActionDialog
          open
          title="Record a review"
          dateLabel="Day you looked at it together"
          confirmLabel="Record the review"
          onClose={() => setDialog(null)}
          onConfirm={async (date) => {
            await review.mutateAsync(date);
            setDialog(null);
            notify('Review recorded');
          }}
        >
          <Typography>
            You went through the plan with {name} and it still fits, with nothing to change. (To
            change it, start a new version instead.)
          </Typography>
        </DateActionDialog>
      )}
      <ConfirmDialog
        open={dialog === 'discard'}
        title="Discard this draft?"
        confirmLabel="Discard the draft"
        destructive
        busy={discard.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          void discard.mutateAsync().then(() => {
            setDialog(null);
            notify('Draft discarded');
            void navigate(`/participants/${participant.id}/plan`);
          })
        }
      >
        The draft and everything written in it will be gone. The plan in use stays as it is.
      </ConfirmDialog>
    </>
  );
}

/** `/participants/:id/plan/compare?from=&to=`: what changed between two versions. */
export function PlanComparePage() {
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  return (
    <WithPlans participantId={id}>
      {(participant, plans) => {
        const agreed = plans.filter((p) => p.status !== 'draft');
        const newer = plans.find((p) => p.id === search.get('to')) ?? agreed[0];
        const older =
          plans.find((p) => p.id === search.get('from')) ??
          agreed.find((p) => newer && p.versionNo < newer.versionNo);
        const pick = (key: 'from' | 'to', value: string) => {
          const next = new URLSearchParams(search);
          next.set(key, value);
          setSearch(next, { replace: true });
        };
        return (
          <>
            <BackToParticipant id={participant.id} name={participantName(participant)} />
            <PageHeader
              title="Compare plan versions"
              documentTitle={`Compare plans · ${participantName(participant)}`}
              subtitle={participantName(participant)}
            />
            {!older || !newer ? (
              <EmptyState title="Only one version so far">
                Once a second version is agreed, you can see here what changed.
              </EmptyState>
            ) : (
              <>
                <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
                  <VersionSelect
                    label="Earlier"
                    plans={plans}
                    value={older.id}
                    onChange={(id) => pick('from', id)}
                  />
                  <VersionSelect
                    label="Later"
                    plans={plans}
                    value={newer.id}
                    onChange={(id) => pick('to', id)}
                  />
                </Box>
                <PlanCompare older={older} newer={newer} />
              </>
            )}
          </>
        );
      }}
    </WithPlans>
  );
}
