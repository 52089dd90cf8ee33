import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import BalanceOutlined from '@mui/icons-material/BalanceOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import ShareOutlined from '@mui/icons-material/ShareOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
import ExitToAppOutlined from '@mui/icons-material/ExitToAppOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { LABELS } from '@peerpath/shared';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { FormSkeleton, ParticipantPageSkeleton } from '../components/Skeletons';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../lib/notify';
import { useParticipant } from '../features/participants/api';
import { ConsentDetails, ParticipantDetails } from '../features/participants/ParticipantShow';
import { MeasuresCard } from '../features/measures/MeasuresCard';
import { ConsentsCard } from '../features/consents/ConsentsCard';
import { Timeline } from '../features/participants/Timeline';
import {
  TimelineAdvocacyDialog,
  TimelineHandoutDialog,
} from '../features/participants/TimelineEntryDialogs';
import { FollowUps, useFollowUpList } from '../features/resources/FollowUps';
import { usePlans } from '../features/plans/api';
import { CrisisPlanButton, PlanSummary } from '../features/plans/PlanSummary';
import { fullNameIfDifferent, participantName } from '../features/participants/names';
import { RecordLoadError } from './NotFoundPage';
import { usePartsDrawn, useReadyLater } from '../api/deferred';

// The form and its date pickers load when first needed.
const ParticipantForm = lazy(() =>
  import('../features/participants/ParticipantForm').then((m) => ({ default: m.ParticipantForm })),
);
const AdvocacyDialog = lazy(() =>
  import('../features/advocacy/AdvocacyDialog').then((m) => ({ default: m.AdvocacyDialog })),
);
const HandoutDialog = lazy(() =>
  import('../features/resources/HandoutDialog').then((m) => ({ default: m.HandoutDialog })),
);
const DischargeDialog = lazy(() =>
  import('../features/participants/DischargeDialog').then((m) => ({ default: m.DischargeDialog })),
);

function Card({
  title,
  id,
  children,
  action,
}: {
  title: string;
  id: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby={id}
      sx={{ p: { xs: 2, sm: 2.5 }, mb: 2 }}
    >
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 1,
          mb: 1.5,
        }}
      >
        <Typography variant="h2" id={id}>
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </Paper>
  );
}

export function ParticipantPage() {
  const { id = '' } = useParams();
  // A new person is a new page: nothing (an open form, a dialog) carries over from the last one.
  return <ParticipantView key={id} id={id} />;
}

function ParticipantView({ id }: { id: string }) {
  const participant = useParticipant(id);
  const notify = useNotify();
  // `?edit=coverage` (the billing page's fix for a line without coverage) opens the form at coverage.
  const [searchParams, setSearchParams] = useSearchParams();
  const addingCoverage = searchParams.get('edit') === 'coverage';
  const [editing, setEditing] = useState(addingCoverage);
  const stopEditing = () => {
    setEditing(false);
    if (addingCoverage) setSearchParams({}, { replace: true });
  };
  const [discharging, setDischarging] = useState(false);
  const [adding, setAdding] = useState<'advocacy' | 'handout' | null>(null);
  // An entry of the timeline opened in place to update it.
  const [opened, setOpened] = useState<{ kind: 'advocacy' | 'handout'; id: string } | null>(null);
  // A session or decision note just saved from this page's flow (router state).
  const highlight = (useLocation().state as { highlight?: string } | null)?.highlight;
  // One column (a phone): what happened lately comes before details and consent.
  const stacked = useMediaQuery(useTheme().breakpoints.down('md'));

  // The plan and the follow-ups stand above the timeline: the page shows once they are known too
  // (asked for beside the person), so that they do not push the timeline down as they arrive (a
  // plan's goals take any number of lines on a phone).
  const plansLoading = usePlans(id).isLoading;
  const followUpsLoading = useFollowUpList(id).isLoading;
  // The whole page is drawn when the last of them arrives: in a transition, in short slices.
  const ready = useReadyLater(!(participant.isLoading || plansLoading || followUpsLoading));
  // And in three parts, each a commit of its own that a phone fits between taps, top first: the
  // heading, the plan and the follow-ups; then the timeline; then the measures, consents and
  // details (each card keeps its place, so nothing drawn moves when the next part comes).
  const drawn = usePartsDrawn(ready ? 3 : 1);

  if (!ready) return <ParticipantPageSkeleton />;
  if (participant.error || !participant.data) {
    return <RecordLoadError query={participant} record="participant" />;
  }
  const p = participant.data;
  const name = participantName(p);
  const fullName = fullNameIfDifferent(p);

  const detailsColumn = (
    <Grid size={{ xs: 12, md: editing ? 12 : 5 }}>
      {drawn >= 3 && (
        <>
          <Card
            title={editing ? 'Edit details' : 'Details'}
            id="details-heading"
            action={
              !editing && (
                <Button startIcon={<EditOutlined />} onClick={() => setEditing(true)}>
                  Edit details
                </Button>
              )
            }
          >
            {editing ? (
              <Suspense fallback={<FormSkeleton />}>
                <ParticipantForm
                  key={p.version}
                  participant={p}
                  onSaved={(saved) => {
                    stopEditing();
                    if (saved.version !== p.version) notify('Changes saved');
                  }}
                  onCancel={stopEditing}
                  onReload={() => void participant.refetch()}
                  focusCoverage={addingCoverage}
                />
              </Suspense>
            ) : (
              <ParticipantDetails participant={p} />
            )}
          </Card>
          {!editing && (
            <Card title="Consent" id="consent-heading">
              <ConsentDetails participant={p} />
            </Card>
          )}
        </>
      )}
    </Grid>
  );
  const timelineColumn = (
    <Grid size={{ xs: 12, md: editing ? 12 : 7 }}>
      <PlanSummary participantId={p.id} name={name} />
      <FollowUps participantId={p.id} />
      {drawn >= 2 && (
        <Card
          title="Timeline"
          id="timeline-heading"
          action={
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
              <Button
                size="small"
                startIcon={<CampaignOutlined />}
                onClick={() => setAdding('advocacy')}
              >
                Add advocacy
              </Button>
              <Button
                size="small"
                startIcon={<ShareOutlined />}
                onClick={() => setAdding('handout')}
              >
                Share a resource
              </Button>
              <Button
                size="small"
                href={`/decision-notes/new?participantId=${p.id}`}
                startIcon={<BalanceOutlined />}
              >
                Record a decision
              </Button>
            </Box>
          }
        >
          <Timeline
            participantId={p.id}
            highlightId={highlight}
            onOpen={(kind, entryId) => setOpened({ kind, id: entryId })}
          />
        </Card>
      )}
      {/* Below the timeline, so an entry just saved comes back in view at the top. */}
      {!editing && drawn >= 3 && (
        <Card title="Outcome measures" id="measures-heading">
          <MeasuresCard participantId={p.id} />
        </Card>
      )}
      {!editing && drawn >= 3 && (
        <Card title="Consents and sharing" id="consents-heading">
          <ConsentsCard participantId={p.id} />
        </Card>
      )}
    </Grid>
  );

  return (
    <>
      <Link
        href="/participants"
        sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1 }}
      >
        <ArrowBackOutlined fontSize="small" aria-hidden />
        All participants
      </Link>
      <PageHeader
        title={name}
        documentTitle={name}
        subtitle={
          <Box
            component="span"
            sx={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}
          >
            <Chip
              size="small"
              label={LABELS.participantStatus[p.status]}
              color={p.status === 'active' ? 'success' : 'default'}
              variant="outlined"
            />
            {p.pronouns && <span>{p.pronouns}</span>}
            {fullName && <span>Full name: {fullName}</span>}
          </Box>
        }
        actions={
          <>
            <Button
              variant="contained"
              href={`/sessions/new?participantId=${p.id}`}
              startIcon={<EventAvailableOutlined />}
            >
              Log one-to-one
            </Button>
            <CrisisPlanButton participantId={p.id} name={name} />
            {p.status !== 'discharged' && (
              <Button
                variant="outlined"
                color="warning"
                startIcon={<ExitToAppOutlined />}
                onClick={() => setDischarging(true)}
              >
                Discharge
              </Button>
            )}
          </>
        }
      />
      <Grid container spacing={2}>
        {stacked && !editing ? (
          <>
            {timelineColumn}
            {detailsColumn}
          </>
        ) : (
          <>
            {detailsColumn}
            {timelineColumn}
          </>
        )}
      </Grid>
      {adding && (
        <Suspense fallback={null}>
          {adding === 'advocacy' ? (
            <AdvocacyDialog
              open
              participant={p}
              onClose={() => setAdding(null)}
              onSaved={() => {
                setAdding(null);
                notify('Advocacy action saved');
              }}
            />
          ) : (
            <HandoutDialog
              open
              participant={p}
              onClose={() => setAdding(null)}
              onSaved={(message) => {
                setAdding(null);
                notify(message);
              }}
            />
          )}
        </Suspense>
      )}
      {opened?.kind === 'advocacy' && (
        <TimelineAdvocacyDialog key={opened.id} id={opened.id} onClose={() => setOpened(null)} />
      )}
      {opened?.kind === 'handout' && (
        <TimelineHandoutDialog
          key={opened.id}
          id={opened.id}
          participantId={p.id}
          onClose={() => setOpened(null)}
        />
      )}
      {discharging && (
        <Suspense fallback={null}>
          <DischargeDialog
            key={`discharge-${p.version}`}
            participant={p}
            open={discharging}
            onClose={() => setDischarging(false)}
            onDone={(saved) => {
              setDischarging(false);
              notify(`${participantName(saved)} discharged`);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
