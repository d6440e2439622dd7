/**
 * The drill's raw numbers for the appendix: records, injects, decisions, actions, pauses, time.
 */
import type { DrillRecord } from '../engine/records.js';
import type { Scenario } from '../scenario/index.js';
import type { ReportStats } from './report-schema.js';

/** Counts and totals of a drill, in one pass over its records. */
export function stats(records: readonly DrillRecord[], scenario: Scenario, endMs: number): ReportStats {
  // One pass over the records: a journal of 180,000 records made twenty filters add up.
  const count = new Map<DrillRecord['type'], number>();
  const happened = new Set<string>();
  let skippedByChance = 0;
  // A recurring inject's repeats, and its cancellations after it fired (which stop a series):
  // neither is another inject fired or cancelled.
  let repeats = 0;
  let seriesStopped = 0;
  const fired = new Set<string>();
  let chosen = 0;
  let debriefActions = 0;
  let pausedWallMs = 0;
  let pausedAt: number | undefined;
  let clock: DrillRecord | undefined;
  for (const r of records) {
    count.set(r.type, (count.get(r.type) ?? 0) + 1);
    if (r.type === 'inject-fired' || r.type === 'inject-skipped' || r.type === 'inject-cancelled') happened.add(r.id);
    if (r.type === 'inject-fired') {
      if (r.occurrence !== undefined) repeats++;
      fired.add(r.id);
    }
    if (r.type === 'inject-cancelled' && fired.has(r.id)) seriesStopped++;
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
    injectsFired: n('inject-fired') - repeats,
    injectsSkippedByChance: skippedByChance,
    injectsCancelled: n('inject-cancelled') - seriesStopped,
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
