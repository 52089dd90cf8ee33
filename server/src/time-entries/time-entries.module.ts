import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { TimeEntriesController } from './time-entries.controller';
import { TimeEntriesService } from './time-entries.service';

@Module({
  controllers: [TimeEntriesController],
  providers: [TimeEntriesService, RecordContext],
})
export class TimeEntriesModule {}
