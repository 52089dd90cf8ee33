import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';

@Module({
  controllers: [GroupsController],
  providers: [GroupsService, RecordContext],
})
export class GroupsModule {}
