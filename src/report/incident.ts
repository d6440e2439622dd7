/**
 * When the incident began, which every response time counts from. The clock start is only when
 * the facilitator pressed a key, and the first inject is often a benign chat line or a note for
 * the facilitator alone; an author marks the inject that starts the incident (`milestone:
 * started`), and without one the first moment users were affected stands in for it.
 */
import type { ReportMilestone } from './report-schema.js';
import type { Report } from './report-schema.js';
import type { ImpactHistory } from './impact.js';

export type Incident = Report['incident'];

/** The incident's start: the `started` milestone, else the first impact, else the clock start. */
export function incidentStart(milestones: readonly ReportMilestone[], impact: ImpactHistory): Incident {
  const started = milestones.find((m) => m.name === 'started');
  if (started?.reachedMs != null) {
    const what = started.trigger ?? started.how;
    return { startMs: started.reachedMs, from: 'milestone', what: what ? `incident started: ${what}` : 'incident started' };
  }
  const first = impact.intervals[0];
  if (first) return { startMs: first.fromMs, from: 'impact', what: first.level === 'down' ? 'first impact: full outage' : 'first impact: degraded service' };
  return { startMs: 0, from: 'clock', what: 'clock start' };
}
