import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
  NotContains,
  ValidateIf,
} from 'class-validator';
import {
  RESOURCE_CATEGORIES,
  type CreateResourceRequest,
  type ResourceCategory,
} from '@peerpath/shared';
import { BoolField, EnumField, NoBidiControls, TextField } from '../../common/validation';

export const TAGS_MAX = 20;
export const TAG_MAX_LENGTH = 40;

/** Short words to find a resource by: trimmed, none empty or repeated (ignoring case). */
function TagsField() {
  return applyDecorators(
    ValidateIf((_o, v) => v !== undefined),
    Transform(({ value }) =>
      Array.isArray(value) ? value.map((t) => (typeof t === 'string' ? t.trim() : t)) : value,
    ),
    IsArray({ message: 'tags must be a list of short words' }),
    ArrayMaxSize(TAGS_MAX, { message: `tags must have at most ${TAGS_MAX} entries` }),
    IsString({ each: true, message: 'each tag must be text' }),
    MinLength(1, { each: true, message: 'a tag must not be empty' }),
    MaxLength(TAG_MAX_LENGTH, {
      each: true,
      message: `each tag must be at most ${TAG_MAX_LENGTH} characters`,
    }),
    NotContains('\u0000', { each: true, message: 'a tag must not contain NUL characters' }),
    NoBidiControls({
      message:
        'tags must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)',
    }),
    ArrayUnique((t: unknown) => (typeof t === 'string' ? t.toLowerCase() : t), {
      message: 'tags must not repeat',
    }),
    ApiPropertyOptional({
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: TAG_MAX_LENGTH, pattern: '\\S' },
      maxItems: TAGS_MAX,
      uniqueItems: true,
      description: `At most ${TAGS_MAX}, each at most ${TAG_MAX_LENGTH} characters, none repeated (ignoring case)`,
      example: ['24/7', 'free', 'spanish'],
    }),
  );
}

export class CreateResourceDto implements CreateResourceRequest {
  @TextField({ max: 200, example: 'Harbor Street Food Pantry' })
  name: string;

  @EnumField(RESOURCE_CATEGORIES)
  category: ResourceCategory;

  @TextField({ max: 4000, presence: 'nullable' })
  description?: string | null;

  @TextField({ max: 40, presence: 'nullable', example: '555-0142' })
  phone?: string | null;

  @TextField({ max: 500, presence: 'nullable', example: 'https://example.org/pantry' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true },
    { message: 'url must be a web address starting with http:// or https://' },
  )
  url?: string | null;

  @TextField({ max: 300, presence: 'nullable' })
  address?: string | null;

  @TagsField()
  tags?: string[];

  @BoolField({
    presence: 'optional',
    description: 'true by default; false hides it from the directory',
  })
  active?: boolean;
}
