import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditSealer } from './audit-sealer.service';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditSealer],
  exports: [AuditService, AuditSealer],
})
export class AuditModule {}
