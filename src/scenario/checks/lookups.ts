/**
 * The load-time checks of `lookups:`: ids that clash, templates that do not parse, variables a
 * template reads that the world does not have (each at its line and column inside the YAML
 * block), factors a lookup claims to reveal that the debrief does not plant, texts that render
 * too long or fail, and lookups that can never be made.
 */
import { EMPTY_HISTORY, isTrue, readsOf, type ExprEnv } from '../../conditions/index.js';
import { parseTemplate, renderTemplate, templateGlobals } from '../../template/index.js';
import { suggestion, type Problem } from '../problems.js';
import { forEachConsequence } from './consequences.js';
import type { Lookup, Scenario, Value } from '../types.js';
import type { Unread } from '../validate/salvage.js';
import type { YamlFile } from '../source/index.js';

/** Every problem of the scenario's lookups, unsorted. */
export function checkLookups(scenario: Scenario, yaml: YamlFile, unread: Unread): Problem[] {
  if (scenario.lookups.length === 0) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const others = (id: string): string | undefined =>
    scenario.injectById.has(id) ? 'an inject' : scenario.decisionById.has(id) ? 'a decision' : scenario.actionById.has(id) ? 'an action' : undefined;
  const factors = scenario.factors.map((f) => f.id);
  const changed = changedVariables(scenario);
  scenario.lookups.forEach((lookup, i) => {
    const at = (key: PropertyKey[], message: string, options?: { offset?: number; severity?: 'warning' }) =>
      problems.push(yaml.problemAt(['lookups', i, ...key], message, options));
    if (seen.has(lookup.id)) at(['id'], `duplicate lookup id \`${lookup.id}\`; rename one`);
    seen.add(lookup.id);
    const clash = others(lookup.id);
    if (clash) at(['id'], `\`${lookup.id}\` is already ${clash}'s id; conditions name both the same way, so give the lookup another id`);
    lookup.reveals.forEach(({ factor }, k) => {
      // `factor` of a `{factor, when}`; a plain id has no such key, so its own place is given.
      if (!factors.includes(factor)) at(['reveals', k, 'factor'], `\`${factor}\` is no factor in \`debrief.factors\`${suggestion(factor, factors)}`);
    });
    checkTemplate(scenario, lookup, unread, (message, offset) => at(['text'], message, { offset }));
    if (lookup.when && neverAvailable(scenario, lookup, changed)) {
      at(['when'], 'this lookup can never be made: its `when` is false at the start and reads only variables nothing changes; fix the condition or drop it', { severity: 'warning' });
    }
  });
  return problems;
}

function checkTemplate(scenario: Scenario, lookup: Lookup, unread: Unread, report: (message: string, offset?: number) => void): void {
  const parsed = parseTemplate(lookup.text);
  if (!parsed.ok) return report(`the text does not parse as a template: ${parsed.problem.message}`, parsed.problem.offset);
  const names = Object.keys(scenario.world);
  let unknown = false;
  for (const use of templateGlobals(parsed.template, lookup.text)) {
    if (Object.hasOwn(scenario.world, use.name)) continue;
    // A variable the schema refused is still declared: its own error says what to fix, and the
    // text cannot be rendered until then.
    if (unread.whole.has('variable') || unread.ids.variable.has(use.name)) {
      unknown = true;
      continue;
    }
    unknown = true;
    report(`unknown variable \`${use.name}\` in the text; a lookup reads the world's variables${suggestion(use.name, names)}`, use.offset);
  }
  if (unknown) return;
  // Rendered at the start and with every number at its bound, so that a loop over a count shows
  // its longest output now rather than in front of a team.
  for (const world of [initialWorld(scenario), worldAtBounds(scenario)]) {
    const rendered = renderTemplate(parsed.template, world);
    if (rendered.problem) return report(`the text cannot be shown: ${rendered.problem}; cap its loops (\`limit:\`) or shorten it`);
  }
}

function initialWorld(scenario: Scenario): Record<string, Value> {
  return Object.fromEntries(Object.entries(scenario.world).map(([name, v]) => [name, v.initial]));
}

function worldAtBounds(scenario: Scenario): Record<string, Value> {
  return Object.fromEntries(Object.entries(scenario.world).map(([name, v]) => [name, typeof v.initial === 'number' ? Math.max(v.initial, v.max ?? v.initial) : v.initial]));
}

/** The variables some effect can change. */
function changedVariables(scenario: Scenario): ReadonlySet<string> {
  const changed = new Set<string>();
  forEachConsequence(scenario, (c) => {
    for (const effect of c.effects) changed.add(effect.variable);
  });
  return changed;
}

/** False at the start, and reading nothing but variables that never change (nor time nor history). */
function neverAvailable(scenario: Scenario, lookup: Lookup, changed: ReadonlySet<string>): boolean {
  const when = lookup.when!;
  const reads = readsOf(when);
  if (reads.time || reads.unnamed || reads.names.some((r) => r.kind !== 'variable' || changed.has(r.name))) return false;
  const env: ExprEnv = { time: 0, variable: (name) => scenario.world[name]?.initial, history: EMPTY_HISTORY };
  return !isTrue(when, env);
}
