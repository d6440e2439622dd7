/**
 * The simulated world: named variables, their ramps, and the effects that change them.
 * Ramps are straight lines in scenario time; their values are brought up to date only at the
 * moments the engine settles (scheduled items and whole seconds), so that a drill played in real
 * time and its replay see exactly the same values.
 */
import type { Effect, Value } from '../scenario/types.js';
import type { VariableSpec } from '../scenario/validate/schema.js';

/** Names of ramping variables, in the order their ramps started (a Set or a Map's keys). */
export interface RampingNames {
  has(name: string): boolean;
  keys(): IterableIterator<string>;
}

interface Ramp {
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly until: number;
}

export class World {
  private readonly values = new Map<string, Value>();
  private readonly ramps = new Map<string, Ramp>();
  /** Variables changed since the last `takeChanges()`, for the journal's `world` records. */
  private readonly changed = new Set<string>();

  /** `onChange` hears of every change of a value (ramp steps included), for the conditions that read it. */
  constructor(
    private readonly specs: Readonly<Record<string, VariableSpec>>,
    private readonly onChange: (name: string) => void = () => {},
  ) {
    for (const [name, spec] of Object.entries(specs)) this.values.set(name, spec.initial);
  }

  get(name: string): Value | undefined {
    return this.values.get(name);
  }

  /** All variables and their current values, in declaration order. */
  entries(): [string, Value][] {
    return [...this.values.entries()];
  }

  get hasRamps(): boolean {
    return this.ramps.size > 0;
  }

  /** Applies one effect at scenario time `t`; returns the end time of a ramp it started, if any. */
  apply(effect: Effect, t: number): number | undefined {
    const current = this.values.get(effect.variable);
    if (current === undefined) return undefined; // compile-time checks rule this out
    this.ramps.delete(effect.variable);
    if (effect.kind === 'set') {
      this.write(effect.variable, effect.to);
    } else if (effect.kind === 'add') {
      this.write(effect.variable, Number(current) + effect.by);
    } else if (effect.overMs <= 0) {
      this.write(effect.variable, effect.to);
    } else {
      const until = t + effect.overMs;
      this.ramps.set(effect.variable, { from: Number(current), to: effect.to, start: t, until });
      this.changed.add(effect.variable);
      return until;
    }
    return undefined;
  }

  /** Moves every ramp to its value at time `t`; finished ramps land exactly on their target. */
  advanceRamps(t: number): void {
    for (const [name, ramp] of this.ramps) {
      if (t >= ramp.until) {
        this.ramps.delete(name);
        this.write(name, ramp.to);
      } else {
        const value = this.rampStep(name, ramp, t);
        if (this.values.get(name) !== value) this.onChange(name);
        this.values.set(name, value);
      }
    }
  }

  /** The variables a ramp is moving now: a live view, not a copy (asked at every quiet second). */
  get ramping(): RampingNames {
    return this.ramps;
  }

  /** Every variable and its current value, in declaration order: a live view, not a copy. */
  get variables(): ReadonlyMap<string, Value> {
    return this.values;
  }

  /**
   * The value `advanceRamps(t)` gives a ramping variable at a time `t` before its ramp ends
   * (undefined if it is not ramping), without changing anything: to look ahead over quiet seconds.
   */
  rampValueAt(name: string, t: number): number | undefined {
    const ramp = this.ramps.get(name);
    return ramp === undefined ? undefined : this.rampStep(name, ramp, t);
  }

  /** Whether some change still waits for `takeChanges()`. */
  get hasChanges(): boolean {
    return this.changed.size > 0;
  }

  /** The variables changed since the last call, with their values and any ramp under way. */
  takeChanges(): { values: Record<string, Value>; ramps?: Record<string, { to: number; until: number }> } | undefined {
    if (this.changed.size === 0) return undefined;
    const values: Record<string, Value> = {};
    let ramps: Record<string, { to: number; until: number }> | undefined;
    for (const name of this.changed) {
      values[name] = this.values.get(name)!;
      const ramp = this.ramps.get(name);
      if (ramp) (ramps ??= {})[name] = { to: ramp.to, until: ramp.until };
    }
    this.changed.clear(); // reused: a world record is made at most moments of a ramp
    return ramps ? { values, ramps } : { values };
  }

  private rampStep(name: string, ramp: Ramp, t: number): number {
    const share = (t - ramp.start) / (ramp.until - ramp.start);
    return this.clamp(name, ramp.from + (ramp.to - ramp.from) * share);
  }

  private write(name: string, value: Value): void {
    const next = typeof value === 'number' ? this.clamp(name, value) : value;
    if (this.values.get(name) !== next) {
      this.changed.add(name);
      this.onChange(name);
    }
    this.values.set(name, next);
  }

  private clamp(name: string, n: number): number {
    const spec = this.specs[name];
    let v = n;
    if (spec?.min !== undefined) v = Math.max(spec.min, v);
    if (spec?.max !== undefined) v = Math.min(spec.max, v);
    // Keep ramps free of float noise such as 19.999999999999996 in the journal.
    return Math.round(v * 1e6) / 1e6;
  }
}
