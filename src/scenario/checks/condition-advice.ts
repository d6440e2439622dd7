/**
 * Warnings about conditions that parse and type-check but surely do not mean what was written:
 * a milestone or end condition that already holds when the clock starts (the drill would mark
 * it, or end, at T+00:00), and the clock compared with a bare number, which is milliseconds.
 */
import { EMPTY_HISTORY, TIME_VARIABLE, formatDuration, isTrue, printExpr, type DrillHistory, type Expr, type ExprEnv } from '../../conditions/index.js';
import type { Problem } from '../problems.js';
import type { Scenario } from '../types.js';
import type { ConditionSite } from '../compile/compile.js';
import type { YamlFile } from '../source/index.js';

/** A bare number below this compared with `time` is read as meant in seconds; above it, as meant in ms. */
const SECONDS_AT_MOST = 24 * 60 * 60;

export function conditionAdvice(scenario: Scenario, conditions: readonly ConditionSite[], yaml: YamlFile): Problem[] {
  const warn = (path: readonly PropertyKey[], message: string, offset?: number): Problem =>
    yaml.problemAt(path, message, { severity: 'warning', ...(offset === undefined ? {} : { offset }) });
  const problems: Problem[] = [];
  for (const site of conditions) {
    for (const bare of bareTimeComparisons(site.expr)) {
      const meant = bare.value <= SECONDS_AT_MOST ? `; did you mean ${formatDuration(bare.value * 1000)}?` : '';
      problems.push(warn(site.path, `\`time\` is compared with ${bare.value}, which is ${formatDuration(bare.value)} (time is in milliseconds); write a duration with its unit${meant}`, bare.start));
    }
  }
  // What holds at T+00:00: milestones whose condition holds on the initial world, then the end.
  const reached = new Map<string, number>();
  const env: ExprEnv = {
    time: 0,
    variable: (name) => scenario.world[name]?.initial,
    get history(): DrillHistory {
      return { ...EMPTY_HISTORY, milestones: reached };
    },
  };
  for (const [name, condition] of Object.entries(scenario.milestones) as [string, Expr | undefined][]) {
    if (condition && isTrue(condition, env)) {
      reached.set(name, 0);
      problems.push(warn(['milestones', name], `milestone \`${name}\` holds when the drill starts (\`${printExpr(condition)}\`), so it is reached at T+00:00; make it wait for what the team must do, e.g. \`fired(...)\` or \`reached('mitigated')\``));
    }
  }
  if (scenario.end.when && isTrue(scenario.end.when, env)) {
    problems.push(warn(['end', 'when'], `\`end.when\` holds when the drill starts (\`${printExpr(scenario.end.when)}\`), so the drill ends at T+00:00; make it wait for the fix`));
  }
  return problems;
}

/** `time <op> 600`: comparisons of the clock with a number written without a unit (0 is fine). */
function bareTimeComparisons(e: Expr): { value: number; start: number }[] {
  const found: { value: number; start: number }[] = [];
  const visit = (x: Expr): void => {
    if (x.type === 'bin') {
      const isTime = (y: Expr) => y.type === 'var' && y.name === TIME_VARIABLE;
      const bareNumber = (y: Expr) => y.type === 'num' && !y.duration && y.value > 0;
      for (const [a, b] of [[x.left, x.right], [x.right, x.left]] as const) {
        if (isTime(a) && bareNumber(b) && b.type === 'num') found.push({ value: b.value, start: b.start });
      }
      visit(x.left);
      visit(x.right);
    } else if (x.type === 'not' || x.type === 'neg') visit(x.arg);
  };
  visit(e);
  return found;
}
