/**
 * A binary min-heap of scheduled items, ordered by time and then by the order they were
 * scheduled, so that items due at the same moment run in a stable, reproducible order.
 */
export interface Scheduled<T> {
  readonly at: number;
  readonly order: number;
  readonly item: T;
}

export class Schedule<T> {
  private readonly heap: Scheduled<T>[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, item: T): void {
    this.heap.push({ at, order: this.counter++, item });
    this.siftUp(this.heap.length - 1);
  }

  /** Time of the earliest item, or Infinity when nothing is scheduled. */
  peekTime(): number {
    return this.heap[0]?.at ?? Infinity;
  }

  pop(): Scheduled<T> | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top && last && this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Items in time order (a copy). */
  sorted(): Scheduled<T>[] {
    return [...this.heap].sort(compare);
  }

  /** The earliest item that `matches`, in one linear scan (no sort: the heap can hold 100,000 items). */
  earliest(matches: (item: T) => boolean): Scheduled<T> | undefined {
    let best: Scheduled<T> | undefined;
    for (const s of this.heap) if (matches(s.item) && (best === undefined || compare(s, best) < 0)) best = s;
    return best;
  }

  // Sifts move a hole instead of swapping pairs: a destructuring swap allocates in hot loops.
  private siftUp(i: number): void {
    const h = this.heap;
    const moving = h[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(moving, h[parent]!) >= 0) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = moving;
  }

  private siftDown(i: number): void {
    const h = this.heap;
    const moving = h[i]!;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = moving;
      let at = i;
      if (l < h.length && compare(h[l]!, m) < 0) {
        m = h[l]!;
        at = l;
      }
      if (r < h.length && compare(h[r]!, m) < 0) {
        m = h[r]!;
        at = r;
      }
      if (at === i) break;
      h[i] = m;
      i = at;
    }
    h[i] = moving;
  }
}

function compare<T>(a: Scheduled<T>, b: Scheduled<T>): number {
  return a.at - b.at || a.order - b.order;
}
