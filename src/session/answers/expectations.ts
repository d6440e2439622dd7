/**
 * An answers file's `expect:`: conditions in drill's condition language that must hold when the
 * drill has ended. Checked against the scenario's names when the file loads (with the end-only
 * functions allowed), and evaluated on the drill as it ended, each failure at its line.
 */
import { checkExpr, explainValues, isTrue, parseExpr, printExpr, readsOf, type DrillEnding, type DrillHistory, type ExprEnv, type ExprNames } from '../../conditions/index.js';
import type { MilestoneName } from '../../engine/records.js';
import { MILESTONES } from '../../scenario/validate/schema.js';
import type { Problem } from '../../scenario/problems.js';
import type { Scenario } from '../../scenario/types.js';
import type { YamlFile } from '../../scenario/source/index.js';
import type { Answers } from './answers.js';

/** The names an expectation may use: the scenario's, and the end-of-drill functions. */
function expectNames(scenario: Scenario): ExprNames {
  const variables = new Map<string, 'number' | 'boolean'>();
  for (const [name, v] of Object.entries(scenario.world)) variables.set(name, typeof v.initial === 'boolean' ? 'boolean' : 'number');
  return {
    variables,
    injects: new Set(scenario.injectById.keys()),
    decisions: new Map(scenario.decisions.map((d) => [d.id, new Set(d.options.map((o) => o.id))])),
    actions: new Set(scenario.actionById.keys()),
    milestones: new Set(MILESTONES),
    atEnd: true,
  };
}

/** Problems of each `expect:` condition (syntax, names, types), at its line and column. */
export function checkExpectations(answers: Answers, scenario: Scenario, yaml: YamlFile | undefined, file: string): Problem[] {
  const names = expectNames(scenario);
  const problems: Problem[] = [];
  const at = (i: number, message: string, offset: number): Problem =>
    yaml ? yaml.problemAt(['expect', i], message, { offset }) : { file, message, severity: 'error' };
  (answers.expect ?? []).forEach((source, i) => {
    const parsed = parseExpr(source);
    if (!parsed.ok) problems.push(at(i, parsed.message, parsed.offset));
    else for (const p of checkExpr(parsed.expr, names)) problems.push(at(i, p.message, p.offset));
  });
  return problems;
}

/** A drill as it ended, for the expectations: its clock, its world and its history. */
export interface EndedDrill {
  readonly t: number;
  variable(name: string): number | boolean | undefined;
  readonly history: Omit<DrillHistory, 'ending'>;
  readonly ending: DrillEnding;
}

/** The environment expectations are evaluated in: the drill's own, plus how it ended. */
function endEnv(drill: EndedDrill): ExprEnv {
  return { time: drill.t, variable: (name) => drill.variable(name), history: { ...pickHistory(drill.history), ending: drill.ending } };
}

function pickHistory(h: Omit<DrillHistory, 'ending'>): Omit<DrillHistory, 'ending'> {
  const { fired, open, decided, timedOut, startedActions, landed, looked, milestones } = h;
  return { fired, open, decided, timedOut, startedActions, landed, looked, milestones };
}

/** One expectation that did not hold: where it is written, the condition, and what was seen. */
export interface FailedExpectation {
  readonly problem: Problem;
  readonly condition: string;
  readonly saw: string;
}

/** The expectations that do not hold at the end of `drill`; a file that loaded has none that fail to parse. */
export function failedExpectations(answers: Answers, yaml: YamlFile | undefined, file: string, drill: EndedDrill): FailedExpectation[] {
  const env = endEnv(drill);
  const failed: FailedExpectation[] = [];
  (answers.expect ?? []).forEach((source, i) => {
    const parsed = parseExpr(source);
    if (!parsed.ok) return;
    if (isTrue(parsed.expr, env)) return;
    const saw = explainValues(parsed.expr, env) || 'nothing it reads';
    const message = `expected \`${source}\`, but it was false: ${saw}`;
    const problem = yaml ? yaml.problemAt(['expect', i], message) : { file, message, severity: 'error' as const };
    failed.push({ problem, condition: source, saw });
  });
  return failed;
}

/** Why a drill that reached its time limit had not ended: its end condition, with the values that kept it false. */
export function whyNotEnded(scenario: Scenario, drill: EndedDrill): string | undefined {
  const endWhen = scenario.end.when;
  if (drill.ending.reason !== 'limit') return undefined;
  if (!endWhen) return 'the scenario has no `end.when`, so only the limit ends it';
  const env = endEnv(drill);
  const parts = [`\`end.when: ${printExpr(endWhen)}\` was still false: ${explainValues(endWhen, env) || 'it reads nothing'}`];
  // An end on a milestone (`reached('resolved')`) is false because the milestone's own condition was: say why that one was.
  for (const read of readsOf(endWhen).names) {
    const condition = read.kind === 'milestone' && !drill.history.milestones.has(read.name) ? scenario.milestones[read.name as MilestoneName] : undefined;
    if (condition) parts.push(`milestone ${read.name}: \`${printExpr(condition)}\` was false: ${explainValues(condition, env)}`);
  }
  return parts.join('; ');
}
