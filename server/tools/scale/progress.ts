import { performance } from 'node:perf_hooks';

export interface PhaseTiming {
  phase: string;
  seconds: number;
  rows?: number;
}

const BAR = 24;
const LOG_EVERY_MS = 5000;

/**
 * Prints one line per phase with its time; long phases redraw a bar on a
 * terminal, and print their percentage every few seconds into a log (CI).
 */
export class Progress {
  readonly timings: PhaseTiming[] = [];
  private readonly tty: boolean;
  private readonly started = performance.now();

  constructor(private readonly out: NodeJS.WriteStream = process.stdout) {
    this.tty = Boolean(out.isTTY);
  }

  say(line: string): void {
    this.out.write(`${line}\n`);
  }

  /** Runs `work`, which reports its fraction done through `tick(0…1)`; returns its row count. */
  async phase(
    name: string,
    work: (tick: (fraction: number) => void) => Promise<number | void>,
  ): Promise<number | undefined> {
    const t0 = performance.now();
    let lastLine = t0;
    const label = name.padEnd(28);
    const tick = (fraction: number) => {
      const f = Math.max(0, Math.min(1, fraction));
      const pct = `${Math.floor(f * 100)}`.padStart(3);
      const elapsed = ((performance.now() - t0) / 1000).toFixed(1);
      if (this.tty) {
        const filled = Math.round(f * BAR);
        this.out.write(
          `\r  ${label} [${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${pct}%  ${elapsed} s`,
        );
      } else if (f < 1 && performance.now() - lastLine >= LOG_EVERY_MS) {
        lastLine = performance.now();
        this.out.write(`  ${label} ${pct}%  ${elapsed} s\n`);
      }
    };
    if (this.tty) tick(0);
    const rows = (await work(tick)) ?? undefined;
    const seconds = (performance.now() - t0) / 1000;
    this.timings.push({ phase: name, seconds, rows });
    const count = rows === undefined ? '' : `${rows.toLocaleString('en-US').padStart(11)} rows  `;
    const done = `  ${label} ${count}${seconds.toFixed(1).padStart(6)} s`;
    this.out.write(this.tty ? `\r${done}${' '.repeat(BAR + 8)}\n` : `${done}\n`);
    return rows;
  }

  totalSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }
}
