/**
 * The report as data: a pure function of the scenario and the journal's records. Everything the
 * Markdown and JSON renderers print comes from here, so `drill report journal.jsonl` rebuilds the
 * same documents the drill wrote, byte for byte. No clock, no randomness, no file system.
 */
import type { DrillRecord, RecordOf } from '../engine/records.js';
import type { Scenario } from '../scenario/index.js';
import { formatClock } from '../conditions/duration.js';
import { REPORT_FORMAT, REPORT_VERSION, type Report } from './report-schema.js';
import { impactHistory, worldExtremes } from './impact.js';
import { responseMetrics } from './metrics.js';
import { buildTimeline, describeReaction, isoWall, Names } from './timeline.js';
import { keyTimeline } from './key-timeline.js';
import { actionOutcomes, decisionOutcomes, milestoneOutcomes } from './outcomes.js';
import { blamelessReview, type TeamText } from './blameless.js';
import { groupRecords } from './record-groups.js';
import { lookupsLooked } from './lookups.js';
import { incidentStart } from './incident.js';
import { debriefFindings } from './debrief.js';
import { scenarioPeople } from './people.js';
import { stats } from './stats.js';
import { comparedValues } from './compared.js';
import { correctJournal } from './corrections.js';

type Started = RecordOf<'drill-started'>;
type Debrief = RecordOf<'debrief'>;

/** Builds the report of a drill from its scenario and its journal's records (drill-started first). */
export function buildReport(scenario: Scenario, journal: readonly DrillRecord[]): Report {
  const started = startedRecord(scenario, journal);
  // What the report counts is the corrected record; the timeline shows each correction too.
  const corrected = correctJournal(journal, started.facilitator);
  const records = corrected.kept;
  const names = new Names(scenario);
  const ended = records.find((r): r is RecordOf<'drill-ended'> => r.type === 'drill-ended');
  const endMs = ended?.t ?? records.reduce((max, r) => Math.max(max, r.t), 0);
  const clock = records.find((r) => r.type === 'clock-started');
  const file = scenario.file;
  const groups = groupRecords(records);
  const impact = impactHistory(groups.impact, endMs);
  const milestones = milestoneOutcomes(scenario, records, names);
  const incident = incidentStart(milestones, impact);
  const compared = comparedValues(scenario);
  const world = worldExtremes(scenario.world, groups.world, endMs).map((v) => (compared.has(v.id) ? { ...v, compared: compared.get(v.id)! } : v));
  const found = debriefFindings(scenario, records, groups, endMs, world);
  const roleTitle = (role: string | undefined) => file.roles.find((r) => r.id === role)?.title;
  const played = new Set(started.team.map((m) => m.role));
  const roleOf = new Map(started.team.filter((m) => m.role !== undefined).map((m) => [m.name, m.role!]));
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
      roles: file.roles.map((r) => (r.title !== undefined ? { id: r.id, title: r.title } : { id: r.id })),
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
      // Only said of a drill that recorded its team: without a team list, nobody is known to play anything.
      rolesWithoutPlayer: started.team.length ? file.roles.filter((r) => !played.has(r.id)).map((r) => r.id) : [],
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
      openAtEnd: impact.openAtEnd,
      intervals: impact.intervals,
    },
    world,
    incident,
    milestones,
    metrics: responseMetrics({
      records,
      milestones,
      impact,
      incident,
      endMs,
      ended: ended !== undefined,
      downCondition: file.impact?.down,
      degradedCondition: file.impact?.degraded,
      describe: (r) => describeReaction(r, names, started.facilitator),
    }),
    decisions: decisionOutcomes(scenario, groups.decision, started.team),
    actions: actionOutcomes(scenario, groups.action),
    timeline: keyTimeline(records, scenario, names, roleOf),
    log: buildTimeline(corrected.shown, scenario, started.facilitator, corrected.marks),
    lookups: lookupsLooked(scenario, records, impact.startMs),
    improvised: records.flatMap((r) =>
      r.type === 'inject-improvised'
        ? [{ tMs: r.t, channel: r.channel, ...(r.from !== undefined ? { from: r.from } : {}), text: r.text, ...(r.audience !== undefined ? { audience: r.audience } : {}) }]
        : [],
    ),
    teamSummary: found.teamSummary,
    causes: found.causes,
    factors: found.factors,
    wentWell: found.wentWell,
    wentPoorly: found.wentPoorly,
    lucky: found.lucky,
    followups: found.followups,
    blameless: blamelessReview(teamTexts(groups.written, groups.debrief, names, found.followups), [...started.team, ...scenarioPeople(scenario)]),
    questions: found.questions,
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
  numbered('summary', 'summary', 'the team’s summary');
  numbered('cause', 'cause', 'cause');
  numbered('went-well', 'went-well', 'went well');
  numbered('went-poorly', 'went-poorly', 'went poorly');
  numbered('lucky', 'lucky', 'lucky');
  followups.forEach((f, i) => texts.push({ kind: 'action', where: `follow-up ${i + 1}`, text: f.text, ...(f.owner ? { owner: f.owner } : {}) }));
  return texts;
}
