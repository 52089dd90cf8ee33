import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sealAuditTrail } from './audit-chain';

const SEAL_EVERY_MS = 30_000;

/** Extends the audit hash chain in the background, every 30 seconds. */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditSealer');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.sealNow(), SEAL_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy() {
    clearInterval(this.timer);
    await this.running;
  }

  /** Seals what is old enough; errors (a lost database) are logged and retried next time. */
  sealNow(minAgeSeconds?: number): Promise<number> {
    const run = this.db
      .transaction((m) => sealAuditTrail((sql, params) => m.query(sql, params), minAgeSeconds))
      .catch((err: unknown) => {
        this.logger.warn(`Sealing the audit trail failed: ${String(err)}`);
        return 0;
      });
    this.running = run;
    return run;
  }
}
