import { RESOURCE_CATEGORIES, type ResourceCategory } from '@peerpath/shared';
import { EnumField, PageQuery, QueryBool, TextField } from '../../common/validation';

export class ListResourcesQuery extends PageQuery {
  @TextField({
    max: 200,
    presence: 'nullable',
    description: 'Part of the name, description or a tag, ignoring case',
  })
  search?: string;

  @EnumField(RESOURCE_CATEGORIES, { presence: 'nullable' })
  category?: ResourceCategory;

  @QueryBool(
    'true: active resources only; false: inactive ones only. Left out: active only, unless includeInactive=true',
  )
  active?: boolean;

  @QueryBool(
    'true: only resources never checked or not checked in the last 365 days; false: only those checked since',
  )
  stale?: boolean;

  @QueryBool('true: active and inactive resources together (when `active` is left out)')
  includeInactive?: boolean;
}
