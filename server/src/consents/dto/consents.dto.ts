import { ArrayMinSize } from 'class-validator';
import {
  DISCLOSURE_METHODS,
  INFORMATION_KINDS,
  type CreateConsentRequest,
  type CreateDisclosureRequest,
  type DisclosureMethod,
  type InformationKind,
  type RevokeConsentRequest,
  type UpdateConsentRequest,
} from '@peerpath/shared';
import {
  BoolField,
  ClientIdField,
  DateField,
  EnumArrayField,
  EnumField,
  PageQuery,
  QueryBool,
  TextField,
  UuidField,
  VersionField,
} from '../../common/validation';

export class CreateConsentDto implements CreateConsentRequest {
  @ClientIdField()
  id?: string;

  @TextField({ max: 200, description: 'The person or organisation the information may go to' })
  recipient: string;

  @TextField({ max: 1000, description: 'What the information is shared for' })
  purpose: string;

  @EnumArrayField(INFORMATION_KINDS, {
    description: 'What may be shared (at least one); substance_use_records needs part2: true',
  })
  @ArrayMinSize(1, { message: 'information must name at least one kind of information' })
  information: InformationKind[];

  @BoolField({ description: 'Covers substance use disorder records under 42 CFR Part 2' })
  part2: boolean;

  @DateField({ description: 'The day the person signed; not in the future' })
  signedOn: string;

  @DateField({
    presence: 'nullable',
    description: 'The last day the consent is in force; this or expiresOnEvent is required',
  })
  expiresOn?: string | null;

  @TextField({
    presence: 'nullable',
    max: 500,
    description: 'An event that ends the consent; this or expiresOn is required',
  })
  expiresOnEvent?: string | null;
}

export class UpdateConsentDto implements UpdateConsentRequest {
  @VersionField({ description: 'The version last read (409 when stale)' })
  version: number;

  @DateField({ description: 'The day the expiry event happened: the consent ends the day before' })
  eventOccurredOn: string;
}

export class RevokeConsentDto implements RevokeConsentRequest {
  @DateField({
    description: 'The day the person withdrew consent; not before signedOn, not in the future',
  })
  revokedOn: string;
}

export class CreateDisclosureDto implements CreateDisclosureRequest {
  @ClientIdField()
  id?: string;

  @TextField({ max: 200, description: 'Who received the information' })
  recipient: string;

  @EnumArrayField(INFORMATION_KINDS, { description: 'What was shared (at least one)' })
  @ArrayMinSize(1, { message: 'information must name at least one kind of information' })
  information: InformationKind[];

  @DateField({ description: 'The day it was shared; not in the future' })
  disclosedOn: string;

  @EnumField(DISCLOSURE_METHODS)
  method: DisclosureMethod;

  @UuidField({
    presence: 'nullable',
    description:
      'The consent it is made under (that consent alone is judged); left out, the server looks for one',
  })
  consentId?: string | null;

  @BoolField({
    presence: 'optional',
    description: 'Shared without consent in an emergency: needs a reason, shown to supervisors',
  })
  emergency?: boolean;

  @TextField({
    presence: 'nullable',
    max: 2000,
    description: 'Why it could not wait for consent (emergency only; required then)',
  })
  reason?: string | null;
}

export class ListConsentsQuery extends PageQuery {}

export class ListDisclosuresQuery extends PageQuery {
  @DateField({ presence: 'nullable', description: 'From this day (three years ago by default)' })
  from?: string;

  @DateField({ presence: 'nullable', description: 'Up to this day (today by default)' })
  to?: string;

  @EnumField(['json', 'csv', 'pdf'], {
    presence: 'optional',
    description:
      'json (the default, one page); csv: every disclosure in the period as a file; pdf: the same as a plain, printable file for the person (paging ignored)',
  })
  format?: 'json' | 'csv' | 'pdf';
}

export class PersonRecordQuery {
  @EnumField(['json', 'pdf'], {
    presence: 'optional',
    description: 'json (the default), or pdf: the same record as a plain, printable file',
  })
  format?: 'json' | 'pdf';
}

export class ListTeamDisclosuresQuery extends PageQuery {
  @QueryBool(
    'true: only emergency disclosures (made without consent, with a reason); false: only those under a consent',
  )
  emergency?: boolean;

  @DateField({ presence: 'nullable', description: 'Disclosed on or after this day' })
  from?: string;

  @DateField({ presence: 'nullable', description: 'Disclosed on or before this day' })
  to?: string;

  @UuidField({
    presence: 'nullable',
    description: 'An admin names a team; a supervisor’s list is always their own team’s',
  })
  teamId?: string;
}
