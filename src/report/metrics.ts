/**
 * Response metrics, each with the formula it was computed by. "MTTR" means repair, recover,
 * respond or resolve depending on who says it, so the report never prints a number without the
 * subtraction behind it, and a milestone never reached says so instead of showing a zero.
 * All times are scenario time: T+00:00 is when the facilitator started the clock; response times
 * count from when the incident began (see incident.ts), not from the clock.
 */
import type { DrillRecord, MilestoneName } from '../engine/records.js';
import { formatClock } from '../conditions/duration.js';
import type { ReportMetric, ReportMilestone } from './report-schema.js';
import type { ImpactHistory } from './impact.js';
import type { Incident } from './incident.js';

export interface MetricInput {
  readonly records: readonly DrillRecord[];
  readonly milestones: readonly ReportMilestone[];
  readonly impact: ImpactHistory;
  readonly incident: Incident;
  /** Scenario time the drill ended, or the last recorded time if the journal stops first. */
  readonly endMs: number;
  readonly ended: boolean;
  readonly downCondition?: string;
  readonly degradedCondition?: string;
  /** Labels for ids, for formulas that name what happened. */
  readonly describe: (r: DrillRecord) => string;
}

const MILESTONE_METRICS: readonly { id: ReportMetric['id']; milestone: MilestoneName; label: string }[] = [
  { id: 'detect', milestone: 'detected', label: 'Time to detect' },
  { id: 'acknowledge', milestone: 'acknowledged', label: 'Time to acknowledge' },
  { id: 'mitigate', milestone: 'mitigated', label: 'Time to mitigate' },
  { id: 'resolve', milestone: 'resolved', label: 'Time to resolve' },
];

/** Records that show the team reacting: what they decided, did, wrote down or declared. */
function isTeamReaction(r: DrillRecord): boolean {
  return r.type === 'decision-made' || r.type === 'action-started' || r.type === 'note' || (r.type === 'milestone' && r.source === 'facilitator');
}

/** The incident's start as the right-hand side of a formula. */
function since(incident: Incident): string {
  return `${incident.what} (${formatClock(incident.startMs)})`;
}

/** Time to notice: the first team reaction once the incident had begun, minus its start. */
export function timeToNotice(input: MetricInput): ReportMetric {
  const label = 'Time to notice';
  const { incident } = input;
  const reaction = input.records.find((r) => r.t >= incident.startMs && isTeamReaction(r));
  if (!reaction) return { id: 'notice', label, valueMs: null, formula: `no team reaction (decision, action, note or milestone) after the ${since(incident)}` };
  return {
    id: 'notice',
    label,
    valueMs: reaction.t - incident.startMs,
    fromMs: incident.startMs,
    toMs: reaction.t,
    formula: `first team reaction (${input.describe(reaction)}, ${formatClock(reaction.t)}) − ${since(incident)}`,
  };
}

/** Time from the clock start to each milestone, or why there is no number. */
export function milestoneMetrics(input: MetricInput): ReportMetric[] {
  return MILESTONE_METRICS.map(({ id, milestone, label }) => {
    const m = input.milestones.find((x) => x.name === milestone);
    const reached = m?.reachedMs ?? null;
    if (reached === null) {
      const when = input.ended ? `the drill ended at ${formatClock(input.endMs)}` : `the journal stops at ${formatClock(input.endMs)}`;
      return { id, label, valueMs: null, formula: `not reached: ${when} without "${milestone}"` };
    }
    // Saying what marked it keeps a milestone that a default or a scenario condition set from
    // reading as something the team did.
    const how = m?.byDefault ? `reached by default: ${m.trigger ?? 'a decision timed out'}` : m?.source === 'facilitator' ? `marked by ${m.by ?? 'the facilitator'}` : m?.trigger;
    return {
      id,
      label,
      valueMs: reached - input.incident.startMs,
      fromMs: input.incident.startMs,
      toMs: reached,
      formula: `${milestone} (${formatClock(reached)}${how ? `, ${how}` : ''}) − ${since(input.incident)}`,
    };
  });
}

/** How long users were affected in all, and how long by outage and by degradation. */
export function impactMetrics(input: MetricInput): ReportMetric[] {
  const { impact } = input;
  const none = !input.downCondition && !input.degradedCondition;
  const label = 'Impact duration';
  let duration: ReportMetric;
  if (none) duration = { id: 'impact', label, valueMs: null, formula: 'the scenario defines no impact conditions' };
  else if (impact.startMs === null || impact.endMs === null) duration = { id: 'impact', label, valueMs: 0, formula: 'no impact: neither condition ever held' };
  else {
    duration = {
      id: 'impact',
      label,
      valueMs: impact.endMs - impact.startMs,
      fromMs: impact.startMs,
      toMs: impact.endMs,
      formula: `end of the last impact (${formatClock(impact.endMs)}) − start of the first (${formatClock(impact.startMs)})`,
    };
  }
  const held = (level: 'down' | 'degraded', condition: string | undefined, ms: number, label: string): ReportMetric => {
    const spans = impact.intervals.filter((i) => i.level === level);
    if (!condition) return { id: level, label, valueMs: null, formula: `the scenario defines no impact.${level} condition` };
    const where = spans.map((i) => `${formatClock(i.fromMs)}–${formatClock(i.toMs)}`).join(', ');
    const also = level === 'degraded' && input.downCondition ? ' and impact.down did not' : '';
    return {
      id: level,
      label,
      valueMs: ms,
      formula: `sum of the time impact.${level} (${condition}) held${also}${spans.length ? `: ${where}` : ': never'}`,
    };
  };
  return [
    duration,
    held('down', input.downCondition, impact.downMs, 'Full outage'),
    held('degraded', input.degradedCondition, impact.degradedMs, 'Degraded service'),
  ];
}

/** Every response metric, in the order the report prints them. */
export function responseMetrics(input: MetricInput): ReportMetric[] {
  return [timeToNotice(input), ...milestoneMetrics(input), ...impactMetrics(input)];
}
