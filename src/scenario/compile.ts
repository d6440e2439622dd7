/**
 * Loading a scenario: YAML → schema → compiled `Scenario` → semantic checks. Every problem the
 * file has is reported at once, each at its line and column: a file that fails the schema is
 * still checked for meaning, on what of it can be read (`salvage.ts`). Only a YAML syntax error
 * stops the checks, since then the data cannot be trusted. Only a scenario with no errors is
 * returned, deeply frozen, for the engine and the report.
 */
import { createHash } from 'node:crypto';
import { parseDuration } from './duration.js';
import { parseExpr, type Expr } from './expr.js';
import { checkScenario, checkUnreadConditions } from './checks.js';
import { NOTHING_UNREAD, salvageScenario, type Salvage } from './salvage.js';
import { hasErrors, sortProblems, type Problem } from './problems.js';
import { scenarioSchema, type ScenarioFile } from './schema.js';
import { readSourceFile } from './source-text.js';
import { parseYamlFile, validateWith, type YamlFile, type YamlPath } from './yaml-source.js';
import type { Action, Consequence, Decision, Effect, Inject, Scenario, Trigger } from './types.js';

export type LoadResult = { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** A condition as written and as parsed, with where it was written, for the checks. */
export interface ConditionSite {
  readonly path: YamlPath;
  readonly expr: Expr;
}

const EXPECTED = 'a scenario: a mapping with id:, title:, injects: and so on';

/** Reads and checks a scenario file. Never throws: an unreadable file is a problem like any other. */
export function loadScenarioFile(file: string): LoadResult {
  // Refuses folders, devices (/dev/zero never ends), named pipes and oversized files unread.
  const read = readSourceFile(file, 'a scenario .yaml file');
  if (!read.ok) return { ok: false, problems: [{ file, ...read.problem, severity: 'error' }] };
  return loadScenarioText(read.bytes, file);
}

/** Checks scenario text (or the file's bytes, which are hashed as they are). Never throws. */
export function loadScenarioText(bytes: Uint8Array | string, file: string): LoadResult {
  try {
    const read = parseYamlFile(bytes, file, EXPECTED);
    if (!read.ok) return { ok: false, problems: sortProblems(read.problems) };
    const root = read.yaml.value;
    if (!('id' in root) && ('team' in root || (typeof root['decisions'] === 'object' && !Array.isArray(root['decisions'])))) {
      // An answers file given where a scenario belongs: one line instead of a dozen unknown keys.
      const message = 'this looks like an answers file (team:, decisions: by id), not a scenario; pass it as `drill run <scenario.yaml> --answers <this file>`';
      return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: 'error' }] };
    }
    const { input, schemaProblems } = validateScenario(read.yaml);
    const compiled = compileScenario(input.file, input.yaml);
    const problems = sortProblems([
      ...read.warnings,
      ...schemaProblems,
      ...compiled.problems,
      ...checkScenario(compiled.scenario, input.file, compiled.conditions, input.yaml, input.unread),
      ...checkUnreadConditions(compiled.scenario, input.unread, read.yaml),
    ]);
    if (hasErrors(problems)) return { ok: false, problems };
    return { ok: true, scenario: compiled.scenario, warnings: problems };
  } catch (error) {
    // A bug in drill, not in the file; still one line rather than a stack trace.
    const message = `internal error while checking this file (${String(error)}); please report it`;
    return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: 'error' }] };
  }
}

/** The file checked against the schema: all of it, or what can be read of it and why not the rest. */
function validateScenario(yaml: YamlFile): { input: Salvage; schemaProblems: Problem[] } {
  const valid = validateWith(scenarioSchema, yaml);
  if (!valid.ok) return { input: salvageScenario(yaml), schemaProblems: valid.problems };
  // The lists are taken from the YAML value rather than zod's copy of it: they are equal (no
  // field of an inject, decision or action has a default or a transform), and zod's copy of a
  // big file's lists is then garbage at once instead of living through compile and checks.
  const root = yaml.value;
  const list = <K extends 'injects' | 'decisions' | 'actions'>(key: K): ScenarioFile[K] =>
    Object.hasOwn(root, key) ? (root[key] as ScenarioFile[K]) : valid.data[key];
  const file = { ...valid.data, injects: list('injects'), decisions: list('decisions'), actions: list('actions') };
  return { input: { file, yaml, unread: NOTHING_UNREAD }, schemaProblems: [] };
}

/**
 * Turns validated file data into the engine's `Scenario`: durations in ms, conditions parsed.
 * A duration or condition that does not parse becomes a problem (and a harmless placeholder),
 * so that the semantic checks still run over everything else.
 */
export function compileScenario(
  file: ScenarioFile,
  yaml: YamlFile,
): { scenario: Scenario; conditions: ConditionSite[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const conditions: ConditionSite[] = [];

  // A field's path is `[...base, key]`, made only when needed: for each of 100,000 injects'
  // absent `delay:` or `when:`, building its path cost more than reading the field.
  const ms = (value: string | number | undefined, base: YamlPath, key: PropertyKey): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = parseDuration(value);
    if (parsed === undefined) problems.push(yaml.problemAt([...base, key], `\`${String(value)}\` is not a duration; write e.g. 90s, 4m or 1h30m`));
    return parsed ?? 0;
  };
  const condition = (source: string | undefined, base: YamlPath, key: PropertyKey): Expr | undefined => {
    if (source === undefined) return undefined;
    const path = [...base, key];
    const parsed = parseExpr(source);
    if (!parsed.ok) {
      problems.push(yaml.problemAt(path, parsed.message, { offset: parsed.offset }));
      return undefined;
    }
    conditions.push({ path, expr: deepFreeze(parsed.expr) });
    return parsed.expr;
  };
  // Each object is built without its undefined fields and frozen as it is made: one pass, and
  // plain fast-mode objects (a copying pass with defineProperty made dictionary-mode ones, several
  // times larger, which a 100,000-inject scenario kept alive for the whole drill).
  const trigger = (spec: ScenarioFile['injects'][number] | ScenarioFile['decisions'][number], path: YamlPath): Trigger =>
    compact({
      atMs: ms(spec.at, path, 'at'),
      after: spec.after,
      delayMs: ms(spec.delay, path, 'delay') ?? 0,
      when: condition(spec.when, path, 'when'),
      chance: spec.chance,
    });
  const consequence = (spec: ConsequenceSpec, path: YamlPath): Consequence => ({
    effects: spec.effects === undefined || spec.effects.length === 0 ? NONE : Object.freeze(spec.effects.map((effect, i): Effect => {
      if ('set' in effect) return Object.freeze({ kind: 'set', variable: effect.set, to: effect.to });
      if ('add' in effect) return Object.freeze({ kind: 'add', variable: effect.add, by: effect.by });
      return Object.freeze({ kind: 'ramp', variable: effect.ramp, to: effect.to, overMs: ms(effect.over, [...path, 'effects', i], 'over') ?? 0 });
    })),
    fire: frozenList(spec.fire),
    cancel: frozenList(spec.cancel),
    open: frozenList(spec.open),
    milestone: spec.milestone,
  });

  const injects = Object.freeze(file.injects.map((spec, i): Inject => {
    const path = ['injects', i];
    const { id, channel, from, title, text, hint, audience } = spec;
    return compact({ id, channel, from, title, text, hint, audience, trigger: trigger(spec, path), ...consequence(spec, path) });
  }));
  const decisions = Object.freeze(file.decisions.map((spec, i): Decision => {
    const path = ['decisions', i];
    return compact({
      id: spec.id,
      prompt: spec.prompt,
      trigger: trigger(spec, path),
      options: Object.freeze(spec.options.map((o, j) => compact({ id: o.id, label: o.label, ...consequence(o, [...path, 'options', j]) }))),
      timeoutMs: ms(spec.timeout, path, 'timeout'),
      default: spec.default,
      hint: spec.hint,
      role: spec.role,
    });
  }));
  const actions = Object.freeze(file.actions.map((spec, i): Action => {
    const path = ['actions', i];
    return compact({
      id: spec.id,
      label: spec.label,
      available: condition(spec.available, path, 'available'),
      takesMs: ms(spec.takes, path, 'takes') ?? 0,
      once: spec.once ?? false,
      ...consequence(spec, path),
    });
  }));
  ms(file.duration, [], 'duration');
  const milestones: Scenario['milestones'] = compact(
    Object.fromEntries(Object.entries(file.milestones ?? {}).map(([name, source]) => [name, condition(source, ['milestones'], name)])),
  );
  // The lists stay out of `file`: the compiled ones above are what the drill reads, and keeping
  // the zod copy of 100,000 injects alive for the whole drill cost tens of megabytes.
  const { injects: _i, decisions: _d, actions: _a, ...header } = file;
  const scenario: Scenario = {
    file: header,
    source: { path: yaml.file, hash: createHash('sha256').update(yaml.bytes).digest('hex') },
    id: file.id,
    title: file.title,
    // No prototype: a variable named `constructor` or `toString` must not find Object's.
    world: Object.assign(Object.create(null) as Record<string, never>, file.world),
    injects,
    decisions,
    actions,
    injectById: firstById(injects),
    decisionById: firstById(decisions),
    actionById: firstById(actions),
    milestones,
    impact: compact({
      down: condition(file.impact?.down, ['impact'], 'down'),
      degraded: condition(file.impact?.degraded, ['impact'], 'degraded'),
      users: file.impact?.users,
    }),
    end: compact({ when: condition(file.end.when, ['end'], 'when'), limitMs: ms(file.end.limit, ['end'], 'limit') ?? 0 }),
    factors: file.debrief.factors,
    questions: file.debrief.questions,
  };
  return { scenario: deepFreeze(scenario), conditions, problems };
}

type ConsequenceSpec = Pick<ScenarioFile['injects'][number], 'effects' | 'fire' | 'cancel' | 'open' | 'milestone'>;

/** Indexes by id; with duplicate ids (an error reported by the checks) the first one wins. */
function firstById<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

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
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = value[key];
    if (v !== undefined) out[key] = v;
  }
  return Object.freeze(out) as T;
}

/** Freezes plain objects and arrays all the way down (maps stay as built; their types are readonly). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || value instanceof Map) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}
