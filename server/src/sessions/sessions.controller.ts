import { Body, Controller, Delete, HttpCode, HttpStatus, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, Session } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ApiErrors } from '../common/api-docs';
import { ChangeRecord, CreateRecord, ListRecords, ReadRecord, RecordId } from '../records';
import { SessionResponse } from './session.response';
import { CreateSessionDto } from './dto/create-session.dto';
import { ListSessionsQuery } from './dto/list-sessions.query';
import { UpdateSessionDto } from './dto/update-session.dto';
import { VoidSessionQuery } from './dto/void-session.query';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @ListRecords(SessionResponse, 'Sessions of your team with their attendance, newest first', {
    errors: [404],
  })
  list(@CurrentUser() user: AuthUser, @Query() q: ListSessionsQuery): Promise<Page<Session>> {
    return this.sessions.list(user, q);
  }

  @CreateRecord(SessionResponse, 'a session', {
    errors: [404, 409],
    summary:
      'Log a session with its attendance (201); a retry with the same id and fields returns it (200)',
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSessionDto) {
    return this.sessions.create(user, dto);
  }

  @ReadRecord(
    SessionResponse,
    'One session with its attendance (a voided one: 404 for workers, shown with its void to supervisors)',
  )
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<Session> {
    return this.sessions.get(user, id);
  }

  @ChangeRecord(
    SessionResponse,
    'Change a session; send the version you read (stale: 409). attendance replaces the list',
    { errors: [409] },
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<Session> {
    return this.sessions.update(user, id, dto);
  }

  @Delete(':id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Void a session with a reason: kept for the audit, counted nowhere. Workers: only sessions they facilitate (403)',
  })
  @ApiNoContentResponse({ description: 'Voided' })
  @ApiErrors(409)
  remove(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Query() q: VoidSessionQuery,
  ): Promise<void> {
    return this.sessions.void(user, id, q.reason);
  }
}
