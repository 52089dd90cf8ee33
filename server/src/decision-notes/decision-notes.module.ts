import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { DecisionNotesController } from './decision-notes.controller';
import { DecisionNotesService } from './decision-notes.service';

@Module({
  controllers: [DecisionNotesController],
  providers: [DecisionNotesService, RecordContext],
})
export class DecisionNotesModule {}
