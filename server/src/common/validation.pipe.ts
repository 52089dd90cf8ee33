import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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

/** Field errors keyed by field path; unknown fields refused; query strings converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = collect(errors, '', {});
      const names = Object.keys(fields);
      const first = names.slice(0, 3).map((n) => fields[n][0]);
      return new BadRequestException({
        message: `Invalid ${names.length === 1 ? 'field' : 'fields'}: ${first.join('; ')}${names.length > 3 ? '; …' : ''}`,
        errors: fields,
      });
    },
  });
}
