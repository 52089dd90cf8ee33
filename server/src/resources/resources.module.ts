import { Module } from '@nestjs/common';
import { ResourcesController } from './resources.controller';
import { ResourcesService } from './resources.service';
import { HsdsService } from './hsds/hsds.service';
import { RecordContext } from '../records';

@Module({
  controllers: [ResourcesController],
  providers: [ResourcesService, HsdsService, RecordContext],
})
export class ResourcesModule {}
