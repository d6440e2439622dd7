/**
 * Conditions that read things that change, but whose value still can never become true:
 * `nodes >= 200` when every effect keeps `nodes` at or below 100. Each variable's range is what
 * its initial value and every effect on it can make of it, clamped by its declared min/max;
 * where that cannot be told the range is unbounded, so a warning here is true of every drill.
 */
import { ANY, printExpr, readsOf, verdictOf, type Bounds, type Expr } from '../../conditions/index.js';
import type { Problem } from '../problems.js';
import type { ConditionSite } from '../compile/compile.js';
import { NOTHING_UNREAD, type Unread } from '../validate/salvage.js';
import type { Scenario } from '../types.js';
import type { VariableSpec } from '../validate/schema.js';
import type { YamlFile, YamlPath } from '../source/index.js';
import { forEachConsequence } from './consequences.js';

/** Effect lines named in a message before the rest are only counted. */
const LINES_SHOWN = 5;
/** A comparison longer than this is cut in a message (a condition may be 2,000 characters); most fit whole. */
const PART_SHOWN = 60;

function shorten(text: string): string {
  return text.length > PART_SHOWN ? `${text.slice(0, PART_SHOWN - 3)}...` : text;
}

/**
 * Warnings for `end.when`, the milestones' conditions and the injects' and decisions' `when:`
 * that can never become true. `alreadyTold` are sites reported as never changing at all.
 */
export function impossibleConditions(
  scenario: Scenario,
  conditions: readonly ConditionSite[],
  yaml: YamlFile,
  unread: Unread = NOTHING_UNREAD,
  alreadyTold: ReadonlySet<ConditionSite> = new Set(),
): Problem[] {
  const watched = conditions.filter((site) => !alreadyTold.has(site) && watchedSite(site.path));
  if (watched.length === 0) return [];
  const ranges = variableRanges(scenario, unread);
  const env = { variable: (name: string): Bounds => ranges.get(name) ?? ANY };
  const problems: Problem[] = [];
  for (const site of watched) {
    const verdict = verdictOf(site.expr, env);
    if (verdict.truth !== 'false' || verdict.because.length === 0) continue;
    const why = explainParts(verdict.because, scenario, ranges, yaml);
    const [first] = verdict.because;
    problems.push(yaml.problemAt(site.path, `${siteName(site.path)} can never become true: ${why}${consequence(site.path)}`, { severity: 'warning', offset: first!.start }));
  }
  return problems;
}

function watchedSite(path: YamlPath): boolean {
  if (path[0] === 'end' || path[0] === 'milestones') return true;
  return path[path.length - 1] === 'when' && (path[0] === 'injects' || path[0] === 'decisions');
}

function siteName(path: YamlPath): string {
  if (path[0] === 'end') return '`end.when`';
  if (path[0] === 'milestones') return `milestone \`${String(path[1])}\``;
  return 'this `when`';
}

function consequence(path: YamlPath): string {
  // True even where something else can still do it: the facilitator ends drills and marks milestones, `fire:` and `open:` still work.
  if (path[0] === 'end') return ', so the drill runs to `end.limit` unless the facilitator ends it';
  if (path[0] === 'milestones') return ', so only an inject, option or the facilitator can mark it';
  return path[0] === 'injects' ? ', so this `when` never fires it' : ', so this `when` never opens it';
}

/**
 * What each declared variable can be over a drill: its initial value and, once an effect has
 * touched it, every value the engine's `World` can write (clamped to min/max, rounded to 1e-6).
 */
export function variableRanges(scenario: Scenario, unread: Unread = NOTHING_UNREAD): Map<string, Bounds> {
  const found = new Map<string, Reach>();
  for (const [name, spec] of Object.entries(scenario.world)) {
    // A dropped inject, decision or action that mentions it may change it in any way.
    if (unread.mentioned.has(name)) continue;
    found.set(name, typeof spec.initial === 'boolean' ? { flag: new Set([spec.initial]) } : { lo: spec.initial, hi: spec.initial, touched: false });
  }
  forEachConsequence(scenario, (c) => {
    for (const effect of c.effects) {
      const reach = found.get(effect.variable);
      const spec = scenario.world[effect.variable];
      if (!reach || !spec) continue;
      if ('flag' in reach) {
        if (effect.kind === 'set' && typeof effect.to === 'boolean') reach.flag.add(effect.to);
        else found.delete(effect.variable); // a wrong effect is reported elsewhere; assume nothing of it
        continue;
      }
      const to = effect.kind === 'add' ? (effect.by > 0 ? (spec.max ?? Infinity) : effect.by < 0 ? (spec.min ?? -Infinity) : undefined) : effect.to;
      if (typeof to !== 'number') {
        if (to !== undefined) found.delete(effect.variable);
        continue;
      }
      // A ramp passes every value between where it starts and its target; an add can go as far as min/max allow.
      const written = clampLike(spec, to);
      reach.lo = Math.min(reach.lo, written);
      reach.hi = Math.max(reach.hi, written);
      reach.touched = true;
    }
  });
  const ranges = new Map<string, Bounds>();
  for (const [name, reach] of found) {
    if ('flag' in reach) ranges.set(name, { kind: 'boolean', canBeTrue: reach.flag.has(true), canBeFalse: reach.flag.has(false) });
    else {
      const spec = scenario.world[name]!;
      // Rounding is monotonic, so every written value lies between the written ends of the range.
      const lo = reach.touched ? Math.min(reach.lo, clampLike(spec, reach.lo)) : reach.lo;
      const hi = reach.touched ? Math.max(reach.hi, clampLike(spec, reach.hi)) : reach.hi;
      ranges.set(name, { kind: 'number', lo, hi });
    }
  }
  return ranges;
}

type Reach = { flag: Set<boolean> } | { lo: number; hi: number; touched: boolean };

/** As the engine's `World` writes a number: clamped to min/max, then rounded to 1e-6. */
function clampLike(spec: VariableSpec, n: number): number {
  let v = n;
  if (spec.min !== undefined) v = Math.max(spec.min, v);
  if (spec.max !== undefined) v = Math.min(spec.max, v);
  return Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v;
}

/**
 * "`nodes >= 200`, but `nodes` stays within 0–100 (initial 80, max 100; effects on lines 41, 77)":
 * the parts that decide the condition (both sides of an `or`), and what each variable they read can be.
 */
function explainParts(parts: readonly Expr[], scenario: Scenario, ranges: ReadonlyMap<string, Bounds>, yaml: YamlFile): string {
  const text = parts.map((part) => `\`${shorten(printExpr(part))}\``).join(' or ');
  const variables = new Set<string>();
  let time = false;
  for (const part of parts) {
    const reads = readsOf(part);
    time ||= reads.time;
    for (const read of reads.names) if (read.kind === 'variable' && ranges.has(read.name)) variables.add(read.name);
  }
  const facts = [...variables].map((name) => describeVariable(name, ranges.get(name)!, scenario.world[name]!, effectLines(scenario, name, yaml)));
  if (time) facts.push('the clock starts at 0 and only goes forward');
  return facts.length === 0 ? `${text} is never true` : `${text}, but ${facts.join(', and ')}`;
}

function describeVariable(name: string, range: Bounds, spec: VariableSpec, lines: readonly number[]): string {
  const shown = lines.length === 0 ? [] : [`${lines.length === 1 ? 'effect on line' : 'effects on lines'} ${listLines(lines)}`];
  if (range.kind === 'boolean') {
    const value = range.canBeTrue ? 'true' : 'false';
    const notes = [`initial ${String(spec.initial)}`, ...(lines.length === 0 ? [`nothing sets it to ${range.canBeTrue ? 'false' : 'true'}`] : shown)];
    return `\`${name}\` is always ${value} (${notes.join('; ')})`;
  }
  if (range.kind !== 'number') return `\`${name}\` can be anything`;
  const bounds = [`initial ${String(spec.initial)}`, ...(spec.min !== undefined ? [`min ${spec.min}`] : []), ...(spec.max !== undefined ? [`max ${spec.max}`] : [])];
  const notes = [bounds.join(', '), ...(lines.length === 0 ? ['nothing changes it'] : shown)];
  return `\`${name}\` ${describeRange(range.lo, range.hi)} (${notes.join('; ')})`;
}

function describeRange(lo: number, hi: number): string {
  if (lo === hi) return `is always ${lo}`;
  if (lo === -Infinity) return `stays at or below ${hi}`;
  if (hi === Infinity) return `stays at or above ${lo}`;
  return `stays within ${lo}–${hi}`;
}

function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, LINES_SHOWN).join(', ');
  return lines.length > LINES_SHOWN ? `${shown} and ${lines.length - LINES_SHOWN} more` : shown;
}

/** The lines of the effects on `name`, in file order: looked up only for a warning. */
function effectLines(scenario: Scenario, name: string, yaml: YamlFile): number[] {
  const lines: number[] = [];
  forEachConsequence(scenario, (c, _source, path) => {
    c.effects.forEach((effect, k) => {
      if (effect.variable === name) lines.push(yaml.positionOf([...path(), 'effects', k]).line);
    });
  });
  return lines;
}
