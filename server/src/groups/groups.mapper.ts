import type { GroupMembership } from '@peerpath/shared';
import { computed, defineRecord } from '../records';
import type { RecurringGroupEntity } from './group.entity';
import type { GroupResponse } from './group.response';

/**
 * A recurring group as the record layer reads and writes it; its roster (its
 * own table, written by the service) is read with it: the current members by
 * name, and every membership with its dates, oldest join first.
 */
export const GROUP = defineRecord<GroupRow>({
  table: 'recurring_group',
  entity: 'group',
  notFound: 'Group not found',
  stale: 'This group was changed by someone else; reload it and try again',
  columns: {
    id: 'id',
    teamId: 'team_id',
    name: 'name',
    type: 'type',
    setting: 'setting',
    weekday: 'weekday',
    startTime: 'start_time',
    durationMinutes: 'duration_minutes',
    facilitatorIds: 'facilitator_ids',
    active: 'active',
    version: 'version',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
    members: computed(
      (g) => `coalesce((
    SELECT array_agg(gm.participant_id ORDER BY lower(p.last_name), lower(p.first_name), p.id)
      FROM group_membership gm JOIN participant p ON p.id = gm.participant_id
     WHERE gm.group_id = ${g}.id AND gm.left_on IS NULL
  ), '{}'::uuid[])`,
    ),
    memberships: computed(
      (g) => `coalesce((
    SELECT json_agg(json_build_object('participantId', gm.participant_id,
                                      'joinedOn', to_char(gm.joined_on, 'YYYY-MM-DD'),
                                      'leftOn', to_char(gm.left_on, 'YYYY-MM-DD'))
                    ORDER BY gm.joined_on, gm.left_on NULLS LAST, gm.participant_id)
      FROM group_membership gm
     WHERE gm.group_id = ${g}.id
  ), '[]'::json)`,
    ),
  },
  listOrder: 'created_at DESC, id DESC',
});

export type GroupRow = Omit<RecurringGroupEntity, 'team'> & {
  members: string[];
  memberships: GroupMembership[];
};

export function toGroupResponse(g: GroupRow): GroupResponse {
  return {
    id: g.id,
    teamId: g.teamId,
    name: g.name,
    type: g.type,
    setting: g.setting,
    weekday: g.weekday,
    startTime: g.startTime,
    durationMinutes: g.durationMinutes,
    facilitatorIds: g.facilitatorIds,
    members: g.members,
    memberships: g.memberships.map((x) => ({
      participantId: x.participantId,
      joinedOn: x.joinedOn,
      leftOn: x.leftOn ?? null,
    })),
    active: g.active,
    version: g.version,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}
