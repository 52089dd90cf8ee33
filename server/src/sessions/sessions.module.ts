import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [SessionsService, RecordContext],
  exports: [SessionsService],
})
export class SessionsModule {}
