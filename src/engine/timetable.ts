/**
 * What is due when: the schedule of items by scenario time (a heap, stable for items due at the
 * same moment) and the items waiting `after:` another to happen. The core asks it what is next
 * and tells it what happened; it decides nothing about whether a due item still runs.
 */
import type { Decision, Inject } from '../scenario/types.js';
import { Schedule } from './heap.js';

/** Something due at a moment: an item to run, a ramp, an action or an option to land, the time limit. */
export type Due =
  /** `occurrence` (2, 3, …) for a recurring inject's repeat; absent for the first, from its trigger. */
  | { kind: 'inject'; id: string; occurrence?: number }
  | { kind: 'open'; id: string }
  | { kind: 'timeout'; id: string }
  | { kind: 'land'; id: string }
  /** The option taken on decision `id`, which has a `takes`, lands. */
  | { kind: 'option-lands'; id: string }
  | { kind: 'answer'; asked: number }
  | { kind: 'ramp-end' }
  | { kind: 'limit' };

/** A scheduled inject or decision, for the facilitator's "coming up". */
export interface Upcoming {
  readonly at: number;
  readonly kind: 'inject' | 'open';
  readonly id: string;
  /** Set for a recurring inject's repeat (2, 3, …). */
  readonly occurrence?: number;
}

export class Timetable {
  private readonly schedule = new Schedule<Due>();
  /** id -> the items whose trigger is `after:` it, in scenario order. */
  private readonly dependents = new Map<string, (Inject | Decision)[]>();

  /**
   * At the start of the clock: schedules an item with `at:` and notes one with `after:`.
   * False when neither time nor another item starts it (it waits on its `when:`, if any).
   */
  plan(item: Inject | Decision): boolean {
    const trig = item.trigger;
    if (trig.atMs !== undefined) this.schedule.push(trig.atMs, dueFor(item));
    if (trig.after !== undefined) {
      const list = this.dependents.get(trig.after);
      if (list) list.push(item);
      else this.dependents.set(trig.after, [item]);
    }
    return trig.atMs !== undefined;
  }

  push(at: number, due: Due): void {
    this.schedule.push(at, due);
  }

  /** Time of the earliest scheduled item, or Infinity. */
  peekTime(): number {
    return this.schedule.peekTime();
  }

  /** Takes the earliest scheduled item. */
  pop(): Due | undefined {
    return this.schedule.pop()?.item;
  }

  /** Scenario time of the next scheduled inject or decision, for "skip to next". */
  nextEventTime(): number | undefined {
    return this.schedule.earliest((d) => d.kind === 'inject' || d.kind === 'open' || d.kind === 'timeout')?.at;
  }

  /** The next `n` scheduled injects and decisions (to fire or to open) that `keep`, soonest first; a repeat with its occurrence. */
  upcoming(n: number, keep: (id: string) => boolean): Upcoming[] {
    return this.schedule
      .soonest(n, (d) => (d.kind === 'inject' || d.kind === 'open') && keep(d.id))
      .map(({ at, item }) => (item.kind === 'inject' && item.occurrence !== undefined ? { at, kind: 'inject', id: item.id, occurrence: item.occurrence } : { at, kind: item.kind as 'inject' | 'open', id: (item as { id: string }).id }));
  }

  /** Schedules whatever waits `after` the item `id`, which happened at `t`. */
  happened(id: string, t: number): void {
    const waiting = this.dependents.get(id);
    if (waiting) for (const item of waiting) this.schedule.push(t + item.trigger.delayMs, dueFor(item));
  }
}

/** What running a triggered inject or decision means. */
export function dueFor(item: Inject | Decision): Due {
  return 'channel' in item ? { kind: 'inject', id: item.id } : { kind: 'open', id: item.id };
}
