import {
  PART2_REDISCLOSURE_NOTICE,
  consentStateOn,
  type Consent,
  type ConsentScanType,
  type Disclosure,
  type DisclosureListItem,
} from '@peerpath/shared';
import { toIsoDate } from '../common/dates';
import { computed, defineRecord } from '../records';
import type { ConsentEntity } from './consent.entity';
import type { ConsentResponse, DisclosureResponse } from './consents.response';
import type { DisclosureEntity } from './disclosure.entity';

export type ConsentRow = Omit<
  ConsentEntity,
  'team' | 'participant' | 'revokedBy' | 'recordedBy'
> & {
  /** The signed copy's description (never its content), or null. */
  scan: {
    contentType: ConsentScanType;
    sizeBytes: number;
    uploadedAt: string;
    uploadedById: string;
  } | null;
};
export type DisclosureRow = Omit<DisclosureEntity, 'team' | 'participant' | 'consent' | 'by'> & {
  byName: string;
  part2: boolean;
};

/** The consent as the record layer reads and writes it. */
export const CONSENT = defineRecord<ConsentRow>({
  table: 'consent',
  entity: 'consent',
  notFound: 'Consent not found',
  stale: 'This consent was changed by someone else. Reload it and try again.',
  columns: {
    id: 'id',
    teamId: 'team_id',
    participantId: 'participant_id',
    recipient: 'recipient',
    purpose: 'purpose',
    information: 'information',
    part2: 'part2',
    signedOn: 'signed_on',
    expiresOn: 'expires_on',
    expiresOnEvent: 'expires_on_event',
    eventOccurredOn: 'event_occurred_on',
    revokedOn: 'revoked_on',
    revokedById: 'revoked_by_id',
    recordedById: 'recorded_by_id',
    scan: computed(
      (c) => `(SELECT json_build_object('contentType', s.content_type, 'sizeBytes', s.size_bytes,
                 'uploadedAt', to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'uploadedById', s.uploaded_by_id)
                 FROM consent_scan s WHERE s.consent_id = ${c}.id)`,
    ),
    version: 'version',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

/** The disclosure as the record layer reads and writes it, with who made it and whether it was under Part 2. */
export const DISCLOSURE = defineRecord<DisclosureRow>({
  table: 'disclosure',
  entity: 'disclosure',
  notFound: 'Disclosure not found',
  columns: {
    id: 'id',
    teamId: 'team_id',
    participantId: 'participant_id',
    recipient: 'recipient',
    information: 'information',
    disclosedOn: 'disclosed_on',
    method: 'method',
    consentId: 'consent_id',
    emergency: 'emergency',
    reason: 'reason',
    purpose: 'purpose',
    byId: 'by_id',
    byName: computed((d) => `(SELECT u.display_name FROM app_user u WHERE u.id = ${d}.by_id)`),
    part2: computed(
      (d) => `coalesce((SELECT c.part2 FROM consent c WHERE c.id = ${d}.consent_id), false)`,
    ),
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

/** The signed copy of a consent, as the move rule (SPEC §1) carries it with the person. */
export const CONSENT_SCAN = defineRecord<{ id: string; teamId: string; participantId: string }>({
  table: 'consent_scan',
  entity: 'consent_scan',
  notFound: 'No signed copy is kept with this consent',
  columns: { id: 'id', teamId: 'team_id', participantId: 'participant_id' },
});

/**
 * A consent in force on the day `$day` names (SQL over the alias `c`), as
 * `consentStateOn` in @peerpath/shared: signed on or before the day, the day
 * on or before `expires_on` and before `event_occurred_on`, not revoked on or
 * before it.
 */
export const IN_FORCE_SQL = (c: string, day: string) =>
  `(${c}.signed_on <= ${day}
    AND (${c}.expires_on IS NULL OR ${day} <= ${c}.expires_on)
    AND (${c}.event_occurred_on IS NULL OR ${day} < ${c}.event_occurred_on)
    AND (${c}.revoked_on IS NULL OR ${day} < ${c}.revoked_on))`;

/** A recipient as compared: ignoring case and surrounding spaces. */
export function sameRecipient(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function toConsentResponse(r: ConsentRow, today: string): ConsentResponse & Consent {
  const dates = {
    signedOn: toIsoDate(r.signedOn)!,
    expiresOn: toIsoDate(r.expiresOn),
    eventOccurredOn: toIsoDate(r.eventOccurredOn),
    revokedOn: toIsoDate(r.revokedOn),
  };
  return {
    id: r.id,
    participantId: r.participantId,
    teamId: r.teamId,
    recipient: r.recipient,
    purpose: r.purpose,
    information: r.information,
    part2: r.part2,
    ...dates,
    expiresOnEvent: r.expiresOnEvent,
    revokedById: r.revokedById,
    recordedById: r.recordedById,
    state: consentStateOn(dates, today),
    hasScan: r.scan !== null,
    scan: r.scan,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toDisclosureResponse(r: DisclosureRow): DisclosureResponse & Disclosure {
  return {
    id: r.id,
    participantId: r.participantId,
    teamId: r.teamId,
    recipient: r.recipient,
    information: r.information,
    disclosedOn: toIsoDate(r.disclosedOn)!,
    method: r.method,
    consentId: r.consentId,
    emergency: r.emergency,
    reason: r.reason,
    purpose: r.purpose,
    byId: r.byId,
    byName: r.byName,
    redisclosureNotice: r.part2 ? PART2_REDISCLOSURE_NOTICE : null,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toDisclosureListItem(
  r: DisclosureRow & { participantName: string },
): DisclosureListItem {
  return { ...toDisclosureResponse(r), participantName: r.participantName };
}
