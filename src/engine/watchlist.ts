/**
 * The `when` conditions still waiting to come true, re-checked only when something they read has
 * changed. A generated scenario can have thousands of them, and checking every one after every
 * event made a drill quadratic in its size.
 *
 * A condition that is false stays false until one of the things it reads changes, because
 * evaluation is pure. So a false condition "sleeps" on what it reads and is woken by `touch*`
 * when one of those changes. Better still, for `a and b and c` it sleeps only on what one false
 * part reads (the others may change as often as they like: the whole stays false), and the part
 * picked is the one that reads what changes least often: `fired('x') and errors > 5` sleeps on
 * `x` alone, not on every change of `errors`.
 *
 * The order of checks is exactly the order of the full scan this replaces (see `DrillCore.settle`):
 * in each pass, woken conditions are checked in scenario order; one woken during a pass is checked
 * later in the same pass if it comes after the current one, otherwise in the next pass. Skipping
 * the conditions that sleep skips only checks that would have said false, so the journal is the
 * same, byte for byte.
 */
import { isTrue, readsOf, type Expr, type ExprEnv, type Read, type Reads } from '../conditions/index.js';
import { MinHeap } from './heap.js';

interface Part {
  readonly expr: Expr;
  readonly reads: Reads;
  /** Lower is better to sleep on: parts that read fewer, rarer things. */
  readonly cost: number;
}

const CLEAN = 0; // asleep (or never to be checked again if it reads nothing)
const THIS_PASS = 1;
const NEXT_PASS = 2;
const GONE = 3;

/** One waiting condition and the item it triggers. */
export interface Watcher<T> {
  readonly index: number;
  readonly item: T;
  readonly when: Expr;
  readonly parts: readonly Part[];
  state: number;
  asleepOn: Reads | undefined;
  /** The part (or the whole) whose reads it sleeps on: false until one of those changes. */
  asleepExpr: Expr | undefined;
}

export class Watchlist<T> {
  /** How many conditions were added: the next one's index. No list: a met condition is let go. */
  private added = 0;
  private readonly byVar = new Map<string, Set<Watcher<T>>>();
  private readonly byId = new Map<string, Set<Watcher<T>>>();
  private readonly byMilestone = new Map<string, Set<Watcher<T>>>();
  private readonly byTime = new Set<Watcher<T>>();
  /** Conditions that read something unnamed: woken at the start of every pass. */
  private readonly always: Watcher<T>[] = [];
  /** Woken, to be checked in the current pass, by index (a binary min-heap). */
  private readonly thisPass = new MinHeap<Watcher<T>>((a, b) => a.index < b.index);
  /** Woken, to be checked in the next pass (or the next settle). */
  private nextPass: Watcher<T>[] = [];
  /** The other half of a double buffer with `nextPass`: a pass starts thousands of times a second. */
  private spare: Watcher<T>[] = [];
  /** Index of the condition being checked; Infinity outside a pass, so that wakes go to the next. */
  private cursor = Infinity;

  /** Adds a condition, in scenario order. It is checked in the next pass. */
  add(item: T, when: Expr): void {
    const parts = conjuncts(when).map((expr) => {
      const reads = readsOf(expr);
      return { expr, reads, cost: costOf(reads) };
    });
    const watcher: Watcher<T> = { index: this.added++, item, when, parts, state: NEXT_PASS, asleepOn: undefined, asleepExpr: undefined };
    if (parts.some((p) => p.reads.unnamed)) this.always.push(watcher);
    this.nextPass.push(watcher);
  }

  touchVariable(name: string): void {
    this.wakeAll(this.byVar.get(name));
  }

  touchId(id: string): void {
    this.wakeAll(this.byId.get(id));
  }

  touchMilestone(name: string): void {
    this.wakeAll(this.byMilestone.get(name));
  }

  touchTime(): void {
    if (this.byTime.size > 0) this.wakeAll(this.byTime);
  }

  /** Starts a pass: everything woken since the last pass (and the unnamed readers) is due. */
  beginPass(): void {
    const due = this.nextPass;
    this.nextPass = this.spare;
    this.cursor = -1;
    for (const w of due) if (w.state === NEXT_PASS) this.pushThisPass(w);
    due.length = 0;
    this.spare = due;
    for (const w of this.always) {
      if (w.state !== CLEAN) continue;
      this.unsubscribe(w);
      this.pushThisPass(w);
    }
  }

  /** The next condition to check in this pass, in scenario order; undefined when the pass is done. */
  next(): Watcher<T> | undefined {
    const w = this.popThisPass();
    if (w === undefined) {
      this.cursor = Infinity;
      return undefined;
    }
    this.cursor = w.index;
    return w;
  }

  /** Checks a condition now. True: it is removed. False: it sleeps on what one false part reads. */
  check(w: Watcher<T>, env: ExprEnv): boolean {
    w.state = CLEAN;
    if (isTrue(w.when, env)) {
      w.state = GONE;
      return true;
    }
    let best: Part | undefined;
    for (const part of w.parts) {
      if ((best === undefined || part.cost < best.cost) && !isTrue(part.expr, env)) best = part;
    }
    // `best` exists whenever the whole is false; the fallback only keeps a lenient evaluation safe.
    this.sleep(w, best?.reads ?? mergedReads(w.parts));
    w.asleepExpr = best?.expr ?? w.when;
    return false;
  }

  /** Whether every condition is asleep: none woken and waiting for a pass, none that reads the unnamed. */
  get allAsleep(): boolean {
    return this.nextPass.length === 0 && this.thisPass.size === 0 && this.always.length === 0;
  }

  /** What the conditions asleep on variable `name` wait to become true. */
  *sleepingOn(name: string): IterableIterator<Expr> {
    for (const w of this.byVar.get(name) ?? []) yield w.asleepExpr!;
  }

  /** Forgets a condition whose item has happened (or will never happen) by other means. */
  drop(w: Watcher<T>): void {
    this.unsubscribe(w);
    w.state = GONE;
  }

  private sleep(w: Watcher<T>, reads: Reads): void {
    w.asleepOn = reads;
    for (const read of reads.names) subscribe(this.watchersOf(read), read.name, w);
    if (reads.time) this.byTime.add(w);
  }

  private unsubscribe(w: Watcher<T>): void {
    const reads = w.asleepOn;
    if (!reads) return;
    w.asleepOn = undefined;
    for (const read of reads.names) this.watchersOf(read).get(read.name)?.delete(w);
    if (reads.time) this.byTime.delete(w);
  }

  /** The index a read belongs to: the engine tells variables, history ids and milestones apart. */
  private watchersOf(read: Read): Map<string, Set<Watcher<T>>> {
    return read.kind === 'variable' ? this.byVar : read.kind === 'milestone' ? this.byMilestone : this.byId;
  }

  private wakeAll(set: Set<Watcher<T>> | undefined): void {
    if (!set || set.size === 0) return;
    // No copy: waking deletes only the woken watcher from the set, which a Set's iterator allows.
    for (const w of set) this.wake(w);
  }

  private wake(w: Watcher<T>): void {
    if (w.state !== CLEAN) return;
    this.unsubscribe(w);
    if (w.index > this.cursor) this.pushThisPass(w);
    else {
      w.state = NEXT_PASS;
      this.nextPass.push(w);
    }
  }

  private pushThisPass(w: Watcher<T>): void {
    w.state = THIS_PASS;
    this.thisPass.push(w);
  }

  private popThisPass(): Watcher<T> | undefined {
    return this.thisPass.pop();
  }
}

function subscribe<T>(map: Map<string, Set<Watcher<T>>>, key: string, w: Watcher<T>): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(w);
}

/** `a and b and c` → [a, b, c]; anything else is one part. (`isTrue(a and b)` is `isTrue(a) && isTrue(b)`.) */
function conjuncts(e: Expr): Expr[] {
  return e.type === 'bin' && e.op === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/** History and milestones change once per item; variables often; time all the time. */
function costOf(r: Reads): number {
  if (r.unnamed) return 1e9;
  let cost = r.time ? 1e6 : 0;
  for (const read of r.names) cost += read.kind === 'variable' ? 1000 : 1;
  return cost;
}

function mergedReads(parts: readonly Part[]): Reads {
  const all: Reads = { names: [], time: false, unnamed: false };
  for (const { reads } of parts) {
    all.names.push(...reads.names);
    all.time ||= reads.time;
    all.unnamed ||= reads.unnamed;
  }
  return all;
}
