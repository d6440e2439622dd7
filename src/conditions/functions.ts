/**
 * The functions of the condition language, in one table: what each argument names, what the
 * call gives, what it means, and how it reads in docs/scenario-format.md. The parser, the
 * checker, the walker of what a condition reads and evaluation all take functions from here,
 * so adding one is an edit to this table (and to the row its test wants in the docs).
 */

/** What a function's first argument can name: the thing whose history the call reads. */
export type IdKind = 'inject' | 'decision' | 'action' | 'lookup' | 'milestone' | 'ending' | 'impact';

/** How a drill can end, as `ended()` names it. */
export const ENDINGS: ReadonlySet<string> = new Set(['condition', 'limit', 'facilitator']);

/** The impact levels `time_in()` can name. */
export const IMPACT_LEVELS: ReadonlySet<string> = new Set(['down', 'degraded']);

/** What is known only once a drill has ended: how it ended, and what users saw in all. */
export interface DrillEnding {
  readonly reason: string;
  /** Total time `impact.down` held. */
  readonly downMs: number;
  /** Total time `impact.degraded` held while `impact.down` did not. */
  readonly degradedMs: number;
}

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
  /** Lookup id -> when the team first made it. */
  readonly looked: ReadonlyMap<string, number>;
  /** Milestone name -> when it was reached. */
  readonly milestones: ReadonlyMap<string, number>;
  /** Set only after the drill has ended, for the end-of-drill functions of `expect:`. */
  readonly ending?: DrillEnding;
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
  /** Known only once the drill has ended: allowed in an answers file's `expect:`, not in a scenario. */
  readonly endOnly?: true;
  /** The number is a span of scenario time, shown as one (`12m30s`) in messages. */
  readonly duration?: true;
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
  { name: 'looked', args: ['lookup'], returns: 'boolean', doc: 'the answer to this lookup has been shown', evaluate: (h, id) => h.looked.has(id) },
  {
    name: 'reached',
    args: ['milestone'],
    returns: 'boolean',
    forBareId: true,
    doc: '`started`, `detected`, `acknowledged`, `mitigated` or `resolved` was marked',
    evaluate: (h, name) => h.milestones.has(name),
  },
  {
    name: 'at',
    args: ['milestone'],
    returns: 'number',
    duration: true,
    doc: 'when the milestone was reached (a duration; later than any time if it never was)',
    // Infinity keeps `at('mitigated') <= 30m` false for a milestone never reached.
    evaluate: (h, name) => h.milestones.get(name) ?? Number.POSITIVE_INFINITY,
  },
  {
    name: 'ended',
    args: ['ending'],
    returns: 'boolean',
    endOnly: true,
    doc: 'the drill ended by `condition` (`end.when`), `limit` or `facilitator` (only in `expect:`)',
    evaluate: (h, how) => h.ending?.reason === how,
  },
  {
    name: 'time_in',
    args: ['impact'],
    returns: 'number',
    endOnly: true,
    duration: true,
    doc: 'how long users saw `down`, or `degraded` (and not down), in all (only in `expect:`)',
    evaluate: (h, level) => (level === 'down' ? (h.ending?.downMs ?? 0) : level === 'degraded' ? (h.ending?.degradedMs ?? 0) : 0),
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
  looked: new Map(),
  milestones: new Map(),
};
