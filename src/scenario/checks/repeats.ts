/**
 * Checks of recurring injects (`every:`, `times:`, `until:`): the fields that mean nothing
 * alone, a period too short to play, a series of one, and a series nothing stops but the end.
 */
import { formatDuration, parseDuration } from '../../conditions/index.js';
import type { Problem } from '../problems.js';
import type { ScenarioFile } from '../validate/schema.js';
import type { Scenario } from '../types.js';
import type { YamlFile } from '../source/index.js';
import { forEachConsequence } from './consequences.js';

/** Below this, repeats would flood the feed faster than anyone reads it, and cost a record each. */
const MIN_EVERY_MS = 1000;

type RepeatSpec = Pick<ScenarioFile['injects'][number], 'every' | 'times' | 'until'>;

/** What an inject's `every`, `times` and `until` say wrong by themselves, read from the file as written. */
export function repeatSpecProblems(spec: RepeatSpec, index: number, yaml: YamlFile): Problem[] {
  const problems: Problem[] = [];
  const path = ['injects', index];
  if (spec.every === undefined) {
    for (const key of ['times', 'until'] as const) {
      if (spec[key] !== undefined) problems.push(yaml.problemAt([...path, key], `\`${key}\` only applies with \`every:\`; add \`every: 5m\` (how often it repeats) or remove \`${key}\``, { part: 'key' }));
    }
    return problems;
  }
  const everyMs = parseDuration(spec.every);
  // An unreadable duration is reported by the compile step.
  if (everyMs !== undefined && everyMs < MIN_EVERY_MS) {
    problems.push(yaml.problemAt([...path, 'every'], `\`every: ${String(spec.every)}\` is shorter than 1s; a recurring inject repeats at most once a second`));
  }
  if (spec.times === 1) {
    problems.push(yaml.problemAt([...path, 'times'], '`times: 1` means it happens once and never repeats; remove `every` and `times`, or raise `times`', { severity: 'warning' }));
  }
  return problems;
}

/**
 * A recurring inject with no `times`, no `until` and nothing that cancels it repeats until the
 * drill ends: worth saying, since a nag that never stops is rarely what the author meant.
 */
export function endlessRepeats(scenario: Scenario, yaml: YamlFile): Problem[] {
  const recurring = scenario.injects.some((inject) => inject.repeat);
  if (!recurring) return [];
  const cancelled = new Set<string>();
  forEachConsequence(scenario, (consequence) => {
    for (const id of consequence.cancel) cancelled.add(id);
  });
  const problems: Problem[] = [];
  scenario.injects.forEach((inject, i) => {
    const repeat = inject.repeat;
    if (!repeat || repeat.times !== undefined || repeat.until !== undefined || cancelled.has(inject.id)) return;
    // First at 0 at the earliest, and nothing happens at the limit itself: the drill has ended.
    const most = Math.ceil(scenario.end.limitMs / Math.max(repeat.everyMs, MIN_EVERY_MS));
    problems.push(
      yaml.problemAt(
        ['injects', i, 'every'],
        `\`${inject.id}\` repeats every ${formatDuration(repeat.everyMs)} until the drill ends (up to ${most} times in ${formatDuration(scenario.end.limitMs)}); add \`until:\` or \`times:\` to say when it stops, or \`cancel: [${inject.id}]\` on what stops it`,
        { part: 'key', severity: 'warning' },
      ),
    );
  });
  return problems;
}
