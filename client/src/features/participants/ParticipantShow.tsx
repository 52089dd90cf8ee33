import Box from '@mui/material/Box';
import { LABELS, type Participant } from '@peerpath/shared';
import type { ReactNode } from 'react';
import { DetailList } from '../../components/DetailList';
import { WarningFlag } from '../../components/WarningFlag';
import { formatDate } from '../../lib/dates';
import { useBillingProfiles } from '../billing/api';
import { useTeamName } from '../teams/api';
import { useUserName } from '../users/api';

const none = (
  <Box component="span" sx={{ color: 'text.secondary' }}>
    Not given
  </Box>
);

/** The participant's details, read-only. */
export function ParticipantDetails({ participant: p }: { participant: Participant }) {
  const userName = useUserName();
  const teamName = useTeamName(p.teamId);
  const profiles = useBillingProfiles(Boolean(p.coverage));
  const payer = profiles.data?.items.find((bp) => bp.id === p.coverage?.profileId);
  return (
    <DetailList
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
        ...(p.coverage
          ? ([
              [
                'Billing coverage',
                `${payer ? payer.name : 'Payer on file'} · member id ${p.coverage.memberId}`,
              ],
            ] as [string, ReactNode][])
          : []),
      ]}
    />
  );
}

export function ConsentDetails({ participant: p }: { participant: Participant }) {
  return (
    <DetailList
      label="Consent"
      items={[
        [
          'Consent to services',
          p.consentToServicesOn ? (
            `Given ${formatDate(p.consentToServicesOn)}`
          ) : (
            <WarningFlag>Not recorded</WarningFlag>
          ),
        ],
        [
          'Consent to share information',
          p.consentToShareOn ? (
            `Given ${formatDate(p.consentToShareOn)}`
          ) : (
            <WarningFlag>Not recorded</WarningFlag>
          ),
        ],
      ]}
    />
  );
}
