import { describe, expect, it } from 'vitest';
import { checkExpr, type ExprNames } from '../../src/conditions/index.js';
import { parse } from '../helpers/conditions.js';

const names: ExprNames = {
  variables: new Map([
    ['nodes', 'number'],
    ['error_rate', 'number'],
    ['autoscaling', 'boolean'],
  ]),
  injects: new Set(['pager', 'db-alert']),
  decisions: new Map([
    ['first-response', new Set(['rollback', 'scale-up'])],
    ['comms', new Set(['status-page'])],
  ]),
  actions: new Set(['restart-pods']),
  milestones: new Set(['detected', 'acknowledged', 'mitigated', 'resolved']),
};

const check = (source: string, n: ExprNames = names) => checkExpr(parse(source), n);

describe('checkExpr', () => {
  it.each([
    "nodes < 50 and not chose('first-response', 'rollback')",
    "time >= 10m and fired('db-alert') and count('restart-pods') > 1 and reached('mitigated')",
    "opened('comms') or decided('comms') or timedout('comms') or started('restart-pods') or done('restart-pods')",
    'autoscaling == false and nodes-error_rate > 0',
    '-nodes < 0 or error_rate / 2 >= 1',
  ])('accepts %j', (source) => {
    expect(check(source)).toEqual([]);
  });

  it.each([
    ['node < 50', 0, 'unknown variable `node`; did you mean `nodes`?'],
    ['tmie > 5m', 0, 'unknown variable `tmie`; did you mean `time`?'],
    ['zzz', 0, 'unknown variable `zzz`; declare it under `world:` or use one of:'],
    ["chose('first-respose', 'rollback')", 6, "unknown decision 'first-respose' in chose(); did you mean `first-response`?"],
    ["chose('zzz', 'rollback')", 6, "unknown decision 'zzz' in chose(); known: first-response, comms"],
    ["chose('comms', 'rollback')", 15, "unknown option 'rollback' of decision 'comms' in chose(); known: status-page"],
    ["fired('pagr')", 6, "unknown inject 'pagr' in fired(); did you mean `pager`?"],
    ["fired('zzz')", 6, "unknown inject 'zzz' in fired(); known: pager, db-alert"],
    ["chose('first-response', 'rollbak')", 24, "unknown option 'rollbak' of decision 'first-response' in chose(); did you mean `rollback`?"],
    ["reached('fixed')", 8, "unknown milestone 'fixed' in reached(); known:"],
    ["fired('x', 'y')", 0, "fired() takes 1 argument, got 2; write fired('inject')"],
    ["chose('comms')", 0, "chose() takes 2 arguments, got 1; write chose('decision', 'option')"],
    ["fird('pager')", 0, 'unknown function `fird()`; did you mean `fired()`?'],
    ["launch('x')", 0, 'unknown function `launch()`; known: fired, opened'],
    ['fired(pager)', 6, "write the inject id in quotes: fired('pager')"],
    ['fired(db-alert)', 6, "write the inject id in quotes: fired('db-alert')"],
    ["chose(comms, 'status-page')", 6, "write the decision id in quotes: chose('comms', 'status-page')"],
    ['fired(1 + 2)', 6, "fired() takes quoted ids, as in fired('inject')"],
    ['db-alert', 0, "`db-alert` is not a variable (names with `-` are ids); write it in quotes inside a function, e.g. fired('db-alert')"],
    ['restart-pods', 0, "e.g. done('restart-pods')"],
    ['pager', 0, "`pager` is an inject, not a variable; write fired('pager')"],
    ['comms', 0, "`comms` is a decision, not a variable; write decided('comms')"],
    ['mitigated', 0, "`mitigated` is a milestone, not a variable; write reached('mitigated')"],
    ['fired', 0, "`fired` is a function; write fired('inject')"],
    ['nodes and autoscaling', 0, '`nodes` is a number, but `and` needs a condition; compare it, e.g. `nodes > 0`'],
    ['not nodes', 4, '`nodes` is a number, but `not` needs a condition'],
    ['autoscaling + 1 > 2', 0, '`autoscaling` is true or false, but `+` needs numbers'],
    ['autoscaling < 1', 0, 'but `<` needs numbers; compare true/false with `==` or `!=`'],
    ['nodes == autoscaling', 0, '`nodes == autoscaling` compares a number with a boolean'],
    ['nodes + 1', 0, 'this condition is a number, but it must be true or false; compare it, e.g. `nodes + 1 > 0`'],
    ["count('restart-pods')", 0, 'this condition is a number'],
  ])('%j: at %d, %j', (source, offset, message) => {
    const problems = check(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(message);
    expect(problems[0]!.offset).toBe(offset);
  });

  it('suggests the closest id for a likely typo, like variable names', () => {
    const [problem] = check("done('restrat-pod')", { ...names, actions: new Set(['a', 'restart-pods', 'b']) });
    expect(problem?.message).toBe("unknown action 'restrat-pod' in done(); did you mean `restart-pods`?");
  });

  it('says so when the scenario has none of a kind', () => {
    const [problem] = check("done('x')", { ...names, actions: new Set() });
    expect(problem?.message).toBe("unknown action 'x' in done(); the scenario declares no actions");
  });

  it('reports each mistake once, without follow-on type errors', () => {
    expect(check('nod > 5 and nodes > 1 and fird(x)').map((p) => p.offset)).toEqual([0, 26]);
  });
});
