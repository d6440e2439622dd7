/**
 * The compile stage: validated file data into the engine's `Scenario`, durations in
 * milliseconds, conditions parsed, lists indexed by id, everything frozen. A duration or condition
 * that does not parse becomes a problem (and a harmless placeholder), so that the checks still
 * run over everything else.
 */
import { createHash } from 'node:crypto';
import { compact, deepFreeze, ItemCompiler, type ConditionSite } from './items.js';
import type { Problem } from '../problems.js';
import type { ScenarioFile } from '../validate/schema.js';
import type { YamlFile } from '../source/index.js';
import type { Factor, Scenario } from '../types.js';

export type { ConditionSite } from './items.js';

/** Turns validated file data into the engine's `Scenario`, with the conditions for the checks and the problems found. */
export function compileScenario(
  file: ScenarioFile,
  yaml: YamlFile,
): { scenario: Scenario; conditions: ConditionSite[]; problems: Problem[] } {
  const compiler = new ItemCompiler(yaml);
  const injects = Object.freeze(file.injects.map((spec, i) => compiler.inject(spec, i)));
  const decisions = Object.freeze(file.decisions.map((spec, i) => compiler.decision(spec, i)));
  const actions = Object.freeze(file.actions.map((spec, i) => compiler.action(spec, i)));
  const ms = compiler.ms.bind(compiler);
  const condition = compiler.condition.bind(compiler);
  ms(file.duration, [], 'duration');
  const milestones: Scenario['milestones'] = compact(
    Object.fromEntries(Object.entries(file.milestones ?? {}).map(([name, source]) => [name, condition(source, ['milestones'], name)])),
  );
  // The lists stay out of `file`: the compiled ones above are what the drill reads, and keeping
  // the zod copy of 100,000 injects alive for the whole drill cost tens of megabytes.
  const { injects: _i, decisions: _d, actions: _a, lookups: fileLookups, ...header } = file;
  const lookups = Object.freeze((fileLookups ?? []).map((spec, i) => compiler.lookup(spec, i)));
  const scenario: Scenario = {
    file: header,
    source: { path: yaml.file, hash: createHash('sha256').update(yaml.bytes).digest('hex') },
    id: file.id,
    title: file.title,
    // No prototype: a variable named `constructor` or `toString` must not find Object's.
    world: Object.assign(Object.create(null) as Record<string, never>, file.world),
    injects,
    decisions,
    actions,
    injectById: firstById(injects),
    decisionById: firstById(decisions),
    actionById: firstById(actions),
    lookups,
    lookupById: firstById(lookups),
    milestones,
    impact: compact({
      down: condition(file.impact?.down, ['impact'], 'down'),
      degraded: condition(file.impact?.degraded, ['impact'], 'degraded'),
      users: file.impact?.users,
    }),
    end: compact({ when: condition(file.end.when, ['end'], 'when'), limitMs: ms(file.end.limit, ['end'], 'limit') ?? 0 }),
    factors: file.debrief.factors.map((f, i) => {
      const path = ['debrief', 'factors', i];
      const branches = (f.branches ?? []).map((b, j) => ({ when: condition(b.when, [...path, 'branches', j], 'when'), text: b.text }));
      const { when: _when, branches: _branches, ...spec } = f;
      return compact({
        ...spec,
        when: condition(f.when, path, 'when'),
        // A branch whose condition does not parse is reported, and left out here.
        branches: branches.filter((b): b is Factor['branches'][number] => b.when !== undefined),
      });
    }),
    questions: file.debrief.questions.map((q, i) =>
      typeof q === 'string' ? { text: q } : compact({ text: q.text, when: condition(q.when, ['debrief', 'questions', i], 'when') }),
    ),
  };
  return { scenario: deepFreeze(scenario), conditions: compiler.allConditions(), problems: compiler.allProblems() };
}

/** Indexes by id; with duplicate ids (an error reported by the checks) the first one wins. */
function firstById<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}
