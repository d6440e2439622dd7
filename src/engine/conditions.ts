/**
 * Everything a drill watches: the `when` triggers still waiting (`watchlist.ts`) and the standing
 * conditions asked at every settle (milestones, impact, the end; `standing.ts`). The core tells
 * it of every change to what conditions can read, through the four `touch*` methods.
 */
import type { ExprEnv } from '../scenario/expr.js';
import type { Decision, Inject, Scenario } from '../scenario/types.js';
import type { MilestoneName } from './records.js';
import { Watchlist } from './watchlist.js';
import { StandingConditions, type StandingCondition } from './standing.js';
import { scenarioReadsTime } from './reads-time.js';

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

  impact(env: ExprEnv): Impact {
    return this.down?.isTrue(env) ? 'down' : this.degraded?.isTrue(env) ? 'degraded' : 'ok';
  }

  endHolds(env: ExprEnv): boolean {
    return this.end?.isTrue(env) ?? false;
  }
}
