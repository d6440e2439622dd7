import { parseExpr, type DrillEnding, type DrillHistory, type Expr, type ExprEnv } from '../../src/conditions/index.js';

/** Parses a condition, failing the test with the message if it does not parse. */
export function parse(source: string): Expr {
  const result = parseExpr(source);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(source)} to parse: ${result.message}`);
  return result.expr;
}

/** What has happened, written briefly: ids listed, decisions with the option taken, actions with how often they landed. */
export interface HistorySketch {
  fired?: string[];
  open?: string[];
  decided?: Record<string, string>;
  timedOut?: string[];
  started?: string[];
  landed?: Record<string, number>;
  milestones?: string[];
  looked?: string[];
  /** Milestones with when they were reached (those in `milestones` were reached at 0). */
  milestonesAt?: Record<string, number>;
  ending?: DrillEnding;
}

/** A drill history as the engine keeps it, from a sketch. */
export function historyOf(sketch: HistorySketch = {}): DrillHistory {
  return {
    fired: new Set(sketch.fired),
    open: new Map((sketch.open ?? []).map((id) => [id, {}])),
    decided: new Map(Object.entries(sketch.decided ?? {})),
    timedOut: new Set(sketch.timedOut),
    startedActions: new Set(sketch.started),
    landed: new Map(Object.entries(sketch.landed ?? {})),
    looked: new Map((sketch.looked ?? []).map((id) => [id, 0])),
    milestones: new Map([...(sketch.milestones ?? []).map((name) => [name, 0] as const), ...Object.entries(sketch.milestonesAt ?? {})]),
    ...(sketch.ending ? { ending: sketch.ending } : {}),
  };
}

/** An environment of plain variables, a clock and a history. */
export function envOf(variables: Record<string, number | boolean> = {}, history: DrillHistory = historyOf(), time = 0): ExprEnv {
  return { time, variable: (name) => variables[name], history };
}
