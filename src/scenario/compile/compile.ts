/**
 * Loading a scenario: YAML → schema → compiled `Scenario` → semantic checks. Every problem the
 * file has is reported at once, each at its line and column: a file that fails the schema is
 * still checked for meaning, on what of it can be read (`salvage.ts`). Only a YAML syntax error
 * stops the checks, since then the data cannot be trusted. Only a scenario with no errors is
 * returned, deeply frozen, for the engine and the report.
 */
import { createHash } from 'node:crypto';
import { compact, deepFreeze, ItemCompiler, type ConditionSite } from './items.js';
import { checkScenario, checkUnreadConditions, fileTriggerProblems } from '../checks/checks.js';
import { NOTHING_UNREAD, salvageScenario, type Salvage, type Unread } from '../validate/salvage.js';
import { ListStream, type StreamedScenario } from './stream.js';
import { hasErrors, sortProblems, type Problem } from '../problems.js';
import { scenarioSchema, type ScenarioFile } from '../validate/schema.js';
import { readSourceFile } from '../source/source-text.js';
import { parseYamlFile, validateWith, type YamlFile } from '../source/yaml-source.js';
import type { Action, Decision, Factor, Inject, Scenario } from '../types.js';

export type LoadResult = { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; problems: Problem[] };

export type { ConditionSite } from './items.js';

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
    const stream = new ListStream();
    let read = parseYamlFile(bytes, file, EXPECTED, (yaml) => stream.sinks(yaml));
    if (!read.ok) return { ok: false, problems: sortProblems(read.problems) };
    const root = read.yaml.value;
    if (!('id' in root) && ('team' in root || (typeof root['decisions'] === 'object' && !Array.isArray(root['decisions'])))) {
      // An answers file given where a scenario belongs: one line instead of a dozen unknown keys.
      const message = 'this looks like an answers file (team:, decisions: by id), not a scenario; pass it as `drill run <scenario.yaml> --answers <this file>`';
      return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: 'error' }] };
    }
    const streamed = read.streamed ? stream.finish(read.yaml) : undefined;
    if (streamed !== undefined) return checked(read.warnings, [], compileStreamed(streamed, read.yaml), read.yaml, NOTHING_UNREAD, streamed.triggerProblems);
    // Something failed the schema: the whole file is read again, for the whole-file messages.
    if (read.streamed) read = parseYamlFile(bytes, file, EXPECTED);
    if (!read.ok) return { ok: false, problems: sortProblems(read.problems) };
    const { input, schemaProblems } = validateScenario(read.yaml);
    const compiled = compileScenario(input.file, input.yaml);
    return checked(read.warnings, schemaProblems, compiled, input.yaml, input.unread, fileTriggerProblems(input.file, input.yaml), read.yaml);
  } catch (error) {
    // A bug in drill, not in the file; still one line rather than a stack trace.
    const message = `internal error while checking this file (${String(error)}); please report it`;
    return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: 'error' }] };
  }
}

/** Every problem of a compiled file, sorted; the scenario if none is an error. */
function checked(
  warnings: readonly Problem[],
  schemaProblems: readonly Problem[],
  compiled: ReturnType<typeof compileScenario>,
  yaml: YamlFile,
  unread: Unread,
  triggerProblems: readonly Problem[],
  readYaml: YamlFile = yaml,
): LoadResult {
  const problems = sortProblems([
    ...warnings,
    ...schemaProblems,
    ...compiled.problems,
    ...checkScenario(compiled.scenario, triggerProblems, compiled.conditions, yaml, unread),
    ...checkUnreadConditions(compiled.scenario, unread, readYaml),
  ]);
  if (hasErrors(problems)) return { ok: false, problems };
  return { ok: true, scenario: compiled.scenario, warnings: problems };
}

/** The scenario from its streamed lists, any list that was not streamed compiled here. */
function compileStreamed({ compiler, header, lists, triggerProblems }: StreamedScenario, yaml: YamlFile): ReturnType<typeof compileScenario> {
  const injects = lists.injects ?? Object.freeze(header.injects!.map((spec, i) => compiler.inject(spec, i)));
  const decisions = lists.decisions ?? Object.freeze(header.decisions!.map((spec, i) => compiler.decision(spec, i)));
  const actions = lists.actions ?? Object.freeze(header.actions!.map((spec, i) => compiler.action(spec, i)));
  const whole = { ...header, injects: [], decisions: [], actions: [] } as ScenarioFile;
  if (!lists.injects) whole.injects = header.injects!;
  if (!lists.decisions) whole.decisions = header.decisions!;
  triggerProblems.push(...fileTriggerProblems(whole, yaml));
  return finishScenario(header, { injects, decisions, actions }, compiler, yaml);
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
  const compiler = new ItemCompiler(yaml);
  const lists = {
    injects: Object.freeze(file.injects.map((spec, i) => compiler.inject(spec, i))),
    decisions: Object.freeze(file.decisions.map((spec, i) => compiler.decision(spec, i))),
    actions: Object.freeze(file.actions.map((spec, i) => compiler.action(spec, i))),
  };
  return finishScenario(file, lists, compiler, yaml);
}

/** The compiled lists of a scenario. */
export interface CompiledLists {
  readonly injects: readonly Inject[];
  readonly decisions: readonly Decision[];
  readonly actions: readonly Action[];
}

/** The rest of the file compiled around its already compiled lists. */
export function finishScenario(
  file: Omit<ScenarioFile, 'injects' | 'decisions' | 'actions'>,
  { injects, decisions, actions }: CompiledLists,
  compiler: ItemCompiler,
  yaml: YamlFile,
): { scenario: Scenario; conditions: ConditionSite[]; problems: Problem[] } {
  const ms = compiler.ms.bind(compiler);
  const condition = compiler.condition.bind(compiler);
  ms(file.duration, [], 'duration');
  const milestones: Scenario['milestones'] = compact(
    Object.fromEntries(Object.entries(file.milestones ?? {}).map(([name, source]) => [name, condition(source, ['milestones'], name)])),
  );
  // The lists stay out of `file`: the compiled ones above are what the drill reads, and keeping
  // the zod copy of 100,000 injects alive for the whole drill cost tens of megabytes.
  const { injects: _i, decisions: _d, actions: _a, ...header } = file as ScenarioFile;
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
    factors: file.debrief.factors.map((f, i) => {
      const path = ['debrief', 'factors', i];
      const branches = (f.branches ?? []).map((b, j) => ({ when: condition(b.when, [...path, 'branches', j], 'when'), text: b.text }));
      const { when: _when, branches: _branches, ...spec } = f;
      return compact({
        ...spec,
        when: condition(f.when, path, 'when'),
        // A branch whose condition does not parse is reported, and left out here.
        branches: branches.filter((b): b is Factor['branches'][number] => b.when !== undefined),
      });
    }),
    questions: file.debrief.questions.map((q, i) =>
      typeof q === 'string' ? { text: q } : compact({ text: q.text, when: condition(q.when, ['debrief', 'questions', i], 'when') }),
    ),
  };
  return { scenario: deepFreeze(scenario), conditions: compiler.allConditions(), problems: compiler.allProblems() };
}

/** Indexes by id; with duplicate ids (an error reported by the checks) the first one wins. */
function firstById<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}
