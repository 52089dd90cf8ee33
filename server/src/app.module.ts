import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { types } from 'pg';
import { levels } from 'pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard, RolesGuard } from './common/auth.guards';
import { APP_CONFIG, type ResolvedConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { FEATURE_MODULES } from './features';
import { HealthModule } from './health/health.module';
import { SettingsModule } from './settings/settings.module';
import { TeamsModule } from './teams/teams.module';
import { UsersModule } from './users/users.module';

// `date` columns stay `YYYY-MM-DD` strings: no time zone can shift a calendar date.
types.setTypeParser(1082, (v: string) => v);

/** True when `level` writes pino-http's line per request (written at `info`). */
export function logsRequests(level: string): boolean {
  return (levels.values[level] ?? Infinity) <= levels.values.info;
}

@Module({})
export class AppModule {
  /** `extraModules`: modules added for a purpose outside the product (the benchmark's baseline route). */
  static forRoot(config: ResolvedConfig, extraModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          // Each request's own logger (and the async context that carries it) costs about a
          // third of the CPU of a cheap request; it is set up only when requests are logged
          // (`info` or lower). Quieter levels log errors and warnings without it.
          forRoutes: logsRequests(config.logLevel) ? undefined : [],
          pinoHttp: {
            level: config.logLevel,
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'res.headers["set-cookie"]',
                '*.password',
                '*.accessToken',
                '*.refreshToken',
              ],
              censor: '[redacted]',
            },
            // Query strings can carry names (search); log the route, not the URL.
            serializers: {
              req: (req: { method: string; url: string; id: unknown }) => ({
                id: req.id,
                method: req.method,
                url: req.url.split('?')[0],
              }),
            },
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, {
            poolSize: config.dbPoolSize,
            timeZone: config.orgTimezone,
          }),
          retryAttempts: 0,
        }),
        // Background jobs: the audit sealer and the sign-in clean-up.
        ScheduleModule.forRoot(),
        AuditModule,
        AuthModule,
        UsersModule,
        TeamsModule,
        HealthModule,
        SettingsModule,
        ...FEATURE_MODULES,
        ...extraModules,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [APP_CONFIG],
    };
  }
}
