/**
 * Writes the drill's report files next to its journal. (Placeholder until the report module
 * lands: writes nothing and says so by returning no paths.)
 */
import type { Scenario } from '../scenario/types.js';
import type { DrillRecord } from '../engine/records.js';

export function writeReports(_dir: string, _scenario: Scenario, _records: readonly DrillRecord[]): string[] {
  return [];
}
