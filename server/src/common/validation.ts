import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import {
  isIsoDate,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@peerpath/shared';

/**
 * How a field may be left out:
 * - `required`: always present, never null;
 * - `optional`: may be left out, never null (a NOT NULL column with a default);
 * - `nullable`: may be left out or null (a column a caller can clear).
 */
export type Presence = 'required' | 'optional' | 'nullable';

interface FieldOptions {
  presence?: Presence;
  description?: string;
  example?: unknown;
}

function presence(p: Presence = 'required') {
  if (p === 'nullable') return [IsOptional()];
  if (p === 'optional') return [ValidateIf((_o, v) => v !== undefined)];
  return [];
}

function doc(type: unknown, opts: FieldOptions, extra: Record<string, unknown> = {}) {
  const base = { type, description: opts.description, example: opts.example, ...extra } as never;
  if (opts.presence === 'nullable')
    return ApiPropertyOptional({ ...(base as object), nullable: true } as never);
  if (opts.presence === 'optional') return ApiPropertyOptional(base);
  return ApiProperty(base);
}

/** Refuses the NUL character, which PostgreSQL text cannot store. */
function NoNullBytes(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'noNullBytes',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must not contain NUL characters`, ...options },
      validator: {
        validate: (v: unknown) => typeof v !== 'string' || !v.includes('\u0000'),
      },
    });
}

/**
 * The bidirectional controls (embeddings, overrides and isolates): in a name
 * they make text display as something other than what is stored ("Trojan
 * Source"), e.g. a participant list where one name reads as another.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** Text fields up to this many characters are "short text" (names, titles, topics, labels). */
export const SHORT_TEXT_MAX = 500;

/**
 * Refuses bidirectional control characters (U+202A–U+202E, U+2066–U+2069),
 * in a string or in each string of a list. Applied to every short text field
 * by `TextField`; long free text (notes) may carry them, as right-to-left
 * writing sometimes needs.
 */
export function NoBidiControls(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'noBidiControls',
      target: object.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)`,
        ...options,
      },
      validator: {
        validate: (v: unknown) =>
          Array.isArray(v)
            ? v.every((x) => typeof x !== 'string' || !BIDI_CONTROLS.test(x))
            : typeof v !== 'string' || !BIDI_CONTROLS.test(v),
      },
    });
}

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export function TextField(opts: FieldOptions & { max: number; min?: number }) {
  const min = opts.min ?? (opts.presence === 'required' || !opts.presence ? 1 : 0);
  return applyDecorators(
    ...presence(opts.presence),
    trim,
    IsString(),
    NoNullBytes(),
    ...(opts.max <= SHORT_TEXT_MAX ? [NoBidiControls()] : []),
    MinLength(min, { message: min === 1 ? '$property must not be empty' : undefined }),
    MaxLength(opts.max),
    // Surrounding spaces are trimmed, so required text must hold a non-space character.
    doc(String, opts, {
      maxLength: opts.max,
      ...(min > 0 ? { minLength: min, pattern: '\\S' } : {}),
    }),
  );
}

export function EmailField(opts: FieldOptions = {}) {
  return applyDecorators(
    ...presence(opts.presence),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsString(),
    MaxLength(254),
    IsEmail({}, { message: '$property must be an email address' }),
    doc(String, opts, { format: 'email' }),
  );
}

/**
 * A password as sent: a string of at most 1024 characters (the service checks
 * the rest). `chosen`: one the caller picks, documented with its allowed length.
 */
export function PasswordField(opts: { presence?: 'optional'; chosen?: boolean } = {}) {
  const schema = {
    type: String,
    format: 'password',
    ...(opts.chosen ? { minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH } : {}),
  };
  return applyDecorators(
    MaxLength(1024),
    IsString(),
    ...presence(opts.presence),
    opts.presence ? ApiPropertyOptional(schema) : ApiProperty(schema),
  );
}

export function EnumField(values: readonly string[], opts: FieldOptions = {}) {
  return applyDecorators(
    ...presence(opts.presence),
    IsIn(values as string[], { message: `$property must be one of: ${values.join(', ')}` }),
    doc(String, opts, { enum: values }),
  );
}

export function EnumArrayField(values: readonly string[], opts: FieldOptions = {}) {
  return applyDecorators(
    ...presence(opts.presence),
    IsIn(values as string[], {
      each: true,
      message: `each of $property must be one of: ${values.join(', ')}`,
    }),
    ArrayUnique({ message: '$property must not repeat a value' }),
    ArrayMaxSize(values.length),
    doc([String], opts, {
      enum: values,
      isArray: true,
      uniqueItems: true,
      maxItems: values.length,
    }),
  );
}

export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date written YYYY-MM-DD`, ...options },
      validator: {
        validate: (v: unknown) => isIsoDate(v) && v >= '1900-01-01' && v <= '2200-12-31',
      },
    });
}

/** Years PeerPath accepts in dates and instants (1900–2200). */
const YEAR = '(19\\d{2}|2[01]\\d{2}|2200)';
const DATE_RANGE = 'A date from 1900-01-01 to 2200-12-31';

export function DateField(opts: FieldOptions = {}) {
  return applyDecorators(
    ...presence(opts.presence),
    IsIsoDate(),
    doc(
      String,
      { ...opts, description: [opts.description, DATE_RANGE].filter(Boolean).join('. ') },
      { format: 'date', pattern: `^${YEAR}-\\d{2}-\\d{2}$` },
    ),
  );
}

/** The moments a date and time may name: from the start of 1900 to the end of 2200 (UTC). */
const EARLIEST_MOMENT = Date.UTC(1900, 0, 1);
const LATEST_MOMENT = Date.UTC(2201, 0, 1);

function InPlausibleYears(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'inPlausibleYears',
      target: object.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must lie between 1900 and 2200`,
        ...options,
      },
      validator: {
        validate: (v: unknown) => {
          if (typeof v !== 'string') return true;
          const t = Date.parse(v);
          // An unreadable value is IsISO8601's to report.
          return Number.isNaN(t) || (t >= EARLIEST_MOMENT && t < LATEST_MOMENT);
        },
      },
    });
}

export function DateTimeField(opts: FieldOptions = {}) {
  return applyDecorators(
    ...presence(opts.presence),
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: '$property must be an ISO 8601 date and time' },
    ),
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must be a date and time with a time zone, e.g. 2026-05-01T14:00:00Z',
    }),
    InPlausibleYears(),
    doc(
      String,
      {
        ...opts,
        description: [opts.description, 'With a time zone; the year from 1900 to 2200']
          .filter(Boolean)
          .join('. '),
      },
      { format: 'date-time', pattern: `^${YEAR}-` },
    ),
  );
}

export function UuidField(opts: FieldOptions = {}) {
  return applyDecorators(
    ...presence(opts.presence),
    IsUUID('all', { message: '$property must be a UUID' }),
    doc(String, opts, { format: 'uuid' }),
  );
}

/**
 * The optional client-chosen `id` of a create: sending the same create again
 * returns the stored record instead of writing a second one.
 */
export function ClientIdField(
  description = 'Client-chosen id: sending the same create again returns the stored record',
) {
  return UuidField({ presence: 'optional', description });
}

export function IntField(opts: FieldOptions & { min: number; max: number }) {
  return applyDecorators(
    ...presence(opts.presence),
    IsInt({ message: '$property must be a whole number' }),
    Min(opts.min),
    Max(opts.max),
    doc('integer', opts, { minimum: opts.min, maximum: opts.max }),
  );
}

/** The largest `version` (PostgreSQL integer). */
const VERSION_MAX = 2_147_483_647;

/**
 * The `version` a change sends back: the one last read, so that a change made
 * since is refused (409). `description` says what it guards when not the record itself.
 */
export function VersionField(opts: { presence?: Presence; description?: string } = {}) {
  return IntField({
    min: 1,
    max: VERSION_MAX,
    presence: opts.presence,
    description: opts.description ?? 'The version last read; a stale version is refused with 409',
  });
}

export function BoolField(opts: FieldOptions = {}) {
  return applyDecorators(...presence(opts.presence), IsBoolean(), doc(Boolean, opts));
}

/** Query-string forms: values arrive as strings and are converted. */
export function QueryInt(opts: { min: number; max: number; description?: string }) {
  return applyDecorators(
    IsOptional(),
    Type(() => Number),
    IsInt({ message: '$property must be a whole number' }),
    Min(opts.min),
    Max(opts.max),
    ApiPropertyOptional({
      type: 'integer',
      minimum: opts.min,
      maximum: opts.max,
      description: opts.description,
    }),
  );
}

export function QueryBool(description?: string) {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: '$property must be true or false' }),
    ApiPropertyOptional({ type: Boolean, description }),
  );
}

export class PageQuery {
  @QueryInt({ min: 1, max: 100000, description: 'Page number, from 1' })
  page?: number;

  @QueryInt({
    min: 1,
    max: PAGE_SIZE_MAX,
    description: `Page size, ${PAGE_SIZE_DEFAULT} by default`,
  })
  pageSize?: number;
}

export function paging(q: PageQuery) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** An update DTO: every field optional, and `null` accepted only where the create DTO allows it. */
export function PatchType<T>(classRef: new () => T) {
  return PartialType(classRef as never, {
    skipNullProperties: false,
  }) as unknown as new () => Partial<T>;
}
