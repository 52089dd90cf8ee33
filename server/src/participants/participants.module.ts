import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';

@Module({
  controllers: [ParticipantsController],
  providers: [ParticipantsService, RecordContext],
  exports: [ParticipantsService],
})
export class ParticipantsModule {}
