/**
 * What users saw and what the simulated world did, from the journal alone. The engine records
 * `impact` only when the level changes, and `world` records carry every change plus the target
 * and end of each straight-line ramp, so both histories are exact: intervals of outage, and
 * piecewise-linear variables whose extremes lie at the recorded breakpoints.
 */
import type { DrillRecord } from '../engine/records.js';
import type { VariableSpec } from '../scenario/index.js';
import type { ImpactInterval, ReportVariable } from './report-schema.js';

export interface ImpactHistory {
  readonly intervals: ImpactInterval[];
  /** Total time `impact.down` held. */
  readonly downMs: number;
  /** Total time `impact.degraded` held while `impact.down` did not. */
  readonly degradedMs: number;
  /** Start of the first impact and end of the last one; null when users saw nothing. */
  readonly startMs: number | null;
  readonly endMs: number | null;
  /** Users were still affected when the drill (or the journal) ended. */
  readonly openAtEnd: boolean;
}

/** Down and degraded intervals from `impact` records; an impact still on at `endMs` is closed there. */
export function impactHistory(records: readonly DrillRecord[], endMs: number): ImpactHistory {
  const intervals: ImpactInterval[] = [];
  let open: { level: 'down' | 'degraded'; fromMs: number } | undefined;
  const close = (at: number) => {
    if (open && at > open.fromMs) intervals.push({ level: open.level, fromMs: open.fromMs, toMs: at });
    open = undefined;
  };
  for (const r of records) {
    if (r.type !== 'impact' || r.t > endMs) continue;
    close(r.t);
    if (r.level !== 'ok') open = { level: r.level, fromMs: r.t };
  }
  const openAtEnd = open !== undefined;
  close(endMs);
  const total = (level: 'down' | 'degraded') =>
    intervals.filter((i) => i.level === level).reduce((sum, i) => sum + (i.toMs - i.fromMs), 0);
  return {
    intervals,
    downMs: total('down'),
    degradedMs: total('degraded'),
    startMs: intervals[0]?.fromMs ?? null,
    endMs: intervals.at(-1)?.toMs ?? null,
    openAtEnd,
  };
}

interface Track {
  value: number | boolean;
  since: number;
  ramp?: { from: number; to: number; start: number; until: number };
  min?: { v: number; at: number };
  max?: { v: number; at: number };
  changes: number;
}

/**
 * Every world variable's initial and final value, and for numbers the lowest and highest value
 * reached (first time reached), up to `endMs`. Candidates are the initial value, every recorded
 * value, the value a ramp had reached when something replaced it, and each ramp's end.
 */
export function worldExtremes(
  specs: Readonly<Record<string, VariableSpec>>,
  records: readonly DrillRecord[],
  endMs: number,
): ReportVariable[] {
  const tracks = new Map<string, Track>();
  for (const [id, spec] of Object.entries(specs)) {
    const track: Track = { value: spec.initial, since: 0, changes: 0 };
    consider(track, spec.initial, 0);
    tracks.set(id, track);
  }
  const clamp = (id: string, v: number) => {
    const spec = specs[id];
    let out = v;
    if (spec?.min !== undefined) out = Math.max(spec.min, out);
    if (spec?.max !== undefined) out = Math.min(spec.max, out);
    return Math.round(out * 1e6) / 1e6;
  };
  // Brings a ramp up to time t: the value it reached, and its end if that came first. A ramp
  // clamped by min/max reaches its bound before its end; that moment is when the extreme began.
  const advance = (id: string, track: Track, t: number) => {
    const ramp = track.ramp;
    if (!ramp) return;
    const until = Math.min(t, ramp.until);
    const raw = ramp.from + ((ramp.to - ramp.from) * (until - ramp.start)) / (ramp.until - ramp.start);
    const value = clamp(id, raw);
    const at = value !== Math.round(raw * 1e6) / 1e6 && ramp.to !== ramp.from ? ramp.start + ((value - ramp.from) / (ramp.to - ramp.from)) * (ramp.until - ramp.start) : until;
    consider(track, value, Math.round(at));
    if (t >= ramp.until) {
      track.value = value;
      track.ramp = undefined;
    }
  };
  for (const r of records) {
    if (r.type !== 'world' || r.t > endMs) continue;
    for (const [id, value] of Object.entries(r.values)) {
      const track = tracks.get(id);
      if (!track) continue;
      advance(id, track, r.t);
      track.value = value;
      track.since = r.t;
      track.changes++;
      consider(track, value, r.t);
      const ramp = r.ramps?.[id];
      track.ramp = ramp && typeof value === 'number' ? { from: value, to: ramp.to, start: r.t, until: ramp.until } : undefined;
    }
  }
  const out: ReportVariable[] = [];
  for (const [id, track] of tracks) {
    const ramp = track.ramp;
    const final = ramp ? clamp(id, ramp.from + ((ramp.to - ramp.from) * (Math.min(endMs, ramp.until) - ramp.start)) / (ramp.until - ramp.start)) : track.value;
    advance(id, track, endMs);
    const spec = specs[id]!;
    out.push({
      id,
      ...(spec.label !== undefined ? { label: spec.label } : {}),
      ...(spec.unit !== undefined ? { unit: spec.unit } : {}),
      metric: spec.metric === true,
      initial: spec.initial,
      final,
      ...(track.min ? { min: track.min.v, minAtMs: track.min.at } : {}),
      ...(track.max ? { max: track.max.v, maxAtMs: track.max.at } : {}),
      changes: track.changes,
    });
  }
  return out;
}

function consider(track: Track, value: number | boolean, at: number): void {
  if (typeof value !== 'number') return;
  if (!track.min || value < track.min.v) track.min = { v: value, at };
  if (!track.max || value > track.max.v) track.max = { v: value, at };
}
