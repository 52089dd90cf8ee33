import { Module } from '@nestjs/common';
import { AgendaService } from '../agenda/agenda.service';
import { RecordContext } from '../records';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({
  controllers: [CalendarController],
  providers: [CalendarService, AgendaService, RecordContext],
})
export class CalendarModule {}
