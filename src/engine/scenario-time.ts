/**
 * Moving scenario time: starting the clock, playing every moment something is due up to a
 * target, and `drill run`'s way of running to a time, which skips the seconds of a ramp at which
 * nothing can happen (see `quiet.ts`) and stops after a moment at which a decision opened.
 */
import { firstEventfulStep } from './quiet.js';
import { DrillOutcomes } from './outcomes.js';
import type { Upcoming } from './timetable.js';

const RAMP_STEP_MS = 1000;

export abstract class ScenarioTime extends DrillOutcomes {
  /** Starts scenario time: schedules everything with `at`, watches every `when`. */
  protected startClock(): void {
    this.emit({ type: 'clock-started' });
    for (const list of [this.scenario.injects, this.scenario.decisions]) {
      for (const item of list) if (!this.timetable.plan(item) && item.trigger.when) this.watching.waiting.add(item, item.trigger.when);
    }
    this.timetable.push(this.scenario.end.limitMs, { kind: 'limit' });
    this.advanceTo(0, this.wall); // anything `at: 0s`
    this.settle();
  }

  /** Plays scenario time forward to `target`, running everything due on the way in order. */
  protected advanceTo(target: number, wall: number): void {
    this.wall = wall;
    while (!this.ended) {
      const next = this.nextDueTime();
      if (next > target) break;
      this.playMoment(next);
    }
    if (!this.ended && target > this.t) this.moveTo(target);
  }

  /** Moves to `at` and runs everything due then, then settles. */
  private playMoment(at: number): void {
    this.moveTo(at);
    while (!this.ended && this.timetable.peekTime() === at) this.run(this.timetable.pop()!);
    this.settle();
  }

  /**
   * `drill run`'s way forward: plays scenario time to `target` exactly as one `advanceTo` per
   * moment something is due would (each moment stamped with wall time `wallAtZero + t`), but
   * stops right after a moment at which a decision opened, so that the driver can answer it then.
   * One call instead of one machine event per moment: a long run has hundreds of thousands.
   */
  protected runUntil(target: number, wallAtZero: number): void {
    while (!this.ended) {
      let next = this.nextDueTime();
      if (next > target) break;
      if (next < this.timetable.peekTime()) {
        const step = next;
        next = this.skipQuietSteps(step, target);
        // A ramp landing records its variable only if its last step had not reached the target
        // already (clamped ramps do): leave the values as the last skipped second left them.
        const lastSkipped = Math.ceil(next / RAMP_STEP_MS) * RAMP_STEP_MS - RAMP_STEP_MS;
        if (next <= target && lastSkipped >= step) this.world.advanceRamps(lastSkipped);
      }
      if (next > target) break;
      const opened = this.decisionsOpened;
      this.wall = wallAtZero + next;
      this.playMoment(next);
      if (this.decisionsOpened !== opened) return;
    }
    if (!this.ended && target > this.t) {
      this.wall = wallAtZero + target;
      this.moveTo(target);
    }
  }

  /**
   * `step` is a ramp's next whole second with nothing scheduled: the first moment from `step` on
   * at which something may happen, skipping seconds at which nothing can (see `quiet.ts`).
   * Infinity when nothing can up to `target` and nothing is scheduled by then.
   */
  private skipQuietSteps(step: number, target: number): number {
    const due = this.timetable.peekTime();
    const last = Math.min(target, due - 1);
    if (last < step + RAMP_STEP_MS || this.world.hasChanges) return step;
    const ramping = this.world.ramping;
    const watched = this.watching.watchedWhileQuiet(ramping, this.milestones, this.impact, this.env);
    if (watched === undefined) return step;
    const eventful = firstEventfulStep(watched, ramping, this.world, this.env, step, last, RAMP_STEP_MS);
    if (eventful === undefined) return step;
    return eventful !== Infinity ? eventful : due <= target ? due : Infinity;
  }

  /** The next moment anything can happen by itself: a scheduled item or a ramp's next step. */
  nextDueTime(): number {
    const stepping = this.world.hasRamps || this.watching.readTime;
    const rampTick = stepping ? (Math.floor(this.t / RAMP_STEP_MS) + 1) * RAMP_STEP_MS : Infinity;
    return Math.min(this.timetable.peekTime(), rampTick);
  }

  /** For the facilitator alone: the next `n` injects and decisions scheduled at a known time, not cancelled. */
  upcoming(n: number): Upcoming[] {
    return this.timetable.upcoming(n, (id) => !this.cancelled.has(id));
  }

  /** Scenario time of the next scheduled inject or decision, for "skip to next". */
  nextEventTime(): number | undefined {
    return this.timetable.nextEventTime();
  }

  /**
   * After an input: runs whatever it made due at this very moment (`after:` with no delay, an
   * action that takes no time), then re-checks every condition, so nothing waits for the next tick.
   */
  protected catchUp(): void {
    this.advanceTo(this.t, this.wall);
    if (!this.ended) this.settle();
  }
}
