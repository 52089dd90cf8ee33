import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import {
  NOTE_SECTIONS,
  type NoteAddendum,
  type NoteFormat,
  type NoteSections,
  type Page,
  type SessionNote,
} from '@peerpath/shared';
import { type AuditEntry } from '../audit/audit.service';
import {
  fieldError,
  NotInTeamException,
  requireParticipant,
  requireTeamMember,
  teamFilter,
} from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { paging } from '../common/validation';
import {
  createOnce,
  Filter,
  findInTeam,
  insertReturning,
  requireVersion,
  scopeOf,
  updateVersioned,
  type CreateResult,
  RecordContext,
} from '../records';
import type { CreateNoteDto } from './dto/create-note.dto';
import type {
  AddAddendumDto,
  ListNotesQuery,
  ReturnNoteDto,
  SignNoteDto,
} from './dto/note-actions.dto';
import type { UpdateNoteDto } from './dto/update-note.dto';
import { checkGoals } from './goals';
import {
  NOTE_CONTEXT,
  NOTE_FROM,
  NOTES,
  toSessionNoteResponse,
  type NoteWithContext,
  type SessionNoteRow,
} from './notes.mapper';

/** The session a note is written in, as the note needs it. */
interface SessionForNote {
  id: string;
  teamId: string;
  facilitatorId: string;
  voided: boolean;
  /** The session's date in ORG_TIMEZONE (the connection's TimeZone). */
  onDate: string;
}

/** Exactly the sections of the format, each non-empty (the DTO trims and refuses empty text). */
function checkSections(format: NoteFormat, sections: NoteSections): NoteSections {
  const wanted: readonly string[] = NOTE_SECTIONS[format];
  const errors: Record<string, string[]> = {};
  for (const name of wanted) {
    const v = sections[name as keyof NoteSections];
    if (typeof v !== 'string' || v.trim() === '') {
      errors[`sections.${name}`] = [`${name} must not be empty in a ${format} note`];
    }
  }
  for (const name of Object.keys(sections)) {
    if (!wanted.includes(name) && sections[name as keyof NoteSections] !== undefined) {
      errors[`sections.${name}`] = [`${name} is not a section of a ${format} note`];
    }
  }
  const names = Object.keys(errors);
  if (names.length > 0) {
    throw new BadRequestException({
      message: `A ${format} note has the sections ${wanted.join(', ')}, each filled in`,
      errors,
    });
  }
  return Object.fromEntries(wanted.map((n) => [n, sections[n as keyof NoteSections]!]));
}

/** The fields a create sends, as stored: what a safe retry is compared with. */
function forRetry(row: SessionNoteRow) {
  return {
    id: row.id,
    participantId: row.participantId,
    format: row.format,
    sections: row.sections,
    goalIds: row.goalIds,
  };
}

/**
 * The 409 of an action that cannot be taken now, carrying the note as it is
 * (SPEC Common rules: "409 with the record as it is").
 */
function conflictWith(message: string, note: SessionNote): ConflictException {
  return new ConflictException({ message, record: note });
}

@Injectable()
export class NotesService {
  constructor(private readonly records: RecordContext) {}

  /** The note with its context, in the caller's reach; 404 otherwise. */
  private async load(
    m: EntityManager,
    caller: AuthUser,
    id: string,
    lock = false,
  ): Promise<NoteWithContext> {
    if (lock) await findInTeam(m, NOTES, caller, id, { lock: 'update' });
    const team = scopeOf(caller);
    const rows: NoteWithContext[] = await m.query(
      `SELECT ${NOTES.selectAs('n')}, ${NOTE_CONTEXT} FROM ${NOTE_FROM}
        WHERE n.id = $1 ${team ? 'AND n.team_id = $2' : ''}`,
      team ? [id, team] : [id],
    );
    if (rows.length === 0) throw new NotInTeamException(NOTES.entity, id, NOTES.notFound);
    return rows[0];
  }

  private async withContext(m: EntityManager, id: string): Promise<SessionNote> {
    const rows: NoteWithContext[] = await m.query(
      `SELECT ${NOTES.selectAs('n')}, ${NOTE_CONTEXT} FROM ${NOTE_FROM} WHERE n.id = $1`,
      [id],
    );
    return toSessionNoteResponse(rows[0]);
  }

  /** The session, in the caller's reach (404), not voided (409), locked against a concurrent change. */
  private async session(m: EntityManager, caller: AuthUser, id: string): Promise<SessionForNote> {
    const team = scopeOf(caller);
    const rows: SessionForNote[] = await m.query(
      `SELECT id, team_id AS "teamId", facilitator_id AS "facilitatorId",
              voided_at IS NOT NULL AS voided, (starts_at::date)::text AS "onDate"
         FROM support_session
        WHERE id = $1 ${team ? 'AND team_id = $2' : ''}
        FOR SHARE`,
      team ? [id, team] : [id],
    );
    const s = rows[0];
    if (!s || (s.voided && caller.role === 'worker')) {
      throw new NotInTeamException('session', id, 'Session not found');
    }
    if (s.voided) throw new ConflictException('This session was voided: it takes no notes');
    return s;
  }

  private event(
    caller: AuthUser,
    action: AuditEntry['action'],
    n: Pick<SessionNoteRow, 'id' | 'participantId' | 'teamId'>,
    details?: Record<string, unknown>,
  ): AuditEntry {
    return {
      actorId: caller.id,
      action,
      entityType: NOTES.entity,
      entityId: n.id,
      participantId: n.participantId,
      teamId: n.teamId,
      ...(details ? { details } : {}),
    };
  }

  /**
   * Who may write or change a draft: the session's facilitator, a supervisor
   * of the team or an admin; another worker 403.
   */
  private requireWriter(caller: AuthUser, facilitatorId: string): void {
    if (caller.role === 'worker' && caller.id !== facilitatorId) {
      throw new ForbiddenException(
        'Only the session’s facilitator or a supervisor of the team can write its notes',
      );
    }
  }

  async list(caller: AuthUser, q: ListNotesQuery): Promise<Page<SessionNote>> {
    const { page, pageSize, offset } = paging(q);
    const m = this.records.db.manager;
    const teamId = teamFilter(caller, q.teamId);
    if (q.participantId) await requireParticipant(m, caller, q.participantId);
    if (q.sessionId) {
      const team = scopeOf(caller);
      const found = await m.query(
        `SELECT 1 FROM support_session WHERE id = $1 ${team ? 'AND team_id = $2' : ''}`,
        team ? [q.sessionId, team] : [q.sessionId],
      );
      if (found.length === 0)
        throw new NotInTeamException('session', q.sessionId, 'Session not found');
    }
    if (q.signedById) await requireTeamMember(m, teamId, q.signedById, 'Signer not found');
    const waiting = `(n.status = 'signed' AND n.cosign_required)`;
    const f = new Filter()
      .when(teamId, 'n.team_id = ?')
      .when(q.participantId, 'n.participant_id = ?')
      .when(q.sessionId, 'n.session_id = ?')
      .when(q.goalId, '?::uuid = ANY(n.goal_ids)')
      .when(q.signedById, 'n.signed_by_id = ?')
      .when(q.status, 'n.status = ?');
    if (q.awaitingCosign !== undefined) f.add(q.awaitingCosign ? waiting : `NOT ${waiting}`);
    // A voided session's notes count nowhere (SPEC §3).
    f.add('s.voided_at IS NULL');
    const [{ total }] = await m.query(
      `SELECT count(*)::int AS total FROM ${NOTE_FROM} ${f.where}`,
      f.params,
    );
    // The co-signature queue is served oldest first; every other list newest first.
    const order = q.awaitingCosign
      ? 'n.signed_at ASC, n.id'
      : 's.starts_at DESC, n.created_at DESC, n.id';
    const rows: NoteWithContext[] = await m.query(
      `SELECT ${NOTES.selectAs('n')}, ${NOTE_CONTEXT} FROM ${NOTE_FROM} ${f.where}
        ORDER BY ${order} LIMIT ${Number(pageSize)} OFFSET ${Number(offset)}`,
      f.params,
    );
    await this.records.auditList(caller, NOTES, q, teamId);
    const now = new Date();
    return { items: rows.map((r) => toSessionNoteResponse(r, now)), total, page, pageSize };
  }

  async get(caller: AuthUser, id: string): Promise<SessionNote> {
    const row = await this.load(this.records.db.manager, caller, id);
    await this.records.audit.record(this.event(caller, 'read', row));
    return toSessionNoteResponse(row);
  }

  async create(
    caller: AuthUser,
    sessionId: string,
    dto: CreateNoteDto,
  ): Promise<CreateResult<SessionNote>> {
    return this.records.db.transaction(async (m) => {
      const result = await createOnce(m, NOTES, caller, dto, {
        // What a retry is compared on; the answer is read with its context below.
        toResponse: (row) => forRetry(row),
        unordered: ['goalIds'],
        audit: (entry) => this.records.audit.record(entry, m),
        insert: async () => {
          const s = await this.session(m, caller, sessionId);
          this.requireWriter(caller, s.facilitatorId);
          const p = await requireParticipant(m, caller, dto.participantId);
          const attended = await m.query(
            `SELECT 1 FROM attendance WHERE session_id = $1 AND participant_id = $2 AND status = 'attended'`,
            [s.id, p.id],
          );
          if (attended.length === 0 || p.teamId !== s.teamId) {
            throw fieldError(
              'participantId',
              'participantId must be someone who attended the session',
            );
          }
          const exists = await m.query(
            `SELECT id FROM session_note WHERE session_id = $1 AND participant_id = $2`,
            [s.id, p.id],
          );
          if (exists.length > 0) {
            throw new ConflictException({
              message: 'This person already has a note for this session',
              errors: { participantId: ['already has a note for this session'] },
            });
          }
          const format = dto.format ?? (await this.teamFormat(m, s.teamId));
          const sections = checkSections(format, dto.sections);
          const goalIds = dto.goalIds ?? [];
          await checkGoals(m, p.id, s.onDate, goalIds);
          const row = await insertReturning(m, NOTES, {
            id: dto.id ?? undefined,
            teamId: s.teamId,
            sessionId: s.id,
            participantId: p.id,
            format,
            sections,
            goalIds,
          });
          return row;
        },
      });
      return { created: result.created, record: await this.withContext(m, result.record.id) };
    });
  }

  /** The team's default note format (SPEC Common rules: a team setting). */
  private async teamFormat(m: EntityManager, teamId: string): Promise<NoteFormat> {
    const [t]: { noteFormat: NoteFormat }[] = await m.query(
      `SELECT note_format AS "noteFormat" FROM team WHERE id = $1`,
      [teamId],
    );
    return t.noteFormat;
  }

  /** Changes a draft: its facilitator, a supervisor of the team or an admin; a signed note never (409). */
  async update(caller: AuthUser, id: string, dto: UpdateNoteDto): Promise<SessionNote> {
    return this.records.db.transaction(async (m) => {
      const current = await this.load(m, caller, id, true);
      this.requireWriter(caller, current.facilitatorId);
      if (current.status !== 'draft') {
        throw conflictWith(
          'A signed note cannot change: add an addendum instead',
          toSessionNoteResponse(current),
        );
      }
      requireVersion(NOTES, current, dto.version);
      const format = dto.format ?? current.format;
      if (format !== current.format && !dto.sections) {
        throw fieldError('sections', `sections are required when the format becomes ${format}`);
      }
      const sections = dto.sections ? checkSections(format, dto.sections) : undefined;
      const goalIds = dto.goalIds;
      if (goalIds) {
        const [{ onDate }] = await m.query(
          `SELECT (starts_at::date)::text AS "onDate" FROM support_session WHERE id = $1`,
          [current.sessionId],
        );
        await checkGoals(m, current.participantId, onDate, goalIds);
      }
      const saved = await updateVersioned(m, NOTES, current, dto.version, {
        format,
        sections,
        goalIds,
      });
      await this.records.audit.record(
        this.event(caller, 'update', saved, {
          fields: Object.keys(dto).filter((k) => k !== 'version'),
        }),
        m,
      );
      return this.withContext(m, saved.id);
    });
  }

  /**
   * Signs a draft: the session's facilitator alone (403 for anyone else). It
   * locks the note; `late` when signed more than NOTE_LATE_HOURS after the
   * session ended; it waits for a co-signature when the signer's
   * `cosignRequired` is set or the participant's billing profile (SPEC §13)
   * `requiresCosign`. Signing again by the signer answers the note as
   * it is (200) and writes nothing; by anyone else, 409.
   */
  async sign(caller: AuthUser, id: string, dto: SignNoteDto): Promise<SessionNote> {
    return this.records.db.transaction(async (m) => {
      const current = await this.load(m, caller, id, true);
      if (current.status !== 'draft') {
        if (current.signedById === caller.id) return toSessionNoteResponse(current);
        throw conflictWith('This note is already signed', toSessionNoteResponse(current));
      }
      if (caller.id !== current.facilitatorId) {
        throw new ForbiddenException('Only the session’s facilitator can sign its notes');
      }
      if (dto.version !== undefined) requireVersion(NOTES, current, dto.version);
      // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
      const [rows]: [SessionNoteRow[], number] = await m.query(
        `UPDATE session_note n
            SET status = 'signed', signed_at = now(), signed_by_id = $2,
                late = now() > s.starts_at + make_interval(mins => s.duration_minutes)
                               + make_interval(hours => $3::int),
                cosign_required = (SELECT u.cosign_required FROM app_user u WHERE u.id = $2)
                  OR EXISTS (SELECT 1 FROM participant p
                               JOIN billing_profile bp ON bp.id = p.coverage_profile_id
                              WHERE p.id = n.participant_id AND bp.active AND bp.requires_cosign),
                version = n.version + 1, updated_at = now()
           FROM support_session s
          WHERE n.id = $1 AND s.id = n.session_id AND n.version = $4
          RETURNING n.id`,
        [id, caller.id, this.records.config.noteLateHours, current.version],
      );
      if (rows.length !== 1) throw new ConflictException(NOTES.stale);
      const signed = await this.withContext(m, id);
      await this.records.audit.record(
        this.event(caller, 'update', current, {
          status: { from: 'draft', to: 'signed' },
          late: signed.late,
          cosignRequired: signed.cosignRequired,
        }),
        m,
      );
      return signed;
    });
  }

  /**
   * The supervisor's checks for a co-signature or a return: a supervisor of
   * the note's team (403 otherwise), never on a note they signed (403).
   */
  private requireReviewer(caller: AuthUser, note: NoteWithContext, what: string): void {
    if (caller.role !== 'supervisor') {
      throw new ForbiddenException(`Only a supervisor of the team can ${what} a note`);
    }
    if (
      note.signedById === caller.id ||
      (note.status === 'draft' && note.facilitatorId === caller.id)
    ) {
      throw new ForbiddenException(`You cannot ${what} your own note`);
    }
  }

  /** Co-signs a note waiting for it; repeating it answers the note as it is (200), writing nothing. */
  async cosign(caller: AuthUser, id: string): Promise<SessionNote> {
    return this.records.db.transaction(async (m) => {
      const current = await this.load(m, caller, id, true);
      if (current.status === 'cosigned') {
        if (current.cosignedById === caller.id) return toSessionNoteResponse(current);
        throw conflictWith('This note is already co-signed', toSessionNoteResponse(current));
      }
      this.requireReviewer(caller, current, 'co-sign');
      if (current.status !== 'signed' || !current.cosignRequired) {
        throw conflictWith(
          current.status === 'draft'
            ? 'This note is not signed yet'
            : 'This note does not need a co-signature',
          toSessionNoteResponse(current),
        );
      }
      const saved = await updateVersioned(m, NOTES, current, current.version, {
        status: 'cosigned',
        cosignedAt: new Date(),
        cosignedById: caller.id,
      });
      await this.records.audit.record(
        this.event(caller, 'update', saved, { status: { from: 'signed', to: 'cosigned' } }),
        m,
      );
      return this.withContext(m, saved.id);
    });
  }

  /** Returns a note waiting for a co-signature to draft with a comment, for its author to change and sign again. */
  async returnNote(caller: AuthUser, id: string, dto: ReturnNoteDto): Promise<SessionNote> {
    return this.records.db.transaction(async (m) => {
      const current = await this.load(m, caller, id, true);
      if (
        current.status === 'draft' &&
        current.returnedById === caller.id &&
        current.returnedComment === dto.comment
      ) {
        return toSessionNoteResponse(current);
      }
      this.requireReviewer(caller, current, 'return');
      if (current.status !== 'signed' || !current.cosignRequired) {
        throw conflictWith(
          'Only a note waiting for a co-signature can be returned',
          toSessionNoteResponse(current),
        );
      }
      const [rows]: [SessionNoteRow[], number] = await m.query(
        `UPDATE session_note
            SET status = 'draft', signed_at = NULL, signed_by_id = NULL, late = false,
                cosign_required = false, returned_comment = $2, returned_at = now(),
                returned_by_id = $3, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $4
          RETURNING id`,
        [id, dto.comment, caller.id, current.version],
      );
      if (rows.length !== 1) throw new ConflictException(NOTES.stale);
      await this.records.audit.record(
        this.event(caller, 'update', current, {
          status: { from: 'signed', to: 'draft' },
          returned: true,
        }),
        m,
      );
      return this.withContext(m, id);
    });
  }

  /**
   * Adds an addendum to a signed note: its facilitator, a supervisor of the
   * team or an admin. The note itself does not change. A repeat with the
   * same addendum `id` and text answers the note (200) and writes nothing.
   */
  async addAddendum(
    caller: AuthUser,
    id: string,
    dto: AddAddendumDto,
  ): Promise<CreateResult<SessionNote>> {
    return this.records.db.transaction(async (m) => {
      const current = await this.load(m, caller, id, true);
      if (dto.id) {
        const same = current.addenda.find((a) => a.id === dto.id);
        if (same) {
          if (same.text !== dto.text || same.byId !== caller.id) {
            throw new ConflictException({
              message: 'An addendum with this id already exists and its text differs',
              errors: { text: ['differs from the stored addendum with this id'] },
            });
          }
          await this.records.audit.record(this.event(caller, 'read', current, { retry: true }), m);
          return { created: false, record: toSessionNoteResponse(current) };
        }
      }
      this.requireWriter(caller, current.facilitatorId);
      if (current.status === 'draft') {
        throw conflictWith(
          'A draft is changed directly: addenda are for signed notes',
          toSessionNoteResponse(current),
        );
      }
      const addendum: NoteAddendum = {
        id: dto.id ?? randomUUID(),
        at: new Date().toISOString(),
        byId: caller.id,
        text: dto.text,
      };
      await m.query(
        `UPDATE session_note SET addenda = addenda || $2::jsonb, updated_at = now() WHERE id = $1`,
        [id, JSON.stringify([addendum])],
      );
      await this.records.audit.record(
        this.event(caller, 'update', current, { addendum: addendum.id }),
        m,
      );
      return { created: true, record: await this.withContext(m, id) };
    });
  }
}
