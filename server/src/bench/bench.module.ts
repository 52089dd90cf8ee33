import { Module } from '@nestjs/common';
import { BenchController } from './bench.controller';

/** `GET /api/bench/ping`, the baseline of `pnpm bench`. */
@Module({ controllers: [BenchController] })
export class BenchModule {}
