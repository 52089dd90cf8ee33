import { coverageColumns } from '../billing/coverage';
import { ForbiddenException, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import {
  BASELINE_DUE_DAYS,
  DEFAULT_MEASURE_INTERVAL_DAYS,
  type Page,
  type Participant,
  type NextStep,
  type ParticipantListItem,
  type ParticipantStatus,
  type TimelineItem,
} from '@peerpath/shared';
import {
  fieldError,
  isActiveCaseworker,
  requireParticipant,
  requireTeamMember,
  seesVoided,
  teamFilter,
  teamForCreate,
} from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { BatchedLookup } from '../common/batched';
import { sqlLiterals, UNFINISHED_ADVOCACY_STATUSES } from '../common/constants';
import { preparedQuery } from '../common/prepared';
import { paging } from '../common/validation';
import {
  Filter,
  findInTeam,
  insertReturning,
  requireVersion,
  updateVersioned,
  type CreateResult,
  type Values,
  RecordContext,
} from '../records';
import type { CreateParticipantDto } from './dto/create-participant.dto';
import type { ListParticipantsQuery } from './dto/list-participants.query';
import type { UpdateParticipantDto } from './dto/update-participant.dto';
import {
  PARTICIPANT,
  toParticipantListItem,
  toParticipantResponse,
  type ParticipantRow,
} from './participants.mapper';
import { ListPageCache } from './list-cache';
import { moveParticipantRecords } from './move';
import { endGroupMemberships } from '../groups/groups.service';
import { toIsoDate } from '../common/dates';
import { goalStatements } from '../notes/goals';
import { TIMELINE_SQL, toTimelineItem, type TimelineRow } from './timeline';

/**
 * The organisation's list by last contact reads its first 500 rows in two runs from indexes
 * (participant_contact is looked up per person never met: at ten times today's size 5 ms for
 * the first page, 532 ms for row 500 against 648 ms to sort everyone); past them it sorts
 * everyone's last contact (885 ms against 685 for rows 976–1,000).
 */
const ORG_CONTACT_RUNS_UP_TO = 500;

/**
 * The name `search` matches: exactly the expression of the trigram index
 * `participant_name_trgm_idx`, so PostgreSQL can use it.
 */
export const NAME_SEARCH_SQL = `lower(p.first_name || ' ' || p.last_name || ' ' || coalesce(p.preferred_name, ''))`;

/**
 * A person's next step, as JSON `{text, dueOn}` or null: their soonest-due
 * unfinished advocacy action, else the next steps of their newest decision
 * note (with its follow-up date). Only their team's records. Writes of either
 * give the team's list a new version (migration ParticipantNextStep).
 */
export const NEXT_STEP_SQL = `(
  SELECT json_build_object('text', n.text, 'dueOn', n.due_on) FROM (
    (SELECT a.title AS text, a.due_on, 0 AS rank
       FROM advocacy_action a
      WHERE a.participant_id = p.id AND a.team_id = p.team_id
        AND a.status IN (${sqlLiterals(UNFINISHED_ADVOCACY_STATUSES)})
      ORDER BY a.due_on ASC NULLS LAST, a.opened_on ASC LIMIT 1)
    UNION ALL
    (SELECT left(split_part(btrim(d.next_steps), E'\n', 1), 200), d.follow_up_on, 1
       FROM decision_note d
      WHERE d.participant_id = p.id AND d.team_id = p.team_id
        AND coalesce(btrim(d.next_steps), '') <> ''
      ORDER BY d.discussed_on DESC, d.created_at DESC LIMIT 1)
  ) n ORDER BY n.rank LIMIT 1)`;

/** `%`, `_` and `\` match themselves in a LIKE pattern once escaped (`\` is LIKE's default escape). */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const DISCHARGED: ParticipantStatus = 'discharged';

/** The columns of a list row, `p` being the participant (fixed text: the list is a prepared statement). */
const LIST_COLUMNS = PARTICIPANT.selectAs('p');

@Injectable()
export class ParticipantsService {
  constructor(private readonly records: RecordContext) {}

  private readonly pages = new ListPageCache();

  /** The current version of teams' lists (participant_list_version), looked up together. */
  private readonly listVersions = new BatchedLookup<string, string>(async (teams) => {
    const rows = await preparedQuery<{ team_id: string; version: string }>(
      this.records.db,
      `SELECT team_id, version::text AS version FROM participant_list_version
        WHERE team_id = ANY($1::uuid[])`,
      [teams],
    );
    return new Map(rows.map((r) => [r.team_id, r.version]));
  });

  /**
   * A page of the list, as the JSON text of a `Page<ParticipantListItem>`. A
   * page of one team is kept (ListPageCache) with the version of that team's
   * list it was read at, and sent again while the database still holds that
   * version: no change to those participants or their last contacts has
   * committed since (migration ParticipantListVersion). Every read is audited.
   */
  async list(caller: AuthUser, q: ListParticipantsQuery): Promise<string> {
    const { page, pageSize, offset } = paging(q);
    const team = teamFilter(caller, q.teamId);
    if (q.primaryWorkerId)
      await requireTeamMember(this.records.db.manager, team, q.primaryWorkerId);
    // Plans and measures do not move the list's version: those lists are never kept.
    const kept = !q.planReviewDueBy && !q.withoutPlanEnrolledBy && !q.measuresDueBy;
    const key =
      team && kept
        ? JSON.stringify([
            team,
            q.status ?? null,
            q.primaryWorkerId ?? null,
            page,
            pageSize,
            q.search ?? null,
            q.noContactSince ?? null,
            q.sort ?? 'name',
          ])
        : null;
    let body: string | undefined;
    if (team && key && this.pages.has(key)) {
      body = this.pages.get(key, (await this.listVersions.load(team)) ?? null);
    }
    if (body === undefined) {
      const { json, version, rows } = await this.readPage(q, team, page, pageSize, offset);
      body = json;
      if (key && version && rows > 0) this.pages.set(key, version, body);
    }
    await this.records.auditList(caller, PARTICIPANT, q, team);
    return body;
  }

  /** Reads a page from the database, with the version of the team's list it was read at. */
  private async readPage(
    q: ListParticipantsQuery,
    team: string | null,
    page: number,
    pageSize: number,
    offset: number,
  ): Promise<{ json: string; version: string | null; rows: number }> {
    const f = new Filter().when(team, 'p.team_id = ?');
    f.when(q.status, 'p.status = ?').when(q.primaryWorkerId, 'p.primary_worker_id = ?');
    if (q.search) {
      // Inside a team, a plain substring test on the team's entries of the list index
      // (participant_team_list_idx, no table reads); across the organisation, LIKE on
      // the trigram index. Both match any part of the name, ignoring case.
      if (team) f.add(`strpos(${NAME_SEARCH_SQL}, lower(?)) > 0`, q.search);
      else f.add(`${NAME_SEARCH_SQL} LIKE lower(?)`, `%${escapeLike(q.search)}%`);
    }
    // participant_contact holds, per team that met them, the last org-local day they attended.
    f.when(
      q.noContactSince,
      `NOT EXISTS (SELECT 1 FROM participant_contact nc
                    WHERE nc.participant_id = p.id AND nc.last_day >= ?::date)`,
    );
    // The caseload's plan and measure figures, as lists (SPEC §7, §9).
    f.when(
      q.planReviewDueBy,
      `EXISTS (SELECT 1 FROM recovery_plan rp WHERE rp.participant_id = p.id
                 AND rp.status = 'active' AND rp.review_due_on <= ?::date)`,
    );
    f.when(
      q.withoutPlanEnrolledBy,
      `p.enrolled_on <= ?::date AND NOT EXISTS (SELECT 1 FROM recovery_plan rp
         WHERE rp.participant_id = p.id AND rp.status = 'active')`,
    );
    if (q.measuresDueBy) {
      f.add(
        `EXISTS (SELECT 1 FROM team mt, unnest(mt.instruments) i(instrument)
                  WHERE mt.id = p.team_id
                    AND coalesce((SELECT max(x.taken_on) + ?::int FROM measurement x
                                   WHERE x.participant_id = p.id AND x.instrument = i.instrument
                                     AND x.voided_at IS NULL),
                                 p.enrolled_on + ?::int) <= ?::date)`,
        this.records.config.measureIntervalDays ?? DEFAULT_MEASURE_INTERVAL_DAYS,
        BASELINE_DUE_DAYS,
        q.measuresDueBy,
      );
    }
    const params = [...f.params];
    // In the same statement (one snapshot) as the page, so the two agree ($1 is the team).
    const versionSql = team
      ? `(SELECT v.version::text FROM participant_list_version v WHERE v.team_id = $1)`
      : 'NULL::text';

    const byName = 'lower(p.last_name), lower(p.first_name), p.id';
    const order =
      q.sort === 'lastContact'
        ? `(SELECT max(lc.last_day) FROM participant_contact lc WHERE lc.participant_id = p.id)
             ASC NULLS FIRST, ${byName}`
        : byName;
    // Inside a team the matches are counted by a window before the LIMIT (a team's few hundred
    // rows, read in order from its index). Across the organisation a window would keep every
    // match in the sort; there the page is read from participant_org_list_idx up to its last
    // row and the matches counted apart, in the same statement (one snapshot).
    const totalSql = team
      ? 'count(*) OVER ()::int'
      : `(SELECT count(*)::int FROM participant p ${f.where})`;
    const limit = f.param(pageSize);
    const skip = f.param(offset);
    const orgByContact = q.sort === 'lastContact' && !team;
    let pageSql: string;
    if (orgByContact && offset + pageSize <= ORG_CONTACT_RUNS_UP_TO) {
      // Across the organisation by last contact, in two runs that each stop at the page's last
      // row: the people never met, by name (participant_org_list_idx, each looked up in
      // participant_contact), then everyone else from the contacts in day order
      // (participant_contact_period_idx, each person once: the team that met them last).
      // Sorting everyone's last contact read all 200,000 people at ten times today's size. It is
      // planned for the page asked (below): a plan for any page would read as if for a tenth of
      // the organisation, with parallel workers. Further down the list (ORG_CONTACT_RUNS_UP_TO)
      // the first run looks up more people than sorting everyone costs, and everyone is sorted.
      const upTo = f.param(pageSize + offset);
      pageSql = `SELECT u.id, ${totalSql} AS total FROM (
          (SELECT p.id, NULL::date AS last_day, lower(p.last_name) AS ln, lower(p.first_name) AS fn
             FROM participant p
            WHERE NOT EXISTS (SELECT 1 FROM participant_contact c
                               WHERE c.participant_id = p.id AND c.last_day IS NOT NULL)
                  ${f.and}
            ORDER BY ${byName}
            LIMIT ${upTo})
          UNION ALL
          (SELECT p.id, c.last_day, lower(p.last_name), lower(p.first_name)
             FROM participant_contact c JOIN participant p ON p.id = c.participant_id
            WHERE c.last_day IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM participant_contact c2
                               WHERE c2.participant_id = c.participant_id
                                 AND (c2.last_day > c.last_day
                                      OR (c2.last_day = c.last_day AND c2.team_id > c.team_id)))
                  ${f.and}
            ORDER BY c.last_day, ${byName}
            LIMIT ${upTo})
        ) u
        ORDER BY u.last_day ASC NULLS FIRST, u.ln, u.fn, u.id
        LIMIT ${limit} OFFSET ${skip}`;
    } else if (orgByContact) {
      // Further down, the last contacts of everyone are read in one pass and joined (a look-up
      // per person was 180 ms for 20,000 people).
      pageSql = `SELECT p.id, ${totalSql} AS total
           FROM participant p
           LEFT JOIN (SELECT oc.participant_id, max(oc.last_day) AS last_day
                        FROM participant_contact oc GROUP BY oc.participant_id) oc
             ON oc.participant_id = p.id
           ${f.where}
          ORDER BY oc.last_day ASC NULLS FIRST, ${byName}
          LIMIT ${limit} OFFSET ${skip}`;
    } else {
      // Every other list, in `order` (by last contact inside a team: a look-up per person of the
      // team, which is cheaper there than reading everyone's contacts).
      pageSql = `SELECT p.id, ${totalSql} AS total
           FROM participant p
           ${f.where}
          ORDER BY ${order}
          LIMIT ${limit} OFFSET ${skip}`;
    }
    // One prepared statement (a handful of shapes, by the filters given): the matches are
    // counted and the page picked from the index, then only the page's rows are read, with
    // their last contact (`participant_contact`, kept by triggers).
    type PageRow = ParticipantRow & {
      lastContactOn: string | null;
      nextStep: NextStep | null;
      total: number;
      listVersion: string | null;
    };
    const query = (sql: string, values: unknown[]): Promise<PageRow[]> =>
      orgByContact
        ? this.records.db.query<PageRow[]>(sql, values)
        : preparedQuery<PageRow>(this.records.db, sql, values);
    const rows = await query(
      `WITH page AS (${pageSql})
       SELECT ${LIST_COLUMNS}, page.total,
              (SELECT max(pc.last_day) FROM participant_contact pc
                WHERE pc.participant_id = p.id) AS "lastContactOn",
              ${NEXT_STEP_SQL} AS "nextStep",
              ${versionSql} AS "listVersion"
         FROM page JOIN participant p ON p.id = page.id
        ORDER BY ${order}`,
      f.params,
    );
    // A page past the end has no row to carry the count.
    const total =
      rows.length > 0
        ? rows[0].total
        : offset === 0
          ? 0
          : (
              await preparedQuery<{ total: number }>(
                this.records.db,
                `SELECT count(*)::int AS total FROM participant p ${f.where}`,
                params,
              )
            )[0].total;
    const result: Page<ParticipantListItem> = {
      items: rows.map(toParticipantListItem),
      total,
      page,
      pageSize,
    };
    return {
      json: JSON.stringify(result),
      version: rows[0]?.listVersion ?? null,
      rows: rows.length,
    };
  }

  async get(caller: AuthUser, id: string): Promise<Participant> {
    const row = await findInTeam(this.records.db.manager, PARTICIPANT, caller, id);
    await this.records.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: PARTICIPANT.entity,
      entityId: id,
      participantId: id,
      teamId: row.teamId,
    });
    return toParticipantResponse(row);
  }

  /**
   * Everything attached to a participant, newest first. Voided sessions are
   * left out unless a supervisor or an admin asks (`includeVoided`; a worker
   * asking is refused, 403).
   */
  async timeline(
    caller: AuthUser,
    id: string,
    includeVoided = false,
  ): Promise<{ items: TimelineItem[] }> {
    if (includeVoided && !seesVoided(caller)) {
      throw new ForbiddenException('Only supervisors and admins can see voided sessions');
    }
    const { teamId } = await requireParticipant(this.records.db.manager, caller, id);
    // The goals' statements (for the notes' goal chips) are read beside the timeline, not after it.
    const [rows, goals]: [TimelineRow[], Map<string, string>] = await Promise.all([
      this.records.db.query(TIMELINE_SQL, [id, teamId, includeVoided, caller.role === 'admin']),
      goalStatements(this.records.db.manager, id),
    ]);
    await this.records.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: 'participant',
      entityId: id,
      participantId: id,
      teamId,
      details: { view: 'timeline' },
    });
    return { items: rows.map((r) => toTimelineItem(r, this.records.config.orgLocale, goals)) };
  }

  /**
   * Creates a participant, or (a retry naming a stored `id` with the same
   * fields) returns the stored one with `created: false` and writes nothing.
   */
  async create(caller: AuthUser, dto: CreateParticipantDto): Promise<CreateResult<Participant>> {
    return this.records.create(caller, PARTICIPANT, dto, async (m) => {
      const teamId = await teamForCreate(m, caller, dto.teamId);
      return {
        toResponse: toParticipantResponse,
        unordered: ['focusAreas'],
        // A stored participant of another team than the one asked for is a conflict,
        // without comparing (which would reveal its contents).
        reusable: (stored) => stored.teamId === teamId,
        // A participant's own events name them as the participant.
        audit: (entry) => this.records.audit.record({ ...entry, participantId: entry.entityId }, m),
        insert: async () => {
          const today = this.records.today();
          const status = dto.status ?? 'active';
          const { coverage, ...fields } = dto;
          const values: Values<ParticipantRow> = {
            ...fields,
            ...(await coverageColumns(m, coverage)),
            teamId,
            status,
            enrolledOn: dto.enrolledOn ?? today,
            dischargedOn: dto.dischargedOn ?? (status === DISCHARGED ? today : null),
          };
          this.checkDates(values);
          if (dto.primaryWorkerId) await this.checkPrimaryWorker(m, dto.primaryWorkerId, teamId);
          return insertReturning(m, PARTICIPANT, values);
        },
      };
    });
  }

  async update(caller: AuthUser, id: string, dto: UpdateParticipantDto): Promise<Participant> {
    return this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, PARTICIPANT, caller, id);
      const moving = dto.teamId !== undefined && dto.teamId !== current.teamId;
      if (moving && caller.role !== 'admin') {
        throw new ForbiddenException('Only an admin can move a participant to another team');
      }
      requireVersion(PARTICIPANT, current, dto.version);
      const teamId = dto.teamId ?? current.teamId;
      if (moving) {
        const found = await m.query(`SELECT 1 FROM team WHERE id = $1`, [teamId]);
        if (found.length === 0) throw fieldError('teamId', 'teamId does not name a team');
      }

      const { version: _v, coverage, ...changes } = dto;
      const values: Values<ParticipantRow> = {
        ...changes,
        ...(await coverageColumns(m, coverage)),
      };
      const becomesDischarged = dto.status === DISCHARGED && current.status !== DISCHARGED;
      if (becomesDischarged && dto.dischargedOn == null) values.dischargedOn = this.records.today();

      if (dto.primaryWorkerId && (dto.primaryWorkerId !== current.primaryWorkerId || moving)) {
        await this.checkPrimaryWorker(m, dto.primaryWorkerId, teamId);
      } else if (moving && dto.primaryWorkerId === undefined && current.primaryWorkerId) {
        const stays = await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND team_id = $2`, [
          current.primaryWorkerId,
          teamId,
        ]);
        if (stays.length === 0) {
          throw fieldError(
            'primaryWorkerId',
            'The primary worker is not in the new team: name one of its workers, or null',
          );
        }
      }
      this.checkDates({ ...current, ...values });

      const saved = await updateVersioned(m, PARTICIPANT, current, dto.version, values);
      const fields = Object.keys(values).filter(
        (k) => values[k as keyof typeof values] !== undefined && (k !== 'teamId' || moving),
      );
      // Everything attached to the person alone goes with them, in this transaction (SPEC §1).
      const moved = moving
        ? await moveParticipantRecords(m, id, current.teamId, teamId)
        : undefined;
      // Discharge, or a move, ends the person's group memberships (SPEC §1, §11).
      if (becomesDischarged) {
        await endGroupMemberships(m, id, toIsoDate(saved.dischargedOn) ?? this.records.today());
      } else if (moving) {
        await endGroupMemberships(m, id, this.records.today());
      }
      await this.records.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: PARTICIPANT.entity,
          entityId: id,
          participantId: id,
          teamId,
          details: {
            fields,
            ...(moving ? { fromTeamId: current.teamId, moved } : {}),
          },
        },
        m,
      );
      return toParticipantResponse(saved);
    });
  }

  private async checkPrimaryWorker(m: EntityManager, userId: string, teamId: string) {
    if (!(await isActiveCaseworker(m, userId, teamId))) {
      throw fieldError(
        'primaryWorkerId',
        'primaryWorkerId must be an active worker or supervisor of the participant’s team',
      );
    }
  }

  private checkDates(v: { enrolledOn?: unknown; dischargedOn?: unknown; dateOfBirth?: unknown }) {
    const enrolled = v.enrolledOn as string | undefined;
    const discharged = v.dischargedOn as string | null | undefined;
    const born = v.dateOfBirth as string | null | undefined;
    if (enrolled && discharged && discharged < enrolled) {
      throw fieldError('dischargedOn', 'dischargedOn cannot be before enrolledOn');
    }
    if (born && born > this.records.today()) {
      throw fieldError('dateOfBirth', 'dateOfBirth cannot be in the future');
    }
  }
}
