/**
 * The report as data: a pure function of the scenario and the journal's records. Everything the
 * Markdown and JSON renderers print comes from here, so `drill report journal.jsonl` rebuilds the
 * same documents the drill wrote, byte for byte. No clock, no randomness, no file system.
 */
import type { DrillRecord, RecordOf } from '../engine/records.js';
import type { Scenario } from '../scenario/index.js';
import { formatClock } from '../conditions/duration.js';
import { REPORT_FORMAT, REPORT_VERSION, type Report, type ReportStats } from './report-schema.js';
import { impactHistory, worldExtremes } from './impact.js';
import { responseMetrics } from './metrics.js';
import { buildTimeline, describeReaction, isoWall, Names } from './timeline.js';
import { actionOutcomes, decisionOutcomes, milestoneOutcomes } from './outcomes.js';
import { blamelessReview, type TeamText } from './blameless.js';
import { groupRecords } from './record-groups.js';

type Started = RecordOf<'drill-started'>;
type Debrief = RecordOf<'debrief'>;

/** Builds the report of a drill from its scenario and its journal's records (drill-started first). */
export function buildReport(scenario: Scenario, records: readonly DrillRecord[]): Report {
  const started = startedRecord(scenario, records);
  const names = new Names(scenario);
  const ended = records.find((r): r is RecordOf<'drill-ended'> => r.type === 'drill-ended');
  const endMs = ended?.t ?? records.reduce((max, r) => Math.max(max, r.t), 0);
  const clock = records.find((r) => r.type === 'clock-started');
  const file = scenario.file;
  const groups = groupRecords(records);
  const impact = impactHistory(groups.impact, endMs);
  const milestones = milestoneOutcomes(scenario, records, names);
  const debrief = groups.debrief;
  const section = (s: Debrief['section']) => debrief.filter((d) => d.section === s);
  const causes = section('cause').map((d) => ({ text: d.text, ...(d.factor !== undefined ? { factor: d.factor } : {}) }));
  const followups = [
    ...groups.followup.map((r) => ({ text: r.text, ...(r.owner ? { owner: r.owner } : {}), type: r.kind, raisedMs: r.t })),
    ...section('action').map((d) => ({ text: d.text, ...(d.owner ? { owner: d.owner } : {}), type: d.kind ?? ('process' as const) })),
  ];
  const roleTitle = (role: string | undefined) => file.roles.find((r) => r.id === role)?.title;
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    scenario: {
      id: started.scenario.id,
      title: started.scenario.title,
      version: started.scenario.version,
      path: started.scenario.path,
      hash: started.scenario.hash,
      reportHash: scenario.source.hash,
      summary: file.summary,
      difficulty: file.difficulty,
    },
    drill: {
      seed: started.seed,
      mode: started.mode,
      ...(started.facilitator !== undefined ? { facilitator: started.facilitator } : {}),
      team: started.team.map((m) => {
        const title = roleTitle(m.role);
        return { name: m.name, ...(m.role !== undefined ? { role: m.role } : {}), ...(title !== undefined ? { roleTitle: title } : {}) };
      }),
      startedAt: isoWall(started.wall),
      clockStartedAt: clock ? isoWall(clock.wall) : null,
      endedMs: ended?.t ?? null,
      endReason: ended?.type === 'drill-ended' ? ended.reason : null,
      ...(file.end.when !== undefined ? { endCondition: file.end.when } : {}),
      limitMs: scenario.end.limitMs,
      finished: groups.finished,
      scenarioMs: endMs,
    },
    impact: {
      ...(file.impact?.users !== undefined ? { users: file.impact.users } : {}),
      ...(file.impact?.down !== undefined ? { downCondition: file.impact.down } : {}),
      ...(file.impact?.degraded !== undefined ? { degradedCondition: file.impact.degraded } : {}),
      downMs: impact.downMs,
      degradedMs: impact.degradedMs,
      startMs: impact.startMs,
      endMs: impact.endMs,
      intervals: impact.intervals,
    },
    world: worldExtremes(scenario.world, groups.world, endMs),
    milestones,
    metrics: responseMetrics({
      records,
      milestones,
      impact,
      endMs,
      ended: ended !== undefined,
      downCondition: file.impact?.down,
      degradedCondition: file.impact?.degraded,
      describe: (r) => describeReaction(r, names),
    }),
    decisions: decisionOutcomes(scenario, groups.decision),
    actions: actionOutcomes(scenario, groups.action),
    timeline: buildTimeline(records, scenario, started.facilitator),
    causes,
    factors: scenario.factors.map((f) => ({
      id: f.id,
      title: f.title,
      ...(f.kind !== undefined ? { kind: f.kind } : {}),
      explanation: f.explanation,
      found: causes.some((c) => c.factor === f.id),
    })),
    wentWell: section('went-well').map((d) => d.text),
    wentPoorly: section('went-poorly').map((d) => d.text),
    lucky: section('lucky').map((d) => d.text),
    followups,
    blameless: blamelessReview(teamTexts(groups.written, debrief, names, followups), started.team),
    questions: [...scenario.questions],
    stats: stats(records, scenario, endMs),
  };
}

/** The drill-started record, or one made up from the scenario for a journal that lacks it. */
function startedRecord(scenario: Scenario, records: readonly DrillRecord[]): Started {
  const found = records.find((r): r is Started => r.type === 'drill-started');
  if (found) return found;
  const s = scenario;
  return {
    type: 'drill-started',
    seq: 0,
    t: 0,
    wall: records[0]?.wall ?? 0,
    scenario: { id: s.id, title: s.title, version: String(s.file.version), path: s.source.path, hash: s.source.hash },
    seed: '',
    team: [],
    mode: 'run',
  };
}

/** Everything the team wrote, labelled by where it appears in the report, in report order. */
function teamTexts(records: readonly DrillRecord[], debrief: readonly Debrief[], names: Names, followups: Report['followups']): TeamText[] {
  const texts: TeamText[] = [];
  for (const r of records) {
    if (r.type === 'note') texts.push({ kind: 'note', where: `note at ${formatClock(r.t)}${r.by ? ` (${r.by})` : ''}`, text: r.text });
    if (r.type === 'decision-made') {
      const where = `answer to "${names.decision(r.id)}"${r.by ? ` (${r.by})` : ''}`;
      if (r.text) texts.push({ kind: 'decision', where, text: r.text });
      if (r.rationale) texts.push({ kind: 'decision', where: `reason for the ${where}`, text: r.rationale });
    }
  }
  const numbered = (section: Debrief['section'], kind: TeamText['kind'], label: string) =>
    debrief.filter((d) => d.section === section).forEach((d, i) => texts.push({ kind, where: `${label} ${i + 1}`, text: d.text }));
  numbered('cause', 'cause', 'cause');
  numbered('went-well', 'went-well', 'went well');
  numbered('went-poorly', 'went-poorly', 'went poorly');
  numbered('lucky', 'lucky', 'lucky');
  followups.forEach((f, i) => texts.push({ kind: 'action', where: `follow-up ${i + 1}`, text: f.text, ...(f.owner ? { owner: f.owner } : {}) }));
  return texts;
}

function stats(records: readonly DrillRecord[], scenario: Scenario, endMs: number): ReportStats {
  // One pass over the records: a journal of 180,000 records made twenty filters add up.
  const count = new Map<DrillRecord['type'], number>();
  const happened = new Set<string>();
  let skippedByChance = 0;
  let chosen = 0;
  let debriefActions = 0;
  let pausedWallMs = 0;
  let pausedAt: number | undefined;
  let clock: DrillRecord | undefined;
  for (const r of records) {
    count.set(r.type, (count.get(r.type) ?? 0) + 1);
    if (r.type === 'inject-fired' || r.type === 'inject-skipped' || r.type === 'inject-cancelled') happened.add(r.id);
    if (r.type === 'inject-skipped' && scenario.injectById.has(r.id)) skippedByChance++;
    if (r.type === 'decision-made' && r.option !== undefined) chosen++;
    if (r.type === 'debrief' && r.section === 'action') debriefActions++;
    if (r.type === 'clock-started') clock ??= r;
    if (r.type === 'paused') pausedAt = r.wall;
    if (r.type === 'resumed' && pausedAt !== undefined) {
      pausedWallMs += Math.max(0, r.wall - pausedAt);
      pausedAt = undefined;
    }
  }
  const n = (type: DrillRecord['type']) => count.get(type) ?? 0;
  const last = records.at(-1);
  return {
    records: records.length,
    injectsFired: n('inject-fired'),
    injectsSkippedByChance: skippedByChance,
    injectsCancelled: n('inject-cancelled'),
    injectsNeverReached: scenario.injects.filter((i) => !happened.has(i.id)).length,
    decisionsOpened: n('decision-opened'),
    decisionsChosen: chosen,
    decisionsOffScript: n('decision-made') - chosen,
    decisionsTimedOut: n('decision-timed-out'),
    decisionsCancelled: n('decision-cancelled'),
    actionsTaken: n('action-started'),
    actionsLanded: n('action-landed'),
    hintsShown: n('hint-shown'),
    notes: n('note'),
    followups: n('followup') + debriefActions,
    pauses: n('paused'),
    pausedWallMs,
    speedChanges: n('speed'),
    skips: n('skipped'),
    sessionsResumed: n('session-resumed'),
    scenarioMs: endMs,
    wallMs: clock && last ? Math.max(0, last.wall - clock.wall) : 0,
  };
}
