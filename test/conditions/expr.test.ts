import { describe, expect, it, vi } from 'vitest';
import { checkExpr, exprReferences, type ExprNames } from '../../src/conditions/check.js';
import {
  evaluate,
  isTrue,
  MAX_EXPR_DEPTH,
  parseExpr,
  printExpr,
  type Expr,
  type ExprEnv,
  type ExprValue,
} from '../../src/conditions/expr.js';

function parse(source: string): Expr {
  const result = parseExpr(source);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(source)} to parse: ${result.message}`);
  return result.expr;
}

function parseError(source: string): { message: string; offset: number } {
  const result = parseExpr(source);
  if (result.ok) throw new Error(`expected ${JSON.stringify(source)} to fail, got ${printExpr(result.expr)}`);
  return { message: result.message, offset: result.offset };
}

/** The tree as an S-expression, without positions, so tests state structure plainly. */
function shape(e: Expr): string {
  switch (e.type) {
    case 'num':
    case 'bool':
      return String(e.value);
    case 'str':
      return JSON.stringify(e.value);
    case 'var':
      return e.name;
    case 'call':
      return `(${e.fn}${e.args.map((a) => ` ${shape(a)}`).join('')})`;
    case 'not':
    case 'neg':
      return `(${e.type} ${shape(e.arg)})`;
    case 'bin':
      return `(${e.op} ${shape(e.left)} ${shape(e.right)})`;
  }
}

function env(variables: Record<string, number | boolean> = {}, time = 0): ExprEnv & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    time,
    calls,
    variable: (name) => variables[name],
    call: (fn: string, args: readonly ExprValue[]) => {
      calls.push([fn, ...args]);
      return fn === 'count' ? 3 : args[0] === 'yes';
    },
  };
}

const run = (source: string, e: ExprEnv = env()): ExprValue => evaluate(parse(source), e);

describe('parseExpr: precedence and forms', () => {
  it.each([
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c', '(or (and a b) c)'],
    ['not a and b', '(and (not a) b)'],
    ['not x == 1', '(not (== x 1))'],
    ['! not a', '(not (not a))'],
    ['a && b || !c', '(or (and a b) (not c))'],
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['8 / 4 / 2', '(/ (/ 8 4) 2)'],
    ['-x * 2', '(* (neg x) 2)'],
    ['- -x', '(neg (neg x))'],
    ['(a or b) and c', '(and (or a b) c)'],
    ['a + 1 >= b * 2', '(>= (+ a 1) (* b 2))'],
    ['time >= 10m', '(>= time 600000)'],
    ['time < 1h30m', '(< time 5400000)'],
    ['0.5 < x', '(< 0.5 x)'],
    ['true != false', '(!= true false)'],
    ["chose('first-response', 'rollback')", '(chose "first-response" "rollback")'],
    ['fired("db-alert")', '(fired "db-alert")'],
    ["fired('it\\'s')", '(fired "it\'s")'],
    ['f()', '(f)'],
    ['count(\'x\') > 2 or reached("mitigated")', '(or (> (count "x") 2) (reached "mitigated"))'],
    ['toString or constructor', '(or toString constructor)'],
    ['a\n  and b', '(and a b)'],
  ])('%j parses as %s', (source, expected) => {
    expect(shape(parse(source))).toBe(expected);
  });

  it('marks duration literals, so they print back as durations', () => {
    const expr = parse('90s');
    expect(expr).toMatchObject({ type: 'num', value: 90_000, duration: true });
    expect(parse('90')).not.toHaveProperty('duration');
  });

  it('keeps 0-based source offsets on every node', () => {
    const expr = parse("nodes < 50 and fired('pager')");
    expect(expr).toMatchObject({ type: 'bin', op: 'and', start: 0, end: 29 });
    if (expr.type !== 'bin' || expr.left.type !== 'bin') throw new Error('unexpected shape');
    expect(expr.left).toMatchObject({ start: 0, end: 10 });
    expect(expr.left.left).toMatchObject({ type: 'var', start: 0, end: 5 });
    expect(expr.left.right).toMatchObject({ type: 'num', start: 8, end: 10 });
    expect(expr.right).toMatchObject({ type: 'call', start: 15, end: 29 });
  });

  it('gives a parenthesized expression the span of its parentheses', () => {
    expect(parse('x and (a or b)')).toMatchObject({ right: { op: 'or', start: 6, end: 14 } });
  });
});

describe('parseExpr: errors point at the mistake and say what to write', () => {
  it.each([
    ['a = b', 2, 'unexpected `=`; write `==` to compare'],
    ['a & b', 2, 'unexpected `&`; write `&&` or `and`'],
    ['a | b', 2, 'unexpected `|`; write `||` or `or`'],
    ['a => b', 2, 'unexpected `=>`; write `>=`'],
    ['a =< b', 2, 'unexpected `=<`; write `<=`'],
    ['a <> b', 2, 'unexpected `<>`; write `!=`'],
    ["fired('x'", 9, 'expected `)` to close `fired(` opened at column 1, but the condition ends'],
    ['x and (a or b', 13, 'expected `)` to close `(` opened at column 7, but the condition ends'],
    ['(a b)', 3, 'expected `)` to close `(` opened at column 1, but found `b`'],
    ['a and\n  (b or c', 15, 'expected `)` to close `(` opened at line 2, column 3, but the condition ends'],
    ["fired('x',)", 10, 'expected a value before `)`'],
    ['a )', 2, 'unmatched `)`; remove it or add a `(` before it'],
    ['a b', 2, 'unexpected `b` after a complete condition; join conditions with `and` or `or`'],
    ['', 0, 'empty condition'],
    ['   ', 0, 'empty condition'],
    ['1 +', 3, 'the condition ends too early; expected a value'],
    ['and x', 0, 'expected a value before `and`'],
    ['a < b < c', 6, 'comparisons do not chain; join two of them with `and`'],
    ['a == not b', 5, 'put it in parentheses, e.g. `(not x)`'],
    ["'x' == y", 0, 'a quoted string can only be a function argument'],
    ["fired('a' + 'b')", 10, 'expected `,` or `)` after the string, not `+`'],
    ["fired('x)", 6, 'unterminated string; close it with `\'`'],
    ['10x > 1', 0, 'malformed number or duration `10x`; write numbers like 12 or 0.5 and durations like 90s'],
    ['time > 30m1h', 7, 'malformed number or duration `30m1h`'],
    ['x > .5', 4, 'unexpected character `.`; write numbers with a leading digit, like 0.5'],
    ['x # y', 2, 'unexpected character `#`'],
    ['x > 😀', 4, 'unexpected character `😀`'],
    [`x > ${'9'.repeat(400)}`, 4, 'is too large'],
  ])('%j fails at %d with %j', (source, offset, message) => {
    const error = parseError(source);
    expect(error.message).toContain(message);
    expect(error.offset).toBe(offset);
  });

  it('rejects conditions over 2,000 characters', () => {
    const source = 'a or '.repeat(400) + 'a';
    const error = parseError(source);
    expect(error.message).toContain('over the limit of 2000');
    expect(error.offset).toBeLessThanOrEqual(source.length);
    expect(parseExpr('a or '.repeat(399) + 'a').ok).toBe(true);
  });

  it(`allows ${MAX_EXPR_DEPTH} levels of nesting and rejects more`, () => {
    const nest = (n: number): string => '('.repeat(n) + 'a' + ')'.repeat(n);
    expect(parseExpr(nest(MAX_EXPR_DEPTH)).ok).toBe(true);
    expect(parseError(nest(MAX_EXPR_DEPTH + 1))).toEqual({
      message: 'condition is nested more than 64 levels deep; simplify it',
      offset: MAX_EXPR_DEPTH,
    });
    expect(parseError('not '.repeat(100) + 'a').message).toContain('nested more than 64');
    expect(parseError('-'.repeat(1000) + '1').message).toContain('nested more than 64');
    expect(parseError('f('.repeat(100) + ')'.repeat(100)).message).toContain('nested more than 64');
  });
});

describe('evaluate', () => {
  it('compares the scenario clock against durations', () => {
    expect(run('time >= 10m', env({}, 600_000))).toBe(true);
    expect(run('time >= 10m', env({}, 599_999))).toBe(false);
  });

  it('does arithmetic with the usual precedence', () => {
    expect(run('(a + 2) * 3 - 4 / 2', env({ a: 1 }))).toBe(7);
    expect(run('-a - -a', env({ a: 5 }))).toBe(0);
  });

  it('reads variables and passes string arguments to functions', () => {
    const e = env({ nodes: 40, autoscaling: false });
    expect(run("nodes < 50 and not autoscaling and chose('yes', 'opt')", e)).toBe(true);
    expect(e.calls).toEqual([['chose', 'yes', 'opt']]);
    expect(run("count('x') * 2", e)).toBe(6);
  });

  it('never throws: division by zero is 0, unknown names are 0 and false', () => {
    expect(run('x / 0', env({ x: 5 }))).toBe(0);
    expect(run('0 / 0')).toBe(0);
    expect(run('missing')).toBe(0);
    expect(isTrue(parse('missing'), env())).toBe(false);
    expect(run('not missing')).toBe(true);
    expect(run('missing + 2')).toBe(2);
  });

  it('makes every comparison of mismatched types false', () => {
    const e = env({ flag: true, n: 1 });
    expect(run('flag == n', e)).toBe(false);
    expect(run('flag != n', e)).toBe(false);
    expect(run('flag < n', e)).toBe(false);
    expect(run('flag >= n', e)).toBe(false);
    expect(run('flag + n', e)).toBe(0);
    expect(run('-flag', e)).toBe(0);
    expect(run('flag == true and n != 2', e)).toBe(true);
  });

  it('short-circuits and/or, so later calls are not made', () => {
    const e = env();
    expect(run("false and fired('yes')", e)).toBe(false);
    expect(run("true or fired('yes')", e)).toBe(true);
    expect(e.calls).toEqual([]);
  });

  it('isTrue holds only for true and non-zero numbers', () => {
    const holds = (source: string, vars: Record<string, number | boolean> = {}) => isTrue(parse(source), env(vars));
    expect(holds('true')).toBe(true);
    expect(holds('false')).toBe(false);
    expect(holds('x', { x: 2 })).toBe(true);
    expect(holds('x', { x: 0 })).toBe(false);
    expect(holds('0 / 0 + x', { x: Number.NaN })).toBe(false);
    const str: Expr = { type: 'str', value: 'true', start: 0, end: 6 };
    expect(isTrue(str, env())).toBe(false);
  });

  it('reads `time` from the environment, not from a variable', () => {
    const variable = vi.fn(() => 99);
    expect(evaluate(parse('time'), { time: 5, variable, call: () => false })).toBe(5);
    expect(variable).not.toHaveBeenCalled();
  });
});

describe('printExpr', () => {
  it.each([
    ["time >= 10m and not chose('first-response', 'rollback')", "time >= 10m and not chose('first-response', 'rollback')"],
    ['(a or b) and c', '(a or b) and c'],
    ['a or (b and c)', 'a or b and c'],
    ['a - (b - c)', 'a - (b - c)'],
    ['(a - b) - c', 'a - b - c'],
    ['!x && y || z', 'not x and y or z'],
    ['not (a and b)', 'not (a and b)'],
    ['-(a + b) * 2', '-(a + b) * 2'],
    ['(a < b) == c', '(a < b) == c'],
    ['time > 90s', 'time > 1m30s'],
    ['time > 1h30m', 'time > 1h30m'],
    ["fired(\"it's\")", "fired('it\\'s')"],
    ['f(a + 1, (b))', 'f(a + 1, b)'],
  ])('%j prints as %j', (source, printed) => {
    expect(printExpr(parse(source))).toBe(printed);
  });

  it('prints huge and tiny numbers as plain digits', () => {
    const big: Expr = { type: 'num', value: 1e21, start: 0, end: 0 };
    expect(printExpr(big)).toBe('1000000000000000000000');
    const tiny: Expr = { type: 'num', value: 1e-7, start: 0, end: 0 };
    expect(printExpr(tiny)).toBe('0.0000001');
    expect(parse(printExpr(tiny))).toMatchObject({ value: 1e-7 });
  });
});

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

describe('exprReferences', () => {
  it('lists each reference once, in order, leaving out `time`', () => {
    const expr = parse(
      "nodes > 1 and fired('pager') or chose('first-response', 'rollback') and done('restart-pods') and " +
        "reached('mitigated') and fired('pager') and time > 1 and opened('comms') and count('restart-pods') > 0",
    );
    expect(exprReferences(expr)).toEqual([
      { kind: 'variable', id: 'nodes' },
      { kind: 'inject', id: 'pager' },
      { kind: 'option', id: 'first-response', option: 'rollback' },
      { kind: 'action', id: 'restart-pods' },
      { kind: 'milestone', id: 'mitigated' },
      { kind: 'decision', id: 'comms' },
    ]);
  });
});
