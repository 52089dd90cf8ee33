import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { HandoutsController } from './handouts.controller';
import { HandoutsService } from './handouts.service';

@Module({ controllers: [HandoutsController], providers: [HandoutsService, RecordContext] })
export class HandoutsModule {}
