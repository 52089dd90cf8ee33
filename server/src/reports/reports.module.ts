import { Module } from '@nestjs/common';
import { ReportTimezoneService } from './report-timezone.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ controllers: [ReportsController], providers: [ReportsService, ReportTimezoneService] })
export class ReportsModule {}
