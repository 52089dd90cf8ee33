import type { NextStep } from '@peerpath/shared';
import { toIsoDate } from '../common/dates';
import type { ParticipantEntity } from './participant.entity';
import type { ParticipantListItemResponse, ParticipantResponse } from './participant.response';

/**
 * The participant columns under their entity property names, so a raw
 * `SELECT`/`RETURNING` row has the entity's shape. `p` is the table alias.
 */
export const PARTICIPANT_COLUMNS = `
  p.id, p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.team_id AS "teamId",
  p.first_name AS "firstName", p.last_name AS "lastName", p.preferred_name AS "preferredName",
  p.pronouns, p.date_of_birth AS "dateOfBirth", p.phone, p.email,
  p.participant_type AS "participantType", p.focus_areas AS "focusAreas", p.status,
  p.enrolled_on AS "enrolledOn", p.discharged_on AS "dischargedOn",
  p.primary_worker_id AS "primaryWorkerId", p.consent_to_services_on AS "consentToServicesOn",
  p.consent_to_share_on AS "consentToShareOn", p.version`;

export type ParticipantRow = Omit<ParticipantEntity, 'team' | 'primaryWorker'>;

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
