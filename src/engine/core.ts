/**
 * The live drill, and every input it takes: one method per kind of machine event, each stamped
 * with the wall time the input happened at (the engine never reads a clock of its own).
 * Deterministic: the same scenario, seed and inputs at the same scenario times give the same
 * records.
 *
 * The XState machine (`machine.ts`) owns the drill's phase: it decides which inputs count when,
 * and calls exactly one of these methods for each input it accepts. The layers below hold the
 * state (`core-state.ts`), what happens by itself (`outcomes.ts`) and how scenario time moves
 * (`scenario-time.ts`).
 */
import { isTrue } from '../conditions/index.js';
import type { Confidence, DebriefSection, FollowupType, MilestoneName, Priority } from './records.js';
import { withoutEmpty } from './without-empty.js';
import { clampSpeed } from './speed.js';
import { ScenarioTime } from './scenario-time.js';

export type { OpenDecision } from './core-state.js';

/** An answer to a decision: one of its options, or an off-script text. */
export interface DecisionAnswer {
  readonly option?: string;
  readonly text?: string;
  readonly by?: string;
  readonly rationale?: string;
}

/** One entry of the debrief. */
export interface DebriefEntry {
  readonly section: DebriefSection;
  readonly text: string;
  /** `factor` is how journals written before `factors` link a cause; replay passes it back. */
  readonly factor?: string;
  readonly factors?: readonly string[];
  readonly owner?: string;
  readonly kind?: FollowupType;
  readonly due?: string;
  readonly priority?: Priority;
}

/** A follow-up recorded during the drill. */
export interface FollowupEntry {
  readonly text: string;
  readonly owner?: string;
  readonly kind: FollowupType;
  readonly due?: string;
  readonly priority?: Priority;
}

export class DrillCore extends ScenarioTime {
  // ---- scenario time -----------------------------------------------------------------------

  start(wall: number): void {
    this.wall = wall;
    this.startClock();
  }

  /** Real time passed while running: scenario time moves by it times the speed. */
  tick(wall: number, wallMs: number): void {
    // Whole milliseconds: scenario time in the journal stays readable, and nothing is lost.
    this.advanceTo(this.t + Math.round(wallMs * this.speed), wall);
  }

  /** Plays every moment up to scenario time `to` (never back). */
  advance(wall: number, to: number): void {
    this.advanceTo(Math.max(this.t, to), wall);
  }

  /** `drill run`: plays on to `to`, stopping after a moment at which a decision opened. */
  runTo(wall: number, to: number, wallAtZero: number): void {
    this.wall = wall;
    this.runUntil(to, wallAtZero);
  }

  /** Jumps to `to`, or to the next scheduled inject or decision. */
  skip(wall: number, to: number | undefined): void {
    this.wall = wall;
    const target = to ?? this.nextEventTime();
    if (target === undefined) return;
    this.emit({ type: 'skipped', to: target });
    this.advanceTo(target, wall);
  }

  pause(wall: number): void {
    this.wall = wall;
    this.emit({ type: 'paused' });
  }

  resume(wall: number): void {
    this.wall = wall;
    this.emit({ type: 'resumed' });
  }

  setSpeed(wall: number, speed: number): void {
    this.wall = wall;
    this.speed = clampSpeed(speed);
    this.emit({ type: 'speed', speed: this.speed });
  }

  /** Notes how far scenario time has got, so that a resume after a hard kill starts there. */
  checkpoint(wall: number): void {
    this.wall = wall;
    this.emit({ type: 'checkpoint' });
  }

  // ---- the team's part -----------------------------------------------------------------------

  decide(wall: number, id: string, answer: DecisionAnswer): boolean {
    this.wall = wall;
    const open = this.open.get(id);
    if (!open) return false;
    const option = answer.option === undefined ? undefined : open.decision.options.find((o) => o.id === answer.option);
    if (answer.option !== undefined && !option) return false;
    this.open.delete(id);
    this.decided.set(id, option?.id ?? '');
    this.watching.touchId(id);
    this.emit({ type: 'decision-made', id, ...withoutEmpty({ option: answer.option, text: answer.text?.trim(), by: answer.by, rationale: answer.rationale?.trim() }) });
    if (option) this.consequences(option);
    this.happened(id);
    this.catchUp();
    return true;
  }

  canTake(id: string): boolean {
    const action = this.scenario.actionById.get(id);
    if (!action || this.ended || this.inProgress.has(id)) return false;
    if (action.once && this.startedActions.has(id)) return false;
    return !action.available || isTrue(action.available, this.env);
  }

  takeAction(wall: number, id: string, by: string | undefined): boolean {
    this.wall = wall;
    const action = this.scenario.actionById.get(id);
    if (!action || !this.canTake(id)) return false;
    this.startedActions.add(id);
    this.watching.touchId(id);
    this.inProgress.set(id, this.t + action.takesMs);
    this.emit({ type: 'action-started', id, ...withoutEmpty({ by }) });
    this.timetable.push(this.t + action.takesMs, { kind: 'land', id });
    this.catchUp(); // an action that takes no time lands now; started(...) conditions hold now
    return true;
  }

  markMilestone(wall: number, name: MilestoneName, by: string | undefined): boolean {
    this.wall = wall;
    if (this.milestones.has(name)) return false;
    this.milestones.set(name, this.t);
    this.watching.touchMilestone(name);
    this.emit({ type: 'milestone', name, source: 'facilitator', ...withoutEmpty({ by }) });
    this.catchUp(); // conditions may wait on reached(...)
    return true;
  }

  note(wall: number, text: string, by: string | undefined): void {
    this.wall = wall;
    this.emit(withoutEmpty({ type: 'note', text: text.trim(), by }));
  }

  followup(wall: number, { text, owner, kind, due, priority }: FollowupEntry): void {
    this.wall = wall;
    this.emit(withoutEmpty({ type: 'followup', text: text.trim(), owner, kind, due, priority }));
  }

  /** A participant's vote: recorded as given (the machine checked the decision is open), it changes nothing else. */
  vote(wall: number, v: { id: string; option: string; name: string; confidence: Confidence; role?: string }): void {
    this.wall = wall;
    this.emit({ type: 'vote', id: v.id, option: v.option, name: v.name.trim(), confidence: v.confidence, ...withoutEmpty({ role: v.role }) });
  }

  showHint(wall: number, forId: string): void {
    this.wall = wall;
    this.hintsShown.add(forId);
    this.emit({ type: 'hint-shown', for: forId });
  }

  // ---- the facilitator's part ----------------------------------------------------------------

  endByFacilitator(wall: number): void {
    this.wall = wall;
    if (this.ended) return;
    this.ended = this.emit({ type: 'drill-ended', reason: 'facilitator' });
  }

  debrief(wall: number, entry: DebriefEntry): void {
    this.wall = wall;
    const { factor, factors } = entry;
    this.emit(
      withoutEmpty({
        type: 'debrief',
        section: entry.section,
        text: entry.text.trim(),
        // One factor is written as `factor`, as before, so that older drills still read the
        // journal; only a cause that names several needs `factors`.
        factor: factor ?? (factors?.length === 1 ? factors[0] : undefined),
        factors: factors && factors.length > 1 ? [...factors] : undefined,
        owner: entry.owner,
        kind: entry.kind,
        due: entry.due,
        priority: entry.priority,
      }),
    );
  }

  finish(wall: number): void {
    this.wall = wall;
    this.emit({ type: 'drill-finished' });
  }

  /** A resumed session marks where it picked up. */
  sessionResumed(wall: number): void {
    this.wall = wall;
    this.emit({ type: 'session-resumed' });
  }
}
