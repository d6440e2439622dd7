/**
 * What can be read of a scenario that fails its schema, so that the semantic checks still run
 * and a file's mistakes are all reported at once rather than one stage at a time. Each inject,
 * decision, action, role, variable and factor is validated on its own: what passes is kept, what
 * fails is dropped, and required fields that fail get neutral placeholders. The result is for
 * checking only, never for running. What was dropped is remembered in `Unread`, so that the
 * checks neither call a dropped item unknown nor blame the rest of the file for what a dropped
 * item might have done.
 */
import type { z } from 'zod';
import {
  actionSchema,
  conditionSchema,
  decisionSchema,
  endSchema,
  factorSchema,
  questionSchema,
  impactSchema,
  lookupSchema,
  injectSchema,
  milestoneSchema,
  roleSchema,
  scenarioSchema,
  variableNameSchema,
  variableSchema,
  type ScenarioFile,
} from './schema.js';
import type { YamlFile, YamlPath } from '../source/index.js';

/** The kinds of named things that other parts of a scenario refer to. */
export type NameKind = 'inject' | 'decision' | 'action' | 'role' | 'variable';

/** What the schema kept from the checks. Empty (`NOTHING_UNREAD`) for a file that passed it. */
export interface Unread {
  /** True when the file failed its schema, so the scenario is only what could be read of it. */
  readonly partial: boolean;
  /** Ids of dropped items and names of dropped variables, by kind: they exist, with unknown content. */
  readonly ids: Readonly<Record<NameKind, ReadonlySet<string>>>;
  /** Kinds whose whole list could not be read (missing, or not a list): any name of them may exist. */
  readonly whole: ReadonlySet<NameKind>;
  /** Every key and string written in dropped injects, decisions and actions that could be a name: what they might fire, open or change. */
  readonly mentioned: ReadonlySet<string>;
  /** Dropped variables whose `initial` could still be read, so conditions can still be type-checked. */
  readonly variableTypes: ReadonlyMap<string, 'number' | 'boolean'>;
  /** The conditions (`when:`, `available:`, milestones) of dropped parts, at their place in the file. */
  readonly conditions: readonly { readonly path: YamlPath; readonly source: string }[];
}

export const NOTHING_UNREAD: Unread = {
  partial: false,
  ids: { inject: new Set(), decision: new Set(), action: new Set(), role: new Set(), variable: new Set() },
  whole: new Set(),
  mentioned: new Set(),
  variableTypes: new Map(),
  conditions: [],
};

/** True when `id` names a dropped item of `kind`, or the whole list of that kind was unreadable. */
export function unreadName(unread: Unread, kind: NameKind, id: string): boolean {
  return unread.whole.has(kind) || unread.ids[kind].has(id);
}

/** A scenario file rebuilt from its valid parts, with a view of the YAML whose paths match it. */
export interface Salvage {
  readonly file: ScenarioFile;
  /** Like the parsed file, but list indexes in paths are those of `file`'s (shorter) lists. */
  readonly yaml: YamlFile;
  readonly unread: Unread;
}

/** The lists whose items have no defaults or transforms: an item zod found nothing wrong with is kept as written. */
const PLAIN_ITEM_LISTS = ['injects', 'decisions', 'actions'];

/**
 * Rebuilds what can be read of a file that failed `scenarioSchema`. `failed` is the path of each
 * issue the schema found: an inject, decision or action with none is kept as it is, without
 * being validated again (a generated file may have a problem in each of 100,000). Never throws
 * on any input.
 */
export function salvageScenario(yaml: YamlFile, failed?: readonly YamlPath[]): Salvage {
  const raw = yaml.value;
  const failedItems = new Map<string, Set<number>>(PLAIN_ITEM_LISTS.map((key) => [key, new Set()]));
  for (const [key, index] of failed ?? []) {
    if (typeof key === 'string' && typeof index === 'number') failedItems.get(key)?.add(index);
  }
  const known = failed !== undefined;
  const unread = {
    ids: { inject: new Set<string>(), decision: new Set<string>(), action: new Set<string>(), role: new Set<string>(), variable: new Set<string>() },
    whole: new Set<NameKind>(),
    mentioned: new Set<string>(),
    variableTypes: new Map<string, 'number' | 'boolean'>(),
    conditions: [] as { path: YamlPath; source: string }[],
  };
  // Original index of each kept item, per list, for mapping paths back to the file.
  const kept = new Map<string, number[]>();

  const list = <T>(key: string, schema: z.ZodType<T>, value: unknown, kind?: NameKind): T[] => {
    const indexes: number[] = [];
    kept.set(key, indexes);
    if (!Array.isArray(value)) {
      // Absent optional lists are simply empty; a missing or mangled required one is unknown.
      if (kind && !(value === undefined && (kind === 'decision' || kind === 'action'))) unread.whole.add(kind);
      return [];
    }
    const items: T[] = [];
    const failedHere = known ? failedItems.get(key) : undefined;
    value.forEach((item: unknown, i) => {
      if (failedHere !== undefined && !failedHere.has(i)) {
        items.push(item as T);
        indexes.push(i);
        return;
      }
      const parsed = failedHere === undefined ? schema.safeParse(item) : undefined;
      if (parsed?.success) {
        items.push(parsed.data);
        indexes.push(i);
        return;
      }
      if (!kind) return;
      // `roles: [ic, ops]`: a bare name where a mapping belongs plainly means that id.
      const id = isPlainObject(item) ? item['id'] : item;
      if (typeof id === 'string' || typeof id === 'number') unread.ids[kind].add(String(id));
      if (kind === 'role' || !isPlainObject(item)) return;
      collectStrings(item, unread.mentioned);
      for (const field of kind === 'action' ? ['available'] : kind === 'inject' ? ['when', 'until'] : ['when']) {
        const source = item[field];
        if (typeof source === 'string' && source.trim() !== '') unread.conditions.push({ path: [key, i, field], source });
      }
    });
    return items;
  };

  const world = (value: unknown): ScenarioFile['world'] => {
    const out: ScenarioFile['world'] = {};
    if (!isPlainObject(value)) {
      unread.whole.add('variable');
      return out;
    }
    for (const [name, spec] of Object.entries(value)) {
      const parsed = variableSchema.safeParse(spec);
      if (parsed.success && variableNameSchema.safeParse(name).success) {
        Object.defineProperty(out, name, { value: parsed.data, enumerable: true, writable: true, configurable: true });
        continue;
      }
      unread.ids.variable.add(name);
      const initial = isPlainObject(spec) ? spec['initial'] : undefined;
      if (typeof initial === 'number' || typeof initial === 'boolean') unread.variableTypes.set(name, typeof initial === 'number' ? 'number' : 'boolean');
    }
    return out;
  };

  const milestones = (value: unknown): ScenarioFile['milestones'] => {
    if (!isPlainObject(value)) return undefined;
    const out: NonNullable<ScenarioFile['milestones']> = {};
    for (const [name, source] of Object.entries(value)) {
      const milestone = milestoneSchema.safeParse(name);
      const condition = conditionSchema.safeParse(source);
      if (milestone.success && condition.success) out[milestone.data] = condition.data;
      else if (condition.success) unread.conditions.push({ path: ['milestones', name], source: condition.data });
    }
    return out;
  };

  const top = scenarioSchema.shape;
  const end = section(endSchema, raw['end']);
  const debrief = isPlainObject(raw['debrief']) ? raw['debrief'] : {};
  const factors = list('debrief.factors', factorSchema, debrief['factors'] ?? []);
  const questions = list('debrief.questions', questionSchema, debrief['questions'] ?? []);
  const file: ScenarioFile = {
    $schema: pick(top.$schema, raw['$schema'], undefined),
    id: pick(top.id, raw['id'], 'scenario'),
    title: pick(top.title, raw['title'], ''),
    summary: pick(top.summary, raw['summary'], ''),
    version: pick(top.version, raw['version'], 0),
    duration: pick(top.duration, raw['duration'], 0),
    difficulty: pick(top.difficulty, raw['difficulty'], 'easy'),
    roles: list('roles', roleSchema, raw['roles'], 'role'),
    briefing: pick(top.briefing, raw['briefing'], ''),
    world: world(raw['world']),
    injects: list('injects', injectSchema, raw['injects'], 'inject'),
    decisions: list('decisions', decisionSchema, raw['decisions'], 'decision'),
    actions: list('actions', actionSchema, raw['actions'], 'action'),
    lookups: list('lookups', lookupSchema, raw['lookups'] ?? []),
    milestones: milestones(raw['milestones']),
    impact: raw['impact'] === undefined ? undefined : section(impactSchema, raw['impact']),
    // A placeholder limit of 0 is "no limit" to the checks that compare against it.
    end: { ...end, limit: end.limit ?? 0 },
    debrief: { factors, questions },
  };
  return { file, yaml: withKeptIndexes(yaml, kept), unread: { partial: true, ...unread } };
}

/** The parsed value, or `placeholder` if it does not pass. */
function pick<T>(schema: z.ZodType<T>, value: unknown, placeholder: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : placeholder;
}

/** Each field of a mapping that passes on its own; the others left out. */
function section<S extends z.ZodObject>(schema: S, value: unknown): Partial<z.infer<S>> {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  const out: Record<string, unknown> = {};
  if (isPlainObject(value)) {
    for (const [key, field] of Object.entries(schema.shape)) {
      const parsed = (field as z.ZodType).safeParse(value[key]);
      if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
    }
  }
  return out as Partial<z.infer<S>>;
}

/**
 * A view of `yaml` for the salvaged file: the checks say `['injects', 1]` for the second kept
 * inject, which may be the fourth in the file.
 */
function withKeptIndexes(yaml: YamlFile, kept: ReadonlyMap<string, readonly number[]>): YamlFile {
  const remap = (path: YamlPath): YamlPath => {
    const [first, second, third] = path;
    if (first === 'debrief' && (second === 'factors' || second === 'questions') && typeof third === 'number') {
      return [first, second, kept.get(`debrief.${second}`)?.[third] ?? third, ...path.slice(3)];
    }
    const indexes = typeof first === 'string' && typeof second === 'number' ? kept.get(first) : undefined;
    return indexes ? [first!, indexes[second as number] ?? second!, ...path.slice(2)] : path;
  };
  return {
    ...yaml,
    positionOf: (path, part) => yaml.positionOf(remap(path), part),
    positionInScalar: (path, offset) => yaml.positionInScalar(remap(path), offset),
    problemAt: (path, message, options) => yaml.problemAt(remap(path), message, options),
  };
}

/** What an id or a variable name may look like: only such strings can name what a dropped part does. */
const NAME_LIKE = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

/** Every mapping key and string anywhere inside `value` that could be an id or a variable name. */
function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (NAME_LIKE.test(value)) into.add(value);
  }
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, into);
  else if (isPlainObject(value)) {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (NAME_LIKE.test(key)) into.add(key);
      collectStrings(value[key], into);
    }
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
