import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { ConsentsController, ParticipantConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';

@Module({
  controllers: [ParticipantConsentsController, ConsentsController],
  providers: [RecordContext, ConsentsService],
})
export class ConsentsModule {}
