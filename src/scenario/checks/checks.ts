/**
 * The semantic checks of a scenario that the schema cannot express: ids that must exist and be
 * unique, conditions that must name real things, effects that must fit their variable's type,
 * triggers that must make sense together. All problems are collected, never just the first;
 * reachability lives in `reachability.ts`, weak-scenario warnings in `advice.ts`.
 */
import { checkExpr, formatDuration, parseExpr, type ExprNames } from '../../conditions/index.js';
import { suggestion, type Problem } from '../problems.js';
import { checkReachability } from './reachability.js';
import { forEachConsequence } from './consequences.js';
import { scenarioAdvice } from './advice.js';
import { checkLookups } from './lookups.js';
import { endlessRepeats, repeatSpecProblems } from './repeats.js';
import { beforeIncidentWarnings } from './before-incident.js';
import { conditionAdvice } from './condition-advice.js';
import { NOTHING_UNREAD, unreadName, type Unread } from '../validate/salvage.js';
import type { ConditionSite } from '../compile/compile.js';
import { MILESTONES, type ScenarioFile } from '../validate/schema.js';
import type { Decision, Inject, Scenario } from '../types.js';
import type { YamlFile, YamlPath } from '../source/index.js';

/**
 * Every semantic problem of a compiled scenario (errors and warnings), unsorted. `unread` says
 * what of the file failed its schema and so is missing from `scenario`: names it had still count
 * as existing, and weak-scenario advice waits until the whole file can be read.
 */
export function checkScenario(
  scenario: Scenario,
  triggerProblems: readonly Problem[],
  conditions: readonly ConditionSite[],
  yaml: YamlFile,
  unread: Unread = NOTHING_UNREAD,
): Problem[] {
  return [
    ...checkIds(scenario, yaml),
    ...checkWorld(scenario, yaml),
    ...checkReferences(scenario, yaml, unread),
    ...checkEffects(scenario, yaml, unread),
    ...checkTriggers(scenario, triggerProblems, yaml),
    ...checkConditions(scenario, conditions, yaml, unread),
    ...checkReachability(scenario, conditions, yaml, unread),
    ...checkLookups(scenario, yaml, unread),
    ...(unread.partial ? [] : endlessRepeats(scenario, yaml)),
    ...(unread.partial ? [] : scenarioAdvice(scenario, yaml)),
    ...(unread.partial ? [] : adviceOnConditions(scenario, conditions, yaml)),
  ];
}

/**
 * Warnings about milestone and end conditions. A condition that holds before anything has gone
 * wrong is told once: the warning that names the incident's start says more than the one about
 * the drill's first second, so the latter is dropped for the same line.
 */
function adviceOnConditions(scenario: Scenario, conditions: readonly ConditionSite[], yaml: YamlFile): Problem[] {
  const beforeIncident = beforeIncidentWarnings(scenario, yaml);
  const told = new Set(beforeIncident.map((p) => p.line));
  return [...beforeIncident, ...conditionAdvice(scenario, conditions, yaml).filter((p) => !(told.has(p.line) && p.message.includes('holds when the drill starts')))];
}

function checkIds(scenario: Scenario, yaml: YamlFile): Problem[] {
  const problems: Problem[] = [];
  // Injects, decisions and actions share one namespace, because `after:` can name any of them.
  // Where each id was first claimed, as a number (its index in its list, and its kind): the
  // path and line are looked up only for a duplicate (an object and a path per id, for 100,000
  // ids, were garbage the heap grew for).
  const KINDS = ['inject', 'decision', 'action', 'option', 'role', 'factor'] as const;
  const LISTS: readonly YamlPath[] = [['injects'], ['decisions'], ['actions'], [], ['roles'], ['debrief', 'factors']];
  let decision = 0; // the decision whose options are being claimed (options are claimed per decision)
  const encode = (kind: number, at: number): number => at * KINDS.length + kind;
  const pathOf = (code: number): YamlPath => {
    const kind = code % KINDS.length;
    const at = Math.floor(code / KINDS.length);
    return kind === 3 ? ['decisions', decision, 'options', at, 'id'] : [...LISTS[kind]!, at, 'id'];
  };
  const claim = (id: string, at: number, kind: number, space: Map<string, number>, why: string): void => {
    const earlier = space.get(id);
    if (earlier === undefined) {
      space.set(id, encode(kind, at));
      return;
    }
    const first = `the ${KINDS[earlier % KINDS.length]} on line ${yaml.positionOf(pathOf(earlier)).line}`;
    problems.push(yaml.problemAt(pathOf(encode(kind, at)), `duplicate id \`${id}\`: ${first} already uses it${why}; rename one`));
  };
  const seen = new Map<string, number>();
  const shared = ' (injects, decisions and actions share one set of ids, since `after:` can name any)';
  scenario.injects.forEach((x, i) => claim(x.id, i, 0, seen, shared));
  scenario.decisions.forEach((x, i) => claim(x.id, i, 1, seen, shared));
  scenario.actions.forEach((x, i) => claim(x.id, i, 2, seen, shared));
  scenario.decisions.forEach((d, i) => {
    const options = new Map<string, number>();
    decision = i;
    d.options.forEach((o, j) => claim(o.id, j, 3, options, ''));
  });
  const roles = new Map<string, number>();
  scenario.file.roles.forEach((r, i) => claim(r.id, i, 4, roles, ''));
  const factors = new Map<string, number>();
  scenario.factors.forEach((f, i) => claim(f.id, i, 5, factors, ''));
  return problems;
}

const RESERVED = new Set(['and', 'or', 'not', 'true', 'false']);

function checkWorld(scenario: Scenario, yaml: YamlFile): Problem[] {
  const problems: Problem[] = [];
  for (const [name, v] of Object.entries(scenario.world)) {
    const at = (message: string, key?: string, severity: 'error' | 'warning' = 'error'): void => {
      problems.push(yaml.problemAt(key ? ['world', name, key] : ['world', name], message, { part: 'key', severity }));
    };
    // The schema already refuses `time` and names with `-`; these pass its pattern but not the parser.
    if (RESERVED.has(name)) at(`\`${name}\` is a word of the condition language; give the variable another name`);
    if (typeof v.initial === 'boolean') {
      for (const key of ['min', 'max'] as const) {
        if (v[key] !== undefined) at(`\`${key}\` applies to numbers, but \`${name}\` is true/false; remove it`, key);
      }
      continue;
    }
    if (v.min !== undefined && v.max !== undefined && v.min > v.max) at(`\`min\` (${v.min}) is above \`max\` (${v.max}); swap them`, 'min');
    else if ((v.min !== undefined && v.initial < v.min) || (v.max !== undefined && v.initial > v.max)) {
      at(`\`initial\` (${v.initial}) is outside min/max, so it starts clamped; change one of them`, 'initial', 'warning');
    }
  }
  return problems;
}

function checkReferences(scenario: Scenario, yaml: YamlFile, unread: Unread): Problem[] {
  const problems: Problem[] = [];
  // Dropped items (schema errors) still exist: they are known, and suggested for typos. The
  // lists are only for suggestions, so made only for a problem: a generated scenario has 100,000 ids.
  const ids = (byId: ReadonlyMap<string, unknown>, dropped: ReadonlySet<string>) => ({
    has: (id: string) => byId.has(id) || dropped.has(id),
    list: () => [...byId.keys(), ...dropped],
  });
  const injectIds = ids(scenario.injectById, unread.ids.inject);
  const decisionIds = ids(scenario.decisionById, unread.ids.decision);
  const actionIds = ids(scenario.actionById, unread.ids.action);
  const kindOf = (id: string): 'inject' | 'decision' | 'action' | undefined =>
    injectIds.has(id) ? 'inject' : decisionIds.has(id) ? 'decision' : actionIds.has(id) ? 'action' : undefined;
  // An id of a kind whose whole list was unreadable may exist: it is not reported as unknown.
  const unknown = (id: string, ...kinds: ('inject' | 'decision' | 'action')[]): boolean =>
    !kindOf(id) && !kinds.some((kind) => unread.whole.has(kind));
  const report = (path: YamlPath, message: string): void => void problems.push(yaml.problemAt(path, message));

  forEachConsequence(scenario, (consequence, _source, pathOf) => {
    consequence.fire.forEach((id, k) => {
      const kind = kindOf(id);
      if (kind === 'decision') report([...pathOf(), 'fire', k], `\`${id}\` is a decision; decisions are opened — move it to \`open:\``);
      else if (kind === 'action') report([...pathOf(), 'fire', k], `\`${id}\` is an action; actions are taken by the team, not fired`);
      else if (unknown(id, 'inject')) report([...pathOf(), 'fire', k], `unknown inject \`${id}\` in \`fire\`${suggestion(id, injectIds.list())}`);
    });
    consequence.open.forEach((id, k) => {
      const kind = kindOf(id);
      if (kind === 'inject') report([...pathOf(), 'open', k], `\`${id}\` is an inject; injects are fired — move it to \`fire:\``);
      else if (kind === 'action') report([...pathOf(), 'open', k], `\`${id}\` is an action; actions are taken by the team, not opened`);
      else if (unknown(id, 'decision')) report([...pathOf(), 'open', k], `unknown decision \`${id}\` in \`open\`${suggestion(id, decisionIds.list())}`);
    });
    consequence.cancel.forEach((id, k) => {
      const kind = kindOf(id);
      if (kind === 'action') report([...pathOf(), 'cancel', k], `\`${id}\` is an action; only injects and decisions can be cancelled`);
      else if (unknown(id, 'inject', 'decision')) report([...pathOf(), 'cancel', k], `unknown inject or decision \`${id}\` in \`cancel\`${suggestion(id, [...injectIds.list(), ...decisionIds.list()])}`);
    });
  });
  const triggered = [
    ...scenario.injects.map((x, i) => ({ x, path: ['injects', i] })),
    ...scenario.decisions.map((x, i) => ({ x, path: ['decisions', i] })),
  ];
  for (const { x, path } of triggered) {
    const after = x.trigger.after;
    if (after !== undefined && unknown(after, 'inject', 'decision', 'action')) {
      report([...path, 'after'], `\`after\` names \`${after}\`, which is no inject, decision or action${suggestion(after, [...injectIds.list(), ...decisionIds.list(), ...actionIds.list()])}`);
    }
  }
  const roles = [...scenario.file.roles.map((r) => r.id), ...unread.ids.role];
  const checkRole = (role: string | undefined, path: YamlPath): void => {
    if (role !== undefined && !roles.includes(role) && !unread.whole.has('role')) report(path, `unknown role \`${role}\`${suggestion(role, roles, 'roles')}`);
  };
  scenario.injects.forEach((x, i) => checkRole(x.audience, ['injects', i, 'audience']));
  scenario.decisions.forEach((d, i) => {
    checkRole(d.role, ['decisions', i, 'role']);
    const options = d.options.map((o) => o.id);
    if (d.default !== undefined && !options.includes(d.default)) {
      report(['decisions', i, 'default'], `\`default: ${d.default}\` is not an option of decision \`${d.id}\`${suggestion(d.default, options, 'its options')}`);
    }
  });
  return problems;
}

function checkEffects(scenario: Scenario, yaml: YamlFile, unread: Unread): Problem[] {
  const problems: Problem[] = [];
  const variables = [...Object.keys(scenario.world), ...unread.ids.variable];
  forEachConsequence(scenario, (consequence, _source, pathOf) => {
    consequence.effects.forEach((effect, k) => {
      // Built only for a problem: a path for each effect of 100,000 injects was most of what this check allocated.
      const at = (key: string): YamlPath => [...pathOf(), 'effects', k, key];
      const spec = scenario.world[effect.variable];
      if (!spec && unreadName(unread, 'variable', effect.variable)) return; // declared, but unreadable
      if (!spec) {
        const hint = suggestion(effect.variable, variables);
        problems.push(yaml.problemAt(at(effect.kind), `unknown variable \`${effect.variable}\`${hint || '; declare it under `world:`'}`));
        return;
      }
      const isFlag = typeof spec.initial === 'boolean';
      const name = effect.variable;
      if (effect.kind === 'set' && isFlag !== (typeof effect.to === 'boolean')) {
        const want = isFlag ? 'true or false' : 'a number';
        problems.push(yaml.problemAt(at('to'), `\`${name}\` is ${isFlag ? 'true/false' : 'a number'}; set it to ${want}, not \`${String(effect.to)}\``));
      } else if (effect.kind !== 'set' && isFlag) {
        problems.push(
          yaml.problemAt(at(effect.kind), `\`${effect.kind}\` needs a number, but \`${name}\` is true/false; write \`{set: ${name}, to: true}\` (or false)`),
        );
      }
    });
  });
  return problems;
}

/**
 * What an inject's or decision's triggers say wrong by themselves (two triggers, `delay` without
 * `after`, a timeout without a default), read from the item as written.
 */
function triggerSpecProblems(spec: TriggerSpec, index: number, kind: 'inject' | 'decision', yaml: YamlFile): readonly Problem[] {
  const twoTriggers = (spec.at !== undefined ? 1 : 0) + (spec.after !== undefined ? 1 : 0) + (spec.when !== undefined ? 1 : 0) > 1;
  const delayAlone = spec.delay !== undefined && spec.after === undefined;
  const noDefault = kind === 'decision' && spec.timeout !== undefined && spec.default === undefined;
  // Nearly every item has none of these: it costs no array and no path.
  if (!twoTriggers && !delayAlone && !noDefault) return NO_PROBLEMS;
  const path = [kind === 'inject' ? 'injects' : 'decisions', index];
  const problems: Problem[] = [];
  if (twoTriggers) {
    const set = (['at', 'after', 'when'] as const).filter((key) => spec[key] !== undefined);
    problems.push(
      yaml.problemAt([...path, set[1]!], `${kind} \`${spec.id}\` has both \`${set[0]}\` and \`${set[1]}\`; it happens on one trigger (at, after or when) — keep one`, { part: 'key' }),
    );
  }
  if (delayAlone) {
    problems.push(yaml.problemAt([...path, 'delay'], '`delay` only applies with `after:`; add `after: <id>` or remove `delay`', { part: 'key' }));
  }
  if (noDefault) {
    problems.push(yaml.problemAt([...path, 'timeout'], 'a decision that times out needs `default:`, the option taken when nobody decides', { part: 'key' }));
  }
  return problems;
}

const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

/** The fields of an inject or decision that `triggerSpecProblems` reads. */
type TriggerSpec = Pick<ScenarioFile['decisions'][number], 'id' | 'at' | 'after' | 'when' | 'delay'> & Partial<Pick<ScenarioFile['decisions'][number], 'timeout' | 'default'>>;

/** `triggerSpecProblems` of every inject and decision of a whole file. */
export function fileTriggerProblems(file: ScenarioFile, yaml: YamlFile): Problem[] {
  return [
    ...file.injects.flatMap((spec, i) => triggerSpecProblems(spec, i, 'inject', yaml)),
    ...file.injects.flatMap((spec, i) => (spec.every ?? spec.times ?? spec.until) === undefined ? NO_PROBLEMS : repeatSpecProblems(spec, i, yaml)),
    ...file.decisions.flatMap((spec, i) => triggerSpecProblems(spec, i, 'decision', yaml)),
  ];
}

// The problems are sorted by place later, and no two of these share one, so their order is free.
function checkTriggers(scenario: Scenario, specProblems: readonly Problem[], yaml: YamlFile): Problem[] {
  const problems: Problem[] = [...specProblems];
  const limit = scenario.end.limitMs;
  if (limit <= 0) return problems;
  // A loop per list, with the path made only for a warning: an object and a path for each of
  // 100,000 items, all alive until the end of the check, were garbage the heap grew for.
  const check = (items: readonly (Inject | Decision)[], byId: ReadonlyMap<string, Inject | Decision>, list: string, verb: string): void => {
    for (let i = 0; i < items.length; i++) {
      // The first item of an id stands for all of that id (a duplicate id is reported elsewhere).
      const atMs = byId.get(items[i]!.id)?.trigger.atMs;
      if (atMs !== undefined && atMs > limit) {
        problems.push(
          yaml.problemAt([list, i, 'at'], `${verb} after the drill has ended (at ${formatDuration(atMs)}, but \`end.limit\` is ${formatDuration(limit)}); move it earlier or raise the limit`, {
            severity: 'warning',
          }),
        );
      }
    }
  };
  check(scenario.injects, scenario.injectById, 'injects', 'fires');
  check(scenario.decisions, scenario.decisionById, 'decisions', 'opens');
  return problems;
}

/** The names a condition may use, for `checkExpr`, including those of parts dropped for schema errors. */
function exprNames(scenario: Scenario, unread: Unread = NOTHING_UNREAD): ExprNames {
  const variables = new Map<string, 'number' | 'boolean' | 'unknown'>([...unread.ids.variable].map((name) => [name, unread.variableTypes.get(name) ?? 'unknown']));
  for (const [name, v] of Object.entries(scenario.world)) variables.set(name, typeof v.initial === 'boolean' ? 'boolean' : 'number');
  return {
    variables,
    injects: new Set([...scenario.injectById.keys(), ...unread.ids.inject]),
    decisions: new Map<string, ReadonlySet<string> | undefined>([
      ...[...unread.ids.decision].map((id) => [id, undefined] as const),
      ...scenario.decisions.map((d) => [d.id, new Set(d.options.map((o) => o.id))] as const),
    ]),
    actions: new Set([...scenario.actionById.keys(), ...unread.ids.action]),
    lookups: new Set(scenario.lookupById.keys()),
    milestones: new Set(MILESTONES),
    unreadKinds: new Set((['inject', 'decision', 'action', 'variable'] as const).filter((kind) => unread.whole.has(kind))),
  };
}

function checkConditions(scenario: Scenario, conditions: readonly ConditionSite[], yaml: YamlFile, unread: Unread): Problem[] {
  const names = exprNames(scenario, unread);
  return conditions.flatMap(({ path, expr }) =>
    checkExpr(expr, names).map((p) => yaml.problemAt(path, p.message, { offset: p.offset })),
  );
}

/**
 * The conditions of parts dropped for schema errors (an inject with a bad channel may also have
 * a typo in its `when:`), checked against the scenario's names. `yaml` is the file as parsed,
 * since these paths are the file's own.
 */
export function checkUnreadConditions(scenario: Scenario, unread: Unread, yaml: YamlFile): Problem[] {
  if (unread.conditions.length === 0) return [];
  const names = exprNames(scenario, unread);
  return unread.conditions.flatMap(({ path, source }) => {
    const parsed = parseExpr(source);
    if (!parsed.ok) return [yaml.problemAt(path, parsed.message, { offset: parsed.offset })];
    return checkExpr(parsed.expr, names).map((p) => yaml.problemAt(path, p.message, { offset: p.offset }));
  });
}
