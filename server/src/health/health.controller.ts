import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import type { Health } from '@peerpath/shared';
import { Public } from '../common/auth.decorators';
import { HealthResponse } from './health.response';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Is PeerPath up, and can it reach its database? (no sign-in)' })
  @ApiOkResponse({ type: HealthResponse, description: '`{ status: "ok", db: "up" }`' })
  @ApiServiceUnavailableResponse({
    type: HealthResponse,
    description: '`{ status: "error", db: "down" }`',
  })
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
