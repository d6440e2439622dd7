import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createActor } from 'xstate';
import { loadScenarioText, type Scenario } from '../../src/scenario/index.js';
import { drillMachine } from '../../src/engine/machine.js';
import type { DrillRecord } from '../../src/engine/records.js';

/** Loads a scenario fixture under test/fixtures, failing the test with its problems if it is invalid. */
export function fixture(name: string): Scenario {
  const path = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  const loaded = loadScenarioText(readFileSync(path), `test/fixtures/${name}`);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return loaded.scenario;
}

/** A library scenario under scenarios/, by id, failing the test with its problems if it is invalid. */
export function libraryScenario(id: string): Scenario {
  const path = fileURLToPath(new URL(`../../scenarios/${id}.yaml`, import.meta.url));
  const loaded = loadScenarioText(readFileSync(path), `scenarios/${id}.yaml`);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return loaded.scenario;
}

/** k8s-shrink's team of three, as the screen tests play it. */
export const K8S_TEAM = [
  { name: 'Priya', role: 'incident-commander' },
  { name: 'Sam', role: 'ops' },
  { name: 'Lee', role: 'comms' },
] as const;

/** A started drill actor on a scenario, with a fixed seed and wall clock. */
export function drill(scenario: Scenario, seed = 'test') {
  return createActor(drillMachine, { input: { scenario, seed, team: [{ name: 'Alex', role: 'ic' }], mode: 'run', wall: 0 } }).start();
}

/** Records without wall time, for comparing drills driven by different clocks. */
export function outcomes(records: readonly DrillRecord[]): unknown[] {
  return records.map(({ wall: _wall, ...rest }) => rest);
}
