import { describe, expect, it } from 'vitest';
import { printExpr, type Expr } from '../../src/conditions/index.js';
import { parse } from '../helpers/conditions.js';

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
