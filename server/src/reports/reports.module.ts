import { Module } from '@nestjs/common';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes';
import { ReportTimezoneService } from './report-timezone.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController, OutcomesController],
  providers: [ReportsService, ReportTimezoneService, OutcomesService],
})
export class ReportsModule {}
