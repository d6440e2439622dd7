/**
 * Rebuilds a drill from its journal by feeding the recorded inputs back through the machine at
 * their scenario times. The engine is deterministic, so every outcome (injects, timeouts, world
 * changes) comes back by itself; any difference from the journal means the scenario or the
 * engine changed since the drill was recorded, and is reported rather than ignored.
 */
import { createActor, type Actor } from 'xstate';
import type { Scenario } from '../scenario/types.js';
import { drillMachine, type DrillEvent } from './machine.js';
import { isInputRecord, type DrillRecord } from './records.js';

export type DrillActor = Actor<typeof drillMachine>;

export type ReplayResult =
  | { ok: true; actor: DrillActor }
  | { ok: false; message: string; seq?: number };

/** Replays `records` (the journal without its header line) into a new, started actor. */
export function replayJournal(scenario: Scenario, records: readonly DrillRecord[]): ReplayResult {
  const first = records[0];
  if (first?.type !== 'drill-started') return { ok: false, message: 'the journal does not begin with drill-started' };
  const actor = createActor(drillMachine, {
    input: {
      scenario,
      seed: first.seed,
      team: first.team,
      facilitator: first.facilitator,
      mode: first.mode,
      wall: first.wall,
    },
  }).start();
  for (const event of replayEvents(records)) {
    // A finished drill (done) takes no more events; XState would warn about each one.
    if (actor.getSnapshot().status !== 'active') break;
    actor.send(event);
  }
  const replayed = actor.getSnapshot().context.core.records;
  const mismatch = firstDifference(replayed, records);
  if (mismatch) {
    actor.stop();
    return { ok: false, ...mismatch };
  }
  // Replay moves time only to each input, so an outcome between two inputs would carry the later
  // one's wall time; the journal holds when it really happened, and a report must say that.
  for (let i = 0; i < replayed.length; i++) {
    if (replayed[i]!.wall !== records[i]!.wall) replayed[i] = { ...replayed[i]!, wall: records[i]!.wall };
  }
  return { ok: true, actor };
}

/**
 * The events that rebuild a drill from its journal (the header's drill-started aside): each
 * recorded input, after a move of scenario time to the moment it was made, then a last move to
 * where the journal stops.
 */
export function* replayEvents(records: readonly DrillRecord[]): Generator<DrillEvent> {
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    if (!isInputRecord(record)) continue;
    yield { type: 'ADVANCE', to: record.t, wall: record.wall };
    const event = eventFor(record);
    if (event) yield event;
  }
  const last = records.at(-1);
  if (last) yield { type: 'ADVANCE', to: last.t, wall: last.wall };
}

/** The machine event that recorded input `r` came from. */
function eventFor(r: DrillRecord): DrillEvent | undefined {
  const wall = r.wall;
  switch (r.type) {
    case 'clock-started':
      return { type: 'START', wall };
    case 'decision-made':
      return { type: 'DECIDE', id: r.id, option: r.option, text: r.text, by: r.by, rationale: r.rationale, wall };
    case 'rationale':
      return { type: 'EXPLAIN', id: r.id, text: r.text, by: r.by, wall };
    case 'decision-extended':
      return { type: 'EXTEND', id: r.id, ms: r.ms, by: r.by, wall };
    case 'speaker':
      return { type: 'SET_SPEAKER', name: r.name, wall };
    case 'correction':
      return { type: 'CORRECT', of: r.of, change: r.change, text: r.text, to: r.to, by: r.by, wall };
    case 'action-started':
      return { type: 'TAKE_ACTION', id: r.id, by: r.by, wall };
    case 'lookup-asked':
      return { type: 'LOOKUP', id: r.id, by: r.by, text: r.text, reveals: r.reveals, wall };
    case 'inject-improvised':
      return { type: 'IMPROVISE', channel: r.channel, from: r.from, text: r.text, audience: r.audience, wall };
    case 'hint-shown':
      return { type: 'SHOW_HINT', for: r.for, wall };
    case 'vote':
      return { type: 'VOTE', id: r.id, option: r.option, name: r.name, confidence: r.confidence, role: r.role, wall };
    case 'note':
      return { type: 'NOTE', text: r.text, by: r.by, wall };
    case 'followup':
      return { type: 'FOLLOWUP', text: r.text, owner: r.owner, kind: r.kind, due: r.due, priority: r.priority, wall };
    case 'paused':
      return { type: 'PAUSE', wall };
    case 'resumed':
      return { type: 'RESUME', wall };
    case 'speed':
      return { type: 'SET_SPEED', speed: r.speed, wall };
    case 'skipped':
      return { type: 'SKIP', to: r.to, wall };
    case 'session-resumed':
      return { type: 'SESSION_RESUMED', wall };
    case 'checkpoint':
      return { type: 'CHECKPOINT', wall };
    case 'cause-factors':
      return { type: 'LINK_FACTORS', of: r.of, factors: r.factors, wall };
    case 'debrief':
      return { type: 'DEBRIEF', section: r.section, text: r.text, factor: r.factor, factors: r.factors, owner: r.owner, kind: r.kind, due: r.due, priority: r.priority, wall };
    case 'drill-finished':
      return { type: 'FINISH', wall };
    case 'milestone':
      return { type: 'MARK_MILESTONE', name: r.name, by: r.by, wall };
    case 'drill-ended':
      return { type: 'END', wall };
    default:
      return undefined;
  }
}

/** Compares everything but wall time, which real-time play cannot reproduce for outcomes. */
function firstDifference(replayed: readonly DrillRecord[], journal: readonly DrillRecord[]): { message: string; seq: number } | undefined {
  const n = Math.max(replayed.length, journal.length);
  for (let i = 0; i < n; i++) {
    const a = replayed[i];
    const b = journal[i];
    if (!a || !b || describe(a) !== describe(b)) {
      return {
        seq: i,
        message: `replay differs from the journal at record ${i + 1}: journal has ${b ? describe(b) : 'nothing'}, replay gives ${a ? describe(a) : 'nothing'} (was the scenario edited since?)`,
      };
    }
  }
  return undefined;
}

function describe(r: DrillRecord): string {
  const { wall: _wall, ...rest } = r;
  return JSON.stringify(rest, Object.keys(rest).sort());
}
