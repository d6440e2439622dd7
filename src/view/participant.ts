/**
 * The one view of a drill a participant gets: `(scenario, records so far, audience) → visible
 * items`. The web page and `drill watch` both read it, and the facilitator's screen is the only one
 * that sees the whole scenario.
 *
 * It is a fold over the journal's records, so a live server takes each new record once per
 * audience (`ParticipantFeed.push`) instead of reading the whole journal again. What a record
 * shows is decided by `SHOWN` below, one entry per record type: a new type of record stays hidden
 * from participants until someone decides otherwise here.
 */
import type { DrillRecord, RecordOf, RecordType } from '../engine/records.js';
import { applicableQuestions } from '../report/end-state.js';
import type { Decision, Scenario } from '../scenario/index.js';
import type { Audience, DecisionView, Phase, RoleView, ViewChange, ViewItem, ViewState, VoteTally } from './items.js';
import { VisibleMetrics } from './metrics.js';
import { CHANNELS, type Channel } from '../scenario/validate/schema.js';
import { titleWithOccurrence } from '../text/occurrence.js';

/**
 * What each record type can show a participant. `hidden` records never reach a page: the
 * facilitator's own record-keeping (notes, follow-ups, milestones, checkpoints, speed), what the
 * scenario decided not to do (skipped and cancelled injects, which would name what was planned),
 * the engine's judgement of impact, and the debrief's answers (which may name planted factors;
 * the finished report holds them).
 */
const SHOWN: Readonly<Record<RecordType, 'shown' | 'hidden'>> = {
  'drill-started': 'shown',
  'clock-started': 'shown',
  'inject-fired': 'shown',
  'inject-skipped': 'hidden',
  'inject-cancelled': 'hidden',
  // A lookup is shown when its answer arrives (to the lookup's audience), never when it is asked:
  // the asked record carries the answer's text before the team may see it.
  'lookup-asked': 'hidden',
  'lookup-answered': 'shown',
  'inject-improvised': 'shown',
  'decision-opened': 'shown',
  'decision-made': 'shown',
  // The team's reasons, who has the word and corrections are the facilitator's record-keeping,
  // except a credit of an answer or an action that a page showed with a name: the page says it.
  rationale: 'hidden',
  'decision-extended': 'shown',
  speaker: 'hidden',
  correction: 'shown',
  'decision-timed-out': 'shown',
  'decision-cancelled': 'shown',
  'action-started': 'shown',
  'action-landed': 'shown',
  // The team's own answer taking effect, as an action's landing is: what it changed is shown anyway.
  'option-landed': 'shown',
  'hint-shown': 'shown',
  vote: 'shown',
  note: 'hidden',
  followup: 'hidden',
  milestone: 'hidden',
  impact: 'hidden',
  world: 'shown',
  paused: 'shown',
  resumed: 'shown',
  speed: 'hidden',
  skipped: 'hidden',
  'session-resumed': 'hidden',
  checkpoint: 'hidden',
  'drill-ended': 'shown',
  debrief: 'hidden',
  'cause-factors': 'hidden',
  'drill-finished': 'shown',
};

/** The whole view after `records`, with the metrics at scenario time `at` (default: the last record's). */
export function participantView(
  scenario: Scenario,
  records: readonly DrillRecord[],
  audience: Audience,
  at?: number,
): { items: ViewItem[]; state: ViewState } {
  const feed = new ParticipantFeed(scenario, audience);
  const items: ViewItem[] = [];
  for (const r of records) items.push(...(feed.push(r)?.items ?? []));
  return { items, state: feed.stateAt(at ?? records.at(-1)?.t ?? 0) };
}

/** The fold behind `participantView`, one record at a time. */
export class ParticipantFeed {
  private readonly metrics: VisibleMetrics;
  private readonly role: string | undefined;
  private phase: Phase = 'briefing';
  private t = 0;
  private team: readonly { name: string; role?: string }[] = [];
  private facilitator: string | undefined;
  private readonly open = new Map<string, DecisionView>();
  /** Shown injects and opened decisions: what a hint may be about. */
  private readonly shown = new Set<string>();
  /** Hints revealed before what they are about was shown here; they follow it when it is. */
  private readonly waitingHints = new Set<string>();
  /** Decision id → voter name (case-insensitive) → option: a later vote replaces an earlier one. */
  private readonly votes = new Map<string, Map<string, string>>();
  /** Answers and actions this page showed with who did them, by seq: what a credit may be about. */
  private readonly credited = new Map<number, { readonly about: 'answer' | 'action'; readonly label: string }>();
  /** Every record so far, kept only when a debrief question has a condition to ask of them. */
  private readonly history: DrillRecord[] | undefined;

  constructor(
    private readonly scenario: Scenario,
    audience: Audience,
  ) {
    this.metrics = new VisibleMetrics(scenario);
    this.role = audience === 'room' ? undefined : audience.role;
    this.history = scenario.questions.some((q) => q.when !== undefined) ? [] : undefined;
  }

  /** What `record` changes for this audience, or undefined when it shows nothing here. */
  push(record: DrillRecord): ViewChange | undefined {
    this.t = record.t;
    this.history?.push(record);
    if (SHOWN[record.type] === 'hidden') return undefined;
    const items: ViewItem[] = [];
    const changedState = this.take(record, items);
    if (items.length === 0 && !changedState) return undefined;
    return { seq: record.seq, items, state: this.stateAt(record.t) };
  }

  /** The drill's state as this audience sees it at scenario time `t`. */
  stateAt(t: number): ViewState {
    const open = [...this.open.values()].map((d) => ({ ...d, votes: this.votes.get(d.id)?.size ?? 0 }));
    return { phase: this.phase, t, open, metrics: this.metrics.at(t) };
  }

  /** Adds the items `r` shows to `items`; true if it changed the state without adding an item. */
  private take(r: DrillRecord, items: ViewItem[]): boolean {
    const at = { seq: r.seq, t: r.t };
    const s = this.scenario;
    switch (r.type) {
      case 'drill-started':
        this.team = r.team;
        this.facilitator = r.facilitator;
        items.push({ ...at, kind: 'briefing', ...this.briefing() });
        return false;
      case 'clock-started':
        this.phase = 'running';
        items.push({ ...at, kind: 'clock-started' });
        return false;
      case 'inject-fired': {
        const inject = s.injectById.get(r.id);
        if (!inject || (inject.audience !== undefined && inject.audience !== this.role)) return false;
        const { channel, from, text } = inject;
        const title = titleWithOccurrence(inject.title, r.occurrence);
        const onlyFor = inject.audience === undefined ? undefined : this.roleTitle(inject.audience);
        items.push({ ...at, kind: 'inject', channel, ...defined({ from, title, onlyFor }), text });
        this.shownNow(r.id, at, items);
        return false;
      }
      case 'lookup-answered': {
        const lookup = s.lookupById.get(r.id);
        if (!lookup || (lookup.audience !== undefined && lookup.audience !== this.role)) return false;
        const onlyFor = lookup.audience === undefined ? undefined : this.roleTitle(lookup.audience);
        items.push({ ...at, kind: 'inject', channel: lookup.channel, ...defined({ from: lookup.from, title: lookup.label, onlyFor }), text: r.text });
        return false;
      }
      case 'inject-improvised': {
        if (r.audience !== undefined && r.audience !== this.role) return false;
        const channel = (CHANNELS as readonly string[]).includes(r.channel) ? (r.channel as Channel) : 'chat';
        const onlyFor = r.audience === undefined ? undefined : this.roleTitle(r.audience);
        items.push({ ...at, kind: 'inject', channel, ...defined({ from: r.from, title: 'improvised', onlyFor }), text: r.text });
        return false;
      }
      case 'decision-opened': {
        const d = s.decisionById.get(r.id);
        if (!d) return false;
        const view = this.decisionView(d, r.t);
        this.open.set(d.id, view);
        items.push({ ...at, kind: 'decision-opened', decision: view });
        this.shownNow(r.id, at, items);
        return false;
      }
      case 'decision-made':
      case 'decision-timed-out':
      case 'decision-cancelled':
        return this.closeDecision(r, items);
      case 'decision-extended': {
        // More time on an open decision: the countdown on every page follows it.
        const open = this.open.get(r.id);
        if (!open || open.timeoutMs === undefined) return false;
        this.open.set(r.id, { ...open, timeoutMs: open.timeoutMs + r.ms });
        return true;
      }
      case 'action-started':
      case 'action-landed': {
        const label = s.actionById.get(r.id)?.label ?? r.id;
        if (r.type === 'action-started') this.credited.set(r.seq, { about: 'action', label });
        items.push(
          r.type === 'action-started'
            ? { ...at, kind: 'action-started', label, ...defined({ by: r.by }) }
            : { ...at, kind: 'action-landed', label },
        );
        return false;
      }
      case 'option-landed': {
        const d = s.decisionById.get(r.id);
        if (!d) return false;
        const answer = d.options.find((o) => o.id === r.option)?.label ?? r.option;
        items.push({ ...at, kind: 'option-landed', prompt: d.prompt, answer });
        return false;
      }
      case 'correction': {
        const shown = r.change === 'credit' ? this.credited.get(r.of) : undefined;
        if (shown) items.push({ ...at, kind: 'recredited', ...shown, ...defined({ by: r.to }) });
        return false;
      }
      case 'hint-shown':
        if (this.shown.has(r.for)) this.hintItem(r.for, at, items);
        else this.waitingHints.add(r.for);
        return false;
      case 'vote': {
        if (!this.open.has(r.id)) return false;
        let byName = this.votes.get(r.id);
        if (!byName) this.votes.set(r.id, (byName = new Map()));
        byName.set(r.name.trim().toLowerCase(), r.option);
        return true;
      }
      case 'world':
        return this.metrics.apply(r);
      case 'paused':
      case 'resumed':
        this.phase = r.type === 'paused' ? 'paused' : 'running';
        items.push({ ...at, kind: r.type });
        return false;
      case 'drill-ended':
        this.phase = 'debrief';
        this.open.clear();
        // Only the questions that apply to this drill, as the facilitator's debrief asks them.
        items.push({ ...at, kind: 'ended', questions: applicableQuestions(s, this.history ?? []).map((q) => q.text) });
        return false;
      case 'drill-finished':
        this.phase = 'finished';
        items.push({ ...at, kind: 'finished' });
        return false;
      default:
        return false;
    }
  }

  private briefing(): Omit<Extract<ViewItem, { kind: 'briefing' }>, 'kind' | 'seq' | 't'> {
    const roles = this.scenario.file.roles.map((r) => this.roleView(r.id));
    const spec = this.scenario.file.roles.find((r) => r.id === this.role);
    const role = spec ? { ...this.roleView(spec.id), ...defined({ brief: spec.brief }) } : undefined;
    return {
      title: this.scenario.title,
      briefing: this.scenario.file.briefing,
      ...defined({ role, facilitator: this.facilitator }),
      roles,
    };
  }

  private roleView(id: string): RoleView {
    return { id, title: this.roleTitle(id), players: this.team.filter((m) => m.role === id).map((m) => m.name) };
  }

  private roleTitle(id: string): string {
    return this.scenario.file.roles.find((r) => r.id === id)?.title ?? id;
  }

  private decisionView(d: Decision, openedAt: number): DecisionView {
    return {
      id: d.id,
      prompt: d.prompt,
      // Ids and labels only: an option's consequences and whether it is the default stay behind.
      options: d.options.map((o) => ({ id: o.id, label: o.label })),
      ...(d.role !== undefined ? { role: this.roleView(d.role) } : {}),
      recordedBy: this.facilitator ?? 'the facilitator',
      openedAt,
      ...(d.timeoutMs !== undefined ? { timeoutMs: d.timeoutMs } : {}),
    };
  }

  private closeDecision(
    r: RecordOf<'decision-made' | 'decision-timed-out' | 'decision-cancelled'>,
    items: ViewItem[],
  ): boolean {
    const open = this.open.get(r.id);
    // A decision withdrawn before it ever opened was never shown: saying so would name what was planned.
    if (!open) return false;
    this.open.delete(r.id);
    const label = (option: string | undefined) => open.options.find((o) => o.id === option)?.label;
    const votes = this.tally(open);
    const base = {
      seq: r.seq,
      t: r.t,
      kind: 'decision-closed',
      id: r.id,
      prompt: open.prompt,
      ...defined({ votes }),
    } as const;
    if (r.type === 'decision-cancelled') items.push({ ...base, how: 'withdrawn' });
    else if (r.type === 'decision-timed-out')
      items.push({ ...base, how: 'timed-out', ...defined({ answer: label(r.option) }) });
    else {
      this.credited.set(r.seq, { about: 'answer', label: open.prompt });
      if (r.option !== undefined)
        items.push({ ...base, how: 'chosen', ...defined({ answer: label(r.option), by: r.by, why: r.rationale }) });
      else items.push({ ...base, how: 'off-script', ...defined({ answer: r.text, by: r.by, why: r.rationale }) });
    }
    return false;
  }

  private tally(d: DecisionView): VoteTally | undefined {
    const byName = this.votes.get(d.id);
    if (!byName || byName.size === 0) return undefined;
    const counts = new Map<string, number>();
    for (const option of byName.values()) counts.set(option, (counts.get(option) ?? 0) + 1);
    const byOption = d.options
      .filter((o) => counts.has(o.id))
      .map((o) => ({ option: o.id, label: o.label, votes: counts.get(o.id)! }));
    return { voters: byName.size, byOption };
  }

  /** `id` (an inject or a decision) is now shown here: a hint already revealed for it follows. */
  private shownNow(id: string, at: { seq: number; t: number }, items: ViewItem[]): void {
    this.shown.add(id);
    if (this.waitingHints.delete(id)) this.hintItem(id, at, items);
  }

  private hintItem(id: string, at: { seq: number; t: number }, items: ViewItem[]): void {
    const inject = this.scenario.injectById.get(id);
    const decision = this.scenario.decisionById.get(id);
    const text = inject?.hint ?? decision?.hint;
    if (text === undefined) return;
    const about = inject ? (inject.title ?? inject.from ?? inject.channel) : (decision?.prompt ?? id);
    items.push({ ...at, kind: 'hint', about, text });
  }
}

/** `o` without its undefined fields, so that the JSON a page gets has no empty keys. */
function defined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
