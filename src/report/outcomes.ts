/**
 * What became of each decision, action and milestone, read from the journal: who chose what and
 * how long it took, which actions landed, and what marked each milestone (an option, an action,
 * an inject, a condition, or the facilitator) — the facts behind "how it was resolved".
 */
import type { DrillRecord, MilestoneName, TeamMember } from '../engine/records.js';
import type { Consequence, Scenario } from '../scenario/index.js';
import type { ReportAction, ReportDecision, ReportMilestone } from './report-schema.js';
import { actionStarters, quoted, type Names } from './timeline.js';
import { votesByDecision } from './votes.js';
import { occurrenceNote } from '../text/occurrence.js';

type Closing = Extract<DrillRecord, { type: 'decision-made' | 'decision-timed-out' | 'decision-cancelled' }>;
const MILESTONES: readonly MilestoneName[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];

/**
 * Every decision in the scenario, in scenario order, with what the drill made of it. `team` gives
 * each person's role, so that an answer by someone who does not play the decision's role (nobody
 * played it, or someone stepped in) is said as such.
 */
export function decisionOutcomes(scenario: Scenario, records: readonly DrillRecord[], team: readonly TeamMember[] = []): ReportDecision[] {
  const roleOf = new Map(team.filter((m) => m.role !== undefined).map((m) => [m.name, m.role!]));
  const hints = new Set<string>();
  const openedById = new Map<string, DrillRecord>();
  const closedById = new Map<string, Closing>();
  const landedById = new Map<string, number>();
  for (const r of records) {
    if (r.type === 'hint-shown') hints.add(r.for);
    if (r.type === 'option-landed') landedById.set(r.id, r.t);
    if (r.type === 'decision-opened' && !openedById.has(r.id)) openedById.set(r.id, r);
    if ((r.type === 'decision-made' || r.type === 'decision-timed-out' || r.type === 'decision-cancelled') && !closedById.has(r.id)) closedById.set(r.id, r);
  }
  const decisions = scenario.decisions.map((d): ReportDecision => {
    const opened = openedById.get(d.id);
    const closed = closedById.get(d.id);
    let outcome: ReportDecision['outcome'] = opened ? 'open' : 'not-opened';
    if (closed?.type === 'decision-made') outcome = closed.option !== undefined ? 'chosen' : 'off-script';
    else if (closed?.type === 'decision-timed-out') outcome = 'timed-out';
    else if (closed?.type === 'decision-cancelled') outcome = 'cancelled';
    const taken = closed?.type === 'decision-cancelled' ? undefined : closed?.option;
    const openedMs = opened?.t ?? null;
    const closedMs = closed?.t ?? null;
    const by = closed?.type === 'decision-made' ? closed.by : undefined;
    const byRole = by !== undefined ? roleOf.get(by) : undefined;
    // Someone not on the team list, or listed without a role, cannot be told apart from a player.
    const outsideRole = d.role !== undefined && byRole !== undefined && byRole !== d.role;
    return {
      id: d.id,
      prompt: d.prompt,
      ...(d.role !== undefined ? { role: d.role } : {}),
      outcome,
      openedMs,
      closedMs,
      latencyMs: openedMs !== null && closedMs !== null && outcome !== 'cancelled' ? closedMs - openedMs : null,
      ...(d.timeoutMs !== undefined ? { timeoutMs: d.timeoutMs } : {}),
      ...(taken !== undefined ? { option: taken } : {}),
      // Read from the journal: an option that takes time had effect only if its landing is recorded.
      ...(taken !== undefined && d.options.find((o) => o.id === taken)?.takesMs ? { takesEffectMs: landedById.get(d.id) ?? null } : {}),
      ...(closed?.type === 'decision-made' && closed.text !== undefined ? { text: closed.text } : {}),
      ...(closed?.type === 'decision-made' && closed.by !== undefined ? { by: closed.by } : {}),
      ...(closed?.type === 'decision-made' && closed.rationale !== undefined ? { rationale: closed.rationale } : {}),
      ...(byRole !== undefined ? { byRole } : {}),
      ...(outsideRole ? { outsideRole: true as const } : {}),
      hintShown: hints.has(d.id),
      options: d.options.map((o) => ({ id: o.id, label: o.label, taken: o.id === taken, isDefault: o.id === d.default })),
    };
  });
  const votes = votesByDecision(records, decisions);
  return votes.size === 0 ? decisions : decisions.map((d) => (votes.has(d.id) ? { ...d, votes: votes.get(d.id)! } : d));
}

/** Every action the team took, in the order taken, with when it landed (null if it never did). */
export function actionOutcomes(scenario: Scenario, records: readonly DrillRecord[]): ReportAction[] {
  const out: ReportAction[] = [];
  // An action cannot be in progress twice, so each landing belongs to the oldest start still waiting.
  const waiting = new Map<string, ReportAction[]>();
  for (const r of records) {
    if (r.type === 'action-started') {
      const action: ReportAction = { id: r.id, label: scenario.actionById.get(r.id)?.label ?? r.id, ...(r.by !== undefined ? { by: r.by } : {}), startedMs: r.t, landedMs: null };
      out.push(action);
      const queue = waiting.get(r.id) ?? [];
      queue.push(action);
      waiting.set(r.id, queue);
    }
    if (r.type === 'action-landed') {
      const action = waiting.get(r.id)?.shift();
      if (action) action.landedMs = r.t;
    }
  }
  return out;
}

/** Each milestone: when it was first marked, by whom, and what marked it. */
export function milestoneOutcomes(scenario: Scenario, records: readonly DrillRecord[], names: Names): ReportMilestone[] {
  const starters = actionStarters(records);
  return MILESTONES.map((name) => {
    const index = records.findIndex((r) => r.type === 'milestone' && r.name === name);
    const r = records[index];
    if (r?.type !== 'milestone') return { name, reachedMs: null, source: null };
    if (r.source === 'facilitator') {
      const how = r.unmet ? `marked by the facilitator while the scenario's own condition was still unmet: ${r.unmet}` : 'marked by the facilitator';
      return { name, reachedMs: r.t, source: r.source, ...(r.by !== undefined ? { by: r.by } : {}), how };
    }
    return { name, reachedMs: r.t, source: r.source, ...(r.by !== undefined ? { by: r.by } : {}), ...markedBy(name, records, index, scenario, names, starters) };
  });
}

/**
 * What marked a scenario milestone. The engine records a consequence's milestone right after the
 * record that triggered it (and any world/impact records it caused), at the same scenario time;
 * a milestone reached by its `milestones:` condition has no such trigger.
 */
function markedBy(
  name: MilestoneName,
  records: readonly DrillRecord[],
  index: number,
  scenario: Scenario,
  names: Names,
  starters: Map<number, string>,
): Pick<ReportMilestone, 'how' | 'condition' | 'trigger' | 'byDefault'> {
  const t = records[index]!.t;
  // What the team did at this moment explains a condition better than an inject that fired with it.
  let teamTrigger: { what: string; r: DrillRecord } | undefined;
  let anyTrigger: { what: string; r: DrillRecord } | undefined;
  // A default taken because nobody answered is not something the team did: the report says so.
  const byDefault = (r: DrillRecord) => (r.type === 'decision-timed-out' ? { byDefault: true as const } : {});
  for (let i = index - 1; i >= 0 && records[i]!.t === t; i--) {
    const r = records[i]!;
    const what = describeTrigger(r, names, starters);
    if (what === undefined) continue;
    if (consequenceOf(r, scenario)?.milestone === name) return { how: what, trigger: what, ...byDefault(r) };
    anyTrigger ??= { what, r };
    if (r.type !== 'inject-fired') teamTrigger ??= { what, r };
  }
  const trigger = teamTrigger ?? anyTrigger;
  const condition = scenario.file.milestones?.[name];
  if (!condition) return trigger ? { how: trigger.what, trigger: trigger.what, ...byDefault(trigger.r) } : {};
  return {
    how: `its condition (${condition}) became true${trigger ? ` once ${trigger.what}` : ''}`,
    condition,
    ...(trigger ? { trigger: trigger.what, ...byDefault(trigger.r) } : {}),
  };
}

/** The record that set consequences going, as a phrase; undefined for records that trigger nothing. */
function describeTrigger(r: DrillRecord, names: Names, starters: Map<number, string>): string | undefined {
  switch (r.type) {
    case 'decision-made':
      return r.option === undefined ? undefined : `${quoted(names.option(r.id, r.option))} was chosen for ${quoted(names.decision(r.id))}${r.by ? ` by ${r.by}` : ''}`;
    case 'decision-timed-out':
      return `nobody answered ${quoted(names.decision(r.id))} in time, so its default, ${quoted(names.option(r.id, r.option))}, was taken`;
    case 'action-landed': {
      const by = starters.get(r.seq);
      return `the action ${quoted(names.action(r.id))}${by ? `, taken by ${by},` : ''} was done`;
    }
    case 'inject-fired':
      return `${quoted(names.inject(r.id))} arrived${occurrenceNote(r.occurrence)}`;
    case 'option-landed':
      return `${quoted(names.option(r.id, r.option))}, taken for ${quoted(names.decision(r.id))}, took effect`;
    default:
      return undefined;
  }
}

function consequenceOf(r: DrillRecord, scenario: Scenario): Consequence | undefined {
  switch (r.type) {
    case 'inject-fired':
      return scenario.injectById.get(r.id);
    case 'action-landed':
      return scenario.actionById.get(r.id);
    case 'decision-made':
    case 'decision-timed-out': {
      const option = scenario.decisionById.get(r.id)?.options.find((o) => o.id === r.option);
      // An option that takes time marks its milestone when it lands, not when it is taken.
      return option?.takesMs ? undefined : option;
    }
    case 'option-landed':
      return scenario.decisionById.get(r.id)?.options.find((o) => o.id === r.option);
    default:
      return undefined;
  }
}
