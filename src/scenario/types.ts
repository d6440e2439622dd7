/**
 * The compiled scenario: what the engine and the report read. Built from a validated
 * `ScenarioFile` by `compile.ts`: durations are milliseconds, conditions are parsed expressions,
 * lists are indexed by id. Immutable once built.
 */
import type { Expr } from '../conditions/index.js';
import type { Channel, FactorSpec, Milestone, ScenarioFile, VariableSpec } from './validate/schema.js';

/** A 1-based line and column in a scenario file. */
export interface Pos {
  readonly line: number;
  readonly col: number;
}

export type Value = number | boolean;

/** A scenario file's metadata: everything but its injects, decisions, actions and lookups. */
export type ScenarioHeader = Omit<ScenarioFile, 'injects' | 'decisions' | 'actions' | 'lookups'>;

/** One change to the world; with `onlyIf` (the file's `if:`), only when that holds as the consequences run. */
export type Effect = (
  | { readonly kind: 'set'; readonly variable: string; readonly to: Value }
  | { readonly kind: 'add'; readonly variable: string; readonly by: number }
  | { readonly kind: 'ramp'; readonly variable: string; readonly to: number; readonly overMs: number }
) & { readonly onlyIf?: Expr };

/** When an inject fires or a decision opens. No `at`, `after` or `when`: only when fired/opened by something else. */
export interface Trigger {
  readonly atMs?: number;
  readonly after?: string;
  readonly delayMs: number;
  readonly when?: Expr;
  readonly chance?: number;
}

/** What happens when an inject fires, an option is taken or an action lands. */
export interface Consequence {
  readonly effects: readonly Effect[];
  readonly fire: readonly string[];
  readonly cancel: readonly string[];
  readonly open: readonly string[];
  readonly milestone?: Milestone;
}

/** How a recurring inject repeats after its first occurrence (see `engine/outcomes.ts`). */
export interface Repeat {
  readonly everyMs: number;
  /** Occurrences in all, the first included; unbounded when absent. */
  readonly times?: number;
  /** Checked before each repeat: once it holds, the inject repeats no more. */
  readonly until?: Expr;
}

export interface Inject extends Consequence {
  readonly id: string;
  readonly channel: Channel;
  readonly from?: string;
  readonly title?: string;
  readonly text: string;
  readonly trigger: Trigger;
  /** Present on a recurring inject (`every:`). */
  readonly repeat?: Repeat;
  readonly hint?: string;
  /** A note for the facilitator alone: never reaches a participant's view. */
  readonly facilitator?: string;
  readonly audience?: string;
  /** The incident begins when it fires, even before any impact (see `engine/outcomes.ts`). */
  readonly startsIncident?: true;
}

export interface Option extends Consequence {
  readonly id: string;
  readonly label: string;
  /** How long after it is taken its consequences land; absent (or 0) for at once. */
  readonly takesMs?: number;
}

export interface Decision {
  readonly id: string;
  readonly prompt: string;
  readonly trigger: Trigger;
  readonly options: readonly Option[];
  readonly timeoutMs?: number;
  readonly default?: string;
  readonly hint?: string;
  /** A note for the facilitator alone: never reaches a participant's view. */
  readonly facilitator?: string;
  readonly role?: string;
}

export interface Action extends Consequence {
  readonly id: string;
  readonly label: string;
  readonly available?: Expr;
  readonly takesMs: number;
  readonly once: boolean;
}

/** Something the team can look at; its text is a template rendered when the lookup is made. */
export interface Lookup {
  readonly id: string;
  readonly label: string;
  readonly channel: Channel;
  readonly from?: string;
  readonly audience?: string;
  readonly when?: Expr;
  readonly takesMs: number;
  /** The Liquid template as written; `src/template/` parses and renders it. */
  readonly text: string;
  /** Debrief factors this lookup shows: always, or only when its `when` holds as the lookup is made. */
  readonly reveals: readonly { readonly factor: string; readonly when?: Expr }[];
}

/**
 * A planted contributing factor. `when` says whether it came into play and each branch's `when`
 * which text tells what it did; all are checked on the drill as it ended, by the report.
 */
export interface Factor extends Omit<FactorSpec, 'when' | 'branches'> {
  readonly when?: Expr;
  readonly branches: readonly { readonly when: Expr; readonly text: string }[];
}

/** A debrief question, asked only if its condition held for the drill as it ended. */
export interface Question {
  readonly text: string;
  readonly when?: Expr;
}

export interface Scenario {
  /**
   * The file as written (after schema defaults), for the report's metadata; without its
   * injects, decisions and actions, which are only needed compiled (above all for memory).
   */
  readonly file: ScenarioHeader;
  /** Where it was loaded from and the sha256 of its bytes, recorded in the journal. */
  readonly source: { readonly path: string; readonly hash: string };
  readonly id: string;
  readonly title: string;
  readonly world: Readonly<Record<string, VariableSpec>>;
  readonly injects: readonly Inject[];
  readonly decisions: readonly Decision[];
  readonly actions: readonly Action[];
  readonly injectById: ReadonlyMap<string, Inject>;
  readonly decisionById: ReadonlyMap<string, Decision>;
  readonly actionById: ReadonlyMap<string, Action>;
  readonly lookups: readonly Lookup[];
  readonly lookupById: ReadonlyMap<string, Lookup>;
  readonly milestones: Readonly<Partial<Record<Milestone, Expr>>>;
  readonly impact: { readonly down?: Expr; readonly degraded?: Expr; readonly users?: string };
  readonly end: { readonly when?: Expr; readonly limitMs: number };
  readonly factors: readonly Factor[];
  readonly questions: readonly Question[];
}
