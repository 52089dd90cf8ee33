import type { NextStep } from '@peerpath/shared';
import { toCoverage } from '../billing/coverage';
import { toIsoDate } from '../common/dates';
import { defineRecord } from '../records';
import type { ParticipantEntity } from './participant.entity';
import type { ParticipantListItemResponse, ParticipantResponse } from './participant.response';

/**
 * The participant as the record layer reads and writes it. Writable
 * properties are listed in the order the audit trail names changed fields.
 */
export const PARTICIPANT = defineRecord<ParticipantRow>({
  table: 'participant',
  entity: 'participant',
  notFound: 'Participant not found',
  stale: 'This participant was changed by someone else; reload it and try again',
  columns: {
    id: 'id',
    firstName: 'first_name',
    lastName: 'last_name',
    preferredName: 'preferred_name',
    pronouns: 'pronouns',
    dateOfBirth: 'date_of_birth',
    phone: 'phone',
    email: 'email',
    participantType: 'participant_type',
    focusAreas: 'focus_areas',
    status: 'status',
    enrolledOn: 'enrolled_on',
    dischargedOn: 'discharged_on',
    primaryWorkerId: 'primary_worker_id',
    consentToServicesOn: 'consent_to_services_on',
    consentToShareOn: 'consent_to_share_on',
    coverageProfileId: 'coverage_profile_id',
    coverageMemberId: 'coverage_member_id',
    teamId: 'team_id',
    version: 'version',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

export type ParticipantRow = Omit<
  ParticipantEntity,
  'recordKey' | 'team' | 'primaryWorker' | 'coverageProfile'
>;

export function toParticipantResponse(p: ParticipantRow): ParticipantResponse {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    preferredName: p.preferredName,
    pronouns: p.pronouns,
    dateOfBirth: toIsoDate(p.dateOfBirth),
    phone: p.phone,
    email: p.email,
    participantType: p.participantType,
    focusAreas: p.focusAreas,
    status: p.status,
    enrolledOn: toIsoDate(p.enrolledOn)!,
    dischargedOn: toIsoDate(p.dischargedOn),
    teamId: p.teamId,
    primaryWorkerId: p.primaryWorkerId,
    consentToServicesOn: toIsoDate(p.consentToServicesOn),
    consentToShareOn: toIsoDate(p.consentToShareOn),
    coverage: toCoverage(p),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toParticipantListItem(
  p: ParticipantRow & { lastContactOn: string | null; nextStep?: NextStep | null },
): ParticipantListItemResponse {
  return {
    ...toParticipantResponse(p),
    lastContactOn: toIsoDate(p.lastContactOn),
    nextStep: p.nextStep ?? null,
  };
}
