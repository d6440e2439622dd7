/**
 * Plays a drill without a screen, as fast as possible, taking the team's part from an answers
 * file: decisions after their thinking time, actions, notes, hints and milestones at their
 * scenario times, then the debrief. Wall time is derived from the given start, so the same
 * inputs give a byte-identical journal.
 */
import type { Scenario } from '../scenario/index.js';
import type { Answers, DecisionAnswer } from './answers/answers.js';
import { parseDuration, formatClock } from '../conditions/duration.js';
import type { DrillEvent, DebriefSection } from '../engine/machine.js';
import type { DrillSession } from './session.js';
import type { OpenDecision } from '../engine/core.js';
import type { YamlPath } from '../scenario/source/index.js';
import { whyRefused } from './refusals.js';

/** Places a message at a line of the answers file (its path there), as `file:line:col: message`. */
export type Locate = (path: YamlPath | undefined, message: string) => string;

export interface HeadlessOutcome {
  /** Problems that make the run fail: an unanswerable decision, a refused input. */
  errors: string[];
  /** Things worth saying that do not fail the run: answers for decisions that never opened. */
  warnings: string[];
}

type Timed = { at: number; order: number; make: (wall: number) => DrillEvent; describe: string; path: YamlPath };
/** An open decision at the start of a round, with its answer and when that is due (Infinity: none). */
type OpenAtRound = { o: OpenDecision; answer: DecisionAnswer | undefined; at: number };

/** Hoisted: the state is asked once per round, and a round can be a few scenario seconds. */
const RUNNING = { live: 'running' } as const;

/**
 * The driver loops itself: each round it asks the snapshot and the core what is open and what is
 * due, sends the team's inputs due now, then one RUN_TO to the next moment it has something to
 * do. The engine stops that early when a decision opens, and the next round answers it.
 */
export function playHeadless(session: DrillSession, scenario: Scenario, answers: Answers, startWall: number, locate: Locate = (_path, message) => message): HeadlessOutcome {
  const errors: string[] = [];
  const warnings: string[] = [];
  const snapshot = () => session.actor.getSnapshot();
  const core = () => snapshot().context.core;
  const wallAt = (t: number) => startWall + t;
  const send = (event: DrillEvent, what: string, path?: YamlPath): void => {
    if (session.writeError) return; // nothing more can be recorded; the loop stops with the error
    const before = core().records.length;
    // Asked before sending: the reason is about the drill as the input found it.
    const reason = whyRefused(core(), event);
    session.send(event);
    if (core().records.length === before) errors.push(locate(path, `${formatClock(core().t)}: ${what} was refused: ${reason}`));
  };

  const timed = scheduledInputs(answers);
  let nextTimed = 0; // an index, not shift(): shifting a long list of inputs is quadratic
  const answered = new Set<string>();
  const extended = new Set<string>();
  send({ type: 'START', wall: wallAt(0) }, 'starting the clock');
  while (snapshot().matches('live') && errors.length === 0) {
    const now = core().t;
    if (session.writeError || !snapshot().matches(RUNNING)) {
      // A failed journal write pauses the drill (the only way a headless drill pauses): nothing
      // more can be recorded, so it stops here instead of waiting for a resume that never comes.
      const why = session.writeError?.message ?? 'it was paused';
      errors.push(locate(undefined, `${formatClock(now)}: the journal could not be written (${why}); the drill stopped`));
      break;
    }
    // Answer every open decision whose thinking time is over. Rounds are many (about two per
    // decision) and open decisions few: plain loops, no spread or Set per round.
    const openDue: OpenAtRound[] = [];
    for (const o of [...core().open.values()]) {
      const answer = answers.decisions?.[o.decision.id];
      const extension = answer?.extend === undefined ? undefined : parseDuration(answer.extend);
      if (extension && !extended.has(o.decision.id) && o.deadline !== undefined) {
        extended.add(o.decision.id);
        send({ type: 'EXTEND', id: o.decision.id, ms: extension, by: answers.facilitator, wall: wallAt(now) }, `more time for \`${o.decision.id}\``);
      }
      if (!answer && o.decision.timeoutMs === undefined) {
        errors.push(locate(undefined, `${formatClock(o.openedAt)}: decision \`${o.decision.id}\` opened, but the answers file does not answer it and it has no timeout; add \`${o.decision.id}: {choose: <option>}\` under decisions:`));
      }
      openDue.push({ o, answer, at: answer ? o.openedAt + (parseDuration(answer.after ?? 0) ?? 0) : Infinity });
    }
    if (errors.length) break;
    let nextAnswerAt = Infinity;
    for (const d of openDue) {
      if (!d.answer) continue;
      if (d.at > now) {
        nextAnswerAt = Math.min(nextAnswerAt, d.at);
        continue;
      }
      answered.add(d.o.decision.id);
      const a = d.answer;
      for (const v of a.votes ?? []) {
        const vote = { type: 'VOTE', id: d.o.decision.id, option: v.choose, name: v.name, confidence: v.confidence ?? 'medium', role: v.role, wall: wallAt(now) } as const;
        send(vote, `a vote on decision \`${d.o.decision.id}\``, ['decisions', d.o.decision.id]);
      }
      send({ type: 'DECIDE', id: d.o.decision.id, option: a.choose, text: a.text, by: a.by, wall: wallAt(now) }, `answering decision \`${d.o.decision.id}\``, ['decisions', d.o.decision.id]);
      // As in play: the answer is recorded first, and its reason is added to it as a record of its own.
      if (a.note?.trim()) send({ type: 'EXPLAIN', id: d.o.decision.id, text: a.note, by: a.by, wall: wallAt(now) }, `the reason for \`${d.o.decision.id}\``, ['decisions', d.o.decision.id]);
    }
    while (nextTimed < timed.length && timed[nextTimed]!.at <= now) {
      const input = timed[nextTimed++]!;
      const event = input.make(wallAt(now));
      // A hint helps with what the team has in front of them: one for what has not happened yet would be a spoiler.
      if (event.type === 'SHOW_HINT' && !core().fired.has(event.for) && !core().open.has(event.for) && !core().decided.has(event.for)) {
        errors.push(locate(input.path, `${formatClock(now)}: ${input.describe} was refused: \`${event.for}\` has not happened yet; show a hint after its inject fired or its decision opened`));
        continue;
      }
      send(event, input.describe, input.path);
    }
    if (!snapshot().matches('live') || errors.length) break;
    // The team's next input is due at `target`. The engine plays every moment before it by
    // itself (one event, not one per moment) and stops early when a decision opens, so that the
    // next round can answer it. A decision that an input of this round opened is seen by the
    // next round, after one moment, as it always was.
    let openedByInput = false;
    for (const id of core().open.keys()) if (!openDue.some((d) => d.o.decision.id === id)) openedByInput = true;
    const target = Math.min(timed[nextTimed]?.at ?? Infinity, nextAnswerAt, scenario.end.limitMs, openedByInput ? core().nextDueTime() : Infinity);
    if (Math.min(core().nextDueTime(), target) <= now) {
      errors.push(locate(undefined, `${formatClock(now)}: the drill cannot move on (nothing scheduled after this moment)`));
      break;
    }
    session.send({ type: 'RUN_TO', to: target, wallAtZero: startWall, wall: wallAt(target) });
  }

  // After an error these would only repeat it: the run stopped, the drill did not end.
  if (errors.length === 0) {
    for (const id of Object.keys(answers.decisions ?? {})) {
      if (!answered.has(id)) warnings.push(`the answers file answers decision \`${id}\`, but it was not open when its answer was due in this run`);
    }
    for (const input of timed.slice(nextTimed)) warnings.push(`${input.describe} at ${formatClock(input.at)} never happened: the drill had ended`);
  }
  if (errors.length === 0) debrief(session, answers, wallAt(core().t));
  return { errors, warnings };
}

function scheduledInputs(answers: Answers): Timed[] {
  const list: Omit<Timed, 'order'>[] = [];
  // Each input keeps its place in the file, so that a refusal names its line.
  const at = (d: string | number | undefined) => parseDuration(d ?? 0) ?? 0;
  for (const [i, a] of (answers.actions ?? []).entries()) {
    list.push({ path: ['actions', i], at: at(a.at), make: (wall) => ({ type: 'TAKE_ACTION', id: a.do, by: a.by, wall }), describe: `action \`${a.do}\`` });
  }
  for (const [i, l] of (answers.lookups ?? []).entries()) {
    list.push({ path: ['lookups', i], at: at(l.at), make: (wall) => ({ type: 'LOOKUP', id: l.id, by: l.by, wall }), describe: `lookup \`${l.id}\`` });
  }
  for (const [i, n] of (answers.notes ?? []).entries()) {
    list.push({ path: ['notes', i], at: at(n.at), make: (wall) => ({ type: 'NOTE', text: n.text, by: n.by, wall }), describe: 'a note' });
  }
  for (const [i, h] of (answers.hints ?? []).entries()) {
    list.push({ path: ['hints', i], at: at(h.at), make: (wall) => ({ type: 'SHOW_HINT', for: h.for, wall }), describe: `the hint for \`${h.for}\`` });
  }
  for (const [i, m] of (answers.milestones ?? []).entries()) {
    list.push({ path: ['milestones', i], at: at(m.at), make: (wall) => ({ type: 'MARK_MILESTONE', name: m.mark, by: m.by, wall }), describe: `milestone ${m.mark}` });
  }
  for (const [i, f] of (answers.followups ?? []).entries()) {
    list.push({
      path: ['followups', i],
      at: at(f.at),
      make: (wall) => ({ type: 'FOLLOWUP', text: f.text, owner: f.owner, kind: f.type ?? 'process', due: f.due, priority: f.priority, wall }),
      describe: 'a follow-up',
    });
  }
  return list.map((t, order) => ({ ...t, order })).sort((a, b) => a.at - b.at || a.order - b.order);
}

function debrief(session: DrillSession, answers: Answers, wall: number): void {
  const d = answers.debrief;
  const entry = (section: DebriefSection, text: string, extra: Partial<Extract<DrillEvent, { type: 'DEBRIEF' }>> = {}) =>
    session.send({ type: 'DEBRIEF', section, text, ...extra, wall });
  for (const c of d?.causes ?? []) {
    const factors = [...(c.factor !== undefined ? [c.factor] : []), ...(c.factors ?? [])];
    entry('cause', c.text, { factors: factors.length ? [...new Set(factors)] : undefined });
  }
  for (const t of d?.went_well ?? []) entry('went-well', t);
  for (const t of d?.went_poorly ?? []) entry('went-poorly', t);
  for (const t of d?.lucky ?? []) entry('lucky', t);
  for (const a of d?.actions ?? []) entry('action', a.text, { owner: a.owner, kind: a.type ?? 'process', due: a.due, priority: a.priority });
  // Last, as in the live debrief: the summary is written once everything else has been said.
  if (d?.summary) entry('summary', d.summary);
  session.send({ type: 'FINISH', wall });
}
