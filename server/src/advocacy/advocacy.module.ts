import { Module } from '@nestjs/common';
import { RecordContext } from '../records';
import { AdvocacyController } from './advocacy.controller';
import { AdvocacyService } from './advocacy.service';

@Module({ controllers: [AdvocacyController], providers: [AdvocacyService, RecordContext] })
export class AdvocacyModule {}
