import { Module } from '@nestjs/common';
import { AlertsController, MeasurementsController } from './measures.controller';
import { MeasuresService } from './measures.service';

@Module({
  controllers: [MeasurementsController, AlertsController],
  providers: [MeasuresService],
})
export class MeasuresModule {}
