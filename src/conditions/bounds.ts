/**
 * What a condition can be over a whole drill, given what each variable can be: the load-time
 * counterpart of `evaluate.ts`, over ranges of values instead of values. It only ever widens
 * (anything it cannot follow is `any`), so a condition it calls certainly false is false in
 * every drill, and a check built on it never warns about a condition that could come true.
 */
import { TIME_VARIABLE, type BinOp, type Expr } from './ast.js';
import { CONDITION_FUNCTIONS } from './functions.js';
import { numericOp } from './evaluate.js';

/** The values something can take: a closed range of numbers, some of true/false, or anything. */
export type Bounds =
  | { readonly kind: 'number'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'boolean'; readonly canBeTrue: boolean; readonly canBeFalse: boolean }
  | { readonly kind: 'any' };

type NumberBounds = Extract<Bounds, { kind: 'number' }>;

export const ANY: Bounds = { kind: 'any' };

/** What each variable can be over a drill; `any` for one that cannot be told. */
export interface BoundsEnv {
  variable(name: string): Bounds;
}

/** The clock starts at 0 and only moves forward. */
const TIME_BOUNDS: Bounds = { kind: 'number', lo: 0, hi: Number.POSITIVE_INFINITY };

export type Truth = 'true' | 'false' | 'unknown';

/**
 * Whether `e` is certainly true, certainly false, or may be either, with the parts that decide
 * it (the comparisons and other leaves whose value is certain), for a message to point at.
 */
export interface Verdict {
  readonly truth: Truth;
  readonly because: readonly Expr[];
}

const UNKNOWN: Verdict = { truth: 'unknown', because: [] };

/** The verdict on `e` as a condition: `and`, `or` and `not` over the certain truth of their parts. */
export function verdictOf(e: Expr, env: BoundsEnv): Verdict {
  if (e.type === 'not') {
    const inner = verdictOf(e.arg, env);
    if (inner.truth === 'unknown') return UNKNOWN;
    // `not flag` is shown whole: `flag` alone would read as the part that cannot be true.
    const leaf = inner.because.length === 1 && inner.because[0] === e.arg;
    return { truth: inner.truth === 'true' ? 'false' : 'true', because: leaf ? [e] : inner.because };
  }
  if (e.type === 'bin' && (e.op === 'and' || e.op === 'or')) {
    const left = verdictOf(e.left, env);
    const right = verdictOf(e.right, env);
    // `and` is decided by a false part, `or` by a true one; both parts decide the other value.
    const decider = e.op === 'and' ? 'false' : 'true';
    const decided = left.truth === decider ? left : right.truth === decider ? right : undefined;
    if (decided) return { truth: decider, because: decided.because };
    if (left.truth !== 'unknown' && right.truth !== 'unknown') return { truth: left.truth, because: [...left.because, ...right.because] };
    return UNKNOWN;
  }
  const truth = truthOf(boundsOf(e, env));
  return truth === 'unknown' ? UNKNOWN : { truth, because: [e] };
}

/** The truth of a value as `isTrue` takes it: `true`, or a number other than 0. */
function truthOf(b: Bounds): Truth {
  if (b.kind === 'boolean') return b.canBeTrue && b.canBeFalse ? 'unknown' : b.canBeTrue ? 'true' : 'false';
  if (b.kind === 'number') return b.lo === 0 && b.hi === 0 ? 'false' : b.lo > 0 || b.hi < 0 ? 'true' : 'unknown';
  return 'unknown';
}

function fromTruth(truth: Truth): Bounds {
  return { kind: 'boolean', canBeTrue: truth !== 'false', canBeFalse: truth !== 'true' };
}

/** The values `e` can take. */
export function boundsOf(e: Expr, env: BoundsEnv): Bounds {
  switch (e.type) {
    case 'num':
      return { kind: 'number', lo: e.value, hi: e.value };
    case 'bool':
      return { kind: 'boolean', canBeTrue: e.value, canBeFalse: !e.value };
    case 'var':
      return e.name === TIME_VARIABLE ? TIME_BOUNDS : env.variable(e.name);
    case 'call':
      // What has happened is not followed here: a function may give any value of its type.
      return CONDITION_FUNCTIONS.get(e.fn)?.returns === 'boolean' ? fromTruth('unknown') : ANY;
    case 'neg': {
      const arg = boundsOf(e.arg, env);
      return arg.kind === 'number' ? { kind: 'number', lo: -arg.hi, hi: -arg.lo } : ANY;
    }
    case 'not':
      return fromTruth(verdictOf(e, env).truth);
    case 'bin':
      if (e.op === 'and' || e.op === 'or') return fromTruth(verdictOf(e, env).truth);
      return binaryBounds(e.op, boundsOf(e.left, env), boundsOf(e.right, env));
    default:
      return ANY;
  }
}

function binaryBounds(op: BinOp, left: Bounds, right: Bounds): Bounds {
  if (op === '==' || op === '!=') {
    const equal = equality(left, right);
    return fromTruth(op === '==' ? equal : equal === 'unknown' ? 'unknown' : equal === 'true' ? 'false' : 'true');
  }
  if (left.kind !== 'number' || right.kind !== 'number') return op === '+' || op === '-' || op === '*' || op === '/' ? ANY : fromTruth('unknown');
  switch (op) {
    case '<':
      return fromTruth(left.hi < right.lo ? 'true' : left.lo >= right.hi ? 'false' : 'unknown');
    case '<=':
      return fromTruth(left.hi <= right.lo ? 'true' : left.lo > right.hi ? 'false' : 'unknown');
    case '>':
      return fromTruth(left.lo > right.hi ? 'true' : left.hi <= right.lo ? 'false' : 'unknown');
    case '>=':
      return fromTruth(left.lo >= right.hi ? 'true' : left.hi < right.lo ? 'false' : 'unknown');
    case '+':
    case '-':
    case '*':
      return arithmetic(op, left, right);
    default:
      return ANY; // `/` by a range that holds 0 gives 0 there: not worth following
  }
}

/** `+`, `-` or `*` of two ranges: the extremes are among the corners, unless a corner is undefined (∞ − ∞, 0 × ∞). */
function arithmetic(op: '+' | '-' | '*', left: NumberBounds, right: NumberBounds): Bounds {
  const corners =
    op === '-'
      ? [left.lo - right.hi, left.hi - right.lo]
      : [left.lo, left.hi].flatMap((a) => [right.lo, right.hi].map((b) => numericOp(op, a, b) as number));
  if (corners.some(Number.isNaN)) return ANY;
  return { kind: 'number', lo: Math.min(...corners), hi: Math.max(...corners) };
}

/** Whether two values are certainly equal, certainly different, or may be either. */
function equality(left: Bounds, right: Bounds): Truth {
  if (left.kind === 'number' && right.kind === 'number') {
    if (left.hi < right.lo || right.hi < left.lo) return 'false';
    return left.lo === left.hi && right.lo === right.hi ? 'true' : 'unknown';
  }
  if (left.kind === 'boolean' && right.kind === 'boolean') {
    const shared = (left.canBeTrue && right.canBeTrue) || (left.canBeFalse && right.canBeFalse);
    if (!shared) return 'false';
    const single = (b: typeof left): boolean => b.canBeTrue !== b.canBeFalse;
    return single(left) && single(right) ? 'true' : 'unknown';
  }
  return 'unknown'; // a type mismatch is the type check's to report
}
