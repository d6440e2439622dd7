/**
 * The metrics a scenario lets players see (variables marked `metric: true`), followed through the
 * journal's `world` records. A record holds a ramp's end point and end time; those stay here and
 * only the value at a given moment leaves, so a page never learns where a number is heading.
 */
import type { DrillRecord } from '../engine/records.js';
import type { Scenario } from '../scenario/index.js';
import type { MetricView } from './items.js';
import { displayNumber } from '../text/display-number.js';

interface Tracked {
  readonly name: string;
  readonly label: string;
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly decimals?: number;
  value: number | boolean;
  ramp?: { readonly from: number; readonly start: number; readonly to: number; readonly until: number };
}

export class VisibleMetrics {
  private readonly tracked = new Map<string, Tracked>();

  constructor(scenario: Scenario) {
    for (const [name, spec] of Object.entries(scenario.world)) {
      if (!spec.metric) continue;
      this.tracked.set(name, {
        name,
        label: spec.label ?? name,
        unit: spec.unit,
        min: spec.min,
        max: spec.max,
        decimals: spec.decimals,
        value: spec.initial,
      });
    }
  }

  /** Takes in a `world` record; true if a visible metric changed (its value or its ramp). */
  apply(record: Extract<DrillRecord, { type: 'world' }>): boolean {
    let changed = false;
    for (const [name, value] of Object.entries(record.values)) {
      const m = this.tracked.get(name);
      if (!m) continue;
      changed = true;
      m.value = value;
      const ramp = record.ramps?.[name];
      m.ramp =
        ramp && typeof value === 'number'
          ? { from: value, start: record.t, to: ramp.to, until: ramp.until }
          : undefined;
    }
    return changed;
  }

  /** Every visible metric at scenario time `t` (ramps followed in a straight line, as the engine does). */
  at(t: number): MetricView[] {
    return [...this.tracked.values()].map((m) => ({
      name: m.name,
      label: m.label,
      ...(m.unit !== undefined ? { unit: m.unit } : {}),
      value: shown(m, valueAt(m, t)),
    }));
  }
}

/** Rounded as the facilitator's screen shows it: a page gets no more precision than that. */
function shown(m: Tracked, value: number | boolean): number | boolean {
  return typeof value === 'number' ? displayNumber(value, m.decimals) : value;
}

function valueAt(m: Tracked, t: number): number | boolean {
  const r = m.ramp;
  if (!r || t <= r.start) return m.value;
  if (t >= r.until) return r.to;
  const v = r.from + ((r.to - r.from) * (t - r.start)) / (r.until - r.start);
  const clamped = Math.min(m.max ?? Infinity, Math.max(m.min ?? -Infinity, v));
  return Math.round(clamped * 1000) / 1000;
}
