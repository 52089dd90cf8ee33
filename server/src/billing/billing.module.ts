import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { BillingController, BillingProfilesController } from './billing.controller';
import { BillingProfilesService } from './billing-profiles.service';
import { BillingService } from './billing.service';

@Module({
  controllers: [BillingProfilesController, BillingController],
  providers: [BillingProfilesService, BillingService, RecordContext],
})
export class BillingModule {}
