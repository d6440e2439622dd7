/**
 * The drill as it ended, read back from its journal: what fired, was decided, taken and reached,
 * and the world's final values. The debrief's conditions (a factor's `when:` and its branches, a
 * question's `when:`) are asked of this state, because the debrief looks back on the whole drill:
 * `fired('x')` is "x happened", `not fired('x')` is "x never happened".
 */
import { isTrue, type DrillHistory, type ExprEnv } from '../conditions/index.js';
import type { DrillRecord, MilestoneName, RecordOf } from '../engine/records.js';
import type { Factor, Question, Scenario } from '../scenario/index.js';
import { worldExtremes } from './impact.js';
import type { ReportVariable } from './report-schema.js';

/** Scenario time the drill ended, or the last recorded time if the journal stops first. */
export function endTime(records: readonly DrillRecord[]): number {
  const ended = records.find((r) => r.type === 'drill-ended');
  return ended?.t ?? records.reduce((max, r) => Math.max(max, r.t), 0);
}

/**
 * What the condition language can see once the drill is over. `world` is the report's own
 * reading of the world, when it has one already, so that the world is not read twice.
 */
export function endEnv(scenario: Scenario, records: readonly DrillRecord[], endMs = endTime(records), world?: readonly ReportVariable[]): ExprEnv {
  const history = {
    fired: new Set<string>(),
    open: new Map<string, unknown>(),
    decided: new Map<string, string>(),
    timedOut: new Set<string>(),
    startedActions: new Set<string>(),
    landed: new Map<string, number>(),
    looked: new Map<string, number>(),
    milestones: new Map<MilestoneName, number>(),
  } satisfies DrillHistory;
  const worldRecords: DrillRecord[] = [];
  for (const r of records) {
    if (r.t > endMs) break;
    switch (r.type) {
      case 'inject-fired':
        history.fired.add(r.id);
        break;
      case 'decision-opened':
        history.open.set(r.id, true);
        break;
      case 'decision-made':
        history.open.delete(r.id);
        history.decided.set(r.id, r.option ?? '');
        break;
      case 'decision-timed-out':
        history.open.delete(r.id);
        history.timedOut.add(r.id);
        history.decided.set(r.id, r.option ?? '');
        break;
      case 'decision-cancelled':
        history.open.delete(r.id);
        break;
      case 'action-started':
        history.startedActions.add(r.id);
        break;
      case 'action-landed':
        history.landed.set(r.id, (history.landed.get(r.id) ?? 0) + 1);
        break;
      case 'lookup-answered':
        if (!history.looked.has(r.id)) history.looked.set(r.id, r.t);
        break;
      case 'milestone':
        if (!history.milestones.has(r.name)) history.milestones.set(r.name, r.t);
        break;
      case 'world':
        if (!world) worldRecords.push(r);
        break;
    }
  }
  const finals = new Map((world ?? worldExtremes(scenario.world, worldRecords, endMs)).map((v) => [v.id, v.final]));
  return { time: endMs, variable: (name) => finals.get(name), history };
}

/** The debrief questions that apply to this drill, in scenario order (the live debrief asks these). */
export function applicableQuestions(scenario: Scenario, records: readonly DrillRecord[]): Question[] {
  if (scenario.questions.every((q) => q.when === undefined)) return [...scenario.questions];
  return questionsThatApply(scenario.questions, endEnv(scenario, records));
}

/** The questions whose `when:` held for the drill as it ended (or that have none). */
export function questionsThatApply(questions: readonly Question[], env: ExprEnv): Question[] {
  return questions.filter((q) => q.when === undefined || isTrue(q.when, env));
}

/** Whether a planted factor came into play, and what it did: the text of every branch that held, in order. */
export function factorInDrill(factor: Factor, env: ExprEnv): { inPlay: boolean; text?: string } {
  const inPlay = factor.when === undefined || isTrue(factor.when, env);
  const told = factor.branches.filter((b) => isTrue(b.when, env)).map((b) => b.text.trim());
  return told.length ? { inPlay, text: told.join(' ') } : { inPlay };
}

/** The planted factors a debrief cause is linked to (older journals link one, as `factor`). */
export function causeFactors(r: RecordOf<'debrief'>): readonly string[] {
  return r.factors ?? (r.factor !== undefined ? [r.factor] : []);
}
