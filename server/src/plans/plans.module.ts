import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({ controllers: [PlansController], providers: [PlansService, RecordContext] })
export class PlansModule {}
