import { Module } from '@nestjs/common';
import { DecisionNotesController } from './decision-notes.controller';
import { DecisionNotesService } from './decision-notes.service';

@Module({ controllers: [DecisionNotesController], providers: [DecisionNotesService] })
export class DecisionNotesModule {}
