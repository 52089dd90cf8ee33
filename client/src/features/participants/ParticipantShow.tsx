import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { LABELS, type Participant } from '@peerpath/shared';
import type { ReactNode } from 'react';
import { formatDate } from '../../lib/dates';
import { useTeamName } from '../teams/api';
import { useUserName } from '../users/api';

function Missing({ children }: { children: ReactNode }) {
  return (
    <Box
      component="span"
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        color: 'warning.main',
        fontWeight: 600,
      }}
    >
      <ErrorOutlineOutlined sx={{ fontSize: 18 }} aria-hidden />
      {children}
    </Box>
  );
}

function Details({ items, label }: { items: [string, ReactNode][]; label: string }) {
  return (
    <Box
      component="dl"
      aria-label={label}
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(120px, auto) 1fr' },
        columnGap: 2,
        rowGap: { xs: 0, sm: 1 },
        m: 0,
      }}
    >
      {items.map(([term, value]) => (
        <Box key={term} sx={{ display: 'contents' }}>
          <Typography
            component="dt"
            variant="body2"
            color="text.secondary"
            sx={{ mt: { xs: 1, sm: 0 } }}
          >
            {term}
          </Typography>
          <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

const none = (
  <Box component="span" sx={{ color: 'text.secondary' }}>
    Not given
  </Box>
);

/** The participant's details, read-only. */
export function ParticipantDetails({ participant: p }: { participant: Participant }) {
  const userName = useUserName();
  const teamName = useTeamName(p.teamId);
  return (
    <Details
      label="Details"
      items={[
        ['First name', p.firstName],
        ['Last name', p.lastName],
        ['Preferred name', p.preferredName || none],
        ['Pronouns', p.pronouns || none],
        ['Date of birth', p.dateOfBirth ? formatDate(p.dateOfBirth) : none],
        ['Phone', p.phone || none],
        ['Email', p.email || none],
        ['Who they are', LABELS.participantType[p.participantType]],
        [
          'Focus areas',
          p.focusAreas.length ? p.focusAreas.map((f) => LABELS.focusArea[f]).join(', ') : none,
        ],
        ['Primary worker', p.primaryWorkerId ? userName(p.primaryWorkerId) : none],
        ['Status', LABELS.participantStatus[p.status]],
        ['Enrolled', formatDate(p.enrolledOn)],
        ...(p.dischargedOn
          ? ([['Discharged', formatDate(p.dischargedOn)]] as [string, ReactNode][])
          : []),
        ...(teamName ? ([['Team', teamName]] as [string, ReactNode][]) : []),
      ]}
    />
  );
}

export function ConsentDetails({ participant: p }: { participant: Participant }) {
  return (
    <Details
      label="Consent"
      items={[
        [
          'Consent to services',
          p.consentToServicesOn ? (
            `Given ${formatDate(p.consentToServicesOn)}`
          ) : (
            <Missing>Not recorded</Missing>
          ),
        ],
        [
          'Consent to share information',
          p.consentToShareOn ? (
            `Given ${formatDate(p.consentToShareOn)}`
          ) : (
            <Missing>Not recorded</Missing>
          ),
        ],
      ]}
    />
  );
}
