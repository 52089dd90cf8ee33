import type { IsoDate, IsoDateTime } from './api';

/** What a consent may cover and a disclosure may send (SPEC §10). */
export const INFORMATION_KINDS = [
  'attendance',
  'plan',
  'notes',
  'measures',
  'advocacy',
  'contact_details',
  'substance_use_records',
] as const;
export type InformationKind = (typeof INFORMATION_KINDS)[number];

/** How a disclosure was made. */
export const DISCLOSURE_METHODS = [
  'in_person',
  'phone',
  'email',
  'fax',
  'mail',
  'portal',
  'other',
] as const;
export type DisclosureMethod = (typeof DISCLOSURE_METHODS)[number];

/** Where a consent stands on a given day (today in lists). */
export const CONSENT_STATES = ['in_force', 'not_yet', 'expired', 'revoked'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** The accounting of disclosures looks back this many years by default (42 CFR 2.24–2.25). */
export const ACCOUNTING_YEARS = 3;

/**
 * The notice that goes with every disclosure made under a Part 2 consent:
 * statement 1 of 42 CFR 2.32(a) as amended in 2024 (89 FR 12472). Kept word
 * for word; a program checks it against the current eCFR text.
 */
export const PART2_REDISCLOSURE_NOTICE =
  'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). ' +
  'These rules prohibit you from using or disclosing this record, or testimony that describes the information ' +
  'contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, ' +
  'State, or local authority, against the patient, unless authorized by the consent of the patient, except as ' +
  'provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, ' +
  'the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of ' +
  'the following applies: (i) Further use or disclosure is expressly permitted by the written consent of the ' +
  'individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. ' +
  '(ii) You are a covered entity or business associate and have received the record for treatment, payment, or ' +
  'health care operations, or (iii) You have received the record from a covered entity or business associate as ' +
  'permitted by 45 CFR part 164, subparts A and E. A general authorization for the release of medical or other ' +
  'information is NOT sufficient to meet the required elements of written consent to further use or redisclose ' +
  'the record (see 42 CFR 2.31).';

/** A consent to share, with every element of 42 CFR 2.31 PeerPath records (SPEC §10). */
export interface Consent {
  id: string;
  participantId: string;
  teamId: string;
  /** The person or organisation the information may go to. */
  recipient: string;
  purpose: string;
  information: InformationKind[];
  /** Covers substance use disorder records under 42 CFR Part 2. */
  part2: boolean;
  signedOn: IsoDate;
  expiresOn: IsoDate | null;
  /** An event that ends the consent ("when my court case closes"). */
  expiresOnEvent: string | null;
  /** The day the expiry event happened: the consent ends the day before. */
  eventOccurredOn: IsoDate | null;
  revokedOn: IsoDate | null;
  revokedById: string | null;
  recordedById: string;
  /** Where the consent stands today (the organisation's day). */
  state: ConsentState;
  /** Whether the signed copy is kept with it (`GET /api/consents/:id/scan`). */
  hasScan: boolean;
  scan: ConsentScan | null;
  version: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreateConsentRequest {
  id?: string;
  recipient: string;
  purpose: string;
  information: InformationKind[];
  part2: boolean;
  signedOn: IsoDate;
  expiresOn?: IsoDate | null;
  expiresOnEvent?: string | null;
}

/** The only change a stored consent takes: the day its expiry event happened. */
export interface UpdateConsentRequest {
  version: number;
  eventOccurredOn: IsoDate;
}

export interface RevokeConsentRequest {
  revokedOn: IsoDate;
}

/** What a consent's signed copy may be: its type is read from its content. */
export const CONSENT_SCAN_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type ConsentScanType = (typeof CONSENT_SCAN_TYPES)[number];

/** The largest signed copy kept: 5 MB. */
export const CONSENT_SCAN_MAX_BYTES = 5 * 1024 * 1024;

/** The signed copy kept with a consent, as the consent shows it (the file itself is read apart). */
export interface ConsentScan {
  contentType: ConsentScanType;
  sizeBytes: number;
  uploadedAt: IsoDateTime;
  uploadedById: string;
}

/** One entry of the accounting of disclosures. */
export interface Disclosure {
  id: string;
  participantId: string;
  teamId: string;
  recipient: string;
  information: InformationKind[];
  disclosedOn: IsoDate;
  method: DisclosureMethod;
  /** The consent it was made under (null for an emergency disclosure). */
  consentId: string | null;
  emergency: boolean;
  /** Why it could not wait for consent (emergency only). */
  reason: string | null;
  /** The consent's purpose, or the emergency reason. */
  purpose: string;
  byId: string;
  byName: string;
  /** The 42 CFR 2.32 notice when the consent is a Part 2 consent, else null. */
  redisclosureNotice: string | null;
  createdAt: IsoDateTime;
}

/**
 * A disclosure as the team's supervisors review it (`GET /api/disclosures`):
 * the entry with the name of the person whose information went out.
 */
export interface DisclosureListItem extends Disclosure {
  /** Preferred (else first) name and last name. */
  participantName: string;
}

export interface CreateDisclosureRequest {
  id?: string;
  recipient: string;
  information: InformationKind[];
  disclosedOn: IsoDate;
  method: DisclosureMethod;
  consentId?: string | null;
  emergency?: boolean;
  reason?: string | null;
}

/** The dates a consent's standing is worked out from. */
export type ConsentDates = Pick<
  Consent,
  'signedOn' | 'expiresOn' | 'eventOccurredOn' | 'revokedOn'
>;

/**
 * Whether a consent is in force on `day` (SPEC §10): signed on or before it,
 * the day on or before `expiresOn` (the expiry day is included) and before
 * `eventOccurredOn`, and not revoked on or before it. The server's SQL says
 * the same (consents.mapper.ts, IN_FORCE_SQL).
 */
export function consentStateOn(c: ConsentDates, day: IsoDate): ConsentState {
  if (c.revokedOn && c.revokedOn <= day) return 'revoked';
  if (day < c.signedOn) return 'not_yet';
  if (c.expiresOn && day > c.expiresOn) return 'expired';
  if (c.eventOccurredOn && day >= c.eventOccurredOn) return 'expired';
  return 'in_force';
}

/** Plain words for the interface. */
export const INFORMATION_LABELS: Record<InformationKind, string> = {
  attendance: 'Attendance',
  plan: 'Recovery plan',
  notes: 'Session notes',
  measures: 'Outcome measures',
  advocacy: 'Advocacy',
  contact_details: 'Contact details',
  substance_use_records: 'Substance use records (Part 2)',
};

export const DISCLOSURE_METHOD_LABELS: Record<DisclosureMethod, string> = {
  in_person: 'In person',
  phone: 'Phone',
  email: 'Email',
  fax: 'Fax',
  mail: 'Mail',
  portal: 'Online portal',
  other: 'Other',
};

export const CONSENT_STATE_LABELS: Record<ConsentState, string> = {
  in_force: 'In force',
  not_yet: 'Not started yet',
  expired: 'Ended',
  revoked: 'Withdrawn',
};
