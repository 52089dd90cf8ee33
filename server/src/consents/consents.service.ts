import { createHash } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ACCOUNTING_YEARS,
  consentStateOn,
  type Consent,
  type ConsentScanType,
  type Disclosure,
  type DisclosureListItem,
  type InformationKind,
  type Page,
} from '@peerpath/shared';
import { fieldError, NotInTeamException, requireParticipant } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { toIsoDate } from '../common/dates';
import { writeAccountingCsv } from './accounting.csv';
import { writeAccountingPdf } from './accounting.pdf';
import {
  createOnce,
  datesNotBefore,
  findInTeam,
  insertReturning,
  listPage,
  RecordContext,
  requireVersion,
  updateVersioned,
  writeRows,
  type CreateResult,
} from '../records';
import {
  CONSENT,
  DISCLOSURE,
  toDisclosureListItem,
  sameRecipient,
  toConsentResponse,
  toDisclosureResponse,
  type ConsentRow,
  type DisclosureRow,
} from './consents.mapper';
import type {
  CreateConsentDto,
  CreateDisclosureDto,
  ListConsentsQuery,
  ListDisclosuresQuery,
  ListTeamDisclosuresQuery,
  RevokeConsentDto,
  UpdateConsentDto,
} from './dto/consents.dto';

function yearsBefore(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/** What a consent lacks for a disclosure, by field: empty when it allows it. */
function shortfall(
  c: ConsentRow,
  dto: { recipient: string; information: InformationKind[]; disclosedOn: string },
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const on = dto.disclosedOn;
  const state = consentStateOn(
    {
      signedOn: toIsoDate(c.signedOn)!,
      expiresOn: toIsoDate(c.expiresOn),
      eventOccurredOn: toIsoDate(c.eventOccurredOn),
      revokedOn: toIsoDate(c.revokedOn),
    },
    on,
  );
  if (state === 'revoked') {
    problems.consentId = [`the consent was withdrawn on ${toIsoDate(c.revokedOn)}`];
  } else if (state === 'not_yet') {
    problems.consentId = [`the consent was signed on ${toIsoDate(c.signedOn)}, after ${on}`];
  } else if (state === 'expired') {
    problems.consentId = [
      c.expiresOn && on > toIsoDate(c.expiresOn)!
        ? `the consent ended on ${toIsoDate(c.expiresOn)}`
        : `the consent ended when “${c.expiresOnEvent}” happened on ${toIsoDate(c.eventOccurredOn)}`,
    ];
  }
  if (!sameRecipient(c.recipient, dto.recipient)) {
    problems.recipient = [`the consent is for ${c.recipient}, not ${dto.recipient.trim()}`];
  }
  const missing = dto.information.filter((k) => !c.information.includes(k));
  if (missing.length > 0) {
    problems.information = [`the consent does not cover: ${missing.join(', ')}`];
  }
  return problems;
}

/**
 * Consent to share and the accounting of disclosures (SPEC §10). A consent
 * is never edited but for the day its expiry event happened and its
 * revocation; a disclosure is judged against the consents on file for the
 * day it was made, under a share lock on them, so a revocation recorded at
 * the same moment either waits for it or blocks it.
 */

/** Far more than one person's disclosures in any period: the CSV is never cut short. */
const EVERY_DISCLOSURE = 100_000;

/**
 * Which stored consent or disclosure a retry naming its id may be given back
 * (SPEC §4): one of this participant's, in the caller's reach.
 */
function ofParticipantInReach(caller: AuthUser, participantId: string) {
  return (stored: { participantId: string; teamId: string }) =>
    stored.participantId === participantId &&
    (caller.role === 'admin' || stored.teamId === caller.teamId);
}

@Injectable()
export class ConsentsService {
  constructor(private readonly records: RecordContext) {}

  private get audit() {
    return this.records.audit;
  }

  async createConsent(
    caller: AuthUser,
    participantId: string,
    dto: CreateConsentDto,
  ): Promise<CreateResult<Consent>> {
    const today = this.records.today();
    return this.records.create(caller, CONSENT, dto, (m) => ({
      toResponse: (row) => toConsentResponse(row, today),
      unordered: ['information'],
      reusable: ofParticipantInReach(caller, participantId),
      insert: async () => {
        const p = await requireParticipant(m, caller, participantId, { lock: 'share' });
        if (dto.signedOn > today) throw fieldError('signedOn', 'signedOn must not be after today');
        if (!dto.expiresOn && !dto.expiresOnEvent) {
          throw fieldError(
            'expiresOn',
            'A consent needs an end: give expiresOn (a date) or expiresOnEvent (an event)',
          );
        }
        datesNotBefore(
          { signedOn: dto.signedOn, expiresOn: dto.expiresOn ?? null },
          'signedOn',
          'expiresOn',
        );
        if (dto.information.includes('substance_use_records') && !dto.part2) {
          throw fieldError(
            'part2',
            'A consent that covers substance_use_records must be a Part 2 consent (part2: true)',
          );
        }
        return insertReturning(m, CONSENT, {
          id: dto.id ?? undefined,
          teamId: p.teamId,
          participantId: p.id,
          recipient: dto.recipient,
          purpose: dto.purpose,
          information: dto.information,
          part2: dto.part2,
          signedOn: dto.signedOn,
          expiresOn: dto.expiresOn ?? null,
          expiresOnEvent: dto.expiresOnEvent ?? null,
          recordedById: caller.id,
        });
      },
    }));
  }

  async listConsents(
    caller: AuthUser,
    participantId: string,
    q: ListConsentsQuery,
  ): Promise<Page<Consent>> {
    const today = this.records.today();
    const filters = { participantId };
    const scope = await this.records.listScope(caller, { ...q, ...filters });
    return this.records.listRead(
      caller,
      CONSENT,
      filters,
      scope,
      { orderBy: 'signed_on DESC, created_at DESC, id DESC' },
      (row) => toConsentResponse(row, today),
    );
  }

  async getConsent(caller: AuthUser, id: string): Promise<Consent> {
    return toConsentResponse(await this.records.read(CONSENT, caller, id), this.records.today());
  }

  /** Finds a consent to change under the participant's share lock (a move waits) and its own row lock. */
  private async lockConsent(m: EntityManager, caller: AuthUser, id: string): Promise<ConsentRow> {
    const found = await findInTeam(m, CONSENT, caller, id);
    await requireParticipant(m, caller, found.participantId, { lock: 'share' });
    return findInTeam(m, CONSENT, caller, id, { lock: 'update' });
  }

  private repeated(caller: AuthUser, c: ConsentRow, what: string) {
    return {
      actorId: caller.id,
      action: 'read' as const,
      entityType: CONSENT.entity,
      entityId: c.id,
      participantId: c.participantId,
      teamId: c.teamId,
      details: { repeated: what },
    };
  }

  /** Records the day the expiry event happened: the one change a stored consent takes. */
  async setEventOccurred(caller: AuthUser, id: string, dto: UpdateConsentDto): Promise<Consent> {
    const today = this.records.today();
    return this.records.db.transaction(async (m) => {
      const current = await this.lockConsent(m, caller, id);
      if (current.eventOccurredOn) {
        if (toIsoDate(current.eventOccurredOn) === dto.eventOccurredOn) {
          await this.audit.record(this.repeated(caller, current, 'eventOccurredOn'), m);
          return toConsentResponse(current, today);
        }
        throw new ConflictException({
          message: `The expiry event of this consent was already recorded on ${toIsoDate(current.eventOccurredOn)}`,
          errors: { eventOccurredOn: ['is already recorded'] },
          record: toConsentResponse(current, today),
        });
      }
      if (!current.expiresOnEvent) {
        throw fieldError(
          'eventOccurredOn',
          'This consent ends on a date, not on an event: there is no event to record',
        );
      }
      requireVersion(CONSENT, current, dto.version);
      if (dto.eventOccurredOn > today) {
        throw fieldError('eventOccurredOn', 'eventOccurredOn must not be after today');
      }
      datesNotBefore(
        { signedOn: toIsoDate(current.signedOn)!, eventOccurredOn: dto.eventOccurredOn },
        'signedOn',
        'eventOccurredOn',
      );
      const saved = await updateVersioned(m, CONSENT, current, dto.version, {
        eventOccurredOn: dto.eventOccurredOn,
      });
      await this.records.auditEvent(m, caller, 'update', CONSENT, saved, {
        fields: ['eventOccurredOn'],
      });
      return toConsentResponse(saved, today);
    });
  }

  /**
   * Records that the person withdrew consent: from `revokedOn` on, nothing
   * more goes out under it. The same revocation again by the same person
   * answers the consent as it is; any other on a revoked consent is a 409.
   */
  async revoke(caller: AuthUser, id: string, dto: RevokeConsentDto): Promise<Consent> {
    const today = this.records.today();
    return this.records.db.transaction(async (m) => {
      const current = await this.lockConsent(m, caller, id);
      if (current.revokedOn) {
        if (current.revokedById === caller.id && toIsoDate(current.revokedOn) === dto.revokedOn) {
          await this.audit.record(this.repeated(caller, current, 'revoke'), m);
          return toConsentResponse(current, today);
        }
        throw new ConflictException({
          message: `This consent was already withdrawn on ${toIsoDate(current.revokedOn)}`,
          errors: { revokedOn: ['the consent is already withdrawn'] },
          record: toConsentResponse(current, today),
        });
      }
      if (dto.revokedOn > today) throw fieldError('revokedOn', 'revokedOn must not be after today');
      datesNotBefore(
        { signedOn: toIsoDate(current.signedOn)!, revokedOn: dto.revokedOn },
        'signedOn',
        'revokedOn',
      );
      const { rows } = await writeRows<ConsentRow>(
        m,
        `UPDATE consent SET revoked_on = $2, revoked_by_id = $3, version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING ${CONSENT.select}`,
        [current.id, dto.revokedOn, caller.id],
      );
      const saved = rows[0];
      await this.records.auditEvent(m, caller, 'update', CONSENT, saved, {
        fields: ['revokedOn'],
        revoked: true,
      });
      return toConsentResponse(saved, today);
    });
  }

  /**
   * Keeps the signed copy of a consent (a PDF, PNG or JPEG, its type read
   * from its content), replacing any kept before. The same file again writes
   * nothing. Audited as a change of the consent.
   */
  async putScan(
    caller: AuthUser,
    id: string,
    file: { content: Buffer; contentType: ConsentScanType },
  ): Promise<Consent> {
    const today = this.records.today();
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    return this.records.db.transaction(async (m) => {
      const current = await this.lockConsent(m, caller, id);
      const [kept]: { sha256: string }[] = await m.query(
        `SELECT sha256 FROM consent_scan WHERE consent_id = $1`,
        [current.id],
      );
      if (kept?.sha256 === sha256) {
        await this.audit.record(this.repeated(caller, current, 'scan'), m);
        return toConsentResponse(current, today);
      }
      await m.query(
        `INSERT INTO consent_scan (team_id, participant_id, consent_id, content_type, size_bytes, sha256, content, uploaded_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (consent_id) DO UPDATE
            SET content_type = EXCLUDED.content_type, size_bytes = EXCLUDED.size_bytes,
                sha256 = EXCLUDED.sha256, content = EXCLUDED.content,
                uploaded_by_id = EXCLUDED.uploaded_by_id, updated_at = now()`,
        [
          current.teamId,
          current.participantId,
          current.id,
          file.contentType,
          file.content.length,
          sha256,
          file.content,
          caller.id,
        ],
      );
      await this.records.auditEvent(m, caller, 'update', CONSENT, current, {
        fields: ['scan'],
        scan: { contentType: file.contentType, sizeBytes: file.content.length, sha256 },
        replaced: Boolean(kept),
      });
      const [saved]: ConsentRow[] = await m.query(
        `SELECT ${CONSENT.select} FROM consent WHERE id = $1`,
        [current.id],
      );
      return toConsentResponse(saved, today);
    });
  }

  /** The signed copy of a consent, to read; its read audited. 404 when none is kept. */
  async readScan(
    caller: AuthUser,
    id: string,
  ): Promise<{ content: Buffer; contentType: ConsentScanType; consentId: string }> {
    const consent = await findInTeam(this.records.db.manager, CONSENT, caller, id);
    const [scan]: { content: Buffer; content_type: ConsentScanType }[] =
      await this.records.db.query(
        `SELECT content, content_type FROM consent_scan WHERE consent_id = $1`,
        [consent.id],
      );
    if (!scan) throw new NotFoundException('No signed copy is kept with this consent');
    await this.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: CONSENT.entity,
      entityId: consent.id,
      participantId: consent.participantId,
      teamId: consent.teamId,
      details: { scan: true },
    });
    return { content: scan.content, contentType: scan.content_type, consentId: consent.id };
  }

  /**
   * The consent a disclosure goes out under: the one named (judged alone), or
   * one of the person's on file for the recipient, in force on the day and
   * covering every kind of information sent; 409 naming what is missing.
   */
  private async consentFor(
    m: EntityManager,
    participantId: string,
    dto: CreateDisclosureDto,
  ): Promise<ConsentRow> {
    if (dto.consentId) {
      const [named]: ConsentRow[] = await m.query(
        `SELECT ${CONSENT.select} FROM consent WHERE id = $1 AND participant_id = $2 FOR SHARE`,
        [dto.consentId, participantId],
      );
      if (!named) throw new NotInTeamException('consent', dto.consentId, CONSENT.notFound);
      const problems = shortfall(named, dto);
      if (Object.keys(problems).length === 0) return named;
      throw new ConflictException({
        message: `This consent does not allow this disclosure: ${Object.values(problems).flat().join('; ')}`,
        errors: problems,
      });
    }
    const candidates: ConsentRow[] = await m.query(
      `SELECT ${CONSENT.select} FROM consent
        WHERE participant_id = $1 AND lower(btrim(recipient)) = lower(btrim($2))
        ORDER BY signed_on DESC, created_at DESC
          FOR SHARE`,
      [participantId, dto.recipient],
    );
    const judged = candidates.map((c) => ({ c, problems: shortfall(c, dto) }));
    const fit = judged.find((j) => Object.keys(j.problems).length === 0);
    if (fit) return fit.c;
    const inForce = judged.filter((j) => !j.problems.consentId);
    const recipient = dto.recipient.trim();
    if (inForce.length === 0) {
      const message =
        candidates.length === 0
          ? `There is no consent on file to share with ${recipient}`
          : `No consent to share with ${recipient} is in force on ${dto.disclosedOn} (${judged
              .map((j) => j.problems.consentId[0])
              .join('; ')})`;
      throw new ConflictException({ message, errors: { recipient: [message] } });
    }
    // The consent in force that comes closest: name what it lacks.
    const closest = inForce.reduce((a, b) =>
      (b.problems.information?.length ?? 0) < (a.problems.information?.length ?? 0) ? b : a,
    );
    const missing = dto.information.filter((k) => !closest.c.information.includes(k));
    throw new ConflictException({
      message: `The consent to share with ${recipient} does not cover: ${missing.join(', ')}`,
      errors: { information: missing.map((k) => `${k} is not covered by the consent`) },
    });
  }

  async createDisclosure(
    caller: AuthUser,
    participantId: string,
    dto: CreateDisclosureDto,
  ): Promise<CreateResult<Disclosure>> {
    const today = this.records.today();
    return this.records.db.transaction(async (m) => {
      const result = await createOnce(m, DISCLOSURE, caller, dto, {
        toResponse: toDisclosureResponse,
        unordered: ['information'],
        reusable: ofParticipantInReach(caller, participantId),
        // An emergency disclosure carries its reason in the audit trail, for the supervisors.
        audit: (entry, row) =>
          this.audit.record(
            {
              ...entry,
              details:
                entry.action === 'create'
                  ? row.emergency
                    ? { emergency: true, reason: row.reason, recipient: row.recipient }
                    : { consentId: row.consentId, recipient: row.recipient }
                  : entry.details,
            },
            m,
          ),
        insert: async () => {
          const p = await requireParticipant(m, caller, participantId, { lock: 'share' });
          if (dto.disclosedOn > today) {
            throw fieldError('disclosedOn', 'disclosedOn must not be after today');
          }
          let consent: ConsentRow | null = null;
          if (dto.emergency) {
            if (!dto.reason) {
              throw fieldError(
                'reason',
                'An emergency disclosure needs a reason: say why it could not wait',
              );
            }
            if (dto.consentId) {
              throw fieldError(
                'consentId',
                'An emergency disclosure is made without a consent: leave consentId out',
              );
            }
          } else {
            if (dto.reason) {
              throw fieldError('reason', 'A reason is given only for an emergency disclosure');
            }
            consent = await this.consentFor(m, p.id, dto);
          }
          const saved = await insertReturning(m, DISCLOSURE, {
            id: dto.id ?? undefined,
            teamId: p.teamId,
            participantId: p.id,
            recipient: dto.recipient,
            information: dto.information,
            disclosedOn: dto.disclosedOn,
            method: dto.method,
            consentId: consent?.id ?? null,
            emergency: dto.emergency ?? false,
            reason: dto.emergency ? dto.reason! : null,
            purpose: consent ? consent.purpose : dto.reason!,
            byId: caller.id,
          });
          return saved as DisclosureRow | undefined;
        },
      });
      return result;
    });
  }

  /**
   * The team's disclosures for its supervisors to review, newest first:
   * with `emergency=true`, those made without consent, each with its reason,
   * who made it and whose information it was. A supervisor sees their own
   * team's; an admin every team's, or the one named.
   */
  async listTeamDisclosures(
    caller: AuthUser,
    q: ListTeamDisclosuresQuery,
  ): Promise<Page<DisclosureListItem>> {
    if (q.from && q.to && q.from > q.to) throw fieldError('from', 'from must not be after to');
    const scope = await this.records.listScope(caller, { ...q, participantId: null }, 'd');
    scope.filter
      .when(q.emergency, 'd.emergency = ?')
      .when(q.from, 'd.disclosed_on >= ?')
      .when(q.to, 'd.disclosed_on <= ?');
    return this.records.listRead(
      caller,
      DISCLOSURE,
      q,
      scope,
      {
        alias: 'd',
        joins: 'JOIN participant p ON p.id = d.participant_id',
        extra: `coalesce(p.preferred_name, p.first_name) || ' ' || p.last_name AS "participantName"`,
        orderBy: 'd.disclosed_on DESC, d.created_at DESC, d.id DESC',
      },
      (row) => toDisclosureListItem(row as DisclosureRow & { participantName: string }),
    );
  }

  /** The accounting of disclosures: newest first, the last three years unless asked otherwise. */
  async listDisclosures(
    caller: AuthUser,
    participantId: string,
    q: ListDisclosuresQuery,
  ): Promise<Page<Disclosure>> {
    return (await this.accounting(caller, participantId, q)).page;
  }

  /** The accounting as a CSV file: every disclosure of the period, audited as the same read. */
  async accountingCsv(
    caller: AuthUser,
    participantId: string,
    q: ListDisclosuresQuery,
  ): Promise<{ body: Buffer; filename: string }> {
    const { page, from, to } = await this.accounting(caller, participantId, {
      ...q,
      format: 'csv',
    });
    return {
      body: writeAccountingCsv(page.items),
      filename: `peerpath-disclosures-${from}-to-${to}.csv`,
    };
  }

  /**
   * The accounting as a PDF for the person: every disclosure of the period,
   * in plain words, with the 42 CFR 2.32 notice where a Part 2 consent
   * applies; audited as an export of the person's information.
   */
  async accountingPdf(
    caller: AuthUser,
    participantId: string,
    q: ListDisclosuresQuery,
    orgName: string,
  ): Promise<{ body: Buffer; filename: string }> {
    const { page, from, to, person } = await this.accounting(caller, participantId, {
      ...q,
      format: 'pdf',
    });
    return {
      body: await writeAccountingPdf(page.items, {
        orgName,
        personName: person.name,
        from,
        to,
        generatedOn: this.records.today(),
      }),
      filename: `peerpath-disclosures-${from}-to-${to}.pdf`,
    };
  }

  private async accounting(
    caller: AuthUser,
    participantId: string,
    q: ListDisclosuresQuery,
  ): Promise<{
    page: Page<Disclosure>;
    from: string;
    to: string;
    person: { teamId: string; name: string };
  }> {
    const today = this.records.today();
    const to = q.to ?? today;
    const from = q.from ?? yearsBefore(to, ACCOUNTING_YEARS);
    if (from > to) throw fieldError('from', 'from must not be after to');
    const all = q.format === 'csv' || q.format === 'pdf';
    const filters = { participantId, from, to, ...(all ? { format: q.format } : {}) };
    const scope = await this.records.listScope(caller, { ...q, participantId });
    scope.filter.add('disclosed_on >= ?', from).add('disclosed_on <= ?', to);
    const [person]: { teamId: string; name: string }[] = await this.records.db.query(
      `SELECT team_id AS "teamId", coalesce(preferred_name, first_name) || ' ' || last_name AS name
         FROM participant WHERE id = $1`,
      [participantId],
    );
    const order = { orderBy: 'disclosed_on DESC, created_at DESC, id DESC' };
    // The file is the whole accounting of the period: paging does not apply.
    const every = { ...scope, page: 1, pageSize: EVERY_DISCLOSURE, offset: 0 };
    if (q.format === 'pdf') {
      // A file for the person, of their information: an export, as their record is.
      const { rows } = await listPage(this.records.db.manager, DISCLOSURE, scope.filter, {
        ...order,
        limit: EVERY_DISCLOSURE,
        offset: 0,
      });
      await this.audit.record({
        actorId: caller.id,
        action: 'export',
        entityType: DISCLOSURE.entity,
        participantId,
        teamId: person.teamId,
        details: { accounting: true, format: 'pdf', from, to },
      });
      const items = rows.map(toDisclosureResponse);
      return {
        page: { items, total: items.length, page: 1, pageSize: EVERY_DISCLOSURE },
        from,
        to,
        person,
      };
    }
    const page = await this.records.listRead(
      caller,
      DISCLOSURE,
      filters,
      all ? every : scope,
      order,
      toDisclosureResponse,
    );
    return { page, from, to, person };
  }
}
