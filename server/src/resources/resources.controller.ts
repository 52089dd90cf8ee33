import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, Resource } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { PageOf } from '../common/api-docs';
import { ChangeRecord, CreateRecord, ReadRecord, RecordId } from '../records';
import { ResourceResponse } from './resource.response';
import { CreateResourceDto } from './dto/create-resource.dto';
import { ListResourcesQuery } from './dto/list-resources.query';
import { UpdateResourceDto } from './dto/update-resource.dto';
import { ResourcesService } from './resources.service';

@ApiTags('resources')
@Controller('resources')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'The resource directory (shared by all teams), by name; active resources by default',
  })
  @ApiOkResponse({ type: PageOf(ResourceResponse) })
  list(@Query() q: ListResourcesQuery): Promise<Page<Resource>> {
    return this.resources.list(q);
  }

  @ReadRecord(ResourceResponse, 'One resource, active or not')
  @Authenticated()
  get(@RecordId() id: string): Promise<Resource> {
    return this.resources.get(id);
  }

  @Post()
  @Authenticated({ roles: ['admin'] })
  @CreateRecord(ResourceResponse, 'a resource', {
    summary: 'Add a resource to the directory',
    retry: false,
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateResourceDto): Promise<Resource> {
    return this.resources.create(user, dto);
  }

  @ChangeRecord(
    ResourceResponse,
    'Change a resource; `active: false` takes it out of the directory',
  )
  @Authenticated({ roles: ['admin'] })
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateResourceDto,
  ): Promise<Resource> {
    return this.resources.update(user, id, dto);
  }

  @Post(':id/verify')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({
    summary:
      'Mark a resource checked and still right: lastVerifiedOn becomes today (again the same day: 200, nothing written)',
  })
  @ApiOkResponse({ type: ResourceResponse })
  verify(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<Resource> {
    return this.resources.verify(user, id);
  }
}
