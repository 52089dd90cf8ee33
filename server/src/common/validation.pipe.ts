import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';

function collect(errors: ValidationError[], prefix: string, out: Record<string, string[]>) {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      out[path] = Object.values(e.constraints).map((m) =>
        m.replace(/^property (\S+) should not exist$/, '$1 is not a known field'),
      );
    }
    if (e.children?.length) collect(e.children, path, out);
  }
  return out;
}

function invalid(fields: Record<string, string[]>): BadRequestException {
  const names = Object.keys(fields);
  const first = names.slice(0, 3).map((n) => fields[n][0]);
  return new BadRequestException({
    message: `Invalid ${names.length === 1 ? 'field' : 'fields'}: ${first.join('; ')}${names.length > 3 ? '; …' : ''}`,
    errors: fields,
  });
}

/**
 * Field names the pipe would otherwise drop without a word: Nest strips
 * `__proto__`, `prototype` and `constructor` (against prototype pollution) and
 * class-transformer skips the names of Object.prototype's members. Refused
 * instead, like any unknown field.
 */
const DROPPED = new Set([
  '__proto__',
  'prototype',
  'constructor',
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** DTOs nest two levels deep (a session's attendance rows); far deeper is an attack on the stack. */
const MAX_DEPTH = 16;

/** Unknown-but-dropped fields and over-deep nesting, found without recursion. */
function shapeErrors(value: unknown): Record<string, string[]> {
  // No prototype: a field named `__proto__` is an ordinary key here.
  const out = Object.create(null) as Record<string, string[]>;
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > MAX_DEPTH) {
      out[path.split('.')[0]] = ['is nested too deeply'];
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (DROPPED.has(key)) out[at] = [`${key} is not a known field`];
      else stack.push({ v: (v as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return out;
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && this.toValidate(metadata)) {
      // Nest would validate a missing or `null` body as `{}`.
      if (value === null || value === undefined) {
        throw new BadRequestException('Send the request body as a JSON object');
      }
      const fields = shapeErrors(value);
      if (Object.keys(fields).length > 0) throw invalid(fields);
    }
    return super.transform(value, metadata);
  }
}

/** Field errors keyed by field path; unknown fields refused; query strings converted. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalid(collect(errors, '', {})),
  });
}
