import { ApiProperty } from '@nestjs/swagger';
import { Out } from '../common/api-docs';
import { ConsentResponse, DisclosureResponse } from './consents.response';

const objects = (description: string) =>
  ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description,
  } as never);

/** Everything PeerPath holds about one person, for them to read (SPEC §10). */
export class PersonRecordResponse {
  @Out.date()
  generatedOn: string;

  @Out.record({ description: 'The person’s profile' })
  person: Record<string, unknown>;

  @objects(
    'Sessions they attended, newest first; a group session gives how many others attended, never who; one another team delivered is a summary',
  )
  sessions: Record<string, unknown>[];

  @objects('Every version of their recovery plan, with its goals')
  plans: Record<string, unknown>[];

  @objects('Advocacy on their behalf')
  advocacy: Record<string, unknown>[];

  @objects('Resources they were given')
  handouts: Record<string, unknown>[];

  @objects('Shared decision-making notes')
  decisionNotes: Record<string, unknown>[];

  @objects('Outcome measures, voided ones included with their reason')
  measures: Record<string, unknown>[];

  @Out.array(() => ConsentResponse)
  consents: ConsentResponse[];

  @Out.array(() => DisclosureResponse)
  disclosures: DisclosureResponse[];
}
