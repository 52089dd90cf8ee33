import { RESOURCE_CATEGORIES, type Resource, type ResourceCategory } from '@peerpath/shared';
import { Out, RecordStamps } from '../common/api-docs';

@RecordStamps()
export class ResourceResponse implements Resource {
  @Out.uuid()
  id: string;

  @Out.text()
  name: string;

  @Out.enum(RESOURCE_CATEGORIES)
  category: ResourceCategory;

  @Out.text({ nullable: true })
  description: string | null;

  @Out.text({ nullable: true })
  phone: string | null;

  @Out.text({ nullable: true, description: 'An http(s) address' })
  url: string | null;

  @Out.text({ nullable: true })
  address: string | null;

  @Out.textArray()
  tags: string[];

  @Out.bool({ description: 'false: out of the directory' })
  active: boolean;

  @Out.date({ nullable: true, description: 'The day someone last checked it is still right' })
  lastVerifiedOn: string | null;

  @Out.bool({
    description:
      'true: never checked, or not checked in the last 365 days (in the organisation time zone)',
  })
  stale: boolean;

  createdAt: string;
  updatedAt: string;
}
