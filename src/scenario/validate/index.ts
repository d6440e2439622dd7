/**
 * The validate stage: the file's value checked against the scenario schema, each problem at its
 * line and column (`zod-problems.ts`). A file that fails is not given up on: what of it can be
 * read is kept (`salvage.ts`), so that the later stages still find every other mistake at once.
 */
import { NOTHING_UNREAD, salvageScenario, type Salvage } from './salvage.js';
import { scenarioSchema, type ScenarioFile } from './schema.js';
import { validateWith } from './zod-problems.js';
import type { Problem } from '../problems.js';
import type { YamlFile } from '../source/index.js';

export { NOTHING_UNREAD, type Salvage, type Unread } from './salvage.js';
export { validateWith } from './zod-problems.js';

/** The file checked against the schema: all of it, or what can be read of it and why not the rest. */
export function validateScenario(yaml: YamlFile): { input: Salvage; schemaProblems: Problem[] } {
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
