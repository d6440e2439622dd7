/**
 * drill's condition language, the one way in for the scenario (which parses and checks
 * conditions) and the engine (which evaluates them and watches what they read). It imports
 * nothing from either: what it needs of a scenario comes in as `ExprNames`, what it needs of a
 * drill as `ExprEnv` and its `DrillHistory`.
 */
export type { BinOp, Expr, ExprValue, ParseResult } from './ast.js';
export { TIME_VARIABLE } from './ast.js';
export { parseExpr, MAX_EXPR_LENGTH, MAX_EXPR_DEPTH } from './parse.js';
export { checkExpr, type ExprNames } from './check.js';
export { evaluate, isTrue, numericOp, type ExprEnv } from './evaluate.js';
export { printExpr } from './print.js';
export { explainValues } from './explain.js';
export { boundsOf, verdictOf, ANY, type Bounds, type BoundsEnv, type Truth, type Verdict } from './bounds.js';
export { someRead, readsOf, type Read, type ReadKind, type Reads } from './reads.js';
export { CONDITION_FUNCTIONS, EMPTY_HISTORY, type ArgKind, type DrillEnding, type DrillHistory, type IdKind } from './functions.js';
export { parseDuration, formatDuration } from './duration.js';
