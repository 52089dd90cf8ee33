import { Module } from '@nestjs/common';
import { AgendaController } from './agenda.controller';
import { RecordContext } from '../records';
import { AgendaService } from './agenda.service';

@Module({
  controllers: [AgendaController],
  providers: [AgendaService, RecordContext],
})
export class AgendaModule {}
