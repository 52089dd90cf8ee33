import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ADVOCACY_CATEGORIES,
  BASELINE_DUE_DAYS,
  DEFAULT_MEASURE_INTERVAL_DAYS,
  ADVOCACY_LEVELS,
  CASELOAD_WINDOW_DAYS,
  CLOSED_HANDOUT_OUTCOMES,
  HANDOUT_OUTCOMES,
  OPEN_HANDOUT_OUTCOMES,
  INSTRUMENT_KEYS,
  REPORT_MAX_YEARS,
  RESOURCE_CATEGORIES,
  SESSION_FORMATS,
  SESSION_SETTINGS,
  SESSION_TYPES,
  formatOf,
  monthOf,
  perturbActivitySummary,
  suppressActivitySummary,
  unsuppressedActivitySummary,
  todayIn,
  type ActivitySummary,
  type AttendanceStatus,
  type CaseloadReport,
  type CaseloadRow,
  type ExportFormat,
  type HandoutOutcome,
  type ParticipantStatus,
  type SessionFormat,
  type SessionSetting,
  type SessionType,
} from '@peerpath/shared';
import { AuditService } from '../audit/audit.service';
import { fieldError } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { CASELOAD_ROLES, UNFINISHED_ADVOCACY_STATUSES } from '../common/constants';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';
import type { ActivityExportQueryDto, ActivityReportQueryDto } from './dto/activity.query';
import type { CaseloadQueryDto } from './dto/caseload.query';
import { DAY_KEY_COLUMNS, activityCellKeys, dayCellKeys, type CellKeyRow } from './cell-keys';
import { keyOfUnits, keyUnits, recordKeySum } from './key-sums';
import { queryOutcomes, suppressOutcomes } from './outcomes';
import { fileSlug, periodLimit, reportScope, type ReportScope } from './scope';
import { both, inOneSnapshot } from '../database/snapshot';
import { writeExport, type ExportFile } from './export';
import { otherHours } from '../time-entries/other-hours';
import {
  ADVOCACY_ROLLUP_CELLS,
  HANDOUT_ROLLUP_CELLS,
  type RollupCell,
  ROLLUP_COUNT_COLUMNS,
  ROLLUP_KEY_COLUMNS,
  attendedBetween,
  contactsBetween,
  periodByMonths,
} from '../database/rollups';

/*
 * The values the SQL below compares with, typed by the shared vocabulary so a
 * renamed enum value fails to compile instead of silently counting nothing.
 */
const ATTENDED: AttendanceStatus = 'attended';
const ACTIVE: ParticipantStatus = 'active';
const CONNECTED: HandoutOutcome = 'connected';
/** The referral statuses that close a referral: the denominator of connectionRate (SPEC §12). */
const DECIDED_OUTCOMES = [...CLOSED_HANDOUT_OUTCOMES];
/** The referral statuses that leave it open (awaiting follow-up). */
const OPEN_OUTCOMES = [...OPEN_HANDOUT_OUTCOMES];
const GROUP_TYPES = SESSION_TYPES.filter((t) => formatOf(t) === 'group');
/** Group sessions of the period, from the per-type columns of `team_day_activity`. */
const GROUP_SESSIONS = GROUP_TYPES.map((t) => `d.type_${t}`).join(' + ');

/** Counts of one grouping set, filled out to every enum key (0 where nothing happened). */
function tally<K extends string>(
  keys: readonly K[],
  rows: { key: string | null; n: number }[],
): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rows) out[r.key as K] = r.n;
  return out;
}

export interface ActivityExport extends ExportFile {
  filename: string;
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** SPEC §5 caseload report: the 30 days ending on `asOf`, one row per active worker and supervisor. */
  async caseload(caller: AuthUser, q: CaseloadQueryDto): Promise<CaseloadReport> {
    const { teamId } = await reportScope(this.db, caller, q.teamId);
    const asOf = q.asOf ?? todayIn(this.config.orgTimezone);
    const audit = {
      actorId: caller.id,
      action: 'read' as const,
      entityType: 'report',
      teamId,
      details: { report: 'caseload', asOf },
    };
    const rows = await this.audit.recording(audit, (): Promise<CaseloadSqlRow[]> =>
      this.db.query(CASELOAD_SQL, [
        teamId,
        asOf,
        CASELOAD_WINDOW_DAYS - 1,
        CASELOAD_ROLES,
        caller.role === 'worker' ? caller.id : null,
        ATTENDED,
        ACTIVE,
        UNFINISHED_ADVOCACY_STATUSES,
        OPEN_OUTCOMES,
        this.config.measureIntervalDays ?? DEFAULT_MEASURE_INTERVAL_DAYS,
        BASELINE_DUE_DAYS,
      ]),
    );
    const figures = (r: CaseloadSqlRow) => ({
      activeParticipants: r.active_participants,
      sessionsLast30Days: r.sessions,
      serviceHoursLast30Days: r.service_hours,
      participantsWithoutRecentContact: r.without_recent_contact,
      openAdvocacy: r.open_advocacy,
      overdueAdvocacy: r.overdue_advocacy,
      referralsAwaitingFollowUp: r.referrals_awaiting_follow_up,
      notesAwaitingSignature: r.notes_awaiting_signature,
      notesAwaitingCosign: r.notes_awaiting_cosign,
      plansDueForReview: r.plans_due_for_review,
      participantsWithoutPlan: r.without_plan,
      measuresDue: r.measures_due,
      openSafetyAlerts: r.open_safety_alerts,
      consentsExpiringSoon: r.consents_expiring_soon,
    });
    const workers: CaseloadRow[] = rows
      .filter((r) => !r.is_total)
      .map((r) => ({
        workerId: r.id!,
        displayName: r.display_name!,
        credentialExpiresOn: r.credential_expires_on,
        ...figures(r),
      }));
    const totals = figures(rows.find((r) => r.is_total)!);
    return { asOf, teamId, workers, totals };
  }

  /** SPEC §5 activity summary, as the API returns it (not suppressed: it stays inside the organisation). */
  async activity(caller: AuthUser, q: ActivityReportQueryDto): Promise<ActivitySummary> {
    const period = await this.activityPeriod(caller, q);
    const { from, to, scope } = period;
    const { summary } = await this.audit.recording(
      {
        actorId: caller.id,
        action: 'read',
        entityType: 'report',
        teamId: scope.teamId,
        details: { report: 'activity', from, to },
      },
      () => this.activityFigures(period),
    );
    return summary;
  }

  /** The funder export: the activity summary after small-cell suppression, de-identified. */
  async exportActivity(caller: AuthUser, q: ActivityExportQueryDto): Promise<ActivityExport> {
    const format: ExportFormat = q.format ?? 'csv';
    const internal = q.internal === true;
    // SPEC §14: only what leaves the organisation is perturbed; the internal export stays exact.
    const protection = internal ? undefined : (this.config.exportProtection ?? 'perturb');
    const { summary, closedInPeriod, scope, keys, outcomes } = await this.activityFor(caller, q, {
      keys: protection === 'perturb',
      // The PDF gains the outcome rows (SPEC §9), suppressed and perturbed like every count.
      outcomes: format === 'pdf',
    });
    const threshold = this.config.suppressionThreshold;
    const figures = internal
      ? unsuppressedActivitySummary(summary, threshold)
      : keys
        ? perturbActivitySummary(summary, keys, threshold, closedInPeriod)
        : suppressActivitySummary(summary, threshold, closedInPeriod);
    const file = await writeExport(format, figures, {
      orgName: this.config.orgName,
      teamName: scope.teamName,
      generatedOn: todayIn(this.config.orgTimezone),
      internal,
      protection,
      outcomes: outcomes
        ? internal
          ? outcomes.instruments.map((r) => ({ ...r }))
          : suppressOutcomes(outcomes.instruments, threshold, outcomes.keys)
        : undefined,
    });
    const { from, to } = summary.period;
    await this.audit.record({
      actorId: caller.id,
      action: 'export',
      entityType: 'report',
      teamId: scope.teamId,
      details: internal ? { from, to, format, internal: true } : { from, to, format, protection },
    });
    const slug = fileSlug(scope.teamName);
    const kind = internal ? 'activity-internal-not-for-funders' : 'activity';
    return { ...file, filename: `peerpath-${kind}-${slug}-${from}-to-${to}.${format}` };
  }

  /**
   * The summary of the period asked; with `want.keys`, also its cell keys
   * (SPEC §14), with `want.outcomes` the outcome figures (SPEC §9, every
   * instrument, and their keys when asked), all from the same snapshot.
   */
  private async activityFor(
    caller: AuthUser,
    q: ActivityReportQueryDto,
    want: { keys?: boolean; outcomes?: boolean } = {},
  ) {
    return this.activityFigures(await this.activityPeriod(caller, q), want);
  }

  /** The team and period of an activity summary, checked (before anything is read or audited). */
  private async activityPeriod(caller: AuthUser, q: ActivityReportQueryDto) {
    const scope = await reportScope(this.db, caller, q.teamId);
    const month = monthOf(todayIn(this.config.orgTimezone));
    const from = q.from ?? month.from;
    const to = q.to ?? month.to;
    if (from > to) {
      throw fieldError(
        'to',
        `to (${to}) must not be before from (${from}); a date left out is taken from the current month`,
      );
    }
    if (to >= periodLimit(from)) {
      throw fieldError('to', `A report covers at most ${REPORT_MAX_YEARS} years`);
    }
    return { scope, from, to };
  }

  private async activityFigures(
    { scope, from, to }: { scope: ReportScope; from: string; to: string },
    want: { keys?: boolean; outcomes?: boolean } = {},
  ) {
    const setup = ['SET TRANSACTION READ ONLY'];
    if (want.keys) {
      // The keyed handouts statement costs a little more per row than the plain one, enough for
      // the planner to split it over parallel workers, whose start and gathering cost more than
      // the one index-only scan they share (51 against 21 ms at full size): keep it serial, as
      // the exact export's is.
      setup.push('SET LOCAL max_parallel_workers_per_gather = 0');
    }
    // One snapshot for every figure, so they add up even while records are being written. The
    // whole organisation's statements go on two connections at once (when the pool has one to
    // spare): at ten times the full size they take 330–400 ms one after another. A team's take
    // a few milliseconds each, less than a second connection and its snapshot cost.
    const { summary, closedInPeriod, keys, outcomes } = await inOneSnapshot(
      this.db,
      setup,
      async (first, second) => {
        const { summary, closedInPeriod, keys } = await this.summarise(
          [first, second],
          from,
          to,
          scope.teamId,
          want.keys === true,
        );
        const outcomes = want.outcomes
          ? await queryOutcomes(first, from, to, scope.teamId, INSTRUMENT_KEYS, want.keys === true)
          : null;
        return { summary, closedInPeriod, keys, outcomes };
      },
      scope.teamId === null ? 2 : 1,
    );
    return { summary, closedInPeriod, scope, keys, outcomes };
  }

  /**
   * The summary of the period; with `withKeys`, also its cell keys (SPEC §14),
   * each computed by the statement that counts the cell's records, beside the count.
   */
  private async summarise(
    [first, second]: [EntityManager, EntityManager],
    from: string,
    to: string,
    teamId: string | null,
    withKeys = false,
  ): Promise<{
    summary: ActivitySummary;
    closedInPeriod: number;
    keys: ReturnType<typeof activityCellKeys> | null;
  }> {
    const period = [from, to, teamId];
    const sql = withKeys ? KEYED_SQL : SQL;
    const cells: CellKeyRow[] | undefined = withKeys ? [] : undefined;
    // Each connection runs its share one statement after another; the two shares run at once
    // when they are two connections. The people served (one index entry per person met) take
    // about as long as all the rest.
    const onFirst = async () => {
      const [sessions]: SessionsSqlRow[] = await first.query(sql.sessions, period);
      const [closed]: ClosedSqlRow[] = await first.query(CLOSED_SQL, [...period, DECIDED_OUTCOMES]);
      const [people]: PeopleSqlRow[] = await first.query(sql.people, period);
      const handouts: HandoutSqlRow[] = await first.query(sql.handouts, [
        ...period,
        CONNECTED,
        DECIDED_OUTCOMES,
      ]);
      return { sessions, closed, people, handouts };
    };
    const onSecond = async () => {
      const [served]: ServedSqlRow[] = await second.query(sql.served, period);
      const advocacy: GroupedRow[] = await second.query(sql.advocacy, period);
      const hours = await otherHours(second, from, to, teamId, cells);
      return { served, advocacy, hours };
    };
    const [{ sessions, closed, people, handouts }, { served, advocacy, hours }] =
      first === second ? [await onFirst(), await onSecond()] : await both(onFirst(), onSecond());
    const activity = { ...sessions, ...served };

    const byType = Object.fromEntries(
      SESSION_TYPES.map((t) => [t, activity[`type_${t}`]]),
    ) as Record<SessionType, number>;
    const byFormat = Object.fromEntries(SESSION_FORMATS.map((f) => [f, 0])) as Record<
      SessionFormat,
      number
    >;
    for (const t of SESSION_TYPES) byFormat[formatOf(t)] += byType[t];
    const handoutTotal = handouts.find((r) => r.grouping === 'total')!;
    const advocacyTotal = advocacy.find((r) => r.grouping === 'total')!;
    const slice = (rows: GroupedRow[], g: 'a' | 'b') =>
      rows.filter((r) => r.grouping === g).map((r) => ({ key: r[g], n: r.n }));

    const summary: ActivitySummary = {
      period: { from, to },
      teamId,
      participantsServed: activity.served,
      newParticipants: people.new_participants,
      dischargedParticipants: people.discharged_participants,
      sessions: {
        total: activity.sessions,
        byType,
        byFormat,
        bySetting: Object.fromEntries(
          SESSION_SETTINGS.map((x) => [x, activity[`setting_${x}`]]),
        ) as Record<SessionSetting, number>,
      },
      groupAttendance: {
        attended: activity.group_attended,
        averagePerGroupSession: activity.average_per_group_session,
      },
      serviceHours: activity.service_hours,
      contactHours: activity.contact_hours,
      handouts: {
        total: handoutTotal.n,
        byCategory: tally(RESOURCE_CATEGORIES, slice(handouts, 'a')),
        byOutcome: tally(HANDOUT_OUTCOMES, slice(handouts, 'b')),
        connectionRate: handoutTotal.connection_rate,
        medianDaysToOutcome: closed.median_days,
      },
      advocacy: {
        opened: advocacyTotal.n,
        completed: people.advocacy_completed,
        byCategory: tally(ADVOCACY_CATEGORIES, slice(advocacy, 'a')),
        byLevel: tally(ADVOCACY_LEVELS, slice(advocacy, 'b')),
      },
      decisionNotes: people.decision_notes,
      otherHours: hours,
    };
    if (!cells) return { summary, closedInPeriod: closed.n, keys: null };
    const grouped = (rows: GroupedRow[], a: string, b: string, total: string) =>
      rows.map((r) => ({
        cell: r.grouping === 'a' ? `${a}.${r.a}` : r.grouping === 'b' ? `${b}.${r.b}` : total,
        n: r.n,
        k: r.k!,
      }));
    cells.push(
      ...dayCellKeys(activity),
      { cell: 'participantsServed', n: activity.served, k: activity.key_served! },
      { cell: 'newParticipants', n: people.new_participants, k: people.key_new! },
      {
        cell: 'dischargedParticipants',
        n: people.discharged_participants,
        k: people.key_discharged!,
      },
      { cell: 'advocacy.completed', n: people.advocacy_completed, k: people.key_completed! },
      { cell: 'decisionNotes', n: people.decision_notes, k: people.key_decision_notes! },
      ...grouped(handouts, 'handouts.byCategory', 'handouts.byOutcome', 'handouts.total'),
      ...grouped(advocacy, 'advocacy.byCategory', 'advocacy.byLevel', 'advocacy.opened'),
    );
    return { summary, closedInPeriod: closed.n, keys: activityCellKeys(summary, cells) };
  }
}

/*
 * The SQL. $1 = from, $2 = to (inclusive dates), $3 = team id or null for the
 * whole organisation. Sessions count by their org-local day (ORG_TIMEZONE; the
 * roll-ups are kept in it). A voided session counts nowhere: the roll-ups leave
 * it out (migration SessionVoid) and the caseload's own session reads skip it.
 */

const IN_TEAM = (alias: string) => `($3::uuid IS NULL OR ${alias}.team_id = $3::uuid)`;

/** A row of a `GROUPING SETS ((a), (b), ())` query: one of the two breakdowns, or the total. */
interface GroupedRow {
  grouping: 'a' | 'b' | 'total';
  a: string | null;
  b: string | null;
  n: number;
  hours?: number | null;
  /** With keys: the cell key of the row's records. */
  k?: number;
}

const GROUPING = (a: string, b: string) =>
  `CASE WHEN GROUPING(${a}) = 0 THEN 'a' WHEN GROUPING(${b}) = 0 THEN 'b' ELSE 'total' END`;

type SessionsSqlRow = {
  sessions: number;
  service_hours: number;
  group_attended: number;
  contact_hours: number;
  average_per_group_session: number | null;
} & Record<`type_${SessionType}` | `setting_${SessionSetting}`, number>;

interface ServedSqlRow {
  served: number;
  /** With keys: the key of the participants served. */
  key_served?: number;
}

/** The period's whole months and the days outside them (migration MonthRollups). */
const PERIOD = periodByMonths('$1::date', '$2::date');

/** The roll-up columns the summary sums: the counts, and with keys the key sums. */
const rollupColumns = (keys: boolean) =>
  [...ROLLUP_COUNT_COLUMNS, ...(keys ? ROLLUP_KEY_COLUMNS : [])].join(', ');

/**
 * The period's roll-up rows: a row a team and whole month from
 * `team_month_activity`, a row a team and day from `team_day_activity` for the
 * days before the first whole month and after the last. A year of the whole
 * organisation is then about 13 rows a team, not 365.
 */
const rollupRows = (keys: boolean) => `
      SELECT ${rollupColumns(keys)} FROM team_month_activity m
       WHERE ${PERIOD.months('m.month')} AND ${IN_TEAM('m')}
      UNION ALL
      SELECT ${rollupColumns(keys)} FROM team_day_activity t
       WHERE ${PERIOD.before('t.day')} AND ${IN_TEAM('t')}
      UNION ALL
      SELECT ${rollupColumns(keys)} FROM team_day_activity t
       WHERE ${PERIOD.after('t.day')} AND ${IN_TEAM('t')}`;

/**
 * Sessions (by type, by setting, in total, with their hours), group attendance and
 * contact hours, from the roll-ups that triggers keep exact (migrations ReportRollups
 * and MonthRollups): `team_day_activity` has one row per team and org-local day,
 * `team_month_activity` one per team and month. With keys, also the day cells' keys
 * (DAY_KEY_COLUMNS).
 */
const sessionsSql = (keys: boolean) => `
  WITH d AS (
    SELECT coalesce(sum(r.sessions), 0)::int AS sessions,
           coalesce(sum(r.minutes), 0) AS minutes,
           ${SESSION_TYPES.map((t) => `coalesce(sum(r.type_${t}), 0)::int AS type_${t}`).join(',\n           ')},
           ${SESSION_SETTINGS.map((x) => `coalesce(sum(r.setting_${x}), 0)::int AS setting_${x}`).join(',\n           ')},
           coalesce(sum(r.group_attended), 0)::int AS group_attended,
           coalesce(sum(r.attended_minutes), 0) AS attended_minutes${keys ? `,\n           ${DAY_KEY_COLUMNS}` : ''}
      FROM (${rollupRows(keys)}) r
  )
  SELECT d.*,
         round(d.minutes / 60.0, 1)::float8 AS service_hours,
         round(d.attended_minutes / 60.0, 1)::float8 AS contact_hours,
         CASE WHEN ${GROUP_SESSIONS} > 0
              THEN round(d.group_attended::numeric / (${GROUP_SESSIONS}), 1)::float8
         END AS average_per_group_session
    FROM d`;

/** Participants served: the people with a contact in the period, from `participant_contact` (the days each attended). */
const servedSql = (keys: boolean) => `
  WITH contact AS (${contactsBetween('$1::date', '$2::date', IN_TEAM('pc'), keys ? 'pc.participant_id, pc.record_key' : undefined)}
  )${
    keys
      ? `
  -- With keys, each person served once, with the record key their contact rows carry (migration ContactRecordKey).
  SELECT count(*)::int AS served, ${recordKeySum('c.record_key')} AS key_served
    FROM (SELECT DISTINCT participant_id, record_key FROM contact) c`
      : `
  SELECT count(DISTINCT participant_id)::int AS served FROM contact`
  }`;

/** The count columns of `cells`, each followed by its key sum's with `keys`. */
const cellColumns = (cells: readonly RollupCell[], keys: boolean) =>
  cells.flatMap((c) => [c.column, ...(keys ? [`key_${c.column}`] : [])]);

/** A text literal of SQL, or NULL. */
const literal = (x: string | null) => (x === null ? 'NULL' : `'${x}'`);

/**
 * SQL: the one-row CTE `months` of a month roll-up's sums as a row a cell, as a `GROUPING SETS
 * ((a), (b), ())` statement gives them: (grouping, a, b, n[, units]).
 */
const monthCells = (cells: readonly RollupCell[], keys: boolean) => `
    SELECT c.grouping, c.a, c.b, c.n${keys ? ', c.units' : ''}
      FROM months CROSS JOIN LATERAL (VALUES
        ${cells
          .map(
            (c) =>
              `(${literal(c.grouping)}, ${literal(c.grouping === 'a' ? c.key : null)}, ${literal(c.grouping === 'b' ? c.key : null)}, months.${c.column}${keys ? `, months.key_${c.column}` : ''})`,
          )
          .join(',\n        ')}
      ) c(grouping, a, b, n${keys ? ', units' : ''})`;

interface PeopleSqlRow {
  new_participants: number;
  discharged_participants: number;
  advocacy_completed: number;
  decision_notes: number;
  /** With keys: each count's cell key. */
  key_new?: number;
  key_discharged?: number;
  key_completed?: number;
  key_decision_notes?: number;
}

/** The people figures: each a count of the period's whole months in `team_month_records` and of its edge days' records. */
const PEOPLE_FIGURES: [name: string, key: string, cell: string, table: string, day: string][] = [
  ['new_participants', 'key_new', 'enrolled', 'participant', 'enrolled_on'],
  ['discharged_participants', 'key_discharged', 'discharged', 'participant', 'discharged_on'],
  ['advocacy_completed', 'key_completed', 'advocacy_completed', 'advocacy_action', 'completed_on'],
  ['decision_notes', 'key_decision_notes', 'decision_notes', 'decision_note', 'discussed_on'],
];

/**
 * Participants enrolled and discharged, advocacy actions completed and decision notes of the period:
 * its whole months from `team_month_records` (migration RecordMonthRollups), the days before the
 * first whole month and after the last from the records.
 */
const peopleSql = (keys: boolean) => `
  WITH months AS (${PERIOD.monthSums(
    'team_month_records',
    PEOPLE_FIGURES.flatMap(([, , cell]) => [cell, ...(keys ? [`key_${cell}`] : [])]),
    IN_TEAM('m'),
  )})
  SELECT ${PEOPLE_FIGURES.map(
    ([name, key, cell], i) =>
      `(coalesce(months.${cell}, 0) + e${i}.n)::int AS ${name}` +
      (keys
        ? `, ${keyOfUnits(`coalesce(months.key_${cell}, 0) + coalesce(e${i}.units, 0)`)} AS ${key}`
        : ''),
  ).join(',\n         ')}
    FROM months,
         ${PEOPLE_FIGURES.map(
           ([, , , table, day], i) =>
             `(SELECT count(*) AS n${keys ? `, ${keyUnits('r.record_key')} AS units` : ''}
            FROM ${PERIOD.edgeRows(table, keys ? 'x.record_key' : '1 AS one', day, IN_TEAM('x'))} r) e${i}`,
         ).join(',\n         ')}`;

interface HandoutSqlRow extends GroupedRow {
  connection_rate: number | null;
}

/**
 * Handouts by resource category, by outcome, and in total. $4 = connected, $5 = the decided outcomes.
 * Whole months of the period are read from `team_month_handouts` (migration HandoutMonthRollups: a
 * row a team and month, each breakdown's count and key sum in a column of its own), turned into a
 * row a cell; the days before the first whole month and after the last from the handouts themselves,
 * counted per (resource, outcome) first so only those few rows are joined to `resource`. A
 * breakdown's cell with no handouts is left out, as a count of none gives no group.
 */
const handoutsSql = (keys: boolean) => {
  const units = (col: string) => (keys ? `, ${col}` : '');
  return `
  WITH edge AS (
    SELECT h.resource_id, h.outcome, count(*) AS n${units(`${keyUnits('h.record_key')} AS units`)}
      FROM ${PERIOD.edgeRows('handout', `x.resource_id, x.outcome${keys ? ', x.record_key' : ''}`, 'given_on', IN_TEAM('x'))} h
     GROUP BY h.resource_id, h.outcome
  ), months AS (${PERIOD.monthSums('team_month_handouts', cellColumns(HANDOUT_ROLLUP_CELLS, keys), IN_TEAM('m'))}
  ), cells AS (
    SELECT ${GROUPING('r.category', 'e.outcome')} AS grouping,
           r.category::text AS a, e.outcome::text AS b, sum(e.n) AS n${units('sum(e.units) AS units')}
      FROM edge e JOIN resource r ON r.id = e.resource_id
     GROUP BY GROUPING SETS ((r.category), (e.outcome), ())
    UNION ALL${monthCells(HANDOUT_ROLLUP_CELLS, keys)}
  )
  SELECT grouping, a, b, coalesce(sum(n), 0)::int AS n,
         (SELECT round(coalesce(sum(x.n) FILTER (WHERE x.b = $4), 0)
                       / nullif(coalesce(sum(x.n) FILTER (WHERE x.b = ANY($5::text[])), 0), 0), 2)::float8
            FROM cells x WHERE x.grouping = 'b') AS connection_rate${
              // The cells' sums of key units add up: each handout counts once in each breakdown.
              units(`${keyOfUnits('sum(units)')} AS k`)
            }
    FROM cells
   GROUP BY grouping, a, b
  HAVING grouping = 'total' OR sum(n) > 0`;
};

interface ClosedSqlRow {
  n: number;
  median_days: number | null;
}

/**
 * The referrals closed in the period (SPEC §12): those whose status now is a
 * closed one ($4) and whose last step (the last move into a closed status,
 * `outcome_on`) falls in the period, whenever they were given; their number
 * and the median of days from `given_on` to that step, 1 decimal. The whole
 * months of the period are read from `team_month_referral_days`, a count a
 * team, month and number of days; its other days from the referrals.
 */
const CLOSED_SQL = `
  WITH g AS (
    -- Whole months: the closed referrals counted by days to their last step (migration HandoutMonthRollups).
    SELECT r.days AS d, r.closed AS c FROM team_month_referral_days r
     WHERE ${PERIOD.months('r.month')} AND ${IN_TEAM('r')}
    UNION ALL
    SELECT x.outcome_on - x.given_on, 1
      FROM ${PERIOD.edgeRows('handout', 'x.outcome_on, x.given_on', 'outcome_on', `x.outcome = ANY($4::text[]) AND ${IN_TEAM('x')}`)} x
  ), h AS (
    SELECT d, sum(c) AS c FROM g GROUP BY d HAVING sum(c) <> 0
  ), s AS (
    SELECT d, sum(c) OVER (ORDER BY d) AS cum, sum(c) OVER () AS total FROM h
  )
  -- The median as percentile_cont(0.5) gives it: the mean of the values at the
  -- 0-based places floor((n-1)/2) and ceil((n-1)/2), the value at place k being
  -- the least d whose running count passes k.
  SELECT coalesce(max(total), 0)::int AS n,
         round(((min(d) FILTER (WHERE cum > floor((total - 1) / 2.0)))
                + (min(d) FILTER (WHERE cum > ceil((total - 1) / 2.0)))) / 2.0, 1)::float8 AS median_days
    FROM s`;

/**
 * Advocacy actions opened in the period, by category, by level, and in total: whole months from
 * `team_month_records` (migration RecordMonthRollups), the edge days from the actions.
 */
const advocacySql = (keys: boolean) => `
  WITH months AS (${PERIOD.monthSums('team_month_records', cellColumns(ADVOCACY_ROLLUP_CELLS, keys), IN_TEAM('m'))}
  ), cells AS (
    SELECT ${GROUPING('x.category', 'x.level')} AS grouping,
           x.category::text AS a, x.level::text AS b, count(*) AS n${keys ? `, ${keyUnits('x.record_key')} AS units` : ''}
      FROM ${PERIOD.edgeRows('advocacy_action', `x.category, x.level${keys ? ', x.record_key' : ''}`, 'opened_on', IN_TEAM('x'))} x
     GROUP BY GROUPING SETS ((x.category), (x.level), ())
    UNION ALL${monthCells(ADVOCACY_ROLLUP_CELLS, keys)}
  )
  SELECT grouping, a, b, coalesce(sum(n), 0)::int AS n${keys ? `, ${keyOfUnits('sum(units)')} AS k` : ''}
    FROM cells
   GROUP BY grouping, a, b
  HAVING grouping = 'total' OR sum(n) > 0`;

/** The summary's statements, without and with the cell keys of SPEC §14. */
const statements = (keys: boolean) => ({
  sessions: sessionsSql(keys),
  served: servedSql(keys),
  people: peopleSql(keys),
  handouts: handoutsSql(keys),
  advocacy: advocacySql(keys),
});
const SQL = statements(false);
const KEYED_SQL = statements(true);

interface CaseloadSqlRow {
  id: string | null;
  display_name: string | null;
  is_total: boolean;
  credential_expires_on: string | null;
  active_participants: number;
  sessions: number;
  service_hours: number;
  without_recent_contact: number;
  open_advocacy: number;
  overdue_advocacy: number;
  referrals_awaiting_follow_up: number;
  notes_awaiting_signature: number;
  notes_awaiting_cosign: number;
  plans_due_for_review: number;
  without_plan: number;
  measures_due: number;
  open_safety_alerts: number;
  consents_expiring_soon: number;
}

/**
 * The caseload report in one statement: each figure per worker in its own
 * aggregate (one row per worker, so the joins never multiply), then a row per
 * worker and the totals row from GROUPING SETS; hours are summed in minutes
 * and rounded once. Every figure is limited to the team's own records, except
 * that a contact counts in a session of any team (SPEC §5 "any session in
 * window": a participant moved from another team keeps the contacts made there).
 * Whether a participant was met in the window is read from `participant_contact`
 * (the org-local days each person attended, per team, kept exact by triggers:
 * migration ReportRollups), one look-up a person by its key, instead of the
 * window's sessions and each unmet person's attendance history in other teams.
 * A participant has at most one
 * active recovery plan (a unique index), so joining it never multiplies rows;
 * plans move with their person, so the plan is always the person's team's.
 *
 * $1 team (null: every team, for an admin), $2 asOf, $3 window length − 1 (days), $4 roles listed, $5 the one
 * worker a worker may see (else null), $6 attended, $7 participant status
 * active, $8 open advocacy statuses, $9 the open referral statuses, $10 days from a
 * measurement to the next (MEASURE_INTERVAL_DAYS), $11 days from enrolment to the baseline.
 * The notes figures (SPEC §8): `unsigned` counts attended rows of the window with no signed or
 * co-signed note, `cosign` the worker's signed notes still waiting for a co-signature (whenever
 * signed). A note is looked up by the attendance row's own session and person, both
 * from one row, so the planner probes the (session, person) key with both columns; written with
 * `s.id` it read each person's every note and filtered them by session (95 a person at full size). Measures due (SPEC §9): for each instrument of the participant's team, the latest
 * live measurement + $10 days, or enrolment + $11 days when there is none.
 */
const CASELOAD_SQL = `
  WITH w AS (
    SELECT u.id, u.display_name, u.credential_expires_on
      FROM app_user u
     WHERE ($1::uuid IS NULL OR u.team_id = $1::uuid) AND u.active AND u.role = ANY($4::text[])
       AND ($5::uuid IS NULL OR u.id = $5::uuid)
  ), caseload AS (
    SELECT p.primary_worker_id AS worker_id,
           count(*) AS active_participants,
           count(*) FILTER (WHERE NOT EXISTS (
             SELECT 1 FROM participant_contact pc
              WHERE pc.participant_id = p.id
                AND ${attendedBetween('pc', '($2::date - $3::int)', '$2::date')}
           )) AS without_recent_contact,
           count(*) FILTER (WHERE rp.review_due_on <= $2::date) AS plans_due_for_review,
           count(*) FILTER (WHERE rp.id IS NULL AND p.enrolled_on <= $2::date - 30) AS without_plan
      FROM participant p
      LEFT JOIN recovery_plan rp ON rp.participant_id = p.id AND rp.status = 'active'
     WHERE ($1::uuid IS NULL OR p.team_id = $1::uuid) AND p.status = $7 AND p.primary_worker_id IN (SELECT id FROM w)
     GROUP BY p.primary_worker_id
  ), sessions AS (
    SELECT s.facilitator_id AS worker_id, count(*) AS n, sum(s.duration_minutes) AS minutes
      FROM support_session s
     WHERE ($1::uuid IS NULL OR s.team_id = $1::uuid) AND s.facilitator_id IN (SELECT id FROM w)
       AND s.voided_at IS NULL
       AND s.starts_at >= $2::date - $3::int AND s.starts_at < $2::date + 1
     GROUP BY s.facilitator_id
  ), advocacy AS (
    SELECT x.worker_id, count(*) AS open, count(*) FILTER (WHERE x.due_on < $2::date) AS overdue
      FROM advocacy_action x
     WHERE ($1::uuid IS NULL OR x.team_id = $1::uuid) AND x.status = ANY($8::text[]) AND x.worker_id IN (SELECT id FROM w)
     GROUP BY x.worker_id
  ), referrals AS (
    SELECT h.worker_id, count(*) AS n
      FROM handout h
     WHERE ($1::uuid IS NULL OR h.team_id = $1::uuid) AND h.outcome = ANY($9::text[]) AND h.follow_up_on <= $2::date
       AND h.worker_id IN (SELECT id FROM w)
     GROUP BY h.worker_id
  ), unsigned AS (
    SELECT s.facilitator_id AS worker_id, count(*) AS n
      FROM support_session s JOIN attendance a ON a.session_id = s.id
     WHERE ($1::uuid IS NULL OR s.team_id = $1::uuid) AND s.facilitator_id IN (SELECT id FROM w)
       AND s.voided_at IS NULL AND a.status = $6
       AND s.starts_at >= $2::date - $3::int AND s.starts_at < $2::date + 1
       AND NOT EXISTS (
         SELECT 1 FROM session_note n
          WHERE n.session_id = a.session_id AND n.participant_id = a.participant_id AND n.status <> 'draft'
       )
     GROUP BY s.facilitator_id
  ), cosign AS (
    SELECT n.signed_by_id AS worker_id, count(*) AS n
      FROM session_note n
     WHERE ($1::uuid IS NULL OR n.team_id = $1::uuid) AND n.status = 'signed' AND n.cosign_required
       AND n.signed_by_id IN (SELECT id FROM w)
     GROUP BY n.signed_by_id
  ), due AS (
    SELECT p.primary_worker_id AS worker_id, count(*) AS n
      FROM participant p JOIN team t ON t.id = p.team_id
     WHERE ($1::uuid IS NULL OR p.team_id = $1::uuid) AND p.status = $7
       AND p.primary_worker_id IN (SELECT id FROM w)
       AND EXISTS (
         SELECT 1 FROM unnest(t.instruments) i(instrument)
          WHERE coalesce((SELECT max(x.taken_on) + $10::int FROM measurement x
                           WHERE x.participant_id = p.id AND x.instrument = i.instrument
                             AND x.voided_at IS NULL),
                         p.enrolled_on + $11::int) <= $2::date)
     GROUP BY p.primary_worker_id
  ), alerts AS (
    SELECT p.primary_worker_id AS worker_id, count(*) AS n
      FROM safety_alert a JOIN participant p ON p.id = a.participant_id
     WHERE ($1::uuid IS NULL OR a.team_id = $1::uuid) AND a.resolved_at IS NULL
       AND p.primary_worker_id IN (SELECT id FROM w)
     GROUP BY p.primary_worker_id
  ), expiring AS (
    -- Consents in force on the report date whose last day falls in the next 30 days (SPEC §10).
    SELECT p.primary_worker_id AS worker_id, count(*) AS n
      FROM consent k JOIN participant p ON p.id = k.participant_id
     WHERE ($1::uuid IS NULL OR k.team_id = $1::uuid)
       AND p.primary_worker_id IN (SELECT id FROM w)
       AND k.signed_on <= $2::date
       AND k.expires_on BETWEEN $2::date + 1 AND $2::date + 30
       AND (k.event_occurred_on IS NULL OR $2::date < k.event_occurred_on)
       AND (k.revoked_on IS NULL OR $2::date < k.revoked_on)
     GROUP BY p.primary_worker_id
  )
  SELECT w.id, w.display_name, GROUPING(w.id) = 1 AS is_total,
         to_char(w.credential_expires_on, 'YYYY-MM-DD') AS credential_expires_on,
         coalesce(sum(c.active_participants), 0)::int AS active_participants,
         coalesce(sum(se.n), 0)::int AS sessions,
         round(coalesce(sum(se.minutes), 0) / 60.0, 1)::float8 AS service_hours,
         coalesce(sum(c.without_recent_contact), 0)::int AS without_recent_contact,
         coalesce(sum(ad.open), 0)::int AS open_advocacy,
         coalesce(sum(ad.overdue), 0)::int AS overdue_advocacy,
         coalesce(sum(r.n), 0)::int AS referrals_awaiting_follow_up,
         coalesce(sum(un.n), 0)::int AS notes_awaiting_signature,
         coalesce(sum(co.n), 0)::int AS notes_awaiting_cosign,
         coalesce(sum(c.plans_due_for_review), 0)::int AS plans_due_for_review,
         coalesce(sum(c.without_plan), 0)::int AS without_plan,
         coalesce(sum(du.n), 0)::int AS measures_due,
         coalesce(sum(al.n), 0)::int AS open_safety_alerts,
         coalesce(sum(ex.n), 0)::int AS consents_expiring_soon
    FROM w
    LEFT JOIN caseload c ON c.worker_id = w.id
    LEFT JOIN sessions se ON se.worker_id = w.id
    LEFT JOIN advocacy ad ON ad.worker_id = w.id
    LEFT JOIN referrals r ON r.worker_id = w.id
    LEFT JOIN unsigned un ON un.worker_id = w.id
    LEFT JOIN cosign co ON co.worker_id = w.id
    LEFT JOIN due du ON du.worker_id = w.id
    LEFT JOIN alerts al ON al.worker_id = w.id
    LEFT JOIN expiring ex ON ex.worker_id = w.id
   GROUP BY GROUPING SETS ((w.id, w.display_name, w.credential_expires_on), ())
   ORDER BY GROUPING(w.id), lower(w.display_name), w.display_name, w.id`;
