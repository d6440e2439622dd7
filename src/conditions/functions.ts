/**
 * The functions of the condition language, in one table: what each argument names, what the
 * call gives, what it means, and how it reads in docs/scenario-format.md. The parser, the
 * checker, the walker of what a condition reads and evaluation all take functions from here,
 * so adding one is an edit to this table (and to the row its test wants in the docs).
 */

/** What a function's first argument can name: the thing whose history the call reads. */
export type IdKind = 'inject' | 'decision' | 'action' | 'milestone';

/** What a function argument names in the scenario; an `option` follows its decision. */
export type ArgKind = IdKind | 'option';

/**
 * What has happened in a drill so far, as the functions read it. The engine keeps these
 * collections and passes itself in; nothing here knows how they are kept up to date.
 */
export interface DrillHistory {
  readonly fired: ReadonlySet<string>;
  /** Decisions open now, by id. */
  readonly open: ReadonlyMap<string, unknown>;
  /** Decision id -> option taken ('' for an off-script answer or a timeout without default). */
  readonly decided: ReadonlyMap<string, string>;
  readonly timedOut: ReadonlySet<string>;
  readonly startedActions: ReadonlySet<string>;
  /** Action id -> how many times it has landed. */
  readonly landed: ReadonlyMap<string, number>;
  /** Milestone name -> when it was reached. */
  readonly milestones: ReadonlyMap<string, number>;
}

/** One function of the language. */
export interface ConditionFunction {
  readonly name: string;
  /** What each argument names; every argument is a quoted id, and the call reads the first one's history. */
  readonly args: readonly [IdKind, ...ArgKind[]];
  readonly returns: 'number' | 'boolean';
  /** The value of the call, given its arguments as written (`second` is '' for a one-argument function). */
  readonly evaluate: (history: DrillHistory, first: string, second: string) => number | boolean;
  /** What the call is true for, or returns, as the docs' table of functions says it. */
  readonly doc: string;
  /** Suggested when an id of the first argument's kind is written bare, as if it were a variable. */
  readonly forBareId?: true;
}

const FUNCTIONS: readonly ConditionFunction[] = [
  { name: 'fired', args: ['inject'], returns: 'boolean', forBareId: true, doc: 'the inject has fired', evaluate: (h, id) => h.fired.has(id) },
  { name: 'opened', args: ['decision'], returns: 'boolean', doc: 'the decision has opened', evaluate: (h, id) => h.open.has(id) || h.decided.has(id) },
  { name: 'decided', args: ['decision'], returns: 'boolean', forBareId: true, doc: 'it was answered or timed out', evaluate: (h, id) => h.decided.has(id) },
  {
    name: 'chose',
    args: ['decision', 'option'],
    returns: 'boolean',
    doc: 'that option was taken (by the team or by timeout)',
    // '' is what an off-script answer records, which is no option.
    evaluate: (h, id, option) => h.decided.get(id) === option && option !== '',
  },
  { name: 'timedout', args: ['decision'], returns: 'boolean', doc: 'it timed out to its default', evaluate: (h, id) => h.timedOut.has(id) },
  { name: 'started', args: ['action'], returns: 'boolean', doc: 'the action was started at least once', evaluate: (h, id) => h.startedActions.has(id) },
  { name: 'done', args: ['action'], returns: 'boolean', forBareId: true, doc: 'it landed at least once', evaluate: (h, id) => h.landed.has(id) },
  { name: 'count', args: ['action'], returns: 'number', doc: 'how many times it landed (a number)', evaluate: (h, id) => h.landed.get(id) ?? 0 },
  {
    name: 'reached',
    args: ['milestone'],
    returns: 'boolean',
    forBareId: true,
    doc: '`started`, `detected`, `acknowledged`, `mitigated` or `resolved` was marked',
    evaluate: (h, name) => h.milestones.has(name),
  },
];

/** The functions by name, in the order the docs list them. */
export const CONDITION_FUNCTIONS: ReadonlyMap<string, ConditionFunction> = new Map(FUNCTIONS.map((fn) => [fn.name, fn]));

/** A drill in which nothing has happened yet. */
export const EMPTY_HISTORY: DrillHistory = {
  fired: new Set(),
  open: new Map(),
  decided: new Map(),
  timedOut: new Set(),
  startedActions: new Set(),
  landed: new Map(),
  milestones: new Map(),
};
