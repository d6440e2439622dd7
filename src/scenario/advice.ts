/**
 * Warnings about scenarios that would run but make a weak drill: nothing to find in the debrief,
 * no real choice, a decision the team can stall forever, an empty inject, no measure of impact.
 * They never fail validation; they say what to add.
 */
import type { Problem } from './problems.js';
import type { Scenario } from './types.js';
import type { YamlFile } from './yaml-source.js';

/** The weak-scenario warnings for a compiled scenario. */
export function scenarioAdvice(scenario: Scenario, yaml: YamlFile): Problem[] {
  const warn = (path: readonly PropertyKey[], message: string, part: 'key' | 'value' = 'value'): Problem =>
    yaml.problemAt(path, message, { severity: 'warning', part });
  const problems: Problem[] = [];
  if (scenario.factors.length === 0) {
    problems.push(
      warn(
        'debrief' in yaml.value ? ['debrief'] : [],
        'no contributing factors planted (`debrief.factors`); plant several, and a red herring, so the debrief can compare what the team found',
        'key',
      ),
    );
  }
  if (!scenario.decisions.some((d) => d.options.length >= 2)) {
    problems.push(
      warn(
        'decisions' in yaml.value ? ['decisions'] : [],
        'no decision offers two or more options, so the drill cannot branch; give the team a real choice',
        'key',
      ),
    );
  }
  scenario.decisions.forEach((d, i) => {
    if (d.timeoutMs === undefined) {
      problems.push(
        warn(['decisions', i, 'id'], `decision \`${d.id}\` has no \`timeout:\`, so the team can stall it forever; add \`timeout:\` and \`default:\` (no decision is a decision)`),
      );
    }
  });
  scenario.injects.forEach((x, i) => {
    if (x.text.trim() === '') problems.push(warn(['injects', i, 'text'], `inject \`${x.id}\` has empty \`text:\`; write what the team sees`));
  });
  if (!scenario.impact.down && !scenario.impact.degraded) {
    problems.push(
      warn(
        'impact' in yaml.value ? ['impact'] : [],
        'no `impact.down` or `impact.degraded` condition, so the report cannot give minutes of outage or degradation; add one',
        'key',
      ),
    );
  }
  return problems;
}
