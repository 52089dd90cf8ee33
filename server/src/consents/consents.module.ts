import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import {
  ConsentsController,
  ParticipantConsentsController,
  PersonRecordController,
  TeamDisclosuresController,
} from './consents.controller';
import { ConsentsService } from './consents.service';
import { PersonRecordService } from './person-record.service';

@Module({
  controllers: [
    ParticipantConsentsController,
    ConsentsController,
    PersonRecordController,
    TeamDisclosuresController,
  ],
  providers: [RecordContext, ConsentsService, PersonRecordService],
})
export class ConsentsModule {}
