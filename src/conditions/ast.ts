/**
 * The parsed form of drill's condition language. Conditions are parsed once when a scenario
 * loads (`parse.ts`), checked against the scenario's names (`check.ts`), and evaluated by the
 * engine (`evaluate.ts`). Trees are plain data, so they can be printed, compared and walked.
 */

/** A parsed condition. `start`/`end` are 0-based offsets into the source, for error messages. */
export type Expr =
  /** A number; `duration` marks one written as `90s`/`4m` (its value is in ms) so it prints back that way. */
  | { type: 'num'; value: number; start: number; end: number; duration?: boolean }
  | { type: 'bool'; value: boolean; start: number; end: number }
  | { type: 'str'; value: string; start: number; end: number }
  | { type: 'var'; name: string; start: number; end: number }
  | { type: 'call'; fn: string; args: Expr[]; start: number; end: number }
  | { type: 'not' | 'neg'; arg: Expr; start: number; end: number }
  | { type: 'bin'; op: BinOp; left: Expr; right: Expr; start: number; end: number };

export type BinOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';
export type ExprValue = number | boolean | string;
export type ParseResult = { ok: true; expr: Expr } | { ok: false; message: string; offset: number };

/** The name of the built-in scenario clock variable, in milliseconds. */
export const TIME_VARIABLE = 'time';
