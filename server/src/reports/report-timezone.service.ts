import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';

/**
 * The report roll-ups count sessions by org-local day, so the database keeps
 * ORG_TIMEZONE too (`report_setting`). At start the app sets it; when it
 * changed, `set_report_timezone` rebuilds the roll-ups in the same transaction
 * before any report is served.
 */
@Injectable()
export class ReportTimezoneService implements OnModuleInit {
  private readonly logger = new Logger('ReportRollups');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const started = performance.now();
    const [{ rebuilt }]: { rebuilt: boolean }[] = await this.db.query(
      `SELECT set_report_timezone($1) AS rebuilt`,
      [this.config.orgTimezone],
    );
    if (rebuilt) {
      this.logger.log(
        `Report roll-ups rebuilt for ORG_TIMEZONE ${this.config.orgTimezone} in ${Math.round(performance.now() - started)} ms`,
      );
    }
  }
}
