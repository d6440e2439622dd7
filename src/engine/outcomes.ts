/**
 * What happens by itself once something is due or a condition holds: injects fire, decisions
 * open and time out, actions land, consequences apply, chance is drawn, and `settle` re-checks
 * every condition until nothing more changes. Nothing here moves scenario time or takes an input.
 */
import { isTrue, printExpr } from '../conditions/index.js';
import type { Consequence, Decision, Effect, Inject, Option } from '../scenario/types.js';
import type { MilestoneName } from './records.js';
import { dueFor, type Due } from './timetable.js';
import { withoutEmpty } from './without-empty.js';
import { CoreState } from './core-state.js';

/**
 * Milestones that say an incident is over (or easing). Their conditions count only once the
 * incident has begun and they have been false since: before the first impact `nodes >= 60` holds
 * because nothing has broken yet, and `error_rate < 5` holds in the first minute of a slow climb.
 */
const AFTER_INCIDENT: ReadonlySet<MilestoneName> = new Set(['mitigated', 'resolved']);

export abstract class DrillOutcomes extends CoreState {
  /** Recurring injects with a repeat scheduled; a repeat runs only while its id is here. */
  private readonly repeating = new Set<string>();

  protected run(due: Due): void {
    switch (due.kind) {
      case 'inject':
        return due.occurrence === undefined ? this.fireInject(due.id, true) : this.repeatInject(due.id, due.occurrence);
      case 'open':
        return this.openDecision(due.id, true);
      case 'timeout':
        return this.timeout(due.id);
      case 'land':
        return this.land(due.id);
      case 'option-lands':
        return this.landOption(due.id);
      case 'answer':
        return this.answer(due.asked);
      case 'ramp-end':
        return; // the ramp itself lands in moveTo
      case 'limit':
        this.ended = this.emit({ type: 'drill-ended', reason: 'limit' });
    }
  }

  private fireInject(id: string, drawChance: boolean): void {
    const inject = this.scenario.injectById.get(id);
    if (!inject || this.fired.has(id) || this.cancelled.has(id)) return;
    if (drawChance && !this.passesChance(inject)) return;
    this.fired.add(id);
    this.watching.touchId(id);
    this.emit({ type: 'inject-fired', id });
    // An inject that marks the `started` milestone begins the incident as surely as one marked starts_incident.
    if ((inject.startsIncident || inject.milestone === 'started') && this.incidentBeganAt === undefined) this.incidentBeganAt = this.t;
    this.consequences(inject);
    this.happened(id);
    this.scheduleRepeat(inject, 2);
  }

  /**
   * A recurring inject's repeat: unless cancelled, past its `times`, or its `until` holds (checked
   * now, before it happens). Its chance was drawn once, for the series; `after:` and `fired()`
   * went by the first occurrence, so only its record and consequences come again.
   */
  private repeatInject(id: string, occurrence: number): void {
    const inject = this.scenario.injectById.get(id);
    const repeat = inject?.repeat;
    if (!inject || !repeat || !this.repeating.has(id)) return;
    this.repeating.delete(id);
    if (repeat.until && isTrue(repeat.until, this.env)) return;
    this.emit({ type: 'inject-fired', id, occurrence });
    this.consequences(inject);
    this.scheduleRepeat(inject, occurrence + 1);
  }

  /** Schedules occurrence `n` of a recurring inject, if its `times` allow one; cancelling it then stops it. */
  private scheduleRepeat(inject: Inject, n: number): void {
    const repeat = inject.repeat;
    if (!repeat || this.cancelled.has(inject.id) || (repeat.times !== undefined && n > repeat.times)) return;
    this.repeating.add(inject.id);
    this.timetable.push(this.t + repeat.everyMs, { kind: 'inject', id: inject.id, occurrence: n });
  }

  private openDecision(id: string, drawChance: boolean): void {
    const decision = this.scenario.decisionById.get(id);
    if (!decision || this.open.has(id) || this.decided.has(id) || this.cancelled.has(id)) return;
    if (drawChance && !this.passesChance(decision)) return;
    const deadline = decision.timeoutMs === undefined ? undefined : this.t + decision.timeoutMs;
    this.open.set(id, { decision, openedAt: this.t, ...(deadline === undefined ? {} : { deadline }) });
    this.decisionsOpened++;
    this.watching.touchId(id);
    this.emit({ type: 'decision-opened', id });
    if (deadline !== undefined) this.timetable.push(deadline, { kind: 'timeout', id });
  }

  private timeout(id: string): void {
    const open = this.open.get(id);
    // An extended decision keeps its first timeout in the timetable: that one passes by.
    if (!open || (open.deadline !== undefined && this.t < open.deadline)) return;
    const option = open.decision.options.find((o) => o.id === open.decision.default);
    this.open.delete(id);
    this.timedOut.add(id);
    this.decided.set(id, option?.id ?? '');
    this.watching.touchId(id);
    this.emit({ type: 'decision-timed-out', id, ...withoutEmpty({ option: option?.id }) });
    if (option) this.optionTaken(id, option);
    this.happened(id);
  }

  private land(id: string): void {
    const action = this.scenario.actionById.get(id);
    if (!action) return;
    this.inProgress.delete(id);
    this.landed.set(id, (this.landed.get(id) ?? 0) + 1);
    this.watching.touchId(id);
    this.emit({ type: 'action-landed', id });
    this.consequences(action);
    this.happened(id);
  }

  /**
   * An option's consequences: at once, or, with `takes`, when it lands. Either way the decision
   * counts as made now (`chose()`, `after:` it); only what the option does waits.
   */
  protected optionTaken(decision: string, option: Option): void {
    if (!option.takesMs) return this.consequences(option);
    const at = this.t + option.takesMs;
    this.landingOptions.set(decision, { option, at });
    this.timetable.push(at, { kind: 'option-lands', id: decision });
  }

  private landOption(decision: string): void {
    const landing = this.landingOptions.get(decision);
    if (!landing) return;
    this.landingOptions.delete(decision);
    this.emit({ type: 'option-landed', id: decision, option: landing.option.id });
    this.consequences(landing.option);
  }

  private answer(asked: number): void {
    const pending = this.pendingAnswers.get(asked);
    if (!pending) return;
    this.pendingAnswers.delete(asked);
    if (!this.looked.has(pending.id)) this.looked.set(pending.id, this.t);
    this.watching.touchId(pending.id);
    this.emit({ type: 'lookup-answered', id: pending.id, asked, ...withoutEmpty({ by: pending.by }), text: pending.text });
  }

  /** A chance item that fails its draw never happens, and says so in the journal. */
  private passesChance(item: Inject | Decision): boolean {
    const chance = item.trigger.chance;
    if (chance === undefined) return true;
    if (this.random() < chance) return true;
    this.cancelled.add(item.id);
    this.emit({ type: 'inject-skipped', id: item.id, reason: 'chance' });
    return false;
  }

  protected consequences(c: Consequence): void {
    const skipped = this.effectsSkipped(c.effects);
    for (const effect of c.effects) {
      if (skipped?.has(effect)) continue;
      const until = this.world.apply(effect, this.t);
      if (until !== undefined) this.timetable.push(until, { kind: 'ramp-end' });
    }
    this.flushWorld();
    if (c.milestone) this.reach(c.milestone);
    for (const id of c.cancel) this.cancel(id);
    for (const id of c.fire) this.fireInject(id, false);
    for (const id of c.open) this.openDecision(id, false);
  }

  /**
   * The effects whose `if` is false, all checked before any effect applies, so that one effect
   * never decides whether a later one in the list applies. Undefined when none is skipped: most
   * consequences have no `if`, and they cost no set.
   */
  private effectsSkipped(effects: readonly Effect[]): Set<Effect> | undefined {
    let skipped: Set<Effect> | undefined;
    for (const effect of effects) {
      if (effect.onlyIf !== undefined && !isTrue(effect.onlyIf, this.env)) (skipped ??= new Set()).add(effect);
    }
    return skipped;
  }

  private cancel(id: string): void {
    // A recurring inject that has fired can still be cancelled while a repeat is due: its repeats stop.
    if ((this.fired.has(id) && !this.repeating.delete(id)) || this.decided.has(id) || this.cancelled.has(id)) return;
    this.cancelled.add(id);
    this.watching.touchId(id);
    if (this.open.delete(id)) this.emit({ type: 'decision-cancelled', id });
    else if (this.scenario.injectById.has(id)) this.emit({ type: 'inject-cancelled', id });
  }

  /** Schedules whatever waits `after` this id. */
  protected happened(id: string): void {
    this.timetable.happened(id, this.t);
  }

  private reach(name: MilestoneName): void {
    if (this.milestones.has(name)) return;
    this.milestones.set(name, this.t);
    this.watching.touchMilestone(name);
    this.emit({ type: 'milestone', name, source: 'scenario' });
  }

  /**
   * Re-checks conditions until nothing more changes: `when` triggers, milestone conditions,
   * impact, and the end. Bounded, because each inject and decision can happen only once.
   * In each pass the `when` triggers are checked in scenario order, as a full scan would, but
   * only those that something they read has changed since (see `watchlist.ts`).
   */
  protected settle(): void {
    const waiting = this.watching.waiting;
    for (let changed = true; changed && !this.ended; ) {
      changed = false;
      waiting.beginPass();
      for (let w = waiting.next(); w !== undefined; w = waiting.next()) {
        const item = w.item;
        if (this.fired.has(item.id) || this.open.has(item.id) || this.decided.has(item.id) || this.cancelled.has(item.id)) {
          waiting.drop(w);
        } else if (waiting.check(w, this.env)) {
          this.run(dueFor(item));
          changed = true;
        }
      }
      for (const [name, cond] of this.watching.milestones) {
        if (!this.milestones.has(name) && cond.isTrue(this.env) && this.mayReach(name)) this.reach(name);
      }
    }
    this.flushWorld();
    this.updateImpact();
    this.arm();
    if (!this.ended && this.watching.endHolds(this.env)) this.ended = this.emit({ type: 'drill-ended', reason: 'condition' });
  }

  private mayReach(name: MilestoneName): boolean {
    return !AFTER_INCIDENT.has(name) || (this.incidentHasBegun() && this.armed.has(name));
  }

  /**
   * For mitigated and resolved, the scenario's own condition, printed, when it does not hold now
   * (or cannot count yet, the incident not having begun): what a facilitator declaring the
   * incident over should be told. Detected and acknowledged are the team's to call.
   */
  unmetCondition(name: MilestoneName): string | undefined {
    const cond = this.scenario.milestones[name];
    if (!cond || !AFTER_INCIDENT.has(name)) return undefined;
    if (!isTrue(cond, this.env)) return printExpr(cond);
    if (!this.incidentHasBegun()) return `${printExpr(cond)} (and the incident has not begun)`;
    return undefined;
  }

  /** Arms each after-incident milestone whose condition is false once the incident has begun. */
  private arm(): void {
    if (this.armed.size === AFTER_INCIDENT.size || !this.incidentHasBegun()) return;
    for (const [name, cond] of this.watching.milestones) {
      if (AFTER_INCIDENT.has(name) && !this.armed.has(name) && !cond.isTrue(this.env)) this.armed.add(name);
    }
  }

  /** The incident has begun once its impact has been seen (down or degraded), or a `starts_incident` inject fired. */
  protected incidentHasBegun(): boolean {
    if (this.incidentBeganAt === undefined && this.watching.impact(this.env) !== 'ok') this.incidentBeganAt = this.t;
    return this.incidentBeganAt !== undefined;
  }

  private updateImpact(): void {
    const level = this.watching.impact(this.env);
    if (level !== 'ok' && this.incidentBeganAt === undefined) this.incidentBeganAt = this.t;
    if (level !== this.impact) {
      this.impact = level;
      this.emit({ type: 'impact', level });
    }
  }
}
