import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

@Module({ controllers: [NotesController], providers: [NotesService, RecordContext] })
export class NotesModule {}
