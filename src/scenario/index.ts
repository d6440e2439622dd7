/**
 * The scenario format, from a file's bytes to the engine's `Scenario`: what the rest of drill
 * imports. `load.ts` walks the stages in order (source → validate → compile → checks).
 */
export { loadScenarioFile, loadScenarioText, type LoadResult } from './load.js';
export { formatProblem, sortProblems, suggestion, type Problem } from './problems.js';
export { durationSchema, MILESTONES, scenarioJsonSchema, scenarioSchema } from './validate/schema.js';
export type { Channel, ScenarioFile, VariableSpec } from './validate/schema.js';
export { validateWith } from './validate/index.js';
export { MAX_SCENARIO_BYTES } from './source/index.js';
export type * from './types.js';
