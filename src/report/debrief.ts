/**
 * The debrief as the report reads it: the team's summary, the causes it named and the planted
 * factors each is linked to, which of the planted factors came into play in this drill and what
 * they did in it, the follow-ups, and the questions that apply. A factor's explanation is the
 * scenario as written; what it did in this drill comes only from a branch whose condition held.
 */
import type { DrillRecord, RecordOf } from '../engine/records.js';
import type { Scenario } from '../scenario/index.js';
import { causeFactors, endEnv, factorInDrill, questionsThatApply } from './end-state.js';
import type { Report, ReportVariable } from './report-schema.js';

type Debrief = RecordOf<'debrief'>;

export interface DebriefFindings {
  readonly teamSummary: Report['teamSummary'];
  readonly causes: Report['causes'];
  readonly factors: Report['factors'];
  readonly wentWell: Report['wentWell'];
  readonly wentPoorly: Report['wentPoorly'];
  readonly lucky: Report['lucky'];
  readonly followups: Report['followups'];
  readonly questions: Report['questions'];
}

/** Everything the report says about the debrief, from the scenario and the journal. */
export function debriefFindings(
  scenario: Scenario,
  records: readonly DrillRecord[],
  groups: { readonly debrief: readonly Debrief[]; readonly followup: readonly RecordOf<'followup'>[] },
  endMs: number,
  world: readonly ReportVariable[],
): DebriefFindings {
  const { debrief, followup: followups } = groups;
  const section = (s: Debrief['section']) => debrief.filter((d) => d.section === s);
  const causes = section('cause').map((d) => ({ text: d.text, factors: [...causeFactors(d)] }));
  const named = new Set(causes.flatMap((c) => c.factors));
  const env = endEnv(scenario, records, endMs, world);
  const factors = scenario.factors.map((f) => {
    const drill = factorInDrill(f, env);
    return {
      id: f.id,
      title: f.title,
      ...(f.kind !== undefined ? { kind: f.kind } : {}),
      explanation: f.explanation,
      found: named.has(f.id),
      inPlay: drill.inPlay,
      ...(drill.text !== undefined ? { inDrill: drill.text } : {}),
    };
  });
  const extra = (r: { due?: string; priority?: 'high' | 'medium' | 'low' }) => ({ ...(r.due ? { due: r.due } : {}), ...(r.priority ? { priority: r.priority } : {}) });
  return {
    teamSummary: section('summary').map((d) => d.text),
    causes,
    factors,
    wentWell: section('went-well').map((d) => d.text),
    wentPoorly: section('went-poorly').map((d) => d.text),
    lucky: section('lucky').map((d) => d.text),
    followups: [
      ...followups.map((r) => ({ text: r.text, ...(r.owner ? { owner: r.owner } : {}), type: r.kind, ...extra(r), raisedMs: r.t })),
      ...section('action').map((d) => ({ text: d.text, ...(d.owner ? { owner: d.owner } : {}), type: d.kind ?? ('process' as const), ...extra(d) })),
    ],
    questions: questionsThatApply(scenario.questions, env).map((q) => q.text),
  };
}
