/**
 * What can actually happen in a scenario. An inject nothing fires, a decision nothing opens, an
 * `after:` chain that loops, an end condition that depends only on things that never happen:
 * each is a scenario that looks fine and silently misbehaves in front of a team, so each is an
 * error at load time.
 */
import { EMPTY_HISTORY, isTrue, readsOf, type Expr, type ExprEnv } from '../../conditions/index.js';
import type { Problem } from '../problems.js';
import type { ConditionSite } from '../compile/compile.js';
import { NOTHING_UNREAD, type Unread } from '../validate/salvage.js';
import type { Consequence, Scenario, Trigger } from '../types.js';
import { forEachConsequence } from './consequences.js';
import { impossibleConditions } from './ranges.js';
import type { YamlFile, YamlPath } from '../source/index.js';

interface Item {
  readonly id: string;
  readonly kind: 'inject' | 'decision';
  /** Its index in its list: the path is built only for a problem (100,000 paths cost memory). */
  readonly index: number;
  readonly trigger: Trigger;
}

function pathOf(item: Item): YamlPath {
  return [item.kind === 'inject' ? 'injects' : 'decisions', item.index];
}

/**
 * Cycles in `after:`, unreachable injects and decisions, and an `end.when` that can never change.
 * Parts of the file dropped for schema errors (`unread`) are assumed to happen and to do what
 * they mention, so that nothing is reported only because they could not be read.
 */
export function checkReachability(scenario: Scenario, conditions: readonly ConditionSite[], yaml: YamlFile, unread: Unread = NOTHING_UNREAD): Problem[] {
  const items: Item[] = [
    ...scenario.injects.map((x, index) => ({ id: x.id, kind: 'inject' as const, index, trigger: x.trigger })),
    ...scenario.decisions.map((x, index) => ({ id: x.id, kind: 'decision' as const, index, trigger: x.trigger })),
  ];
  const problems: Problem[] = [];
  const inCycle = findAfterCycles(items, yaml, problems);
  // A whole unreadable list of injects, decisions or actions could fire or change anything.
  if ((['inject', 'decision', 'action'] as const).some((kind) => unread.whole.has(kind))) return problems;
  const dropped = new Set([...unread.ids.inject, ...unread.ids.decision, ...unread.ids.action]);
  const reachable = reachableIds(scenario, items, [...dropped, ...unread.mentioned]);
  const known = (id: string): boolean =>
    scenario.injectById.has(id) || scenario.decisionById.has(id) || scenario.actionById.has(id) || dropped.has(id);
  for (const item of items) {
    if (reachable.has(item.id) || inCycle.has(item.id)) continue;
    const { after } = item.trigger;
    if (after !== undefined && !known(after)) continue; // the unknown id is reported already
    if (after === undefined && item.trigger.when === undefined && writesWhen(yaml, item)) continue; // its `when:` did not parse, which is reported already
    const never = item.kind === 'inject' ? 'can never fire' : 'can never open';
    const why =
      after !== undefined
        ? `it comes after \`${after}\`, which never happens`
        : `nothing ${item.kind === 'inject' ? 'fires' : 'opens'} it and it has no at/after/when`;
    problems.push(yaml.problemAt([...pathOf(item), 'id'], `${item.kind} \`${item.id}\` ${never}: ${why}`));
  }
  const told = new Set<ConditionSite>();
  problems.push(...deadConditions(scenario, conditions, reachable, unread.mentioned, yaml, told));
  problems.push(...impossibleConditions(scenario, conditions, yaml, unread, told));
  return problems;
}

/** Reports each `after:` loop once (at its first member in file order); returns all members. */
function findAfterCycles(items: readonly Item[], yaml: YamlFile, problems: Problem[]): Set<string> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const members = new Set<string>();
  // The walk (its number) in which each id's `after:` chain was followed: a later walk that
  // reaches one stops there (a long chain walked again from each of its members was cubic).
  // One map for all walks, not a set per walk: a set for each of 100,000 items cost more than the walk.
  const walkOf = new Map<string, number>();
  const chain: string[] = [];
  for (let walk = 0; walk < items.length; walk++) {
    const start = items[walk]!;
    if (walkOf.has(start.id)) continue;
    chain.length = 0;
    let current: Item | undefined = start;
    while (current && !walkOf.has(current.id)) {
      chain.push(current.id);
      walkOf.set(current.id, walk);
      current = current.trigger.after === undefined ? undefined : byId.get(current.trigger.after);
    }
    if (!current || walkOf.get(current.id) !== walk) continue;
    const loop = chain.slice(chain.indexOf(current.id));
    loop.forEach((id) => members.add(id));
    const first = items.find((item) => loop.includes(item.id))!;
    const rotated = [...loop.slice(loop.indexOf(first.id)), ...loop.slice(0, loop.indexOf(first.id))];
    const shown = [...rotated, first.id].join(' → ');
    problems.push(
      yaml.problemAt(
        [...pathOf(first), 'after'],
        `\`after\` goes round in a cycle: ${shown}; none of them can start the others — give one of them \`at:\` or \`when:\` instead`,
      ),
    );
  }
  return members;
}

/**
 * Ids that can happen: injects and decisions with `at` or `when`, everything `after` something
 * that can happen, and everything fired or opened by something that can happen. Actions can
 * always happen: the facilitator may take any of them; so can the `assumed` ids.
 */
function reachableIds(scenario: Scenario, items?: readonly Item[], assumed: Iterable<string> = []): Set<string> {
  const all = items ?? [
    ...scenario.injects.map((x, index) => ({ id: x.id, kind: 'inject' as const, index, trigger: x.trigger })),
    ...scenario.decisions.map((x, index) => ({ id: x.id, kind: 'decision' as const, index, trigger: x.trigger })),
  ];
  // Who waits `after` whom, indexed once: searching every item for each reached id is quadratic.
  const waitingFor = new Map<string, string[]>();
  for (const x of all) {
    if (x.trigger.after === undefined) continue;
    const list = waitingFor.get(x.trigger.after);
    if (list) list.push(x.id);
    else waitingFor.set(x.trigger.after, [x.id]);
  }
  const reachable = new Set<string>();
  const queue: string[] = [];
  const reach = (id: string): void => {
    if (reachable.has(id)) return;
    reachable.add(id);
    queue.push(id);
  };
  scenario.actions.forEach((a) => reach(a.id));
  for (const id of assumed) reach(id);
  all.filter((x) => x.trigger.atMs !== undefined || x.trigger.when !== undefined).forEach((x) => reach(x.id));
  const consequencesOf = (id: string): readonly Consequence[] => {
    const inject = scenario.injectById.get(id);
    if (inject) return [inject];
    const decision = scenario.decisionById.get(id);
    if (decision) return decision.options;
    const action = scenario.actionById.get(id);
    return action ? [action] : [];
  };
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next]!;
    for (const c of consequencesOf(id)) {
      c.fire.forEach(reach);
      c.open.forEach(reach);
    }
    waitingFor.get(id)?.forEach(reach);
  }
  return reachable;
}

/**
 * Conditions whose every reference is dead (an inject that never fires, a variable nothing
 * changes) can never change value. For `end.when` that is an error; for an inject's or a
 * decision's `when` a warning (it will never, or at once, happen), and for an effect's `if`
 * one too (the effect always, or never, applies). Adds the sites it reports to `told`, so that
 * the range check does not tell them again.
 */
function deadConditions(
  scenario: Scenario,
  conditions: readonly ConditionSite[],
  reachable: ReadonlySet<string>,
  mayChange: Iterable<string>,
  yaml: YamlFile,
  told: Set<ConditionSite>,
): Problem[] {
  const changed = new Set<string>(mayChange);
  forEachConsequence(scenario, (consequence, source) => {
    if (reachable.has(source)) for (const e of consequence.effects) changed.add(e.variable);
  });
  const problems: Problem[] = [];
  for (const site of conditions) {
    const { path, expr } = site;
    const isEnd = path[0] === 'end';
    const isTrigger = path[path.length - 1] === 'when' && (path[0] === 'injects' || path[0] === 'decisions');
    const isEffectIf = path[path.length - 1] === 'if';
    if (!isEnd && !isTrigger && !isEffectIf) continue;
    const reasons = deadReasons(scenario, expr, reachable, changed);
    if (!reasons) continue;
    const always = isTrue(expr, constantEnv(scenario));
    const message = isEnd
      ? always
        ? `\`end.when\` is already true when the drill starts (${reasons}), so the drill would end at once`
        : `\`end.when\` can never become true (${reasons}), so the drill always runs to \`end.limit\`; make it depend on something that happens`
      : isEffectIf
        ? always
          ? `this \`if\` is always true (${reasons}), so the effect always applies; remove the \`if\``
          : `this \`if\` can never be true (${reasons}), so the effect never applies`
        : always
          ? `this \`when\` is true from the start (${reasons}); use \`at: 0s\` if that is meant`
          : `this \`when\` can never become true (${reasons}), so this never happens`;
    told.add(site);
    problems.push(yaml.problemAt(path, message, { severity: isEnd ? 'error' : 'warning' }));
  }
  return problems;
}

/** Why everything `expr` reads is dead, or undefined if something it reads can change. */
function deadReasons(scenario: Scenario, expr: Expr, reachable: ReadonlySet<string>, changed: ReadonlySet<string>): string | undefined {
  const reads = readsOf(expr);
  if (reads.time || reads.unnamed || reads.names.length === 0) return undefined;
  const reasons: string[] = [];
  for (const read of reads.names) {
    if (read.kind === 'action' || read.kind === 'lookup' || read.kind === 'milestone') return undefined; // the facilitator can always do these
    if (read.kind === 'variable') {
      if (!(read.name in scenario.world) || changed.has(read.name)) return undefined;
      reasons.push(`nothing changes \`${read.name}\``);
    } else {
      const isInject = read.kind === 'inject';
      if (!(isInject ? scenario.injectById : scenario.decisionById).has(read.name) || reachable.has(read.name)) return undefined;
      reasons.push(`\`${read.name}\` never ${isInject ? 'fires' : 'opens'}`);
    }
  }
  return [...new Set(reasons)].join(', ');
}

/** The world at the start, where nothing has happened: for conditions nothing can change. */
function constantEnv(scenario: Scenario): ExprEnv {
  return {
    time: 0,
    variable: (name) => scenario.world[name]?.initial,
    history: EMPTY_HISTORY,
  };
}

/** Whether the file gives the item a `when:`, even one that did not compile (a missing path places at its parent). */
function writesWhen(yaml: YamlFile, item: Item): boolean {
  const at = yaml.positionOf(pathOf(item));
  const when = yaml.positionOf([...pathOf(item), 'when'], 'key');
  return when.line !== at.line || when.col !== at.col;
}
