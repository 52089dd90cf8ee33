import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import {
  NOTE_LATE_HOURS_DEFAULT,
  ORG_LOCALES,
  PLAN_REVIEW_DAYS_DEFAULT,
  DEFAULT_MEASURE_INTERVAL_DAYS,
  EXPORT_PROTECTIONS,
  type ExportProtection,
  type OrgLocale,
} from '@peerpath/shared';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** The environment PeerPath reads, checked once at start (SPEC §6). */
class Environment {
  @IsOptional() @IsString() DATABASE_URL?: string;
  @IsOptional() @IsString() DATA_DIR?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsString() HOST?: string;
  @IsOptional() @IsString() JWT_SECRET?: string;
  @IsOptional() @IsEmail() ADMIN_EMAIL?: string;
  @IsOptional() @IsString() @MinLength(12) @MaxLength(128) ADMIN_PASSWORD?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() DEMO_DATA?: boolean;
  @IsOptional() @IsString() ORG_TIMEZONE?: string;
  @IsOptional() @IsString() @MaxLength(120) ORG_NAME?: string;
  @IsOptional()
  @IsIn(ORG_LOCALES, { message: `ORG_LOCALE must be one of ${ORG_LOCALES.join(', ')}` })
  ORG_LOCALE?: OrgLocale;
  @IsOptional() @Transform(toInt) @IsInt() @Min(2) @Max(1000) SUPPRESSION_THRESHOLD?: number;
  @IsOptional()
  @IsIn(EXPORT_PROTECTIONS, {
    message: `EXPORT_PROTECTION must be one of ${EXPORT_PROTECTIONS.join(', ')}`,
  })
  EXPORT_PROTECTION?: ExportProtection;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(8760) NOTE_LATE_HOURS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3650) PLAN_REVIEW_DAYS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(7) @Max(730) MEASURE_INTERVAL_DAYS?: number;
  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;
  @IsOptional() @IsString() CLIENT_DIST?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535) EMBEDDED_PG_PORT?: number;
  @IsOptional() @IsString() CORS_ORIGINS?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) DB_POOL_SIZE?: number;
  @IsOptional() @Transform(toBool) @IsBoolean() TRUST_PROXY?: boolean;
}

export interface AppConfig {
  /** Set when an external PostgreSQL is used; filled in once an embedded one has started. */
  databaseUrl?: string;
  embedded: boolean;
  dataDir: string;
  embeddedPort: number;
  port: number;
  host: string;
  jwtSecret?: string;
  adminEmail?: string;
  adminPassword?: string;
  demoData: boolean;
  orgTimezone: string;
  orgName: string;
  /** How dates are typed and shown in the web client. */
  orgLocale: OrgLocale;
  suppressionThreshold: number;
  /**
   * How funder exports are protected (SPEC §14; EXPORT_PROTECTION): `perturb`
   * (the default, also when unset) adds the cell key method to §5's
   * suppression, `suppress_only` keeps §5 exactly.
   */
  exportProtection?: ExportProtection;
  /** A note signed more than this many hours after its session ended is late (SPEC §8). */
  noteLateHours: number;
  /** Days from a recovery plan's activation or review to its next review (PLAN_REVIEW_DAYS, default 90). */
  planReviewDays?: number;
  /** Days from a measurement to the next follow-up of that instrument (SPEC §9; MEASURE_INTERVAL_DAYS, default 90). */
  measureIntervalDays?: number;
  logLevel: string;
  clientDist?: string;
  corsOrigins: string[];
  dbPoolSize: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (TRUST_PROXY, default false). */
  trustProxy?: boolean;
}

/** Configuration once the database is known: what the Nest app is built from. */
export type ResolvedConfig = AppConfig & { databaseUrl: string; jwtSecret: string };

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** How to make a good JWT_SECRET, said whenever one is refused. */
const MAKE_A_SECRET = 'make one with: openssl rand -base64 48';

/** The JWT_SECRET examples PeerPath ships (.env.example, docker/.env.example, docker/k8s), compared ignoring case. */
const PLACEHOLDER_SECRETS = new Set([
  'change-me-to-at-least-32-random-characters',
  'change-me-32-random-characters-at-least',
  'at-least-32-random-characters-here-please',
  'your-256-bit-secret',
]);

/** Words of example and placeholder text; a random secret holds none of them (odds under 1 in a million). */
const PLACEHOLDER_WORDS = /change|replace|placeholder|example|secret/i;

/**
 * An estimate of a secret's entropy in bits, on the generous side for random
 * text and the mean side for made-up text: its length times log2 of the
 * alphabet it draws from (16 when it is all hex digits, else 26 for lower-case
 * letters + 26 for upper-case + 10 for digits + 33 for other characters, for
 * each kind it uses), but never more than 8 bits per byte of its DEFLATE
 * compression, so a repeated pattern counts once.
 */
export function secretBits(secret: string): number {
  const alphabet = /^([0-9a-f]+|[0-9A-F]+)$/.test(secret)
    ? 16
    : (/[a-z]/.test(secret) ? 26 : 0) +
      (/[A-Z]/.test(secret) ? 26 : 0) +
      (/[0-9]/.test(secret) ? 10 : 0) +
      (/[^a-zA-Z0-9]/.test(secret) ? 33 : 0);
  const byAlphabet = [...secret].length * Math.log2(Math.max(alphabet, 1));
  const compressed = deflateRawSync(Buffer.from(secret, 'utf8'), { level: 9 }).length;
  return Math.min(byAlphabet, compressed * 8);
}

/** Why a JWT_SECRET must not be used (with how to make a good one), or null when it is fine. */
export function jwtSecretProblem(secret: string): string | null {
  if (PLACEHOLDER_SECRETS.has(secret.trim().toLowerCase()) || PLACEHOLDER_WORDS.test(secret)) {
    return `JWT_SECRET is an example value, not a secret; ${MAKE_A_SECRET}`;
  }
  const bits = secretBits(secret);
  if (bits < 128) {
    return `JWT_SECRET is too easy to guess (about ${Math.floor(bits)} bits; at least 128 are needed); ${MAKE_A_SECRET}`;
  }
  return null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = plainToInstance(Environment, { ...env }, { enableImplicitConversion: false });
  const errors = validateSync(parsed, { whitelist: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
  const orgTimezone = parsed.ORG_TIMEZONE || 'UTC';
  if (!isTimeZone(orgTimezone))
    problems.push(`ORG_TIMEZONE "${orgTimezone}" is not an IANA time zone`);
  if (parsed.DATABASE_URL && !parsed.JWT_SECRET) {
    problems.push('JWT_SECRET is required when DATABASE_URL is set');
  }
  if (parsed.JWT_SECRET) {
    const problem = jwtSecretProblem(parsed.JWT_SECRET);
    if (problem) problems.push(problem);
  }
  if (Boolean(parsed.ADMIN_EMAIL) !== Boolean(parsed.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const embedded = !parsed.DATABASE_URL;
  return {
    databaseUrl: parsed.DATABASE_URL,
    embedded,
    dataDir: resolve(parsed.DATA_DIR || './.data'),
    embeddedPort: parsed.EMBEDDED_PG_PORT ?? 54329,
    port: parsed.PORT ?? 3000,
    host: parsed.HOST || '0.0.0.0',
    jwtSecret: parsed.JWT_SECRET,
    adminEmail: parsed.ADMIN_EMAIL,
    adminPassword: parsed.ADMIN_PASSWORD,
    demoData: parsed.DEMO_DATA ?? embedded,
    orgTimezone,
    orgName: parsed.ORG_NAME || 'PeerPath Peer Support Network',
    orgLocale: parsed.ORG_LOCALE ?? 'en-GB',
    suppressionThreshold: parsed.SUPPRESSION_THRESHOLD ?? 11,
    exportProtection: parsed.EXPORT_PROTECTION ?? 'perturb',
    noteLateHours: parsed.NOTE_LATE_HOURS ?? NOTE_LATE_HOURS_DEFAULT,
    planReviewDays: parsed.PLAN_REVIEW_DAYS ?? PLAN_REVIEW_DAYS_DEFAULT,
    measureIntervalDays: parsed.MEASURE_INTERVAL_DAYS ?? DEFAULT_MEASURE_INTERVAL_DAYS,
    logLevel: parsed.LOG_LEVEL || 'info',
    clientDist: parsed.CLIENT_DIST,
    corsOrigins: (parsed.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    dbPoolSize: parsed.DB_POOL_SIZE ?? 20,
    trustProxy: parsed.TRUST_PROXY ?? false,
  };
}
