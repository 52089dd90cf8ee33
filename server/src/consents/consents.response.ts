import {
  CONSENT_SCAN_TYPES,
  CONSENT_STATES,
  DISCLOSURE_METHODS,
  INFORMATION_KINDS,
  type Consent,
  type ConsentScan,
  type ConsentScanType,
  type ConsentState,
  type Disclosure,
  type DisclosureListItem,
  type DisclosureMethod,
  type InformationKind,
} from '@peerpath/shared';
import { Out, ParticipantRecordOut, RecordStamps } from '../common/api-docs';

export class ConsentScanResponse implements ConsentScan {
  @Out.enum(CONSENT_SCAN_TYPES, { description: 'Read from the file’s content, not its name' })
  contentType: ConsentScanType;

  @Out.int({ minimum: 1, maximum: 5242880 })
  sizeBytes: number;

  @Out.dateTime({ description: 'When this copy was kept' })
  uploadedAt: string;

  @Out.uuid()
  uploadedById: string;
}

@RecordStamps({ version: true })
export class ConsentResponse extends ParticipantRecordOut implements Consent {
  @Out.text({ description: 'The person or organisation the information may go to' })
  recipient: string;

  @Out.text()
  purpose: string;

  @Out.enumArray(INFORMATION_KINDS)
  information: InformationKind[];

  @Out.bool({ description: 'Covers substance use disorder records under 42 CFR Part 2' })
  part2: boolean;

  @Out.date()
  signedOn: string;

  @Out.date({ nullable: true, description: 'The last day the consent is in force' })
  expiresOn: string | null;

  @Out.text({ nullable: true, description: 'An event that ends the consent' })
  expiresOnEvent: string | null;

  @Out.date({ nullable: true, description: 'The day the expiry event happened' })
  eventOccurredOn: string | null;

  @Out.date({ nullable: true })
  revokedOn: string | null;

  @Out.uuid({ nullable: true })
  revokedById: string | null;

  @Out.uuid()
  recordedById: string;

  @Out.enum(CONSENT_STATES, {
    description: 'Where the consent stands today (the organisation’s day)',
  })
  state: ConsentState;

  @Out.bool({ description: 'Whether the signed copy is kept with it' })
  hasScan: boolean;

  @Out.object(() => ConsentScanResponse, {
    nullable: true,
    description: 'The signed copy (GET /api/consents/:id/scan reads the file)',
  })
  scan: ConsentScan | null;

  version: number;
  createdAt: string;
  updatedAt: string;
}

export class DisclosureResponse extends ParticipantRecordOut implements Disclosure {
  @Out.text()
  recipient: string;

  @Out.enumArray(INFORMATION_KINDS)
  information: InformationKind[];

  @Out.date()
  disclosedOn: string;

  @Out.enum(DISCLOSURE_METHODS)
  method: DisclosureMethod;

  @Out.uuid({ nullable: true, description: 'The consent it was made under; null in an emergency' })
  consentId: string | null;

  @Out.bool()
  emergency: boolean;

  @Out.text({ nullable: true, description: 'Why it could not wait for consent (emergency only)' })
  reason: string | null;

  @Out.text({ description: 'The consent’s purpose, or the emergency reason' })
  purpose: string;

  @Out.uuid()
  byId: string;

  @Out.text()
  byName: string;

  @Out.text({
    nullable: true,
    description:
      'The redisclosure notice of 42 CFR 2.32, to go with what was sent, when the consent covers Part 2 records',
  })
  redisclosureNotice: string | null;

  @Out.dateTime()
  createdAt: string;
}

export class DisclosureListItemResponse extends DisclosureResponse implements DisclosureListItem {
  @Out.text({ description: 'Whose information it was: preferred (else first) name and last name' })
  participantName: string;
}
