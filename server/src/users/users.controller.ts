import { Body, Controller, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, User } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ChangeRecord, ListRecords } from '../records';
import { ApiErrors } from '../common/api-docs';
import { UserResponse } from './user.response';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ListRecords(UserResponse, 'Users (admins: all; supervisors: their own team)', {
    roles: ['admin', 'supervisor'],
    errors: [404],
  })
  list(@CurrentUser() user: AuthUser, @Query() q: ListUsersQuery): Promise<Page<User>> {
    return this.users.list(user, q);
  }

  @Post()
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({ summary: 'Create a user with a first password (12–128 characters)' })
  @ApiCreatedResponse({ type: UserResponse, description: 'Created: the stored user' })
  @ApiErrors(409)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto): Promise<User> {
    return this.users.create(user, dto);
  }

  @ChangeRecord(UserResponse, 'Change a user; `active: false` deactivates at once', {
    roles: ['admin'],
    errors: [409],
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<User> {
    return this.users.update(user, id, dto);
  }
}
