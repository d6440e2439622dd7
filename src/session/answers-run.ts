/**
 * One answers file played against its scenario and judged: the headless drill of `drill run`,
 * then the answers file's `expect:` checked on the drill as it ended, and, if the drill ran
 * into its time limit, why it had not ended. Used by `drill test` (in memory) and `drill run`.
 */
import type { Scenario } from '../scenario/types.js';
import type { DrillCore } from '../engine/core.js';
import { formatClock } from '../conditions/duration.js';
import { impactHistory } from '../report/impact.js';
import type { Answers } from './answers/answers.js';
import { sourceOf } from './answers/answers-check.js';
import { failedExpectations, whyNotEnded, type EndedDrill, type FailedExpectation } from './answers/expectations.js';
import { playHeadless } from './headless.js';
import type { DrillSession } from './session.js';
import { formatProblem } from '../scenario/problems.js';
import type { YamlPath } from '../scenario/source/index.js';

export interface JudgedRun {
  /** Problems that stopped the run (a refused input, an unanswered decision), each `file[:line:col]: message`. */
  readonly errors: string[];
  readonly warnings: string[];
  /** `ended by condition at 29:00`, or `stopped at 12:00` when the run stopped on an error. */
  readonly how: string;
  /** Expectations that did not hold at the end, each at its line in the answers file. */
  readonly failed: FailedExpectation[];
  /** Set when the drill reached its time limit: the end condition and the values that kept it false. */
  readonly limitReason?: string;
  readonly expectations: number;
}

/** Plays `answers` in `session` and judges the ending; `file` names the answers file in messages. */
export function playAndJudge(session: DrillSession, scenario: Scenario, answers: Answers, file: string, startWall: number): JudgedRun {
  const yaml = sourceOf(answers);
  const locate = (path: YamlPath | undefined, message: string): string =>
    path && yaml ? formatProblem(yaml.problemAt(path, message)) : `${file}: ${message}`;
  const outcome = playHeadless(session, scenario, answers, startWall, locate);
  const core = session.actor.getSnapshot().context.core;
  const drill = endedDrill(core);
  const how = drill ? `ended by ${drill.ending.reason} at ${formatClock(drill.t)}` : `stopped at ${formatClock(core.t)}`;
  const expectations = answers.expect?.length ?? 0;
  if (!drill || outcome.errors.length > 0) return { ...outcome, how, failed: [], expectations };
  const failed = failedExpectations(answers, yaml, file, drill);
  const limitReason = whyNotEnded(scenario, drill);
  return { ...outcome, how, failed, expectations, ...(limitReason ? { limitReason } : {}) };
}

/** The drill as it ended, or undefined if it has not. */
function endedDrill(core: DrillCore): EndedDrill | undefined {
  const ended = core.ended;
  if (ended?.type !== 'drill-ended') return undefined;
  const impact = impactHistory(core.records, ended.t);
  return {
    t: ended.t,
    variable: (name) => core.world.get(name),
    history: core,
    ending: { reason: ended.reason, downMs: impact.downMs, degradedMs: impact.degradedMs },
  };
}
