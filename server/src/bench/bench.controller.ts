import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Out } from '../common/api-docs';
import { Authenticated } from '../common/auth.decorators';

export class BenchPong {
  @Out.bool()
  ok: true;
}

/**
 * The benchmark's baseline (`pnpm bench`): the cheapest authenticated request
 * the app can serve — the guard's user lookup plus `SELECT 1` — against which
 * the list endpoints' throughput is compared. It reveals nothing.
 */
@ApiTags('bench')
@Controller('bench')
@Authenticated()
export class BenchController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('ping')
  @ApiOperation({ summary: 'Authenticated round trip to the database (benchmark baseline)' })
  @ApiOkResponse({ type: BenchPong })
  async ping(): Promise<{ ok: true }> {
    await this.db.query('SELECT 1');
    return { ok: true };
  }
}
