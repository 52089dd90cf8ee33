import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Authenticated } from '../src/common/auth.decorators';
import { run } from '../src/main';

/**
 * `GET /api/bench/ping`: the cheapest authenticated request the app can serve
 * (the guard's user lookup plus `SELECT 1`), against which the benchmark
 * compares the list's throughput. Never part of the shipped app.
 */
@Controller('bench')
@Authenticated()
class PingController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('ping')
  async ping(): Promise<{ ok: true }> {
    await this.db.query('SELECT 1');
    return { ok: true };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

/** The benchmark's baseline server: PeerPath as `dist/main.js` runs it, plus the ping route. */
run([PingModule]);
