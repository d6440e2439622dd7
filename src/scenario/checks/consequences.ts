/**
 * The one walk over everything in a scenario that has consequences, for the checks that ask what
 * can fire, open or change what.
 */
import type { Consequence, Scenario } from '../types.js';
import type { YamlPath } from '../source/index.js';

/**
 * Calls `visit` for everything with consequences (injects, options of decisions, actions), in
 * file order, with the id that must happen for it to take effect (an option's decision) and its
 * path. The path is built only when asked for: it is needed only for a problem, and building one
 * for each of 100,000 injects cost more than the checks themselves. `path` gives the path of the
 * item being visited, so it must be called during the visit, never kept for later.
 */
export function forEachConsequence(scenario: Scenario, visit: (consequence: Consequence, source: string, path: () => YamlPath) => void): void {
  // One path function per list, told the index through these, not a closure per item: a closure
  // per item per walk (and there are three walks) was garbage the heap grew for.
  let i = 0;
  let j = 0;
  const injectPath = (): YamlPath => ['injects', i];
  const optionPath = (): YamlPath => ['decisions', i, 'options', j];
  const actionPath = (): YamlPath => ['actions', i];
  for (i = 0; i < scenario.injects.length; i++) visit(scenario.injects[i]!, scenario.injects[i]!.id, injectPath);
  for (i = 0; i < scenario.decisions.length; i++) {
    const decision = scenario.decisions[i]!;
    for (j = 0; j < decision.options.length; j++) visit(decision.options[j]!, decision.id, optionPath);
  }
  for (i = 0; i < scenario.actions.length; i++) visit(scenario.actions[i]!, scenario.actions[i]!.id, actionPath);
}

