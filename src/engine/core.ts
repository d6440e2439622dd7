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
import { correctionsFor, creditedTo, type Confidence, type CorrectionChange, type DebriefSection, type FollowupType, type MilestoneName, type Priority } from './records.js';
import { withoutEmpty } from './without-empty.js';
import { clampSpeed } from './speed.js';
import { ScenarioTime } from './scenario-time.js';
import { LookupTexts } from './answers.js';

export type { OpenDecision } from './core-state.js';

/** An answer to a decision: one of its options, or an off-script text. */
export interface DecisionAnswer {
  readonly option?: string;
  readonly text?: string;
  readonly by?: string;
  readonly rationale?: string;
}

/** An inject the facilitator makes up on the spot. */
export interface ImprovisedInject {
  readonly channel: string;
  readonly from?: string;
  readonly text: string;
  readonly audience?: string;
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
  private readonly lookupTexts = new LookupTexts();

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
    if (option) this.optionTaken(id, option);
    this.happened(id);
    this.catchUp();
    return true;
  }

  /** The team's reason for an answer already recorded (never for a default taken on timeout). */
  canExplain(id: string): boolean {
    return this.decided.has(id) && !this.timedOut.has(id);
  }

  explain(wall: number, id: string, text: string, by: string | undefined): void {
    this.wall = wall;
    this.emit(withoutEmpty({ type: 'rationale', id, text: text.trim(), by }));
  }

  canExtend(id: string): boolean {
    return this.open.get(id)?.deadline !== undefined;
  }

  /** More time for an open decision: its deadline moves; scenario time does not stop. */
  extend(wall: number, id: string, ms: number, by: string | undefined): void {
    this.wall = wall;
    const open = this.open.get(id);
    if (open?.deadline === undefined) return;
    const deadline = open.deadline + ms;
    this.open.set(id, { ...open, deadline });
    this.timetable.push(deadline, { kind: 'timeout', id });
    this.emit(withoutEmpty({ type: 'decision-extended', id, ms, by }));
  }

  /** Who speaks for the team from now on (undefined: the team as a whole). */
  setSpeaker(wall: number, name: string | undefined): void {
    this.wall = wall;
    this.speaker = name;
    this.emit(withoutEmpty({ type: 'speaker', name }));
  }

  /** A credit goes to someone on the team (or, without `to`, the team as a whole), and to someone new. */
  canCorrect(of: number, change: CorrectionChange, to?: string): boolean {
    const target = this.records[of];
    if (target === undefined || this.struck.has(of) || !correctionsFor(target).includes(change)) return false;
    if (change !== 'credit') return to === undefined;
    return (to === undefined || this.setup.team.some((m) => m.name === to)) && to !== creditedTo(this.records, target);
  }

  correct(wall: number, of: number, change: CorrectionChange, text: string | undefined, by: string | undefined, to?: string): void {
    this.wall = wall;
    if (change === 'strike') this.struck.add(of);
    this.emit(withoutEmpty({ type: 'correction', of, change, text: text?.trim(), to, by }));
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

  /** Whether the team can make lookup `id` now: it exists, the drill is live, and its `when` holds. */
  canLook(id: string): boolean {
    const lookup = this.scenario.lookupById.get(id);
    if (!lookup || this.ended) return false;
    return !lookup.when || isTrue(lookup.when, this.env);
  }

  /**
   * The team asks the world: the answer is rendered from the world now, recorded with the
   * question, and shown after the lookup's `takes`. A replay passes the recorded `text`, so a
   * template edited since never changes what the team was shown.
   */
  lookup(wall: number, id: string, by: string | undefined, recorded?: { readonly text: string; readonly reveals?: readonly string[] }): boolean {
    this.wall = wall;
    const lookup = this.scenario.lookupById.get(id);
    if (!lookup || !this.canLook(id)) return false;
    const text = recorded?.text ?? this.lookupTexts.render(lookup, this.world.entries());
    // What the answer shows is judged now, with the text, and kept with it for the report.
    const shows = recorded ? (recorded.reveals ?? []) : lookup.reveals.filter((r) => !r.when || isTrue(r.when, this.env)).map((r) => r.factor);
    const asked = this.emit({ type: 'lookup-asked', id, ...withoutEmpty({ by }), text, ...(shows.length ? { reveals: [...shows] } : {}) });
    this.pendingAnswers.set(asked.seq, withoutEmpty({ id, by, text }));
    this.timetable.push(this.t + lookup.takesMs, { kind: 'answer', asked: asked.seq });
    this.catchUp(); // a lookup that takes no time is answered now
    return true;
  }

  /** An inject the script never planned, shown like any other and recorded as improvised. */
  improvise(wall: number, inject: ImprovisedInject): void {
    this.wall = wall;
    this.emit(withoutEmpty({ type: 'inject-improvised', channel: inject.channel, from: inject.from?.trim(), text: inject.text.trim(), audience: inject.audience }));
  }

  markMilestone(wall: number, name: MilestoneName, by: string | undefined): boolean {
    this.wall = wall;
    if (this.milestones.has(name)) return false;
    const unmet = this.unmetCondition(name);
    this.milestones.set(name, this.t);
    this.watching.touchMilestone(name);
    this.emit({ type: 'milestone', name, source: 'facilitator', ...withoutEmpty({ by, unmet }) });
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

  /** Whether the cause recorded at `of` (default: the last cause) can be linked to `factors`, all planted ones. */
  canLinkFactors(of: number | undefined, factors: readonly string[]): boolean {
    const seq = of ?? this.lastCause();
    const target = seq === undefined ? undefined : this.records[seq];
    if (target?.type !== 'debrief' || target.section !== 'cause' || this.struck.has(target.seq)) return false;
    return factors.every((id) => this.scenario.factors.some((f) => f.id === id));
  }

  linkFactors(wall: number, of: number | undefined, factors: readonly string[]): void {
    this.wall = wall;
    const seq = of ?? this.lastCause();
    if (seq !== undefined) this.emit({ type: 'cause-factors', of: seq, factors: [...factors] });
  }

  private lastCause(): number | undefined {
    return this.records.findLast((r) => r.type === 'debrief' && r.section === 'cause')?.seq;
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
