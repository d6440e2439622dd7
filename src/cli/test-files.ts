/**
 * Which answers files `drill test` runs, against which scenario. An answers file plays the
 * scenario its name starts with: `<scenario-id>.yaml` or `<scenario-id>.<branch>.yaml`, unless it
 * names one with `scenario: <path>` (relative to the answers file). A scenario's answers files are
 * those in `answers/` next to it, and those among the paths given. With no paths, `drill test`
 * looks in `scenarios/` and `test/answers/` of the current folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { resolveScenarioArg } from './scenario-arg.js';

/** Folders searched when `drill test` is given no paths. */
export const DEFAULT_TEST_PATHS = ['scenarios', join('test', 'answers')];

/** One answers file to run, with the scenario it plays (or why none was found). */
export type TestCase = { readonly answers: string; readonly scenario: string } | { readonly answers: string; readonly problem: string };

export interface TestPlan {
  readonly cases: TestCase[];
  /** Scenario files that no answers file plays. */
  readonly untested: string[];
}

const YAML_FILE = /\.ya?ml$/;
/** A scenario file has these at its top level; an answers file has neither. */
const SCENARIO_KEYS = /^(injects|title):/m;

/** Every YAML file under `dir`, sorted, skipping hidden folders and node_modules. */
function yamlFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...yamlFilesUnder(path));
    else if (entry.isFile() && YAML_FILE.test(entry.name)) found.push(path);
  }
  return found;
}

function looksLikeScenario(file: string): boolean {
  try {
    return SCENARIO_KEYS.test(readFileSync(file, 'utf8').slice(0, 65536));
  } catch {
    return false;
  }
}

/** The scenario id an answers file's name starts with. */
function idFromName(file: string): string {
  return basename(file).replace(YAML_FILE, '').split('.')[0] ?? '';
}

/** The `scenario:` line of an answers file, if it has one (a plain top-level scalar). */
function namedScenario(file: string): string | undefined {
  try {
    const match = /^scenario:[ \t]*["']?([^"'#\r\n]+?)["']?[ \t]*(?:#.*)?$/m.exec(readFileSync(file, 'utf8'));
    return match?.[1];
  } catch {
    return undefined;
  }
}

/** The test plan for `paths` (files or folders, all existing); `scenarioId` reads a scenario file's id. */
export function planTests(paths: readonly string[], scenarioId: (file: string) => string | undefined): TestPlan {
  const scenarios: string[] = [];
  const answers: string[] = [];
  const add = (list: string[], file: string) => {
    if (!list.some((f) => resolve(f) === resolve(file))) list.push(file);
  };
  for (const path of paths) {
    const files = statSync(path).isDirectory() ? yamlFilesUnder(path) : [path];
    for (const file of files) add(looksLikeScenario(file) ? scenarios : answers, file);
  }
  const byId = new Map<string, string>();
  for (const file of scenarios) {
    const id = scenarioId(file);
    if (id !== undefined && !byId.has(id)) byId.set(id, file);
    const nextTo = join(dirname(file), 'answers');
    if (id !== undefined && existsSync(nextTo) && statSync(nextTo).isDirectory()) {
      for (const a of yamlFilesUnder(nextTo)) if (idFromName(a) === id) add(answers, a);
    }
  }
  const played = new Set<string>();
  const cases = answers.map((file): TestCase => {
    const named = namedScenario(file);
    if (named !== undefined) {
      const scenario = isAbsolute(named) ? named : join(dirname(file), named);
      if (!existsSync(scenario)) return { answers: file, problem: `its \`scenario: ${named}\` names no file (looked for ${scenario})` };
      played.add(resolve(scenario));
      return { answers: file, scenario };
    }
    const id = idFromName(file);
    const scenario = byId.get(id) ?? found(id);
    if (scenario === undefined) {
      const fix = 'name it <scenario-id>.<branch>.yaml after the scenario it plays, or add `scenario: <path to the scenario>`';
      return { answers: file, problem: `no scenario with id \`${id}\` among the paths, in scenarios/ or built in; ${fix}` };
    }
    played.add(resolve(scenario));
    return { answers: file, scenario };
  });
  return { cases, untested: scenarios.filter((s) => !played.has(resolve(s))) };
}

/** A scenario by id, as `drill run <id>` would find it. */
function found(id: string): string | undefined {
  if (id === '') return undefined;
  const arg = resolveScenarioArg(id);
  return arg.ok ? arg.file : undefined;
}
