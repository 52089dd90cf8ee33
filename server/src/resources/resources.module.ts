import { Module } from '@nestjs/common';
import { ResourcesController } from './resources.controller';
import { ResourcesService } from './resources.service';
import { HsdsService } from './hsds/hsds.service';

@Module({ controllers: [ResourcesController], providers: [ResourcesService, HsdsService] })
export class ResourcesModule {}
