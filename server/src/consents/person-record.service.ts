import { ForbiddenException, Injectable } from '@nestjs/common';
import { requireParticipant } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { RecordContext } from '../records';
import {
  CONSENT,
  DISCLOSURE,
  toConsentResponse,
  toDisclosureResponse,
  type ConsentRow,
  type DisclosureRow,
} from './consents.mapper';
import type { PersonRecordResponse } from './person-record.response';

type Json = Record<string, unknown>;

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Keys in camelCase, nested objects and lists included; jsonb content (the person's words) left as is. */
function camelKeys(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => camelKeys(v, depth));
  if (value && typeof value === 'object' && depth < 2) {
    return Object.fromEntries(
      Object.entries(value as Json).map(([k, v]) => [camel(k), camelKeys(v, depth + 1)]),
    );
  }
  return value;
}

/** Columns of the team's bookkeeping, not of the person's record. */
const INTERNAL = `ARRAY['team_id', 'participant_id', 'version', 'created_at', 'updated_at', 'record_key']`;

/**
 * The person's own record (SPEC §10; HIPAA's right of access): everything
 * PeerPath holds about them, for them to read. Nobody else appears in it: a
 * group session says how many others attended, never who, and leaves out
 * the group's shared notes; sessions another team delivered are summaries.
 * Produced by the person's team (workers and supervisors), audited as an
 * export.
 */
@Injectable()
export class PersonRecordService {
  constructor(private readonly records: RecordContext) {}

  async build(
    caller: AuthUser,
    participantId: string,
    format: 'json' | 'pdf' = 'json',
  ): Promise<PersonRecordResponse> {
    const m = this.records.db.manager;
    const p = await requireParticipant(m, caller, participantId);
    if (caller.role === 'admin') {
      throw new ForbiddenException(
        'The person’s record is produced by their team’s workers and supervisors',
      );
    }
    const today = this.records.today();
    const rows = async (sql: string): Promise<Json[]> =>
      ((await m.query(sql, sql.includes('$2') ? [p.id, p.teamId] : [p.id])) as { r: Json }[]).map(
        (x) => camelKeys(x.r) as Json,
      );
    const [person] = await rows(
      `SELECT to_jsonb(p) - ARRAY['team_id', 'version', 'primary_worker_id', 'created_at', 'updated_at', 'record_key']
              || jsonb_build_object('team_name', t.name, 'primary_worker', u.display_name) AS r
         FROM participant p JOIN team t ON t.id = p.team_id
         LEFT JOIN app_user u ON u.id = p.primary_worker_id
        WHERE p.id = $1`,
    );
    const sessions = await rows(
      `SELECT CASE WHEN s.team_id = $2 THEN jsonb_build_object(
                'id', s.id, 'starts_at', s.starts_at, 'type', s.type, 'setting', s.setting,
                'duration_minutes', s.duration_minutes, 'title', s.title, 'activities', s.activities,
                'facilitator', f.display_name, 'attendance', a.status, 'attendance_note', a.note,
                'others_attending', (SELECT count(*) FROM attendance o
                                      WHERE o.session_id = s.id AND o.participant_id <> $1)::int,
                'session_notes', CASE WHEN s.type = 'one_to_one_mentoring' THEN s.notes END,
                'notes', (SELECT coalesce(jsonb_agg(to_jsonb(n) - ${INTERNAL} - ARRAY['session_id', 'goal_ids', 'returned_comment', 'returned_at', 'returned_by_id']
                                                    ORDER BY n.created_at), '[]'::jsonb)
                            FROM session_note n WHERE n.session_id = s.id AND n.participant_id = $1))
              ELSE jsonb_build_object('starts_at', s.starts_at, 'type', s.type, 'team_name', t.name,
                'attendance', a.status, 'summary_only', true) END AS r
         FROM attendance a JOIN support_session s ON s.id = a.session_id
         JOIN team t ON t.id = s.team_id JOIN app_user f ON f.id = s.facilitator_id
        WHERE a.participant_id = $1 AND s.voided_at IS NULL
        ORDER BY s.starts_at DESC, s.id`,
    );
    const plans = await rows(
      `SELECT to_jsonb(x) - ${INTERNAL} - ARRAY['based_on_plan_id', 'created_by_id', 'activated_by_id'] || jsonb_build_object(
                'goals', (SELECT coalesce(jsonb_agg(to_jsonb(g) - ${INTERNAL} - ARRAY['plan_id', 'id'] ORDER BY g.position), '[]'::jsonb)
                            FROM recovery_plan_goal g WHERE g.plan_id = x.id)) AS r
         FROM recovery_plan x WHERE x.participant_id = $1 ORDER BY x.version_no DESC`,
    );
    const advocacy = await rows(
      `SELECT to_jsonb(x) - ${INTERNAL} - 'worker_id' || jsonb_build_object('worker', u.display_name) AS r
         FROM advocacy_action x JOIN app_user u ON u.id = x.worker_id
        WHERE x.participant_id = $1 ORDER BY x.opened_on DESC, x.id`,
    );
    const handouts = await rows(
      `SELECT to_jsonb(x) - ${INTERNAL} - ARRAY['worker_id', 'resource_id']
              || jsonb_build_object('resource', r.name, 'worker', u.display_name) AS r
         FROM handout x JOIN resource r ON r.id = x.resource_id JOIN app_user u ON u.id = x.worker_id
        WHERE x.participant_id = $1 ORDER BY x.given_on DESC, x.id`,
    );
    const decisionNotes = await rows(
      `SELECT to_jsonb(x) - ${INTERNAL} - 'worker_id' || jsonb_build_object('worker', u.display_name) AS r
         FROM decision_note x JOIN app_user u ON u.id = x.worker_id
        WHERE x.participant_id = $1 ORDER BY x.discussed_on DESC, x.id`,
    );
    const measures = await rows(
      `SELECT to_jsonb(x) - ${INTERNAL} - ARRAY['administered_by_id', 'voided_by_id'] AS r
         FROM measurement x WHERE x.participant_id = $1 ORDER BY x.taken_on DESC, x.id`,
    );
    const consents: ConsentRow[] = await m.query(
      `SELECT ${CONSENT.select} FROM consent WHERE participant_id = $1 ORDER BY signed_on DESC, id`,
      [p.id],
    );
    const disclosures: DisclosureRow[] = await m.query(
      `SELECT ${DISCLOSURE.select} FROM disclosure WHERE participant_id = $1 ORDER BY disclosed_on DESC, id`,
      [p.id],
    );
    await this.records.audit.record({
      actorId: caller.id,
      action: 'export',
      entityType: 'participant',
      entityId: p.id,
      participantId: p.id,
      teamId: p.teamId,
      details: { record: true, format },
    });
    return {
      generatedOn: today,
      person,
      sessions,
      plans,
      advocacy,
      handouts,
      decisionNotes,
      measures,
      consents: consents.map((c) => toConsentResponse(c, today)),
      disclosures: disclosures.map(toDisclosureResponse),
    };
  }
}
