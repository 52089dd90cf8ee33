import { Module } from '@nestjs/common';
import { AdvocacyController } from './advocacy.controller';
import { AdvocacyService } from './advocacy.service';

@Module({ controllers: [AdvocacyController], providers: [AdvocacyService] })
export class AdvocacyModule {}
