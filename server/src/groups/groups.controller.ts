import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { GroupAttendance, GroupSessionDraft, Page, RecurringGroup } from '@peerpath/shared';
import { CurrentUser, type AuthUser } from '../common/auth.decorators';
import {
  ChangeRecord,
  CreateRecord,
  ListRecords,
  ReadRecord,
  RecordAction,
  RecordId,
} from '../records';
import {
  CreateGroupDto,
  GroupAttendanceQuery,
  JoinGroupDto,
  LeaveGroupDto,
  ListGroupsQuery,
  SessionDraftQuery,
  UpdateGroupDto,
} from './dto/group.dto';
import {
  GroupAttendanceResponse,
  GroupResponse,
  GroupSessionDraftResponse,
} from './group.response';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @ListRecords(
    GroupResponse,
    'Recurring groups of the team, newest first (an admin: every team’s)',
    { errors: [404] },
  )
  list(@CurrentUser() user: AuthUser, @Query() q: ListGroupsQuery): Promise<Page<RecurringGroup>> {
    return this.groups.list(user, q);
  }

  @CreateRecord(GroupResponse, 'a recurring group', {
    errors: [409],
    summary:
      'Start a recurring group (201; a safe retry with the same id returns it, 200); its members join today',
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateGroupDto) {
    return this.groups.create(user, dto);
  }

  @ReadRecord(GroupResponse, 'One recurring group with its roster')
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<RecurringGroup> {
    return this.groups.get(user, id);
  }

  @ChangeRecord(
    GroupResponse,
    'Change a group (a worker: one they facilitate); `members` is the new roster (joins and leaves today); `version` must be the one last read (409 if stale)',
    { errors: [409] },
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateGroupDto,
  ): Promise<RecurringGroup> {
    return this.groups.update(user, id, dto);
  }

  @RecordAction(
    GroupResponse,
    ':id/members',
    'A participant joins the group (`joinedOn`, today by default); already a member: the group as it is',
  )
  join(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: JoinGroupDto,
  ): Promise<RecurringGroup> {
    return this.groups.join(user, id, dto);
  }

  @RecordAction(
    GroupResponse,
    ':id/members/:participantId/leave',
    'A member leaves the group (`leftOn`, today by default, not before they joined); already left: the group as it is',
  )
  leave(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @RecordId('participantId') participantId: string,
    @Body() dto: LeaveGroupDto,
  ): Promise<RecurringGroup> {
    return this.groups.leave(user, id, participantId.toLowerCase(), dto);
  }

  @ReadRecord(
    GroupSessionDraftResponse,
    'A session body pre-filled for a meeting of the group on `date` (today by default): every member of that day as attended',
    { path: ':id/session-draft' },
  )
  sessionDraft(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Query() q: SessionDraftQuery,
  ): Promise<GroupSessionDraft> {
    return this.groups.sessionDraft(user, id, q);
  }

  @ReadRecord(
    GroupAttendanceResponse,
    'Attendance at the group’s last meetings, oldest first, and the members not seen at the last three',
    { path: ':id/attendance' },
  )
  attendance(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Query() q: GroupAttendanceQuery,
  ): Promise<GroupAttendance> {
    return this.groups.attendance(user, id, q);
  }
}
