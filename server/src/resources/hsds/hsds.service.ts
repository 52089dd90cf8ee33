import { BadRequestException, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth.decorators';
import { insertReturning, RecordContext, updateReturning } from '../../records';
import type { ResourceEntity } from '../resource.entity';
import { RESOURCE } from '../resources.mapper';
import {
  HsdsFileError,
  checkHsds,
  readHsdsJson,
  readHsdsZip,
  toHsds,
  toHsdsZip,
  type HsdsData,
  type ImportedResource,
  type RefusedRow,
} from './hsds';

/** At most this many refused rows are listed in a report (`refusedTotal` counts them all). */
export const REFUSED_LISTED_MAX = 500;

export interface ImportReport {
  dryRun: boolean;
  /** Resources the import adds (a dry run: would add). */
  created: number;
  /** Resources it changes, found by HSDS service id. */
  updated: number;
  refused: RefusedRow[];
  refusedTotal: number;
}

export interface HsdsExport {
  body: Buffer;
  contentType: string;
  filename: string;
}

/**
 * The directory in Open Referral HSDS 3.0 (SPEC §12): export as the tabular
 * zip or its JSON form, and import with a dry run and an all-or-nothing apply.
 */
@Injectable()
export class HsdsService {
  constructor(private readonly records: RecordContext) {}

  async export(caller: AuthUser, format: 'hsds' | 'hsds-json'): Promise<HsdsExport> {
    const rows: ResourceEntity[] = await this.records.db.query(
      `SELECT ${RESOURCE.select} FROM resource ORDER BY lower(name), id`,
    );
    const data = toHsds(rows);
    const day = this.records.today();
    await this.records.audit.record({
      actorId: caller.id,
      action: 'export',
      entityType: RESOURCE.entity,
      entityId: null,
      details: { format, services: data.service.length },
    });
    return format === 'hsds'
      ? {
          body: toHsdsZip(data),
          contentType: 'application/zip',
          filename: `peerpath-directory-hsds-${day}.zip`,
        }
      : {
          body: Buffer.from(JSON.stringify(data), 'utf8'),
          contentType: 'application/json; charset=utf-8',
          filename: `peerpath-directory-hsds-${day}.json`,
        };
  }

  /** The tables of a request body: a zip (`Buffer`) or the JSON form; 400 when it is neither. */
  read(body: unknown): { data: HsdsData; form: 'zip' | 'json' } {
    try {
      if (Buffer.isBuffer(body)) return { data: readHsdsZip(body), form: 'zip' };
      return { data: readHsdsJson(body), form: 'json' };
    } catch (e) {
      if (e instanceof HsdsFileError) {
        throw new BadRequestException({ message: e.message, errors: { [e.field]: [e.message] } });
      }
      throw e;
    }
  }

  /**
   * Checks the file and, unless `dryRun`, applies it in one transaction:
   * each service is created or updated by its HSDS id (or, for a file PeerPath
   * exported, the resource's own id). Any refused row and nothing is written
   * (`applied: false`).
   */
  async import(
    caller: AuthUser,
    body: unknown,
    dryRun: boolean,
  ): Promise<{ report: ImportReport; applied: boolean }> {
    const { data, form } = this.read(body);
    const check = checkHsds(data, form);
    const report = (created: number, updated: number): ImportReport => ({
      dryRun,
      created,
      updated,
      refused: check.refused.slice(0, REFUSED_LISTED_MAX),
      refusedTotal: check.refused.length,
    });
    if (dryRun || check.refused.length) {
      const matches = await this.matches(this.records.db.manager, check.resources);
      const updated = check.resources.filter((r) => matches.has(r.hsdsServiceId)).length;
      return { report: report(check.resources.length - updated, updated), applied: false };
    }
    return this.records.db.transaction(async (m) => {
      // One import at a time: two at once could both add the same HSDS service.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('peerpath:resource-import'))`);
      const matches = await this.matches(m, check.resources);
      // The resources it changes, locked at once in one order: a category change moves the
      // resource's handouts in the month roll-up (migration HandoutMonthRollups), and a handout
      // written meanwhile share-locks its resource before its month; locked one by one, the
      // import could hold one month and wait for a resource that such a handout holds.
      await m.query(
        `SELECT 1 FROM resource WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
        [[...new Set(matches.values())]],
      );
      let created = 0;
      let updated = 0;
      for (const r of check.resources) {
        const values = {
          name: r.name,
          category: r.category,
          description: r.description,
          phone: r.phone,
          url: r.url,
          address: r.address,
          tags: r.tags,
          active: r.active,
          lastVerifiedOn: r.lastVerifiedOn,
          hsdsServiceId: r.hsdsServiceId,
          hsdsOrganizationId: r.hsdsOrganizationId,
          hsdsLocationId: r.hsdsLocationId,
          hsdsPhoneId: r.hsdsPhoneId,
        };
        const id = matches.get(r.hsdsServiceId);
        let savedId: string;
        if (id) {
          await updateReturning(m, RESOURCE, { id }, values);
          savedId = id;
          updated++;
        } else {
          savedId = (await insertReturning(m, RESOURCE, values))!.id;
          created++;
        }
        await this.records.audit.record(
          {
            actorId: caller.id,
            action: id ? 'update' : 'create',
            entityType: RESOURCE.entity,
            entityId: savedId,
            details: { source: 'hsds_import', hsdsServiceId: r.hsdsServiceId },
          },
          m,
        );
      }
      return { report: report(created, updated), applied: true };
    });
  }

  /** HSDS service id → the resource it updates: by `hsds_service_id`, else by its own id (a PeerPath export). */
  private async matches(m: EntityManager, rs: ImportedResource[]): Promise<Map<string, string>> {
    const ids = rs.map((r) => r.hsdsServiceId);
    if (!ids.length) return new Map();
    const rows: { id: string; hsds_service_id: string | null }[] = await m.query(
      `SELECT id, hsds_service_id FROM resource
        WHERE hsds_service_id = ANY($1::text[])
           OR (hsds_service_id IS NULL AND id::text = ANY($1::text[]))`,
      [ids],
    );
    const found = new Map<string, string>();
    for (const row of rows) if (row.hsds_service_id) found.set(row.hsds_service_id, row.id);
    for (const row of rows)
      if (!row.hsds_service_id && !found.has(row.id)) found.set(row.id, row.id);
    return found;
  }
}
