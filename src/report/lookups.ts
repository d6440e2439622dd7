/**
 * "What the team looked at": every lookup the team made, when, by whom and what it showed, and
 * how long after the start of impact the team first looked at something that shows a planted
 * cause. The texts come from the journal, never from the scenario's templates, so a report
 * rebuilt after the scenario changed shows what the team was actually shown.
 */
import type { DrillRecord } from '../engine/records.js';
import type { Scenario } from '../scenario/types.js';
import type { Report } from './report-schema.js';

/** The report's `lookups` section. */
export function lookupsLooked(scenario: Scenario, records: readonly DrillRecord[], impactStartMs: number | null): Report['lookups'] {
  const asked: Report['lookups']['asked'] = [];
  const bySeq = new Map<number, number>();
  for (const r of records) {
    if (r.type === 'lookup-asked') {
      const lookup = scenario.lookupById.get(r.id);
      bySeq.set(r.seq, asked.length);
      asked.push({
        id: r.id,
        label: lookup?.label ?? r.id,
        askedMs: r.t,
        answeredMs: null,
        ...(r.by !== undefined ? { by: r.by } : {}),
        // As judged when it was asked (the journal's), not the scenario's list as it is now.
        reveals: [...(r.reveals ?? [])],
        text: r.text,
      });
    } else if (r.type === 'lookup-answered') {
      const i = bySeq.get(r.asked);
      if (i !== undefined) asked[i] = { ...asked[i]!, answeredMs: r.t };
    }
  }
  // The first answer on screen that shows a planted factor (a red herring shows no cause), once
  // there is an incident to look into: the nodes list before the shrink shows nothing wrong.
  const causes = new Set(scenario.factors.filter((f) => f.kind !== 'red-herring').map((f) => f.id));
  const revealing = asked.filter(
    (a) => a.answeredMs !== null && (impactStartMs === null || a.answeredMs >= impactStartMs) && a.reveals.some((id) => causes.has(id)),
  );
  const first = revealing.reduce<(typeof asked)[number] | undefined>((best, a) => (best === undefined || a.answeredMs! < best.answeredMs! ? a : best), undefined);
  const firstCauseMs = first?.answeredMs ?? null;
  return {
    offered: scenario.lookups.length,
    asked,
    firstCause: first ? { id: first.id, label: first.label, atMs: first.answeredMs!, ...(first.by !== undefined ? { by: first.by } : {}) } : null,
    impactToFirstCauseMs: firstCauseMs !== null && impactStartMs !== null ? Math.max(0, firstCauseMs - impactStartMs) : null,
  };
}
