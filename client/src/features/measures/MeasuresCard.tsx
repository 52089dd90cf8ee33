import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import {
  INSTRUMENTS,
  bandOf,
  describeChange,
  scoreRange,
  type InstrumentKey,
  type Measurement,
} from '@peerpath/shared';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useCurrentUser } from '../../auth';
import { formatDate } from '../../lib/dates';
import { useParticipant } from '../participants/api';
import { useTeams } from '../teams/api';
import { useMeasurements, useMeasureSchedule } from './api';
import { ParticipantSafetyAlerts } from './SafetyAlerts';
import { ListRow } from '../../components/ListRow';

// Its dialog and text field load when a measure is first voided: a person's page draws without them.
const VoidMeasurementDialog = lazy(() =>
  import('./VoidMeasurementDialog').then((m) => ({ default: m.VoidMeasurementDialog })),
);

const BAND_FILLS = ['#e8f5e9', '#fffde7', '#fff3e0', '#fbe9e7', '#ffebee'];

function monthYear(date: string): string {
  // In the organisation's locale (see `locale.ts`), like every other date.
  return dayjs(`${date}T00:00:00`).format('MMMM YYYY');
}

/** One instrument over time: bands shaded, a point per measure, the change in words. */
export function TrendChart({
  instrument,
  items,
}: {
  instrument: InstrumentKey;
  items: Measurement[];
}) {
  const i = INSTRUMENTS[instrument];
  const { min, max } = scoreRange(i);
  const W = 320;
  const H = 140;
  const pad = 24;
  const y = (s: number) => H - pad - ((s - min) / (max - min)) * (H - 2 * pad);
  const x = (n: number) =>
    items.length < 2 ? W / 2 : pad + (n / (items.length - 1)) * (W - 2 * pad);
  // Lower is better for PHQ-9 and GAD-7: their mildest band is green, at the bottom.
  const fills =
    i.better === 'lower' ? BAND_FILLS : [...BAND_FILLS].reverse().slice(-i.bands.length);
  const first = items[0];
  const last = items[items.length - 1];
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2" component="h3">
        {i.name} · {i.about}
      </Typography>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={`${i.name} scores: ${items.map((m) => m.score).join(', ')}`}
      >
        {i.bands.map((b, n) => (
          <g key={b.key}>
            <rect
              x={0}
              width={W}
              y={y(b.max + 0.5)}
              height={y(b.min - 0.5) - y(b.max + 0.5)}
              fill={fills[n]}
            />
            <text x={4} y={y(b.max + 0.5) + 11} fontSize={9} fill="#52606d">
              {b.label}
            </text>
          </g>
        ))}
        <polyline
          fill="none"
          stroke="#2f6f8f"
          strokeWidth={2}
          points={items.map((m, n) => `${x(n)},${y(m.score)}`).join(' ')}
        />
        {items.map((m, n) => (
          <circle key={m.id} cx={x(n)} cy={y(m.score)} r={4} fill="#2f6f8f">
            <title>{`${m.takenOn}: ${m.score}`}</title>
          </circle>
        ))}
      </svg>
      <Typography variant="body2">
        {items.length > 1
          ? `${describeChange(i, first, last, monthYear(first.takenOn))} (${last.score} now).`
          : `Baseline ${first.score} on ${first.takenOn} — ${bandOf(i, first.score).label}.`}
      </Typography>
    </Box>
  );
}

/**
 * The measures behind a trend, newest first, each with its score and band; the
 * worker who took one, or a supervisor, can void a wrong one.
 */
function MeasureList({ instrument, items }: { instrument: InstrumentKey; items: Measurement[] }) {
  const user = useCurrentUser();
  const [voiding, setVoiding] = useState<Measurement | null>(null);
  const i = INSTRUMENTS[instrument];
  return (
    <Box
      component="ul"
      aria-label={`${i.name} measures taken`}
      sx={{ listStyle: 'none', p: 0, m: 0, mb: 3 }}
    >
      {[...items].reverse().map((m) => (
        <ListRow key={m.id} py={0.5} rowGap={0}>
          <Typography variant="body2" sx={{ flex: '1 1 12rem' }}>
            {formatDate(m.takenOn)} · <strong>{m.score}</strong> · {bandOf(i, m.score).label}
            {m.timepoint === 'baseline' && ' · baseline'}
            {m.timepoint === 'discharge' && ' · at discharge'}
            {m.selfEntered && ' · filled in by them'}
          </Typography>
          {(user.role !== 'worker' || m.administeredById === user.id) && (
            <Button
              size="small"
              color="inherit"
              sx={{ minHeight: 44 }}
              onClick={() => setVoiding(m)}
              aria-label={`Void the ${i.name} of ${formatDate(m.takenOn)}`}
            >
              Void
            </Button>
          )}
        </ListRow>
      ))}
      {voiding && (
        <Suspense fallback={null}>
          <VoidMeasurementDialog measurement={voiding} onClose={() => setVoiding(null)} />
        </Suspense>
      )}
    </Box>
  );
}

/** The participant page's outcome measures: what is due, a way to start one, and the trends. */
export function MeasuresCard({ participantId }: { participantId: string }) {
  const schedule = useMeasureSchedule(participantId);
  const list = useMeasurements(participantId);
  const participant = useParticipant(participantId).data;
  const teams = useTeams();
  const discharged = participant?.status === 'discharged';
  // After discharge nothing comes due, but the measure taken at discharge can still be entered.
  const dischargeInstruments = discharged
    ? (teams.data?.items.find((t) => t.id === participant.teamId)?.instruments ?? [])
    : [];
  const byInstrument = new Map<InstrumentKey, Measurement[]>();
  for (const m of list.data?.items ?? []) {
    byInstrument.set(m.instrument, [...(byInstrument.get(m.instrument) ?? []), m]);
  }
  return (
    <Box>
      <ParticipantSafetyAlerts participantId={participantId} />
      {discharged && (
        <Box sx={{ mb: 2 }}>
          <Typography variant="body2" sx={{ mb: 1 }}>
            No more measures come due after discharge. If you are taking their discharge measure,
            start it here.
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            {dischargeInstruments.map((key) => (
              <Button
                key={key}
                variant="outlined"
                size="large"
                href={`/participants/${participantId}/self-entry/${key}?at=discharge`}
              >
                {INSTRUMENTS[key].name} at discharge
              </Button>
            ))}
          </Box>
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        {schedule.data?.items.map((d) => (
          <Box key={d.instrument} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Button
              variant="contained"
              size="large"
              href={`/participants/${participantId}/self-entry/${d.instrument}`}
            >
              {INSTRUMENTS[d.instrument].name}
            </Button>
            {d.state !== 'upcoming' && (
              <Chip
                size="small"
                color={d.state === 'overdue' ? 'error' : 'warning'}
                label={
                  d.state === 'overdue'
                    ? `Overdue since ${formatDate(d.dueOn)}`
                    : `Due ${formatDate(d.dueOn)}`
                }
              />
            )}
            {d.state === 'upcoming' && (
              <Typography variant="body2" color="text.secondary">
                next {formatDate(d.dueOn)}
              </Typography>
            )}
          </Box>
        ))}
      </Box>
      {[...byInstrument.entries()].map(([key, items]) => (
        <Box key={key}>
          <TrendChart instrument={key} items={items} />
          <MeasureList instrument={key} items={items} />
        </Box>
      ))}
      {list.data?.total === 0 && (
        <Typography variant="body2" color="text.secondary">
          No measures yet. The person can fill one in on this device.
        </Typography>
      )}
    </Box>
  );
}
