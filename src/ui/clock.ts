/**
 * The real-time driver of `drill play`: while the drill runs, it tells the engine how much real
 * time has passed (TICK), measured on a monotonic clock so that a changed system clock cannot
 * make scenario time jump. The engine multiplies by the speed; the driver never reads scenario
 * time. Time is injected (`TimeSource`), so tests drive it by hand instead of sleeping.
 */

/** Where the UI gets time from: real time in play, a hand-driven clock in tests. */
export interface TimeSource {
  /** Monotonic milliseconds (`performance.now()`), for measuring elapsed time. */
  now(): number;
  /** Epoch milliseconds (`Date.now()`), stamped on every event as its `wall`. */
  wallNow(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTime: TimeSource = {
  now: () => performance.now(),
  wallNow: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * At most four ticks a second, and fewer when fewer are needed: the driver asks its owner how
 * long until the next thing worth showing (the next whole second of the scenario clock, at the
 * current speed), so a drill at ×1 ticks and redraws once a second.
 */
export const MIN_TICK_MS = 250;
export const MAX_TICK_MS = 1000;

/**
 * A gap longer than this between two ticks means the process was stopped (a laptop lid closed,
 * SIGSTOP, a debugger): that time is not drill time, so the driver reports a stall instead of
 * letting the scenario leap forward and perhaps end on its own.
 */
const STALL_AFTER_MS = 5_000;

export interface ClockCallbacks {
  /** Real time passed while running, in ms (never more than `STALL_AFTER_MS`). */
  tick(elapsedMs: number): void;
  /** The process was stopped for `gapMs`; the owner should pause the drill. */
  stalled(gapMs: number): void;
  /** Real ms until the next tick is worth sending (clamped to MIN_TICK_MS…MAX_TICK_MS). */
  nextTickIn?(): number;
}

export class ClockDriver {
  private timer: unknown;
  private last: number | undefined;

  constructor(
    private readonly time: TimeSource,
    private readonly callbacks: ClockCallbacks,
  ) {}

  get running(): boolean {
    return this.last !== undefined;
  }

  /** Starts or stops measuring. Stopping forgets the partial period: a paused clock owes nothing. */
  setRunning(running: boolean): void {
    if (running === this.running) return;
    if (running) {
      this.last = this.time.now();
      this.schedule();
    } else {
      this.last = undefined;
      this.cancel();
    }
  }

  /**
   * Reports the time elapsed since the last tick right now, so that an input (a key press, a
   * pause) lands at the scenario time it was made, not up to a quarter-second × speed earlier.
   */
  catchUp(): void {
    if (this.last === undefined) return;
    const now = this.time.now();
    const elapsed = now - this.last;
    this.last = now;
    if (elapsed > STALL_AFTER_MS) {
      this.callbacks.stalled(elapsed);
    } else if (elapsed > 0) {
      this.callbacks.tick(elapsed);
    }
  }

  stop(): void {
    this.setRunning(false);
  }

  private schedule(): void {
    this.cancel();
    const wanted = this.callbacks.nextTickIn?.() ?? MIN_TICK_MS;
    const delay = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, Math.ceil(wanted)));
    this.timer = this.time.setTimeout(() => {
      this.timer = undefined;
      this.catchUp();
      if (this.running) this.schedule();
    }, delay);
  }

  private cancel(): void {
    if (this.timer !== undefined) this.time.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
