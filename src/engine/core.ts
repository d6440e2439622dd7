/**
 * The live drill: scenario time, what has happened, what is scheduled, the world. Deterministic:
 * the same scenario, seed and inputs at the same scenario times give the same records.
 *
 * It is a mutable object on purpose: a generated scenario of 100,000 injects must play in linear
 * time, which copying state on every event would forbid. The XState machine (`machine.ts`) owns
 * it, decides which inputs are allowed in which phase, and bumps a revision so that views re-read.
 */
import type { Consequence, Decision, Inject, Scenario } from '../scenario/types.js';
import { isTrue, type ExprEnv } from '../conditions/index.js';
import type { DrillRecord, MilestoneName, RecordBody, TeamMember } from './records.js';
import { Timetable, dueFor, type Due } from './timetable.js';
import { World } from './world.js';
import { History } from './history.js';
import { withoutEmpty } from './without-empty.js';
import { DrillConditions, type Impact } from './conditions.js';
import { firstEventfulStep } from './quiet.js';

export interface DrillSetup {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly random: () => number;
  readonly team: readonly TeamMember[];
  readonly facilitator?: string;
  readonly mode: 'play' | 'run';
}

/** A decision waiting for the team. */
export interface OpenDecision {
  readonly decision: Decision;
  readonly openedAt: number;
}

export type { Impact };
const RAMP_STEP_MS = 1000;

export class DrillCore {
  readonly scenario: Scenario;
  readonly history: History;
  readonly records: DrillRecord[] = [];
  t = 0;
  wall = 0;
  started = false;
  ended: DrillRecord | undefined;
  finished = false;
  paused = false;
  speed = 1;
  impact: Impact = 'ok';
  readonly world: World;
  readonly fired = new Set<string>();
  readonly open = new Map<string, OpenDecision>();
  /** decision id -> option id taken ('' for an off-script answer), whether answered or timed out. */
  readonly decided = new Map<string, string>();
  readonly timedOut = new Set<string>();
  readonly cancelled = new Set<string>();
  readonly inProgress = new Map<string, number>();
  readonly startedActions = new Set<string>();
  readonly landed = new Map<string, number>();
  readonly milestones = new Map<MilestoneName, number>();
  readonly hintsShown = new Set<string>();
  private readonly timetable = new Timetable();
  /** How many times a decision has opened, so that `runUntil` can stop right after one does. */
  private decisionsOpened = 0;
  /** What conditions read is told to `watching` on every change, so that each is re-checked only then. */
  private readonly watching: DrillConditions;
  private readonly random: () => number;
  private readonly env: ExprEnv;

  constructor(readonly setup: DrillSetup, wall: number) {
    this.scenario = setup.scenario;
    this.random = setup.random;
    this.wall = wall;
    this.watching = new DrillConditions(this.scenario);
    this.world = new World(this.scenario.world, (name) => this.watching.touchVariable(name));
    this.history = new History(this.world);
    const core = this;
    this.env = {
      get time() {
        return core.t;
      },
      variable: (name) => this.world.get(name),
      history: this,
    };
    const s = this.scenario;
    this.emit({
      type: 'drill-started',
      scenario: { id: s.id, title: s.title, version: String(s.file.version), path: s.source.path, hash: s.source.hash },
      seed: setup.seed,
      team: [...setup.team],
      ...(setup.facilitator ? { facilitator: setup.facilitator } : {}),
      mode: setup.mode,
    });
  }

  /** Starts scenario time: schedules everything with `at`, watches every `when`. */
  startClock(wall: number): void {
    if (this.started) return;
    this.wall = wall;
    this.started = true;
    this.emit({ type: 'clock-started' });
    for (const list of [this.scenario.injects, this.scenario.decisions]) {
      for (const item of list) if (!this.timetable.plan(item) && item.trigger.when) this.watching.waiting.add(item, item.trigger.when);
    }
    this.timetable.push(this.scenario.end.limitMs, { kind: 'limit' });
    this.advanceTo(0, wall); // anything `at: 0s`
    this.settle();
  }

  /** Plays scenario time forward to `target`, running everything due on the way in order. */
  advanceTo(target: number, wall: number): void {
    this.wall = wall;
    while (!this.ended && this.started) {
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
   * moment something is due would (each moment stamped with wall time `wallAt(t)`), but stops
   * right after a moment at which a decision opened, so that the driver can answer it then. One
   * call instead of one machine event per moment: a long run has hundreds of thousands.
   * `replan`, if given, is asked at such a moment instead: the driver's next target if it has
   * nothing to do now (the decision's answer is due later), which saves a round of events.
   */
  runUntil(target: number, wallAt: (t: number) => number, replan?: () => number): void {
    while (!this.ended && this.started) {
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
      this.wall = wallAt(next);
      this.playMoment(next);
      if (this.decisionsOpened !== opened) {
        if (!replan) return;
        target = replan();
        if (target <= this.t) return;
      }
    }
    if (!this.ended && this.started && target > this.t) {
      this.wall = wallAt(target);
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

  /** Scenario time of the next scheduled inject or decision, for "skip to next". */
  nextEventTime(): number | undefined {
    return this.timetable.nextEventTime();
  }

  // ---- inputs ----------------------------------------------------------------------------

  decide(id: string, answer: { option?: string; text?: string; by?: string; rationale?: string }): boolean {
    const open = this.open.get(id);
    if (!open) return false;
    const option = answer.option === undefined ? undefined : open.decision.options.find((o) => o.id === answer.option);
    if (answer.option !== undefined && !option) return false;
    this.open.delete(id);
    this.decided.set(id, option?.id ?? '');
    this.watching.touchId(id);
    this.emit({ type: 'decision-made', id, ...withoutEmpty(answer) });
    if (option) this.consequences(option);
    this.happened(id);
    this.catchUp();
    return true;
  }

  canTake(id: string): boolean {
    const action = this.scenario.actionById.get(id);
    if (!action || this.ended || !this.started || this.inProgress.has(id)) return false;
    if (action.once && this.startedActions.has(id)) return false;
    return !action.available || isTrue(action.available, this.env);
  }

  takeAction(id: string, by?: string): boolean {
    const action = this.scenario.actionById.get(id);
    if (!action || !this.canTake(id)) return false;
    this.startedActions.add(id);
    this.watching.touchId(id);
    this.inProgress.set(id, this.t + action.takesMs);
    this.emit({ type: 'action-started', id, ...withoutEmpty({ by }) });
    this.timetable.push(this.t + action.takesMs, { kind: 'land', id });
    this.catchUp(); // an action that takes no time lands now; started(...) conditions hold now
    return true;
  }

  markMilestone(name: MilestoneName, by?: string): boolean {
    if (this.milestones.has(name)) return false;
    this.milestones.set(name, this.t);
    this.watching.touchMilestone(name);
    this.emit({ type: 'milestone', name, source: 'facilitator', ...withoutEmpty({ by }) });
    this.catchUp(); // conditions may wait on reached(...)
    return true;
  }

  /**
   * After an input: runs whatever it made due at this very moment (`after:` with no delay, an
   * action that takes no time), then re-checks every condition, so nothing waits for the next tick.
   */
  private catchUp(): void {
    this.advanceTo(this.t, this.wall);
    if (!this.ended) this.settle();
  }

  endByFacilitator(): void {
    if (this.ended) return;
    this.ended = this.emit({ type: 'drill-ended', reason: 'facilitator' });
  }

  /** Records an input that changes nothing in the simulated world (notes, pauses, debrief...). */
  record(body: RecordBody): DrillRecord {
    return this.emit(body);
  }

  // ---- what happens ----------------------------------------------------------------------

  private run(due: Due): void {
    switch (due.kind) {
      case 'inject':
        return this.fireInject(due.id, true);
      case 'open':
        return this.openDecision(due.id, true);
      case 'timeout':
        return this.timeout(due.id);
      case 'land':
        return this.land(due.id);
      case 'ramp-end':
        return; // the ramp itself lands in moveTo
      case 'limit':
        this.ended = this.emit({ type: 'drill-ended', reason: 'limit' });
    }
  }

  private fireInject(id: string, drawChance: boolean): void {
    const inject = this.scenario.injectById.get(id);
    if (!inject || this.fired.has(id) || this.cancelled.has(id)) return;
    if (drawChance && !this.passesChance(inject)) return;
    this.fired.add(id);
    this.watching.touchId(id);
    this.emit({ type: 'inject-fired', id });
    this.consequences(inject);
    this.happened(id);
  }

  private openDecision(id: string, drawChance: boolean): void {
    const decision = this.scenario.decisionById.get(id);
    if (!decision || this.open.has(id) || this.decided.has(id) || this.cancelled.has(id)) return;
    if (drawChance && !this.passesChance(decision)) return;
    this.open.set(id, { decision, openedAt: this.t });
    this.decisionsOpened++;
    this.watching.touchId(id);
    this.emit({ type: 'decision-opened', id });
    if (decision.timeoutMs !== undefined) this.timetable.push(this.t + decision.timeoutMs, { kind: 'timeout', id });
  }

  private timeout(id: string): void {
    const open = this.open.get(id);
    if (!open) return;
    const option = open.decision.options.find((o) => o.id === open.decision.default);
    this.open.delete(id);
    this.timedOut.add(id);
    this.decided.set(id, option?.id ?? '');
    this.watching.touchId(id);
    this.emit({ type: 'decision-timed-out', id, ...withoutEmpty({ option: option?.id }) });
    if (option) this.consequences(option);
    this.happened(id);
  }

  private land(id: string): void {
    const action = this.scenario.actionById.get(id);
    if (!action) return;
    this.inProgress.delete(id);
    this.landed.set(id, (this.landed.get(id) ?? 0) + 1);
    this.watching.touchId(id);
    this.emit({ type: 'action-landed', id });
    this.consequences(action);
    this.happened(id);
  }

  /** A chance item that fails its draw never happens, and says so in the journal. */
  private passesChance(item: Inject | Decision): boolean {
    const chance = item.trigger.chance;
    if (chance === undefined) return true;
    if (this.random() < chance) return true;
    this.cancelled.add(item.id);
    this.emit({ type: 'inject-skipped', id: item.id, reason: 'chance' });
    return false;
  }

  private consequences(c: Consequence): void {
    for (const effect of c.effects) {
      const until = this.world.apply(effect, this.t);
      if (until !== undefined) this.timetable.push(until, { kind: 'ramp-end' });
    }
    this.flushWorld();
    if (c.milestone) this.reach(c.milestone);
    for (const id of c.cancel) this.cancel(id);
    for (const id of c.fire) this.fireInject(id, false);
    for (const id of c.open) this.openDecision(id, false);
  }

  private cancel(id: string): void {
    if (this.fired.has(id) || this.decided.has(id) || this.cancelled.has(id)) return;
    this.cancelled.add(id);
    this.watching.touchId(id);
    if (this.open.delete(id)) this.emit({ type: 'decision-cancelled', id });
    else if (this.scenario.injectById.has(id)) this.emit({ type: 'inject-cancelled', id });
  }

  /** Schedules whatever waits `after` this id. */
  private happened(id: string): void {
    this.timetable.happened(id, this.t);
  }

  private reach(name: MilestoneName): void {
    if (this.milestones.has(name)) return;
    this.milestones.set(name, this.t);
    this.watching.touchMilestone(name);
    this.emit({ type: 'milestone', name, source: 'scenario' });
  }

  /**
   * Re-checks conditions until nothing more changes: `when` triggers, milestone conditions,
   * impact, and the end. Bounded, because each inject and decision can happen only once.
   * In each pass the `when` triggers are checked in scenario order, as a full scan would, but
   * only those that something they read has changed since (see `watchlist.ts`).
   */
  private settle(): void {
    const waiting = this.watching.waiting;
    for (let changed = true; changed && !this.ended; ) {
      changed = false;
      waiting.beginPass();
      for (let w = waiting.next(); w !== undefined; w = waiting.next()) {
        const item = w.item;
        if (this.fired.has(item.id) || this.open.has(item.id) || this.decided.has(item.id) || this.cancelled.has(item.id)) {
          waiting.drop(w);
        } else if (waiting.check(w, this.env)) {
          this.run(dueFor(item));
          changed = true;
        }
      }
      for (const [name, cond] of this.watching.milestones) {
        if (!this.milestones.has(name) && cond.isTrue(this.env)) this.reach(name);
      }
    }
    this.flushWorld();
    this.updateImpact();
    if (!this.ended && this.watching.endHolds(this.env)) this.ended = this.emit({ type: 'drill-ended', reason: 'condition' });
  }

  private updateImpact(): void {
    const level = this.watching.impact(this.env);
    if (level !== this.impact) {
      this.impact = level;
      this.emit({ type: 'impact', level });
    }
  }

  private moveTo(t: number): void {
    if (t !== this.t) this.watching.touchTime();
    this.t = t;
    this.world.advanceRamps(t);
    this.history.sample(t);
  }

  private flushWorld(): void {
    const changes = this.world.takeChanges();
    if (changes) this.emit({ type: 'world', ...changes });
  }

  private emit(body: RecordBody): DrillRecord {
    const record = { seq: this.records.length, t: this.t, wall: this.wall, ...body } as DrillRecord;
    this.records.push(record);
    return record;
  }
}
