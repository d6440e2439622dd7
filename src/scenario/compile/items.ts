/**
 * Compiling one inject, decision or action of a validated file into the engine's form, with the
 * problems of its durations and conditions, and where each condition was written (for the checks).
 */
import { parseDuration, parseExpr, type Expr } from '../../conditions/index.js';
import type { Problem } from '../problems.js';
import type { ScenarioFile } from '../validate/schema.js';
import type { YamlFile, YamlPath } from '../source/index.js';
import type { Action, Consequence, Decision, Effect, Inject, Lookup, Repeat, Trigger } from '../types.js';

/** A condition as written and as parsed, with where it was written, for the checks. */
export interface ConditionSite {
  readonly path: YamlPath;
  readonly expr: Expr;
}

type Section = 'injects' | 'decisions' | 'actions' | 'rest';

/** Compiles items, keeping problems and condition sites per section so their order never depends on the file's key order. */
export class ItemCompiler {
  private readonly problems: Record<Section, Problem[]> = { injects: [], decisions: [], actions: [], rest: [] };
  private readonly sites: Record<Section, ConditionSite[]> = { injects: [], decisions: [], actions: [], rest: [] };
  private section: Section = 'rest';

  constructor(private readonly yaml: YamlFile) {}

  /** Problems in the order the whole-file compile made them: injects, decisions, actions, the rest. */
  allProblems(): Problem[] {
    const p = this.problems;
    return [...p.injects, ...p.decisions, ...p.actions, ...p.rest];
  }

  allConditions(): ConditionSite[] {
    const c = this.sites;
    return [...c.injects, ...c.decisions, ...c.actions, ...c.rest];
  }

  // A field's path is `[...base, key]`, made only when needed: for each of 100,000 injects'
  // absent `delay:` or `when:`, building its path cost more than reading the field.
  ms(value: string | number | undefined, base: YamlPath, key: PropertyKey): number | undefined {
    if (value === undefined) return undefined;
    const parsed = parseDuration(value);
    if (parsed === undefined) this.problems[this.section].push(this.yaml.problemAt([...base, key], `\`${String(value)}\` is not a duration; write e.g. 90s, 4m or 1h30m`));
    return parsed ?? 0;
  }

  condition(source: string | undefined, base: YamlPath, key: PropertyKey): Expr | undefined {
    if (source === undefined) return undefined;
    const path = [...base, key];
    const parsed = parseExpr(source);
    if (!parsed.ok) {
      this.problems[this.section].push(this.yaml.problemAt(path, parsed.message, { offset: parsed.offset }));
      return undefined;
    }
    this.sites[this.section].push({ path, expr: deepFreeze(parsed.expr) });
    return parsed.expr;
  }

  inject(spec: ScenarioFile['injects'][number], i: number): Inject {
    this.section = 'injects';
    const path = ['injects', i];
    const { id, channel, from, title, text, hint, facilitator, audience } = spec;
    const startsIncident = spec.starts_incident;
    const trigger = this.trigger(spec, path);
    const repeat = this.repeat(spec, path);
    const inject = compact({ id, channel, from, title, text, hint, facilitator, audience, startsIncident, trigger, repeat, ...this.consequence(spec, path) });
    this.section = 'rest';
    return inject;
  }

  decision(spec: ScenarioFile['decisions'][number], i: number): Decision {
    this.section = 'decisions';
    const path = ['decisions', i];
    const decision = compact({
      id: spec.id,
      prompt: spec.prompt,
      trigger: this.trigger(spec, path),
      options: Object.freeze(
        spec.options.map((o, j) => {
          const optionPath = [...path, 'options', j];
          return compact({ id: o.id, label: o.label, takesMs: this.ms(o.takes, optionPath, 'takes'), ...this.consequence(o, optionPath) });
        }),
      ),
      timeoutMs: this.ms(spec.timeout, path, 'timeout'),
      default: spec.default,
      hint: spec.hint,
      facilitator: spec.facilitator,
      role: spec.role,
    });
    this.section = 'rest';
    return decision;
  }

  action(spec: ScenarioFile['actions'][number], i: number): Action {
    this.section = 'actions';
    const path = ['actions', i];
    const action = compact({
      id: spec.id,
      label: spec.label,
      available: this.condition(spec.available, path, 'available'),
      takesMs: this.ms(spec.takes, path, 'takes') ?? 0,
      once: spec.once ?? false,
      ...this.consequence(spec, path),
    });
    this.section = 'rest';
    return action;
  }

  lookup(spec: ScenarioFile['lookups'][number], i: number): Lookup {
    const path = ['lookups', i];
    const { id, label, channel, from, audience, text } = spec;
    return compact({
      id,
      label,
      channel,
      from,
      audience,
      when: this.condition(spec.when, path, 'when'),
      takesMs: this.ms(spec.takes, path, 'takes') ?? 0,
      text,
      reveals: Object.freeze(
        (spec.reveals ?? []).map((r, k) =>
          typeof r === 'string' ? Object.freeze({ factor: r }) : compact({ factor: r.factor, when: this.condition(r.when, [...path, 'reveals', k], 'when') }),
        ),
      ),
    });
  }

  // Each object is built without its undefined fields and frozen as it is made: one pass, and
  // plain fast-mode objects (a copying pass with defineProperty made dictionary-mode ones, several
  // times larger, which a 100,000-inject scenario kept alive for the whole drill).
  private trigger(spec: ScenarioFile['injects'][number] | ScenarioFile['decisions'][number], path: YamlPath): Trigger {
    return compact({
      atMs: this.ms(spec.at, path, 'at'),
      after: spec.after,
      delayMs: this.ms(spec.delay, path, 'delay') ?? 0,
      when: this.condition(spec.when, path, 'when'),
      chance: spec.chance,
    });
  }

  /** `every` with its `times` and `until`; `times` or `until` alone are reported by the checks, and mean nothing here. */
  private repeat(spec: ScenarioFile['injects'][number], path: YamlPath): Repeat | undefined {
    const everyMs = this.ms(spec.every, path, 'every');
    const until = this.condition(spec.until, path, 'until');
    if (everyMs === undefined) return undefined;
    return compact({ everyMs, times: spec.times, until });
  }

  private consequence(spec: ConsequenceSpec, path: YamlPath): Consequence {
    return {
      effects: spec.effects === undefined || spec.effects.length === 0 ? NONE : Object.freeze(spec.effects.map((effect, i): Effect => {
        // Most effects have no `if:`; only those pay for a path and a field.
        const onlyIf = effect.if === undefined ? undefined : this.condition(effect.if, [...path, 'effects', i], 'if');
        const when = onlyIf === undefined ? {} : { onlyIf };
        if ('set' in effect) return Object.freeze({ kind: 'set', variable: effect.set, to: effect.to, ...when });
        if ('add' in effect) return Object.freeze({ kind: 'add', variable: effect.add, by: effect.by, ...when });
        return Object.freeze({ kind: 'ramp', variable: effect.ramp, to: effect.to, overMs: this.ms(effect.over, [...path, 'effects', i], 'over') ?? 0, ...when });
      })),
      fire: frozenList(spec.fire),
      cancel: frozenList(spec.cancel),
      open: frozenList(spec.open),
      milestone: spec.milestone,
    };
  }
}

type ConsequenceSpec = Pick<ScenarioFile['injects'][number], 'effects' | 'fire' | 'cancel' | 'open' | 'milestone'>;

/** Shared by every consequence with nothing in a list: 100,000 injects need not own 300,000 empty arrays. */
const NONE: readonly never[] = Object.freeze([]);

function frozenList(list: readonly string[] | undefined): readonly string[] {
  return list === undefined || list.length === 0 ? NONE : Object.freeze(list);
}

/**
 * A frozen copy of `value` without its `undefined` fields (their order kept), so that snapshots
 * and serialised scenarios never show `"x": undefined` and `'x' in obj` means what it says. Its
 * keys are drill's own field names and milestone names, never `__proto__`.
 */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = value[key];
    if (v !== undefined) out[key] = v;
  }
  return Object.freeze(out) as T;
}

/** Freezes plain objects and arrays all the way down (maps stay as built; their types are readonly). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || value instanceof Map) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}
