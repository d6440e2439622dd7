/**
 * The validate stage: the file's value checked against the scenario schema, each problem at its
 * line and column (`zod-problems.ts`). Injects, decisions and actions are checked one at a time,
 * so that zod's copy of each is garbage at once rather than a copy of the whole file. A file that
 * fails is not given up on: what of it can be read is kept (`salvage.ts`), so that the later
 * stages still find every other mistake at once.
 */
import { z } from 'zod';
import { salvageScenario, NOTHING_UNREAD, type Salvage } from './salvage.js';
import { actionSchema, decisionSchema, injectSchema, scenarioSchema, type ScenarioFile } from './schema.js';
import { describeIssues, parseOptions, validateWith } from './zod-problems.js';
import type { Problem } from '../problems.js';
import type { YamlFile, YamlPath } from '../source/index.js';

export { validateWith } from './zod-problems.js';

const ITEM_SCHEMAS = { injects: injectSchema, decisions: decisionSchema, actions: actionSchema } as const;
type ListKey = keyof typeof ITEM_SCHEMAS;

/** The scenario schema with its three lists checked as lists only; their items are checked one by one. */
const headerSchema = scenarioSchema.extend({
  injects: z.array(z.unknown()).min(1),
  decisions: z.array(z.unknown()).default([]),
  actions: z.array(z.unknown()).default([]),
});

/** Past this many items of one list that fail the schema, the rest are only counted. */
export const MAX_DESCRIBED_ITEMS = 1000;

/**
 * The file checked against the schema: all of it, or what can be read of it and why not the rest.
 * `input` is missing when a list had more than `MAX_DESCRIBED_ITEMS` items that fail: a generated
 * file with a mistake in each of 100,000 is described up to there, the rest counted in one line,
 * and its meaning is not checked, since nobody reads that far into the problems.
 */
export function validateScenario(yaml: YamlFile): { input?: Salvage; schemaProblems: Problem[] } {
  const header = validateWith(headerSchema, yaml);
  const problems: Problem[] = header.ok ? [] : [...header.problems];
  const failed: YamlPath[] = header.ok ? [] : [...header.failed];
  const root = yaml.value;
  const options = parseOptions(yaml);
  let complete = true;
  for (const key of Object.keys(ITEM_SCHEMAS) as ListKey[]) {
    const list = root[key];
    if (!Array.isArray(list)) continue;
    const schema = ITEM_SCHEMAS[key];
    let failing = 0;
    for (let i = 0; i < list.length; i++) {
      const result = schema.safeParse(list[i], options);
      if (result.success || ++failing > MAX_DESCRIBED_ITEMS) continue;
      const base = [key, i];
      problems.push(...describeIssues(result.error.issues, base, schema, yaml));
      failed.push(base);
    }
    if (failing > MAX_DESCRIBED_ITEMS) {
      complete = false;
      const message = `${failing} of the ${list.length} items here fail the schema; the first ${MAX_DESCRIBED_ITEMS} are described, and the scenario's meaning (ids, conditions, what can happen) is checked once these are fixed`;
      problems.push(yaml.problemAt([key], message, { part: 'key' }));
    }
  }
  if (!complete) return { schemaProblems: problems };
  if (!header.ok || problems.length > 0) return { input: salvageScenario(yaml, failed), schemaProblems: problems };
  // The lists are the YAML value's own: zod's copies are equal (no field of an inject, decision
  // or action has a default or a transform), and are then garbage at once instead of living
  // through compile and checks.
  const list = <K extends ListKey>(key: K): ScenarioFile[K] => (Object.hasOwn(root, key) ? (root[key] as ScenarioFile[K]) : []);
  const file: ScenarioFile = { ...header.data, injects: list('injects'), decisions: list('decisions'), actions: list('actions') };
  return { input: { file, yaml, unread: NOTHING_UNREAD }, schemaProblems: [] };
}
