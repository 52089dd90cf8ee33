import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { ResourceCategory } from '@peerpath/shared';
import type { ResourceEntity } from '../resource.entity';
import { CsvError, readCsvRows, writeCsv } from './csv';
import { HSDS_ROW_SCHEMAS, HSDS_TABLES, csvName, type HsdsTable } from './schema';

export type HsdsRow = Record<string, unknown>;
/** The five HSDS tables, each a list of rows (the JSON form is exactly this object). */
export type HsdsData = Record<HsdsTable, HsdsRow[]>;

/** The columns PeerPath writes, in order, for each table's CSV file. */
export const HSDS_COLUMNS: Record<HsdsTable, readonly string[]> = {
  organization: ['id', 'name', 'description', 'email', 'website'],
  service: [
    'id',
    'organization_id',
    'name',
    'description',
    'url',
    'email',
    'status',
    'assured_date',
    'peerpath_category',
    'peerpath_tags',
  ],
  location: ['id', 'location_type', 'organization_id', 'name', 'description'],
  phone: ['id', 'service_id', 'organization_id', 'location_id', 'number'],
  service_at_location: ['id', 'service_id', 'location_id', 'description'],
};

/** The resource fields an HSDS service gives, with the HSDS ids it came under. */
export interface ImportedResource {
  hsdsServiceId: string;
  hsdsOrganizationId: string;
  hsdsLocationId: string | null;
  hsdsPhoneId: string | null;
  name: string;
  category: ResourceCategory;
  description: string | null;
  phone: string | null;
  url: string | null;
  address: string | null;
  tags: string[];
  active: boolean;
  lastVerifiedOn: string | null;
}

export interface RowProblem {
  field: string;
  message: string;
}

export interface RefusedRow {
  /** `service.csv` in the zip form; `service` in the JSON form. */
  file: string;
  /** 1 is the first row of the table (in CSV, the line under the header). */
  row: number;
  id: string | null;
  errors: RowProblem[];
}

/** Input that is not an HSDS file at all (not a zip, not JSON of the five tables): a 400. */
export class HsdsFileError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

// ── Export ──────────────────────────────────────────────────────────────────

/**
 * The directory as HSDS tables: each resource is one service, of one
 * organization (shared when resources were imported under the same one), at
 * one location when it has an address, with one phone when it has a number.
 * Ids are the HSDS ids a resource was imported under, or else its own id, so
 * exporting and importing again finds the same resources.
 */
export function toHsds(resources: ResourceEntity[]): HsdsData {
  const data: HsdsData = {
    organization: [],
    service: [],
    location: [],
    phone: [],
    service_at_location: [],
  };
  const orgs = new Set<string>();
  const locations = new Set<string>();
  const phones = new Set<string>();
  for (const r of resources) {
    const serviceId = r.hsdsServiceId ?? r.id;
    const orgId = r.hsdsOrganizationId ?? r.id;
    if (!orgs.has(orgId)) {
      orgs.add(orgId);
      data.organization.push(
        clean({ id: orgId, name: r.name, description: r.description ?? r.name }),
      );
    }
    data.service.push(
      clean({
        id: serviceId,
        organization_id: orgId,
        name: r.name,
        description: r.description,
        url: r.url,
        status: r.active ? 'active' : 'inactive',
        assured_date: r.lastVerifiedOn,
        peerpath_category: r.category,
        peerpath_tags: r.tags ?? [],
      }),
    );
    if (r.address !== null) {
      const locationId = r.hsdsLocationId ?? r.id;
      if (!locations.has(locationId)) {
        locations.add(locationId);
        data.location.push(
          clean({
            id: locationId,
            location_type: 'physical',
            organization_id: orgId,
            name: r.name,
            description: r.address,
          }),
        );
      }
      data.service_at_location.push({
        id: `${serviceId}@${locationId}`,
        service_id: serviceId,
        location_id: locationId,
      });
    }
    if (r.phone !== null) {
      let phoneId = r.hsdsPhoneId ?? r.id;
      if (phones.has(phoneId)) phoneId = `${phoneId}@${serviceId}`;
      phones.add(phoneId);
      data.phone.push({ id: phoneId, service_id: serviceId, number: r.phone });
    }
  }
  return data;
}

function clean(row: Record<string, unknown>): HsdsRow {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));
}

/** A Frictionless `datapackage.json` naming the CSV files and their fields. */
function datapackage(): object {
  return {
    name: 'peerpath-directory',
    title: 'PeerPath resource directory (Open Referral HSDS 3.0)',
    profile: 'tabular-data-package',
    resources: HSDS_TABLES.map((t) => ({
      name: t,
      path: csvName(t),
      format: 'csv',
      mediatype: 'text/csv',
      schema: {
        fields: HSDS_COLUMNS[t].map((name) => ({ name, type: 'string' })),
        primaryKey: 'id',
      },
    })),
  };
}

/** The tabular form: a zip of one CSV file a table, and datapackage.json. */
export function toHsdsZip(data: HsdsData): Buffer {
  const files: Record<string, Uint8Array> = {
    'datapackage.json': strToU8(JSON.stringify(datapackage(), null, 2)),
  };
  for (const t of HSDS_TABLES) files[csvName(t)] = strToU8(writeCsv(HSDS_COLUMNS[t], data[t]));
  return Buffer.from(zipSync(files, { level: 6 }));
}

// ── Reading a file ──────────────────────────────────────────────────────────

/** Unpacked files in a zip may add up to this much (a zip bomb is refused). */
const UNZIPPED_MAX = 64 * 1024 * 1024;

/**
 * The tables of a tabular HSDS zip (files named `service.csv` and so on,
 * anywhere in the zip; others are ignored). `service.csv` must be there.
 */
export function readHsdsZip(body: Buffer): HsdsData {
  const wanted = new Map(HSDS_TABLES.map((t) => [csvName(t), t]));
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
      filter: (f) => {
        const base = f.name.split('/').pop() ?? '';
        if (!wanted.has(base) || f.name.startsWith('__MACOSX/')) return false;
        total += f.originalSize;
        if (total > UNZIPPED_MAX) {
          throw new HsdsFileError('body', 'The zip unpacks to more than 64 MB; split it');
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof HsdsFileError) throw e;
    throw new HsdsFileError('body', 'The file is not a readable zip');
  }
  const data = emptyData();
  const seen = new Set<HsdsTable>();
  for (const [name, bytes] of Object.entries(files)) {
    const table = wanted.get(name.split('/').pop() ?? '')!;
    if (seen.has(table)) throw new HsdsFileError('body', `The zip holds ${csvName(table)} twice`);
    seen.add(table);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new HsdsFileError(csvName(table), `${csvName(table)} is not UTF-8 text`);
    }
    try {
      data[table] = readCsvRows(text, table === 'service' ? ['peerpath_tags'] : []);
    } catch (e) {
      if (e instanceof CsvError)
        throw new HsdsFileError(csvName(table), `${csvName(table)}: ${e.message}`);
      throw e;
    }
  }
  if (!seen.has('service')) {
    throw new HsdsFileError(
      'body',
      'The zip has no service.csv (HSDS services are what is imported)',
    );
  }
  return data;
}

/** The tables of the JSON form: `{organization: [...], service: [...], ...}`; `service` must be there. */
export function readHsdsJson(body: unknown): HsdsData {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HsdsFileError(
      'body',
      'The JSON form is an object of tables: {"service": [...], ...}',
    );
  }
  const b = body as Record<string, unknown>;
  const data = emptyData();
  for (const t of HSDS_TABLES) {
    const rows = b[t];
    if (rows === undefined) continue;
    if (!Array.isArray(rows)) throw new HsdsFileError(t, `${t} must be a list of rows`);
    data[t] = rows as HsdsRow[];
  }
  if (b.service === undefined) {
    throw new HsdsFileError('service', 'service is required: the HSDS services to import');
  }
  return data;
}

function emptyData(): HsdsData {
  return { organization: [], service: [], location: [], phone: [], service_at_location: [] };
}

// ── Checking ────────────────────────────────────────────────────────────────

const ajv = new Ajv({ allErrors: true, strict: true });
const validators = Object.fromEntries(
  HSDS_TABLES.map((t) => [t, ajv.compile(HSDS_ROW_SCHEMAS[t])]),
) as Record<HsdsTable, ValidateFunction>;

function fieldOf(e: ErrorObject): string {
  if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    return e.instancePath ? `${pathName(e.instancePath)}.${missing}` : missing;
  }
  return pathName(e.instancePath) || 'row';
}

/** `/peerpath_tags/2` → `peerpath_tags[2]`. */
function pathName(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i ? `.${p}` : p))
    .join('');
}

function messageOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'is required';
    case 'type':
      return p.type === 'string'
        ? 'must be text'
        : p.type === 'array'
          ? 'must be a list'
          : p.type === 'object'
            ? 'must be an object of fields'
            : `must be of type ${String(p.type)}`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as string[]).join(', ')}`;
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters`;
    case 'minLength':
      return 'must not be empty';
    case 'maxItems':
      return `must have at most ${String(p.limit)} entries`;
    case 'pattern':
      if (e.instancePath.endsWith('url') || e.instancePath.endsWith('website')) {
        return 'must be a web address starting with http:// or https://';
      }
      if (e.instancePath.endsWith('_date')) return 'must be a date (YYYY-MM-DD)';
      return 'must not be blank';
    default:
      return e.message ?? 'is not valid';
  }
}

function fileName(table: HsdsTable, form: 'zip' | 'json'): string {
  return form === 'zip' ? csvName(table) : table;
}

function idOf(row: unknown): string | null {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

function isRealDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export interface HsdsCheck {
  refused: RefusedRow[];
  /** The services that passed, as resources (every one refused row refuses the whole import). */
  resources: ImportedResource[];
}

/**
 * Checks every row against PeerPath's HSDS schema (ajv), then what a schema
 * cannot say: ids repeated within a table, references to rows that are not
 * there, tags repeated. Every problem names its file, row and field.
 */
export function checkHsds(data: HsdsData, form: 'zip' | 'json'): HsdsCheck {
  const problems = new Map<string, RefusedRow>();
  const add = (table: HsdsTable, index: number, field: string, message: string) => {
    const key = `${table}:${index}`;
    let r = problems.get(key);
    if (!r) {
      r = {
        file: fileName(table, form),
        row: index + 1,
        id: idOf(data[table][index]),
        errors: [],
      };
      problems.set(key, r);
    }
    r.errors.push({ field, message });
  };

  const ids = {} as Record<HsdsTable, Map<string, number>>;
  for (const t of HSDS_TABLES) {
    ids[t] = new Map();
    data[t].forEach((row, i) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        add(t, i, 'row', 'must be an object of fields');
        return;
      }
      if (!validators[t](row)) {
        // One problem a field: the first the schema names (an empty text is not also "blank").
        const fields = new Set<string>();
        for (const e of validators[t].errors ?? []) {
          const field = fieldOf(e);
          if (fields.has(field)) continue;
          fields.add(field);
          add(t, i, field, messageOf(e));
        }
      }
      const id = idOf(row);
      if (id !== null) {
        const first = ids[t].get(id);
        if (first !== undefined) add(t, i, 'id', `repeats the id of row ${first + 1}`);
        else ids[t].set(id, i);
      }
    });
  }

  const ref = (t: HsdsTable, i: number, field: string, target: HsdsTable) => {
    const v = data[t][i]?.[field];
    if (typeof v === 'string' && !ids[target].has(v)) {
      add(t, i, field, `names no ${target} in ${fileName(target, form)}`);
    }
  };
  data.service.forEach((row, i) => {
    ref('service', i, 'organization_id', 'organization');
    const date = row?.assured_date;
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isRealDate(date)) {
      add('service', i, 'assured_date', 'must be a real date (YYYY-MM-DD)');
    }
    const tags = row?.peerpath_tags;
    if (Array.isArray(tags)) {
      const seen = new Set<string>();
      for (const tag of tags) {
        if (typeof tag !== 'string') continue;
        const k = tag.trim().toLowerCase();
        if (seen.has(k)) {
          add('service', i, 'peerpath_tags', `repeats “${tag}” (ignoring case)`);
          break;
        }
        seen.add(k);
      }
    }
  });
  data.location.forEach((_row, i) => ref('location', i, 'organization_id', 'organization'));
  data.phone.forEach((_row, i) => {
    ref('phone', i, 'service_id', 'service');
    ref('phone', i, 'organization_id', 'organization');
    ref('phone', i, 'location_id', 'location');
  });
  data.service_at_location.forEach((_row, i) => {
    ref('service_at_location', i, 'service_id', 'service');
    ref('service_at_location', i, 'location_id', 'location');
  });

  const refused = [...problems.values()].sort(
    (a, b) =>
      HSDS_TABLES.indexOf(tableOf(a.file)) - HSDS_TABLES.indexOf(tableOf(b.file)) || a.row - b.row,
  );
  const resources = refused.length ? plannedServices(data, problems) : plannedServices(data);
  return { refused, resources };
}

function tableOf(file: string): HsdsTable {
  return file.replace(/\.csv$/, '') as HsdsTable;
}

/** Each service that passed, as a resource, with its first phone and its first location's address. */
function plannedServices(data: HsdsData, problems?: Map<string, RefusedRow>): ImportedResource[] {
  const str = (v: unknown): string | null =>
    typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  const phoneOfService = new Map<string, HsdsRow>();
  const phoneOfOrg = new Map<string, HsdsRow>();
  for (const p of data.phone) {
    const s = str(p.service_id);
    const o = str(p.organization_id);
    if (s && !phoneOfService.has(s)) phoneOfService.set(s, p);
    else if (!s && o && !str(p.location_id) && !phoneOfOrg.has(o)) phoneOfOrg.set(o, p);
  }
  const locations = new Map(data.location.map((l) => [l.id as string, l]));
  const locationOf = new Map<string, HsdsRow>();
  for (const sal of data.service_at_location) {
    const s = str(sal.service_id);
    const l = locations.get(sal.location_id as string);
    if (s && l && !locationOf.has(s)) locationOf.set(s, l);
  }
  const out: ImportedResource[] = [];
  data.service.forEach((s, i) => {
    if (problems?.has(`service:${i}`)) return;
    const id = s.id as string;
    const orgId = s.organization_id as string;
    const phone = phoneOfService.get(id) ?? phoneOfOrg.get(orgId) ?? null;
    const location = locationOf.get(id) ?? null;
    const tags = Array.isArray(s.peerpath_tags)
      ? (s.peerpath_tags as string[]).map((t) => t.trim())
      : [];
    out.push({
      hsdsServiceId: id,
      hsdsOrganizationId: orgId,
      hsdsLocationId: location ? (location.id as string) : null,
      hsdsPhoneId: phone ? (phone.id as string) : null,
      name: (s.name as string).trim(),
      category: (s.peerpath_category as ResourceCategory | undefined) ?? 'other',
      description: str(s.description),
      phone: phone ? str(phone.number) : null,
      url: str(s.url),
      address: location ? str(location.description) : null,
      tags,
      active: s.status === 'active',
      lastVerifiedOn: str(s.assured_date),
    });
  });
  return out;
}
