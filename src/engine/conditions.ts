/**
 * Everything a drill watches: the `when` triggers still waiting (`watchlist.ts`) and the standing
 * conditions asked at every settle (milestones, impact, the end; `standing.ts`). The core tells
 * it of every change to what conditions can read, through the four `touch*` methods.
 */
import { someRead, type Expr, type ExprEnv } from '../conditions/index.js';
import type { Decision, Inject, Scenario } from '../scenario/types.js';
import type { MilestoneName } from './records.js';
import { Watchlist } from './watchlist.js';
import { StandingConditions, type StandingCondition } from './standing.js';
import type { RampingNames } from './world.js';

export type Impact = 'down' | 'degraded' | 'ok';

export class DrillConditions {
  /** The `when` triggers still waiting, re-checked only when something they read changes. */
  readonly waiting = new Watchlist<Inject | Decision>();
  private readonly standing = new StandingConditions();
  /** Milestones with a condition, in scenario order (built once: settle runs every second). */
  readonly milestones: readonly (readonly [MilestoneName, StandingCondition])[];
  private readonly down: StandingCondition | undefined;
  private readonly degraded: StandingCondition | undefined;
  private readonly end: StandingCondition | undefined;
  /** Some condition reads `time`: then conditions are re-checked every second, not only on changes. */
  readonly readTime: boolean;

  constructor(scenario: Scenario) {
    const milestones: [MilestoneName, StandingCondition][] = [];
    for (const [name, cond] of Object.entries(scenario.milestones)) {
      if (cond) milestones.push([name as MilestoneName, this.standing.add(cond)]);
    }
    this.milestones = milestones;
    this.down = this.standing.add(scenario.impact.down);
    this.degraded = this.standing.add(scenario.impact.degraded);
    this.end = this.standing.add(scenario.end.when);
    this.readTime = scenarioReadsTime(scenario);
  }

  touchVariable(name: string): void {
    this.waiting.touchVariable(name);
    this.standing.touchVariable(name);
  }

  touchId(id: string): void {
    this.waiting.touchId(id);
    this.standing.touchId(id);
  }

  touchMilestone(name: string): void {
    this.waiting.touchMilestone(name);
    this.standing.touchMilestone(name);
  }

  touchTime(): void {
    this.waiting.touchTime();
    this.standing.touchTime();
  }

  /**
   * The conditions whose value can change when ramping variables move and nothing else does, as
   * the expressions to watch; undefined if that cannot be told (something pending, or reading
   * the clock or the unnamed). Only when this settle's outcome is a fixpoint: no unreached
   * milestone holds, the impact is `impact`, the end does not hold.
   */
  watchedWhileQuiet(ramping: RampingNames, reached: ReadonlyMap<MilestoneName, number>, impact: Impact, env: ExprEnv): Expr[] | undefined {
    if (this.readTime || !this.waiting.allAsleep) return undefined;
    const standing: StandingCondition[] = [];
    for (const [name, cond] of this.milestones) {
      if (reached.has(name)) continue;
      if (cond.isTrue(env)) return undefined;
      standing.push(cond);
    }
    if (this.impact(env) !== impact || this.endHolds(env)) return undefined;
    for (const c of [this.down, this.degraded, this.end]) if (c) standing.push(c);
    if (standing.some((c) => c.readsUnnamed)) return undefined;
    const exprs = standing.map((c) => c.expr);
    for (const name of ramping.keys()) for (const e of this.waiting.sleepingOn(name)) exprs.push(e);
    return exprs;
  }

  impact(env: ExprEnv): Impact {
    return this.down?.isTrue(env) ? 'down' : this.degraded?.isTrue(env) ? 'degraded' : 'ok';
  }

  endHolds(env: ExprEnv): boolean {
    return this.end?.isTrue(env) ?? false;
  }
}

/** Whether some condition of the scenario reads the scenario clock (`time`). */
function scenarioReadsTime(s: Scenario): boolean {
  const conditions = [
    ...s.injects.map((i) => i.trigger.when),
    ...s.decisions.map((d) => d.trigger.when),
    ...Object.values(s.milestones),
    s.impact.down,
    s.impact.degraded,
    s.end.when,
  ];
  return conditions.some((c) => c !== undefined && someRead(c, (kind) => kind === 'time'));
}
