/**
 * The conditions the engine asks at every settle — milestone conditions, impact levels, the end
 * condition — each remembered between changes of what it reads. `drill run` settles once per
 * second of scenario time while a ramp moves, and re-evaluating `fired('last-inject')` each time
 * was most of the cost of a quiet second.
 */
import { isTrue, readsOf, type Expr, type ExprEnv } from '../conditions/index.js';

/** One condition and its last value; `stale` once something it reads has changed. */
export class StandingCondition {
  private stale = true;
  private value = false;

  constructor(
    readonly expr: Expr,
    /** Reads something unnamed (a computed argument): evaluated every time. */
    private readonly volatile: boolean,
  ) {}

  isTrue(env: ExprEnv): boolean {
    if (this.stale || this.volatile) {
      this.stale = false;
      this.value = isTrue(this.expr, env);
    }
    return this.value;
  }

  /** Reads something unnamed: nothing can be assumed about when its value changes. */
  get readsUnnamed(): boolean {
    return this.volatile;
  }

  markStale(): void {
    this.stale = true;
  }
}

/** The standing conditions of a drill, indexed by what they read, to be told of every change. */
export class StandingConditions {
  private readonly byVar = new Map<string, StandingCondition[]>();
  private readonly byId = new Map<string, StandingCondition[]>();
  private readonly byMilestone = new Map<string, StandingCondition[]>();
  private readonly byTime: StandingCondition[] = [];

  /** A standing condition for `expr`; undefined stays undefined, for optional conditions. */
  add(expr: Expr): StandingCondition;
  add(expr: Expr | undefined): StandingCondition | undefined;
  add(expr: Expr | undefined): StandingCondition | undefined {
    if (expr === undefined) return undefined;
    const reads = readsOf(expr);
    const condition = new StandingCondition(expr, reads.unnamed);
    for (const read of reads.names) {
      const index = read.kind === 'variable' ? this.byVar : read.kind === 'milestone' ? this.byMilestone : this.byId;
      listFor(index, read.name).push(condition);
    }
    if (reads.time) this.byTime.push(condition);
    return condition;
  }

  touchVariable(name: string): void {
    markAll(this.byVar.get(name));
  }

  touchId(id: string): void {
    markAll(this.byId.get(id));
  }

  touchMilestone(name: string): void {
    markAll(this.byMilestone.get(name));
  }

  touchTime(): void {
    markAll(this.byTime);
  }
}

function listFor(map: Map<string, StandingCondition[]>, key: string): StandingCondition[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function markAll(list: readonly StandingCondition[] | undefined): void {
  if (list) for (const c of list) c.markStale();
}
