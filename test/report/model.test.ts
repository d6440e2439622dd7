/**
 * The report model from hand-made journals: each metric and its formula, impact intervals and
 * minutes, the world's extremes on piecewise-linear ramps, decision outcomes and latencies, what
 * marked each milestone, and the findings that depend on the debrief.
 */
import { describe, expect, it } from 'vitest';
import type { DrillRecord, RecordBody } from '../../src/engine/records.js';
import { buildReport } from '../../src/report/model.js';
import { impactHistory, worldExtremes } from '../../src/report/impact.js';
import { impactMetrics, milestoneMetrics, timeToNotice, type MetricInput } from '../../src/report/metrics.js';
import { decisionOutcomes, milestoneOutcomes } from '../../src/report/outcomes.js';
import { Names, describeReaction } from '../../src/report/timeline.js';
import { reportSchema } from '../../src/report/report-schema.js';
import { incidentStart } from '../../src/report/incident.js';
import { fixture } from '../helpers/load.js';

const scenario = fixture('report-mini.yaml');
const WALL = Date.parse('2026-01-15T14:00:00Z');
const s = (seconds: number) => seconds * 1000;

/** A journal from (scenario second, record body) pairs, stamped like the engine stamps them. */
function journal(...entries: [number, RecordBody][]): DrillRecord[] {
  const started: RecordBody = {
    type: 'drill-started',
    scenario: { id: scenario.id, title: scenario.title, version: '2', path: scenario.source.path, hash: scenario.source.hash },
    seed: '7',
    team: [{ name: 'Priya', role: 'ic' }, { name: 'Tom', role: 'ops' }],
    facilitator: 'Sam',
    mode: 'play',
  };
  return [[0, started] as [number, RecordBody], [0, { type: 'clock-started' }] as [number, RecordBody], ...entries].map(
    ([sec, body], seq) => ({ seq, t: s(sec), wall: WALL + s(sec) + 5000, ...body }) as DrillRecord,
  );
}

// The push at 30 s ramps the queue 0 → 900 over 180 s; the revert at 160 s replaces that ramp
// (the queue had reached 650) with a ramp to 0 over 240 s; the drill ends at 300 s.
const played = journal(
  [30, { type: 'inject-fired', id: 'push' }],
  [30, { type: 'world', values: { pool: 5, queue: 0 }, ramps: { queue: { to: 900, until: s(210) } } }],
  [50, { type: 'impact', level: 'degraded' }],
  [90, { type: 'inject-fired', id: 'page' }],
  [90, { type: 'milestone', name: 'detected', source: 'scenario' }],
  [90, { type: 'decision-opened', id: 'respond' }],
  [100, { type: 'note', text: 'queue climbing since the push', by: 'Tom' }],
  [120, { type: 'paused' }],
  [120, { type: 'resumed' }],
  [150, { type: 'impact', level: 'down' }],
  [160, { type: 'decision-made', id: 'respond', option: 'revert', by: 'Priya', rationale: 'last change' }],
  [160, { type: 'world', values: { pool: 10, queue: 650 }, ramps: { queue: { to: 0, until: s(400) } } }],
  [160, { type: 'milestone', name: 'mitigated', source: 'scenario' }],
  [175, { type: 'decision-opened', id: 'comms' }],
  [200, { type: 'impact', level: 'degraded' }],
  [235, { type: 'decision-timed-out', id: 'comms', option: 'hold' }],
  [240, { type: 'action-started', id: 'add-worker', by: 'Tom' }],
  [250, { type: 'milestone', name: 'acknowledged', source: 'facilitator', by: 'Priya' }],
  [300, { type: 'action-landed', id: 'add-worker' }],
  [300, { type: 'world', values: { pool: 11 } }],
  [300, { type: 'drill-ended', reason: 'facilitator' }],
  [300, { type: 'debrief', section: 'cause', text: 'Config pushes skip review', factor: 'no-config-review' }],
  [300, { type: 'debrief', section: 'cause', text: 'Nobody watches the queue' }],
  [300, { type: 'debrief', section: 'action', text: 'Review pool changes', owner: 'Priya', kind: 'prevent' }],
  [300, { type: 'drill-finished' }],
);

function metricInput(records: readonly DrillRecord[], endMs: number, ended = true): MetricInput {
  const names = new Names(scenario);
  const milestones = milestoneOutcomes(scenario, records, names);
  const impact = impactHistory(records, endMs);
  return {
    records,
    milestones,
    impact,
    incident: incidentStart(milestones, impact),
    endMs,
    ended,
    downCondition: 'queue >= 600',
    degradedCondition: 'queue >= 100',
    describe: (r) => describeReaction(r, names),
  };
}

describe('impact', () => {
  it('turns impact changes into intervals and totals, closing the last at the end', () => {
    const h = impactHistory(played, s(300));
    expect(h.intervals).toEqual([
      { level: 'degraded', fromMs: s(50), toMs: s(150) },
      { level: 'down', fromMs: s(150), toMs: s(200) },
      { level: 'degraded', fromMs: s(200), toMs: s(300) },
    ]);
    expect([h.downMs, h.degradedMs, h.startMs, h.endMs]).toEqual([s(50), s(200), s(50), s(300)]);
  });

  it('reports no impact as zero minutes and no interval', () => {
    const h = impactHistory(journal([10, { type: 'inject-fired', id: 'push' }]), s(60));
    expect(h).toEqual({ intervals: [], downMs: 0, degradedMs: 0, startMs: null, endMs: null, openAtEnd: false });
  });
});

describe('the world', () => {
  it('finds extremes on ramps, including the value a ramp reached when it was replaced', () => {
    const byId = Object.fromEntries(worldExtremes(scenario.world, played, s(300)).map((v) => [v.id, v]));
    expect(byId.queue).toMatchObject({ initial: 0, min: 0, minAtMs: 0, max: 650, maxAtMs: s(160), changes: 2 });
    // 650 ramping to 0 over 240 s, 140 s in:
    expect(byId.queue!.final).toBeCloseTo(650 * (100 / 240), 5);
    expect(byId.pool).toMatchObject({ initial: 10, min: 5, minAtMs: s(30), max: 11, maxAtMs: s(300), final: 11 });
    expect(byId.paused_pushes).toMatchObject({ initial: false, final: false, changes: 0 });
    expect(byId.paused_pushes!.max).toBeUndefined();
  });

  it('dates a clamped ramp’s extreme to when it hit the bound, not when the ramp ended', () => {
    // pool max is 20: a ramp 10 → 40 over 60 s from 100 s reaches 20 at 120 s.
    const records = journal([100, { type: 'world', values: { pool: 10 }, ramps: { pool: { to: 40, until: s(160) } } }]);
    const pool = worldExtremes(scenario.world, records, s(200)).find((v) => v.id === 'pool')!;
    expect([pool.max, pool.maxAtMs, pool.final]).toEqual([20, s(120), 20]);
  });
});

describe('response metrics', () => {
  it('time to notice is the first team reaction once the incident began (here its first impact), with its formula', () => {
    const m = timeToNotice(metricInput(played, s(300)));
    expect(m.valueMs).toBe(s(50));
    expect(m.formula).toBe('first team reaction (note by Tom, T+01:40) − first impact: degraded service (T+00:50)');
  });

  it('time to notice counts from the inject an author marked as the start, not from the first inject', () => {
    // A benign chat line first; the push at 30 s starts the incident.
    const marked = journal(
      [0, { type: 'inject-fired', id: 'vip' }],
      [30, { type: 'inject-fired', id: 'push' }],
      [30, { type: 'milestone', name: 'started', source: 'scenario' }],
      [50, { type: 'impact', level: 'degraded' }],
      [75, { type: 'note', text: 'queue climbing', by: 'Tom' }],
    );
    const input = metricInput(marked, s(100));
    expect(input.incident).toEqual({ startMs: s(30), from: 'milestone', what: 'incident started: “config push: checkout pool=5” arrived' });
    expect(timeToNotice(input)).toMatchObject({ valueMs: s(45), formula: 'first team reaction (note by Tom, T+01:15) − incident started: “config push: checkout pool=5” arrived (T+00:30)' });
  });

  it('time to notice says why there is no number', () => {
    const quiet = journal([30, { type: 'inject-fired', id: 'push' }], [60, { type: 'drill-ended', reason: 'limit' }]);
    expect(timeToNotice(metricInput(quiet, s(60)))).toEqual({ id: 'notice', label: 'Time to notice', valueMs: null, formula: 'no team reaction (decision, action, note or milestone) after the clock start (T+00:00)' });
  });

  it('milestone metrics count from the incident start, say what marked each, and a milestone never reached says so', () => {
    const early = played.filter((r) => !(r.type === 'milestone' && r.name === 'acknowledged'));
    const [detect, ack, mitigate, resolve] = milestoneMetrics(metricInput(early, s(300)));
    expect(detect).toEqual({
      id: 'detect',
      label: 'Time to detect',
      valueMs: s(40),
      fromMs: s(50),
      toMs: s(90),
      formula: 'detected (T+01:30, “CheckoutQueueHigh” arrived) − first impact: degraded service (T+00:50)',
    });
    expect(ack).toEqual({ id: 'acknowledge', label: 'Time to acknowledge', valueMs: null, formula: 'not reached: the drill ended at T+05:00 without "acknowledged"' });
    expect(mitigate!.valueMs).toBe(s(110));
    expect(resolve!.formula).toBe('not reached: the drill ended at T+05:00 without "resolved"');
    expect(milestoneMetrics(metricInput(early, s(300), false))[3]!.formula).toContain('the journal stops at T+05:00');
  });

  it('impact metrics give the duration, the outage and the degradation with the intervals', () => {
    const [duration, down, degraded] = impactMetrics(metricInput(played, s(300)));
    expect(duration).toMatchObject({ valueMs: s(250), formula: 'end of the last impact (T+05:00) − start of the first (T+00:50)' });
    expect(down).toMatchObject({ valueMs: s(50), formula: 'sum of the time impact.down (queue >= 600) held: T+02:30–T+03:20' });
    expect(degraded).toMatchObject({
      valueMs: s(200),
      formula: 'sum of the time impact.degraded (queue >= 100) held and impact.down did not: T+00:50–T+02:30, T+03:20–T+05:00',
    });
    const none = impactMetrics({ ...metricInput(played, s(300)), downCondition: undefined, degradedCondition: undefined });
    expect(none.map((m) => m.valueMs)).toEqual([null, null, null]);
    expect(none[0]!.formula).toBe('the scenario defines no impact conditions');
  });
});

describe('decisions and milestones', () => {
  it('gives each decision its outcome, latency and options', () => {
    const [respond, comms] = decisionOutcomes(scenario, played);
    expect(respond).toMatchObject({ outcome: 'chosen', option: 'revert', by: 'Priya', rationale: 'last change', openedMs: s(90), closedMs: s(160), latencyMs: s(70) });
    expect(respond!.options.map((o) => [o.id, o.taken, o.isDefault])).toEqual([['revert', true, false], ['wait', false, true]]);
    expect(comms).toMatchObject({ outcome: 'timed-out', option: 'hold', latencyMs: s(60), timeoutMs: s(60) });
    const offScript = journal([90, { type: 'decision-opened', id: 'respond' }], [95, { type: 'decision-made', id: 'respond', text: 'call the vendor', by: 'Tom' }]);
    expect(decisionOutcomes(scenario, offScript)[0]).toMatchObject({ outcome: 'off-script', text: 'call the vendor', latencyMs: s(5) });
    expect(decisionOutcomes(scenario, offScript)[1]).toMatchObject({ outcome: 'not-opened', openedMs: null, latencyMs: null });
  });

  it('says what marked each milestone: an inject, an option, the facilitator, a condition', () => {
    const ms = milestoneOutcomes(scenario, played, new Names(scenario));
    expect(ms.find((m) => m.name === 'detected')!.how).toBe('“CheckoutQueueHigh” arrived');
    expect(ms.find((m) => m.name === 'mitigated')!.how).toBe('“Revert the config push” was chosen for “The queue is growing. What do you do?” by Priya');
    expect(ms.find((m) => m.name === 'acknowledged')).toMatchObject({ source: 'facilitator', by: 'Priya', how: 'marked by the facilitator' });
    expect(ms.find((m) => m.name === 'resolved')).toEqual({ name: 'resolved', reachedMs: null, source: null });
    const byCondition = journal(
      [200, { type: 'action-landed', id: 'pause-pushes' }],
      [200, { type: 'milestone', name: 'acknowledged', source: 'scenario' }],
    );
    expect(milestoneOutcomes(scenario, byCondition, new Names(scenario)).find((m) => m.name === 'acknowledged')).toMatchObject({
      condition: "fired('page') and started('pause-pushes')",
      trigger: 'the action “Pause config pushes” was done',
    });
  });
});

describe('the whole report', () => {
  const report = buildReport(scenario, played);

  it('is valid against its own schema', () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  it('marks planted factors found only when a cause links to them, and which came into play', () => {
    expect(report.factors.map((f) => [f.id, f.found, f.inPlay, f.inDrill])).toEqual([
      ['no-config-review', true, true, undefined],
      ['no-queue-alert', false, true, 'The page came when the queue passed 300 orders.'],
      // Its `when:` asks for a wait the team never chose: it never came into play.
      ['autoscaler-too-slow', false, false, undefined],
      ['autoscaler-blamed', false, true, undefined],
    ]);
    // A journal written before causes could name several factors links one, as `factor`.
    expect(report.causes).toEqual([{ text: 'Config pushes skip review', factors: ['no-config-review'] }, { text: 'Nobody watches the queue', factors: [] }]);
  });

  it('asks only the debrief questions that apply to the drill as it ended', () => {
    expect(report.questions).toEqual(['What made pool=5 look reasonable?', 'Which signal came first?']);
    const waited = journal(
      [90, { type: 'inject-fired', id: 'page' }],
      [90, { type: 'decision-opened', id: 'respond' }],
      [210, { type: 'decision-timed-out', id: 'respond', option: 'wait' }],
      [210, { type: 'milestone', name: 'acknowledged', source: 'scenario' }],
      [300, { type: 'drill-ended', reason: 'limit' }],
      [300, { type: 'debrief', section: 'cause', text: 'Three things at once', factors: ['no-config-review', 'no-queue-alert', 'autoscaler-too-slow'] }],
    );
    const r = buildReport(scenario, waited);
    expect(r.questions.at(-1)).toBe('Who decided to wait for the autoscaler, and on what information?');
    expect(r.factors.filter((f) => f.found).map((f) => f.id)).toEqual(['no-config-review', 'no-queue-alert', 'autoscaler-too-slow']);
    expect(r.factors.find((f) => f.id === 'autoscaler-too-slow')).toMatchObject({ inPlay: true, inDrill: 'Nobody answered, so the team waited on it by default.' });
    // The default carried the milestone: it is said to be reached by default, never the team's.
    expect(r.milestones.find((m) => m.name === 'acknowledged')).toMatchObject({ reachedMs: s(210), byDefault: true });
    expect(r.metrics.find((m) => m.id === 'acknowledge')!.formula).toContain('reached by default: nobody answered “The queue is growing. What do you do?” in time');
  });

  it('says when a decision was answered by someone who does not play its role, and which roles nobody played', () => {
    const [respond] = decisionOutcomes(scenario, played, [{ name: 'Priya', role: 'ops' }]);
    expect(respond).toMatchObject({ by: 'Priya', byRole: 'ops', outsideRole: true });
    expect(decisionOutcomes(scenario, played, [{ name: 'Priya', role: 'ic' }])[0]!.outsideRole).toBeUndefined();
    // Someone not on the team list cannot be told apart from a player.
    expect(decisionOutcomes(scenario, played, [])[0]!.outsideRole).toBeUndefined();
    expect(report.drill.rolesWithoutPlayer).toEqual(['comms']);
  });

  it('tells the incident in its timeline and keeps the mechanics for the full log', () => {
    const rows = report.timeline.map((e) => `${e.tMs / 1000} ${e.who ?? '-'} ${e.what}`);
    expect(rows).toEqual([
      '30 deploy bot terminal: config push: checkout pool=5',
      '50 - Impact: degraded service',
      '90 PagerDuty page: CheckoutQueueHigh — marks detected',
      '100 Tom queue climbing since the push',
      '150 - Impact: full outage',
      '160 Priya “The queue is growing. What do you do?”: chose “Revert the config push” (open since T+01:30). Why: last change — marks mitigated',
      '200 - Impact: degraded service',
      '235 - “Post to the status page?”: nobody answered in 1m; its default, “Hold”, was taken',
      '240 Tom Add a checkout worker (took effect at T+05:00)',
      '250 Priya Milestone: acknowledged',
      '300 - Drill ended by the facilitator',
    ]);
    expect(report.log.map((e) => e.what)).toEqual(expect.arrayContaining(['Paused', 'Resumed', 'Scenario clock started', 'Decision opened: The queue is growing. What do you do?']));
    // The whole text of an inject is in the log, not cut to its first line.
    expect(report.log.find((e) => e.what.includes('pool=5'))!.text).toBe('$ ./push-config checkout pool=5\nok\n');
  });

  it('records the drill’s metadata, ending and stats', () => {
    expect(report.drill).toMatchObject({ seed: '7', mode: 'play', facilitator: 'Sam', endedMs: s(300), endReason: 'facilitator', finished: true });
    expect(report.drill.team).toEqual([{ name: 'Priya', role: 'ic', roleTitle: 'Incident commander' }, { name: 'Tom', role: 'ops', roleTitle: 'Ops' }]);
    expect(report.stats).toMatchObject({ injectsFired: 2, decisionsOpened: 2, decisionsChosen: 1, decisionsTimedOut: 1, actionsTaken: 1, actionsLanded: 1, notes: 1, pauses: 1, followups: 1, injectsNeverReached: 2 });
    expect(report.followups).toEqual([{ text: 'Review pool changes', owner: 'Priya', type: 'prevent' }]);
  });

  it('notices a scenario file that differs from the one the drill was played with', () => {
    const changed = played.map((r) => (r.type === 'drill-started' ? { ...r, scenario: { ...r.scenario, hash: 'f'.repeat(64) } } : r));
    const r = buildReport(scenario, changed);
    expect([r.scenario.hash, r.scenario.reportHash]).toEqual(['f'.repeat(64), scenario.source.hash]);
  });

  it('is the same for the same inputs', () => {
    expect(JSON.stringify(buildReport(scenario, played))).toBe(JSON.stringify(report));
  });
});
