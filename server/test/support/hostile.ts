/**
 * Malformed requests, generated from a valid body and a description of each
 * field: every case must be refused with a 4xx in the one error shape, and
 * (for a field at fault) a field error naming it.
 */

export type FieldSpec =
  | { kind: 'text'; max: number; presence: Presence }
  | { kind: 'email'; presence: Presence }
  | { kind: 'password'; presence: Presence }
  | { kind: 'enum'; values: readonly string[]; presence: Presence }
  | { kind: 'enumArray'; values: readonly string[]; presence: Presence }
  | { kind: 'date'; presence: Presence }
  | { kind: 'datetime'; presence: Presence }
  | {
      kind: 'uuid';
      presence: Presence;
      /** Also try a well-formed id naming nothing: refused, though not always with 400. */
      unknownOk?: boolean;
    }
  | { kind: 'int'; min: number; max: number; presence: Presence }
  | { kind: 'bool'; presence: Presence }
  | { kind: 'url'; max: number; presence: Presence }
  | { kind: 'tags'; presence: Presence }
  | { kind: 'attendance'; presence: Presence }
  | { kind: 'options'; presence: Presence };

/** As in server/src/common/validation.ts: required; optional (never null); nullable. */
export type Presence = 'required' | 'optional' | 'nullable';

export interface HostileCase {
  name: string;
  /** A JSON body, or the raw payload when `raw` is set. */
  body?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  /** The status required; `4xx` accepts any refusal (the service decides, e.g. 404 or 401). */
  status: 400 | 413 | 415 | '4xx';
  /** The field whose error must be named (a 400 from validation). */
  field?: string;
}

const UUID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const NUL = '\u0000';
const SQL = "'; DROP TABLE participant; --";
const SCRIPT = '<script>alert(document.cookie)</script>';

/** Values of the wrong JSON type for any field. */
const WRONG_TYPES: [string, unknown, '4xx'?][] = [
  ['an object', { $gt: '' }],
  ['an array of one', ['x']],
  ['an empty array', []],
];

function valuesFor(spec: FieldSpec, valid: unknown): [string, unknown, '4xx'?][] {
  const v: [string, unknown, '4xx'?][] = [];
  const str = typeof valid === 'string' ? valid : 'x';
  const first: unknown = Array.isArray(valid) ? valid[0] : valid;
  switch (spec.kind) {
    case 'text':
      v.push(
        ['a number', 12345],
        ['a boolean', true],
        ['one character over the limit', 'x'.repeat(spec.max + 1)],
        ['100 000 characters', 'y'.repeat(100_000)],
        ['a NUL character', `Jam${NUL}ie`],
        ['only a NUL', NUL],
        ['emoji over the limit', '😀'.repeat(spec.max + 1)],
        ['accented letters over the limit', 'é'.repeat(spec.max + 1)],
        [
          'variation selectors past the limit',
          'x'.repeat(spec.max) + '\uFE0F'.repeat(Math.min(spec.max, 50)),
        ],
      );
      if (spec.presence === 'required') {
        v.push(['empty', ''], ['only white space', ' \t\n ']);
      }
      break;
    case 'email':
      v.push(
        ['a number', 42],
        ['not an address', 'not-an-email'],
        ['no domain', 'someone@'],
        ['no local part', '@example.org'],
        ['a space', 'some one@example.org'],
        [
          'over 254 characters',
          `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.org`,
        ],
        ['markup', `${SCRIPT}@example.org`],
        ['SQL', `x${SQL}@example.org`],
        ['a NUL character', `a${NUL}b@example.org`],
        ['two addresses', 'a@example.org,b@example.org'],
      );
      break;
    case 'password':
      v.push(
        ['a number', 123456789012],
        ['over 1024 characters', 'p'.repeat(1025)],
        ['a boolean', false],
        // Well-formed, but refused by the service (too short; a wrong password at sign-in).
        ['too short', 'short', '4xx'],
      );
      break;
    case 'enum':
      v.push(
        ['an unknown value', 'not_a_value'],
        ['upper case', str.toUpperCase()],
        ['a trailing space', `${str} `],
        ['a Cyrillic look-alike', str.replace(/a/, '\u0430').replace(/^([^\u0430]*)$/, '\u0430$1')],
        ['empty', ''],
        ['SQL', `${str}${SQL}`],
        ['markup', SCRIPT],
        ['a number', 5],
        ['a NUL after the value', `${str}${NUL}`],
        ['a lone surrogate', `${str}\uD800`],
        ['an array of the value', [str]],
      );
      break;
    case 'enumArray':
      v.push(
        ['a string, not a list', str],
        ['an unknown member', ['not_a_value']],
        ['a repeated member', [first, first]],
        ['10 000 members', Array.from({ length: 10_000 }, () => first)],
        ['a null member', [null]],
        ['a nested list', [[first]]],
        ['an object member', [{}]],
        ['an object keyed like a list', { 0: first }],
        ['a number', 42],
        ['SQL member', [SQL]],
      );
      break;
    case 'date':
      v.push(
        ['30 February', '2026-02-30'],
        ['month 13', '2026-13-01'],
        ['no zero padding', '2026-1-1'],
        ['a two-digit year', '26-01-01'],
        ['a date and time', '2026-01-01T00:00:00Z'],
        ['before 1900', '1899-12-31'],
        ['after 2200', '2201-01-01'],
        ['a word', 'yesterday'],
        ['a number', 20260101],
        ['all zeros', '0000-00-00'],
        ['an expanded year', '+002026-01-01'],
        ['full-width digits', '２０２６-０１-０１'],
        ['SQL', `2026-01-01${SQL}`],
        ['a NUL', `2026-01-01${NUL}`],
        ['empty', ''],
      );
      break;
    case 'datetime':
      v.push(
        ['no time zone', '2026-05-01T14:00:00'],
        ['a space for T', '2026-05-01 14:00:00Z'],
        ['hour 25', '2026-05-01T25:00:00Z'],
        ['30 February', '2026-02-30T10:00:00Z'],
        ['a date only', '2026-05-01'],
        ['a word', 'now'],
        ['epoch milliseconds', 1777644000000],
        ['an offset of 25 hours', '2026-05-01T14:00:00+25:00'],
        ['seven fraction digits', '2026-05-01T14:00:00.1234567Z'],
        ['year zero', '0000-01-01T00:00:00Z'],
        ['SQL', `2026-05-01T14:00:00Z${SQL}`],
        ['empty', ''],
      );
      break;
    case 'uuid':
      v.push(
        ['not a uuid', 'not-a-uuid'],
        ['a bad hex digit', '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6g'],
        ['one character too many', `${UUID}a`],
        ['braces', `{${UUID}}`],
        ['no hyphens', UUID.replaceAll('-', '')],
        ['SQL', `${UUID}' OR '1'='1`],
        ['a NUL', `${UUID}${NUL}`],
        ['a number', 12345],
        ['a list of one', [UUID]],
        ['full-width', '３f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b'],
        ['empty', ''],
      );
      if (spec.unknownOk) v.push(['a uuid naming nothing', UUID, '4xx']);
      break;
    case 'int':
      v.push(
        ['below the minimum', spec.min - 1],
        ['above the maximum', spec.max + 1],
        ['negative', -1_000_000],
        ['a fraction', spec.min + 0.5],
        ['1e308', 1e308],
        ['beyond 2^53', 2 ** 53 + 2],
        ['a numeric string', String(spec.min)],
        ['a boolean', true],
        ['a list', [spec.min]],
      );
      break;
    case 'bool':
      v.push(
        ['the string "true"', 'true'],
        ['1', 1],
        ['0', 0],
        ['"yes"', 'yes'],
        ['a list', [true]],
      );
      break;
    case 'url':
      v.push(
        ['javascript:', 'javascript:alert(document.cookie)'],
        ['a data: URL', `data:text/html,${SCRIPT}`],
        ['ftp:', 'ftp://example.org/file'],
        ['no host', 'http://'],
        ['not a URL', 'not a url'],
        ['no scheme', 'example.org/pantry'],
        ['over 500 characters', `https://example.org/${'a'.repeat(500)}`],
        ['a space in the host', 'http://exa mple.org'],
        ['a number', 42],
        ['a NUL', `https://example.org/${NUL}`],
      );
      break;
    case 'tags':
      v.push(
        ['a string, not a list', 'free'],
        ['a number member', [1]],
        ['an empty tag', ['']],
        ['a tag over 40 characters', ['t'.repeat(41)]],
        ['21 tags', Array.from({ length: 21 }, (_, i) => `tag${i}`)],
        ['repeated ignoring case', ['Free', 'free']],
        ['a NUL tag', [`fr${NUL}ee`]],
        ['a null member', [null]],
        ['a nested list', [['free']]],
        ['an object', { tag: 'free' }],
      );
      break;
    case 'attendance': {
      const row = (valid as Record<string, unknown>[])[0];
      v.push(
        ['an object, not a list', row],
        ['an empty list', []],
        ['a string', 'everyone'],
        ['a null row', [null]],
        ['a number row', [42]],
        ['a row with no fields', [{}]],
        ['a row with an unknown status', [{ ...row, status: 'late' }]],
        ['a row with a bad participant id', [{ ...row, participantId: 'someone' }]],
        ['a row with an unknown field', [{ ...row, checkedInBy: 'me' }]],
        ['a row with a note over 2000 characters', [{ ...row, note: 'n'.repeat(2001) }]],
        ['a row with a NUL note', [{ ...row, note: `late${NUL}` }]],
        ['a participant twice', [row, { ...row, status: 'absent' }]],
        [
          'a participant twice, once in upper case',
          [row, { ...row, participantId: String(row.participantId).toUpperCase() }],
        ],
        [
          '201 rows',
          Array.from({ length: 201 }, (_, i) => ({
            participantId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            status: 'attended',
          })),
        ],
        ['a nested list', [[row]]],
        ['a row naming nobody', [{ ...row, participantId: UUID }], '4xx'],
      );
      break;
    }
    case 'options': {
      const option = (valid as Record<string, unknown>[])[0];
      v.push(
        ['an object, not a list', option],
        ['an empty list', []],
        ['a string', 'do nothing'],
        ['a null option', [null]],
        ['an option with no label', [{}]],
        ['an empty label', [{ label: '' }]],
        ['a label over 200 characters', [{ label: 'l'.repeat(201) }]],
        ['a number label', [{ label: 42 }]],
        ['pros over 2000 characters', [{ ...option, pros: 'p'.repeat(2001) }]],
        ['an option with an unknown field', [{ ...option, score: 3 }]],
        ['11 options', Array.from({ length: 11 }, (_, i) => ({ label: `Option ${i}` }))],
        ['a NUL in a label', [{ label: `wait${NUL}` }]],
      );
      break;
    }
  }
  if (spec.presence !== 'nullable') v.push(['null', null]);
  return v;
}

/** The field a validation error names: `attendance` errors may name `attendance.0.status`. */
function fieldCases(name: string, spec: FieldSpec, base: Record<string, unknown>): HostileCase[] {
  const out: HostileCase[] = [];
  const valid = base[name] ?? sample(spec);
  if (spec.presence === 'required') {
    const { [name]: _gone, ...rest } = base;
    out.push({ name: `${name} missing`, body: rest, status: 400, field: name });
  }
  for (const [label, value, status] of [...WRONG_TYPES, ...valuesFor(spec, valid)]) {
    // An empty list, or one short word, is a valid value of a list of words.
    if (label === 'an empty array' && ['enumArray', 'tags'].includes(spec.kind)) continue;
    if (label === 'an array of one' && spec.kind === 'tags') continue;
    const body = { ...base, [name]: value };
    out.push(
      status === '4xx'
        ? { name: `${name}: ${label}`, body, status }
        : { name: `${name}: ${label}`, body, status: 400, field: name },
    );
  }
  return out;
}

/** A valid value of a field the base body leaves out. */
function sample(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'enum':
      return spec.values[0];
    case 'enumArray':
      return [spec.values[0]];
    case 'int':
      return spec.min;
    case 'date':
      return '2026-03-01';
    case 'datetime':
      return '2026-03-01T10:00:00Z';
    case 'uuid':
      return UUID;
    default:
      return 'x';
  }
}

/** Malformed bodies whatever the endpoint: wrong shapes, bad JSON, pollution, size. */
function bodyCases(base: Record<string, unknown>, hasRequired: boolean): HostileCase[] {
  const json = JSON.stringify(base);
  const inner = json.slice(1, -1);
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const cases: HostileCase[] = [
    { name: 'a list instead of an object', body: [], status: 400 },
    { name: 'the valid body inside a list', body: [base], status: 400 },
    { name: 'a string', body: 'hello', status: 400 },
    { name: 'a number', body: 42, status: 400 },
    { name: 'true', raw: 'true', status: 400 },
    { name: 'null', raw: 'null', status: 400 },
    { name: 'an empty body', raw: '', status: 400 },
    { name: 'the body encoded twice', body: json, status: 400 },
    { name: 'truncated JSON', raw: json.slice(0, -3), status: 400 },
    { name: 'a trailing comma', raw: `{${inner},}`, status: 400 },
    { name: 'single quotes', raw: json.replaceAll('"', "'"), status: 400 },
    { name: 'a comment', raw: `{/* hi */${inner}}`, status: 400 },
    { name: 'NaN', raw: `{${inner},"extra":NaN}`, status: 400 },
    { name: 'a NUL outside strings', raw: `{${inner}}\u0000`, status: 400 },
    {
      name: 'bytes that are not UTF-8',
      raw: Buffer.concat([
        Buffer.from(json.slice(0, -1)),
        Buffer.from(',"x":"\xff\xfe"}', 'latin1'),
      ]),
      status: 400,
    },
    // Bodies are JSON only (SPEC §4): what a foreign page's form can send is refused before parsing.
    { name: 'text/plain', raw: json, contentType: 'text/plain', status: 415 },
    {
      name: 'a form',
      raw: 'a=1&b=2',
      contentType: 'application/x-www-form-urlencoded',
      status: 415,
    },
    { name: 'XML', raw: '<a>1</a>', contentType: 'application/xml', status: 415 },
    {
      name: 'multipart',
      raw: '--x\r\n\r\n--x--',
      contentType: 'multipart/form-data; boundary=x',
      status: 415,
    },
    { name: 'no content type', raw: json, contentType: '', status: 415 },
    { name: 'over 1 MB', raw: `{${inner},"pad":"${'z'.repeat(1024 * 1024)}"}`, status: 413 },
    { name: 'an unknown field', body: { ...base, isAdmin: true }, status: 400, field: 'isAdmin' },
    {
      name: 'a column name as a field',
      body: { ...base, team_id: UUID },
      status: 400,
      field: 'team_id',
    },
    {
      name: 'a stored-only field',
      body: { ...base, createdAt: '2020-01-01T00:00:00Z' },
      status: 400,
      field: 'createdAt',
    },
    {
      name: 'passwordHash',
      body: { ...base, passwordHash: 'x' },
      status: 400,
      field: 'passwordHash',
    },
    { name: '__proto__ at the top', raw: `{${inner},"__proto__":{"isAdmin":true}}`, status: 400 },
    {
      name: '__proto__ nested',
      raw: `{${inner},"meta":{"__proto__":{"isAdmin":true}}}`,
      status: 400,
    },
    {
      name: 'constructor.prototype',
      raw: `{${inner},"constructor":{"prototype":{"isAdmin":true}}}`,
      status: 400,
    },
    {
      name: 'constructor.prototype nested',
      raw: `{${inner},"meta":{"constructor":{"prototype":{"polluted":1}}}}`,
      status: 400,
    },
    {
      name: 'a prototype field',
      body: { ...base, prototype: { isAdmin: true } },
      status: 400,
      field: 'prototype',
    },
    { name: 'a constructor field (string)', body: { ...base, constructor: 'Object' }, status: 400 },
    { name: 'a hasOwnProperty field', body: { ...base, hasOwnProperty: 1 }, status: 400 },
    { name: 'a toString field', body: { ...base, toString: 'x' }, status: 400 },
    { name: 'a NUL in a field name', raw: `{${inner},"is\\u0000Admin":true}`, status: 400 },
    {
      name: 'a 10 000-character field name',
      body: { ...base, ['k'.repeat(10_000)]: 1 },
      status: 400,
    },
    {
      name: '2 000 unknown fields',
      body: {
        ...base,
        ...Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}`, i])),
      },
      status: 400,
    },
    {
      name: 'an unknown field nested 5 000 deep',
      raw: `{${inner},"deep":${nested(5000)}}`,
      status: 400,
    },
    {
      name: 'an unknown field nested 100 000 deep',
      raw: `{${inner},"deep":${nested(100_000)}}`,
      status: 400,
    },
    {
      name: 'a list 100 000 long',
      raw: `{${inner},"many":[${'0,'.repeat(99_999)}0]}`,
      status: 400,
    },
    { name: 'a number too large for JSON', raw: `{${inner},"big":1e999}`, status: 400 },
  ];
  if (hasRequired) cases.push({ name: 'an empty object', body: {}, status: 400 });
  return cases;
}

export interface WriteEndpoint {
  name: string;
  method: 'POST' | 'PATCH';
  fields: Record<string, FieldSpec>;
}

/** Every case for one endpoint, from its valid body. */
export function hostileCases(
  endpoint: WriteEndpoint,
  base: Record<string, unknown>,
): HostileCase[] {
  const hasRequired = Object.values(endpoint.fields).some((f) => f.presence === 'required');
  const cases = bodyCases(base, hasRequired);
  for (const [name, spec] of Object.entries(endpoint.fields)) {
    cases.push(...fieldCases(name, spec, base));
  }
  // A field nested inside a field the body has (a value that should be a string).
  const firstText = Object.entries(endpoint.fields).find(([, f]) => f.kind === 'text');
  if (firstText) {
    const [name] = firstText;
    cases.push({
      name: `${name}: nested 5 000 deep`,
      raw: `{${JSON.stringify({ ...base, [name]: 0 })
        .slice(1, -1)
        .replace(`"${name}":0`, `"${name}":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`)}}`,
      status: 400,
      field: name,
    });
  }
  return cases;
}

/** Malformed query strings for a list endpoint: paging, repeats, unknowns, pollution. */
export function hostileQueries(
  filters: Record<string, FieldSpec | 'search' | 'bool'>,
): { name: string; query: string; field?: string }[] {
  const q: { name: string; query: string; field?: string }[] = [
    { name: 'page=0', query: 'page=0', field: 'page' },
    { name: 'page=-1', query: 'page=-1', field: 'page' },
    { name: 'page=abc', query: 'page=abc', field: 'page' },
    { name: 'page=1.5', query: 'page=1.5', field: 'page' },
    { name: 'page past the limit', query: 'page=100001', field: 'page' },
    { name: 'page empty', query: 'page=', field: 'page' },
    { name: 'page=Infinity', query: 'page=Infinity', field: 'page' },
    { name: 'page repeated', query: 'page=1&page=2', field: 'page' },
    { name: 'pageSize=0', query: 'pageSize=0', field: 'pageSize' },
    { name: 'pageSize=101', query: 'pageSize=101', field: 'pageSize' },
    { name: 'pageSize=1000', query: 'pageSize=1000', field: 'pageSize' },
    { name: 'pageSize=1e3', query: 'pageSize=1e3', field: 'pageSize' },
    { name: 'pageSize=NaN', query: 'pageSize=NaN', field: 'pageSize' },
    {
      name: 'pageSize SQL',
      query: `pageSize=${encodeURIComponent('10; DROP TABLE participant')}`,
      field: 'pageSize',
    },
    { name: 'an unknown key', query: 'sort=lastName', field: 'sort' },
    { name: 'a column name', query: 'team_id=x', field: 'team_id' },
    { name: '__proto__', query: '__proto__=x' },
    { name: '__proto__[isAdmin]', query: '__proto__%5BisAdmin%5D=true' },
    {
      name: 'constructor[prototype][isAdmin]',
      query: 'constructor%5Bprototype%5D%5BisAdmin%5D=true',
    },
    { name: 'constructor', query: 'constructor=x' },
    { name: 'a NUL key', query: '%00=1' },
  ];
  for (const [name, spec] of Object.entries(filters)) {
    const bad = (label: string, value: string) =>
      q.push({
        name: `${name}: ${label}`,
        query: `${name}=${encodeURIComponent(value)}`,
        field: name,
      });
    if (spec === 'search') {
      bad('over 200 characters', 's'.repeat(201));
      bad('a NUL', `Jam${NUL}`);
      q.push({ name: `${name} repeated`, query: `${name}=a&${name}=b`, field: name });
      continue;
    }
    if (spec === 'bool') {
      bad('yes', 'yes');
      bad('1', '1');
      q.push({ name: `${name} repeated`, query: `${name}=true&${name}=false`, field: name });
      continue;
    }
    switch (spec.kind) {
      case 'enum':
        bad('an unknown value', 'not_a_value');
        bad('upper case', spec.values[0].toUpperCase());
        bad('SQL', `${spec.values[0]}${SQL}`);
        q.push({
          name: `${name} repeated`,
          query: `${name}=${spec.values[0]}&${name}=${spec.values[1]}`,
          field: name,
        });
        break;
      case 'uuid':
        bad('not a uuid', 'not-a-uuid');
        bad('SQL', `${UUID}' OR '1'='1`);
        q.push({ name: `${name} repeated`, query: `${name}=${UUID}&${name}=${UUID}`, field: name });
        break;
      case 'date':
        bad('30 February', '2026-02-30');
        bad('a word', 'yesterday');
        bad('SQL', `2026-01-01${SQL}`);
        q.push({
          name: `${name} repeated`,
          query: `${name}=2026-01-01&${name}=2026-01-02`,
          field: name,
        });
        break;
      default:
        throw new Error(`no query cases for ${spec.kind}`);
    }
  }
  return q;
}
