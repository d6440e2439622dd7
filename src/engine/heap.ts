/**
 * Binary min-heaps. `Schedule` orders scheduled items by time and then by the order they were
 * scheduled, so that items due at the same moment run in a stable, reproducible order.
 */
export interface Scheduled<T> {
  readonly at: number;
  readonly order: number;
  readonly item: T;
}

/**
 * A binary min-heap under `before`: the one heap the engine uses, for its schedule (by time, then
 * order) and for the `when` conditions due in a pass (by scenario order, see watchlist.ts).
 */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  /** The least item, or undefined when empty. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Every item, in no particular order. */
  values(): readonly T[] {
    return this.items;
  }

  // Sifts move a hole instead of swapping pairs: a destructuring swap allocates in hot loops.
  push(item: T): void {
    const h = this.items;
    let i = h.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(item, h[parent]!)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = item;
  }

  pop(): T | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = last;
      let at = i;
      if (l < h.length && this.before(h[l]!, m)) {
        m = h[l]!;
        at = l;
      }
      if (r < h.length && this.before(h[r]!, m)) {
        m = h[r]!;
        at = r;
      }
      if (at === i) break;
      h[i] = m;
      i = at;
    }
    h[i] = last;
    return top;
  }
}

export class Schedule<T> {
  private readonly heap = new MinHeap<Scheduled<T>>((a, b) => compare(a, b) < 0);
  private counter = 0;

  push(at: number, item: T): void {
    this.heap.push({ at, order: this.counter++, item });
  }

  /** Time of the earliest item, or Infinity when nothing is scheduled. */
  peekTime(): number {
    return this.heap.peek()?.at ?? Infinity;
  }

  pop(): Scheduled<T> | undefined {
    return this.heap.pop();
  }

  /**
   * The first `n` items that `matches`, soonest first, in one linear scan that keeps only `n`
   * (no sort of the whole heap, which can hold 100,000 items).
   */
  soonest(n: number, matches: (item: T) => boolean): Scheduled<T>[] {
    const best: Scheduled<T>[] = [];
    for (const s of this.heap.values()) {
      if (!matches(s.item) || (best.length === n && compare(s, best[n - 1]!) >= 0)) continue;
      let i = best.push(s) - 1;
      for (; i > 0 && compare(best[i - 1]!, s) > 0; i--) best[i] = best[i - 1]!;
      best[i] = s;
      if (best.length > n) best.pop();
    }
    return best;
  }

  /** The earliest item that `matches`, in one linear scan (no sort: the heap can hold 100,000 items). */
  earliest(matches: (item: T) => boolean): Scheduled<T> | undefined {
    let best: Scheduled<T> | undefined;
    for (const s of this.heap.values()) if (matches(s.item) && (best === undefined || compare(s, best) < 0)) best = s;
    return best;
  }
}

function compare<T>(a: Scheduled<T>, b: Scheduled<T>): number {
  return a.at - b.at || a.order - b.order;
}
