/**
 * Recent values of the world's metric variables, for the live sparklines. Only views read it;
 * it is not part of the journal, so its sampling may follow whatever the clock driver does.
 */
import type { World } from './world.js';

const SAMPLE_EVERY_MS = 10_000;
const KEEP = 120;

export class History {
  private readonly series = new Map<string, number[]>();
  private nextSampleAt = 0;

  constructor(private readonly world: World) {}

  /** Takes a sample of every numeric variable when `t` crosses into a new sampling period. */
  sample(t: number): void {
    if (t < this.nextSampleAt) return;
    this.nextSampleAt = (Math.floor(t / SAMPLE_EVERY_MS) + 1) * SAMPLE_EVERY_MS;
    for (const [name, value] of this.world.variables) {
      if (typeof value !== 'number') continue;
      const list = this.series.get(name) ?? [];
      list.push(value);
      if (list.length > KEEP) list.splice(0, list.length - KEEP);
      this.series.set(name, list);
    }
  }

  /** The samples kept for a variable, oldest first, with its current value last. */
  of(name: string): readonly number[] {
    const current = this.world.get(name);
    const past = this.series.get(name) ?? [];
    return typeof current === 'number' ? [...past, current] : past;
  }
}
