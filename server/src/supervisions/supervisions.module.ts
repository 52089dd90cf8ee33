import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { SupervisionsController } from './supervisions.controller';
import { SupervisionsService } from './supervisions.service';

@Module({
  controllers: [SupervisionsController],
  providers: [SupervisionsService, RecordContext],
})
export class SupervisionsModule {}
