import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { AlertsController, MeasurementsController } from './measures.controller';
import { MeasuresService } from './measures.service';

@Module({
  controllers: [MeasurementsController, AlertsController],
  providers: [MeasuresService, RecordContext],
})
export class MeasuresModule {}
