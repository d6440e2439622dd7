/**
 * A hand-driven clock for UI tests: the screen's clock driver and timers run on it, and a test
 * moves it forward with `advance(ms)`, running every timer due on the way in order. No real
 * time passes, so no test sleeps waiting for the drill.
 */
import type { TimeSource } from '../../src/ui/clock.js';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
}

export class FakeTime implements TimeSource {
  private monotonic = 0;
  private order = 0;
  private timers: Timer[] = [];

  constructor(private readonly wallStart = Date.UTC(2026, 0, 15, 14, 0, 0)) {}

  now(): number {
    return this.monotonic;
  }

  wallNow(): number {
    return this.wallStart + this.monotonic;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const timer = { at: this.monotonic + Math.max(0, ms), order: this.order++, run };
    this.timers.push(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t !== handle);
  }

  /** Moves time forward by `ms`, running each timer at its own moment. */
  advance(ms: number): void {
    const end = this.monotonic + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!next || next.at > end) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.monotonic = Math.max(this.monotonic, next.at); // late after a `freeze`
      next.run();
    }
    this.monotonic = end;
  }

  /**
   * Time passes while the process is stopped (a closed laptop, SIGSTOP): no timer runs until
   * the next `advance`, and then they run late.
   */
  freeze(ms: number): void {
    this.monotonic += ms;
  }

  /** Timers waiting, for tests that check the driver stops when paused. */
  get pending(): number {
    return this.timers.length;
  }
}
