import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import {
  BASELINE_DUE_DAYS,
  CASELOAD_WINDOW_DAYS,
  DEFAULT_MEASURE_INTERVAL_DAYS,
  INSTRUMENTS,
  LABELS,
  OPEN_HANDOUT_OUTCOMES,
  OTHER_TEAM_ATTENDEE,
  type Agenda,
  type AgendaItem,
  type AttendanceStatus,
  type ParticipantStatus,
} from '@peerpath/shared';
import { NotInTeamException } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { CASELOAD_ROLES, UNFINISHED_ADVOCACY_STATUSES } from '../common/constants';
import { RecordContext } from '../records';
import type { AgendaQueryDto } from './dto/agenda.query';
import { groupMeetingsSql } from './group-meetings';

const ATTENDED: AttendanceStatus = 'attended';
const ACTIVE: ParticipantStatus = 'active';
const DISCHARGED: ParticipantStatus = 'discharged';
const OPEN_REFERRAL = [...OPEN_HANDOUT_OUTCOMES];
/** A referral's last step in its agenda title (SPEC §12): " · last step: Made contact" once it moved. */
const LAST_STEP = `CASE h.outcome ${OPEN_HANDOUT_OUTCOMES.filter((o) => o !== 'pending')
  .map((o) => `WHEN '${o}' THEN ' · last step: ${LABELS.handoutOutcome[o]}'`)
  .join(' ')} ELSE '' END`;

/** Each instrument's name as workers know it, for the titles of measures due. */
const INSTRUMENT_NAMES = JSON.stringify(
  Object.fromEntries(Object.values(INSTRUMENTS).map((i) => [i.key, i.name])),
);

/**
 * SPEC §11: one worker's day in one query. Where the caseload report
 * (reports.service.ts, CASELOAD_SQL) counts the same thing, the predicate is
 * the same, so a figure on the caseload and the items on the agenda agree:
 *   referralsAwaitingFollowUp  → handout_follow_up
 *   overdueAdvocacy / open     → advocacy_due
 *   plansDueForReview          → plan_review
 *   measuresDue                → measure_due (one item per instrument due)
 *   notesAwaitingSignature     → note_awaiting_signature (one item per attended row)
 *   openSafetyAlerts           → safety_alert (a supervisor also sees the team's)
 *   consentsExpiringSoon       → consent_expiring (due on the consent's last day)
 *   credentialExpiresOn        → credential_expiring (within 90 days; a supervisor sees the team's)
 * and the recurring groups the worker facilitates meeting on the date (group_meeting).
 *
 *  $1 worker, $2 date, $3 team, $4 caseload window (days before the date),
 *  $5 measure interval days, $6 baseline due days, $7 supervisor (sees the team's alerts),
 *  $8 attended, $9 active, $10 unfinished advocacy statuses, $11 the open referral statuses, $12 instrument names,
 *  $13 discharged, $14 name of a person of another team
 */
const AGENDA_SQL = `
  WITH p AS (
    SELECT id, status, enrolled_on, primary_worker_id,
           coalesce(preferred_name, first_name) || ' ' || last_name AS name
      FROM participant
     WHERE team_id = $3::uuid
  ), items AS (
    -- Resources given and not yet followed up (caseload: referralsAwaitingFollowUp).
    SELECT 'handout_follow_up' AS kind, h.follow_up_on AS due_on, p.id AS participant_id,
           p.name AS participant_name, 'Follow up on ' || r.name || ${LAST_STEP} AS title,
           '/participants/' || p.id AS link, h.id AS record_id
      FROM handout h JOIN p ON p.id = h.participant_id JOIN resource r ON r.id = h.resource_id
     WHERE h.team_id = $3::uuid AND h.worker_id = $1::uuid AND h.outcome = ANY($11::text[])
       AND h.follow_up_on <= $2::date
    UNION ALL
    -- Advocacy the worker owns, open or in progress, due by the date (caseload: openAdvocacy with a due date).
    SELECT 'advocacy_due', x.due_on, p.id, p.name, x.title,
           CASE WHEN p.id IS NULL THEN '/advocacy' ELSE '/participants/' || p.id END, x.id
      FROM advocacy_action x LEFT JOIN p ON p.id = x.participant_id
     WHERE x.team_id = $3::uuid AND x.worker_id = $1::uuid AND x.status = ANY($10::text[])
       AND x.due_on <= $2::date
    UNION ALL
    -- Shared decisions with a check-in date: due until the check-in date is moved or cleared.
    SELECT 'decision_note_check_in', d.follow_up_on, p.id, p.name, 'Check in: ' || d.topic,
           '/decision-notes/' || d.id, d.id
      FROM decision_note d JOIN p ON p.id = d.participant_id
     WHERE d.team_id = $3::uuid AND d.worker_id = $1::uuid AND d.follow_up_on <= $2::date
       AND p.status <> $13
    UNION ALL
    -- Active plans due for review (caseload: plansDueForReview).
    SELECT 'plan_review', rp.review_due_on, p.id, p.name, 'Review the recovery plan together',
           '/participants/' || p.id || '/plan', rp.id
      FROM recovery_plan rp JOIN p ON p.id = rp.participant_id
     WHERE rp.team_id = $3::uuid AND rp.status = 'active' AND rp.review_due_on <= $2::date
       AND p.status = $9 AND p.primary_worker_id = $1::uuid
    UNION ALL
    -- Outcome measures due, each instrument the team uses (caseload: measuresDue).
    SELECT 'measure_due', m.due_on, p.id, p.name,
           coalesce($12::jsonb ->> m.instrument, m.instrument) || ' is due',
           '/participants/' || p.id, p.id
      FROM p JOIN team t ON t.id = $3::uuid
      CROSS JOIN LATERAL (
        SELECT i.instrument,
               coalesce((SELECT max(x.taken_on) + $5::int FROM measurement x
                          WHERE x.participant_id = p.id AND x.instrument = i.instrument
                            AND x.voided_at IS NULL),
                        p.enrolled_on + $6::int) AS due_on
          FROM unnest(t.instruments) i(instrument)
      ) m
     WHERE p.status = $9 AND p.primary_worker_id = $1::uuid AND m.due_on <= $2::date
    UNION ALL
    -- People who attended the worker's sessions of the caseload window with no signed note
    -- (caseload: notesAwaitingSignature); a person since moved stays as "of another team" (SPEC §1).
    SELECT 'note_awaiting_signature', s.starts_at::date, p.id, coalesce(p.name, $14),
           'Write and sign the note' || coalesce(' for ' || s.title, ''),
           '/sessions/' || s.id, s.id
      FROM support_session s JOIN attendance a ON a.session_id = s.id
      LEFT JOIN p ON p.id = a.participant_id
     WHERE s.team_id = $3::uuid AND s.facilitator_id = $1::uuid AND s.voided_at IS NULL
       AND a.status = $8
       AND s.starts_at >= $2::date - $4::int AND s.starts_at < $2::date + 1
       AND NOT EXISTS (
         SELECT 1 FROM session_note n
          WHERE n.session_id = a.session_id AND n.participant_id = a.participant_id AND n.status <> 'draft'
       )
    UNION ALL
    -- Open safety alerts of the worker's people (caseload: openSafetyAlerts); a supervisor's
    -- agenda carries every open alert of the team, as their home page does (SPEC §9).
    SELECT 'safety_alert', al.raised_at::date, p.id, p.name,
           'Reach out: an answer about thoughts of self-harm needs a check-in',
           '/participants/' || p.id, al.id
      FROM safety_alert al JOIN p ON p.id = al.participant_id
     WHERE al.team_id = $3::uuid AND al.resolved_at IS NULL
       AND (p.primary_worker_id = $1::uuid OR $7::boolean)
    UNION ALL
    -- Consents to share of the worker's people in force on the date whose last day falls in the
    -- next 30 days (caseload: consentsExpiringSoon, SPEC §10): due on their last day.
    SELECT 'consent_expiring', k.expires_on, p.id, p.name,
           'Consent to share with ' || k.recipient || ' ends: ask whether to renew it',
           '/participants/' || p.id, k.id
      FROM consent k JOIN p ON p.id = k.participant_id
     WHERE k.team_id = $3::uuid AND p.primary_worker_id = $1::uuid
       AND k.signed_on <= $2::date
       AND k.expires_on BETWEEN $2::date + 1 AND $2::date + 30
       AND (k.event_occurred_on IS NULL OR $2::date < k.event_occurred_on)
       AND (k.revoked_on IS NULL OR $2::date < k.revoked_on)
    UNION ALL
    -- Credentials ending in the next 90 days or ended (caseload: credentialExpiresOn, SPEC §11): the
    -- worker's own, and on a supervisor's agenda every active team member's. Warned 90, 60 and 30
    -- days ahead: due on the latest of those marks the date has reached, or on the day it ended.
    SELECT 'credential_expiring', cr.due_on, NULL::uuid, NULL::text,
           CASE WHEN u.id = $1::uuid THEN 'Your ' ELSE u.display_name || ': ' END || u.credential ||
           CASE WHEN u.credential_expires_on < $2::date
                THEN ' ended on ' || to_char(u.credential_expires_on, 'FMDD Mon YYYY') || ': renew it'
                ELSE ' ends on ' || to_char(u.credential_expires_on, 'FMDD Mon YYYY') || ' ('
                     || (u.credential_expires_on - $2::date) || ' days): time to renew' END,
           '/', u.id
      FROM app_user u
     CROSS JOIN LATERAL (
       SELECT CASE WHEN u.credential_expires_on < $2::date THEN u.credential_expires_on
                   WHEN u.credential_expires_on - 30 <= $2::date THEN u.credential_expires_on - 30
                   WHEN u.credential_expires_on - 60 <= $2::date THEN u.credential_expires_on - 60
                   ELSE u.credential_expires_on - 90 END AS due_on
     ) cr
     WHERE u.team_id = $3::uuid AND u.active AND u.credential_expires_on <= $2::date + 90
       AND (u.id = $1::uuid OR $7::boolean)
    UNION ALL
    -- Recurring groups the worker facilitates that meet on the date's weekday and are not yet
    -- logged for that day (SPEC §11): one tap opens the group, whose button logs the meeting.
    ${groupMeetingsSql({ worker: '$1', team: '$3', from: '$2', days: '0' })}
  )
  SELECT kind, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", participant_id AS "participantId",
         participant_name AS "participantName", title, link, record_id AS "recordId"
    FROM items
   ORDER BY due_on, kind, participant_name, record_id`;

@Injectable()
export class AgendaService {
  constructor(private readonly records: RecordContext) {}

  async forDay(caller: AuthUser, q: AgendaQueryDto): Promise<Agenda> {
    const date = q.date ?? this.records.today();
    const worker = await this.whose(caller, q.workerId);
    const items: AgendaItem[] = await this.records.db.query(AGENDA_SQL, [
      worker.id,
      date,
      worker.teamId,
      CASELOAD_WINDOW_DAYS - 1,
      this.records.config.measureIntervalDays ?? DEFAULT_MEASURE_INTERVAL_DAYS,
      BASELINE_DUE_DAYS,
      worker.role === 'supervisor',
      ATTENDED,
      ACTIVE,
      UNFINISHED_ADVOCACY_STATUSES,
      OPEN_REFERRAL,
      INSTRUMENT_NAMES,
      DISCHARGED,
      OTHER_TEAM_ATTENDEE,
    ]);
    // A read of the participant records the agenda names: one event with its filters (SPEC §3).
    await this.records.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: 'participant',
      teamId: worker.teamId,
      details: { view: 'agenda', filters: { date, workerId: worker.id } },
    });
    return { date, workerId: worker.id, items };
  }

  /**
   * Whose day: the caller's own by default. Someone of another team (or no
   * one) is a 404 for everyone but an admin; a worker naming anyone else of
   * their team is a 403; a supervisor may name anyone of their team.
   */
  private async whose(
    caller: AuthUser,
    workerId: string | undefined,
  ): Promise<{ id: string; teamId: string; role: string }> {
    if (!workerId || workerId === caller.id) {
      if (caller.role === 'admin' || !caller.teamId) {
        throw new BadRequestException({
          message: 'workerId is required: an admin looks at the day of a worker of a team',
          errors: { workerId: ['workerId is required for an admin'] },
        });
      }
      return { id: caller.id, teamId: caller.teamId, role: caller.role };
    }
    const rows: { id: string; team_id: string; role: string }[] = await this.records.db.query(
      `SELECT id, team_id, role FROM app_user
        WHERE id = $1 AND role = ANY($2::text[]) ${caller.role === 'admin' ? '' : 'AND team_id = $3'}`,
      caller.role === 'admin'
        ? [workerId, CASELOAD_ROLES]
        : [workerId, CASELOAD_ROLES, caller.teamId],
    );
    if (rows.length === 0) throw new NotInTeamException('user', workerId, 'Worker not found');
    if (caller.role === 'worker') {
      throw new ForbiddenException('A worker sees only their own agenda');
    }
    return { id: rows[0].id, teamId: rows[0].team_id, role: rows[0].role };
  }
}
