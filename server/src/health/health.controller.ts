import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import type { Health } from '@peerpath/shared';
import { Public } from '../common/auth.decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: '{ status: "ok", db: "up" }' })
  @ApiServiceUnavailableResponse({ description: '{ status: "error", db: "down" }' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    try {
      await this.health.check([() => this.db.pingCheck('db', { timeout: 1500 })]);
      return { status: 'ok', db: 'up' };
    } catch {
      void reply.status(503).header('Retry-After', '5');
      return { status: 'error', db: 'down' };
    }
  }
}
