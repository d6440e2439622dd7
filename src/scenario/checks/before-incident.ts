/**
 * Warnings about milestones and an end that could hold before anything has gone wrong: in the
 * world as it starts, with "detected" and "acknowledged" marked (a slip of a key, or a team that
 * calls it at once). Mitigated and resolved wait for the incident to begin (its first impact, or
 * an inject with `starts_incident`), so they are asked about only when a scenario gives neither.
 */
import { EMPTY_HISTORY, isTrue, type Expr, type ExprEnv } from '../../conditions/index.js';
import type { Problem } from '../problems.js';
import type { Scenario } from '../types.js';
import type { YamlFile } from '../source/index.js';
import type { Milestone } from '../validate/schema.js';

const MARKED_BY_A_SLIP: readonly Milestone[] = ['detected', 'acknowledged'];
const AFTER_INCIDENT: ReadonlySet<Milestone> = new Set(['mitigated', 'resolved']);

/** The warnings for a compiled scenario (none when its impact already holds at the start). */
export function beforeIncidentWarnings(scenario: Scenario, yaml: YamlFile): Problem[] {
  const reached = new Map<string, number>(MARKED_BY_A_SLIP.map((m) => [m, 0]));
  const env: ExprEnv = {
    time: 0,
    variable: (name) => scenario.world[name]?.initial,
    history: { ...EMPTY_HISTORY, milestones: reached },
  };
  const holds = (e: Expr | undefined): boolean => e !== undefined && isTrue(e, env);
  if (holds(scenario.impact.down) || holds(scenario.impact.degraded)) return [];
  const gated = Boolean(scenario.impact.down || scenario.impact.degraded || scenario.injects.some((i) => i.startsIncident));
  const problems: Problem[] = [];
  const warn = (path: readonly PropertyKey[], what: string): void => {
    problems.push(
      yaml.problemAt(
        path,
        `${what} already holds before anything has gone wrong (the world as it starts, with "detected" marked), so the drill could end at once; make it depend on the incident (a variable its impact changes, or \`fired('…')\`)`,
        { severity: 'warning' },
      ),
    );
  };
  for (const [name, cond] of Object.entries(scenario.milestones) as [Milestone, Expr | undefined][]) {
    if (gated && AFTER_INCIDENT.has(name)) continue;
    if (holds(cond)) {
      warn(['milestones', name], `milestone \`${name}\``);
      reached.set(name, 0);
    }
  }
  if (holds(scenario.end.when)) warn(['end', 'when'], '`end.when`');
  return problems;
}
