/**
 * The timeline: every event of the drill as one line a reader can follow, in journal order.
 * World changes are left out (they are consequences, summarised elsewhere), and so is the
 * debrief, which has sections of its own. Text stays raw here; the renderers escape it.
 */
import type { DrillRecord } from '../engine/records.js';
import type { Scenario } from '../scenario/index.js';
import { formatClock, formatDuration } from '../conditions/duration.js';
import type { TimelineEntry } from './report-schema.js';
import { occurrenceNote } from '../text/occurrence.js';

/** Short, human names for scenario items, used by the timeline, metrics and resolution. */
export class Names {
  // A decision is named on every record about it (opened, answered, timed out, hints), so each
  // name is worked out once; an inject is usually named once, so caching it would only cost.
  private readonly decisions = new Map<string, string>();

  constructor(private readonly scenario: Scenario) {}

  inject(id: string): string {
    const inject = this.scenario.injectById.get(id);
    if (!inject) return id;
    return shorten(inject.title?.trim() || firstLine(inject.text) || id, 120);
  }

  /** A decision's prompt, shortened: it is repeated on every line about the decision. */
  decision(id: string): string {
    let name = this.decisions.get(id);
    if (name === undefined) {
      name = shorten(firstLine(this.scenario.decisionById.get(id)?.prompt ?? '') || id);
      this.decisions.set(id, name);
    }
    return name;
  }

  option(decisionId: string, optionId: string | undefined): string {
    if (optionId === undefined) return '';
    return this.scenario.decisionById.get(decisionId)?.options.find((o) => o.id === optionId)?.label ?? optionId;
  }

  action(id: string): string {
    return firstLine(this.scenario.actionById.get(id)?.label ?? '') || id;
  }

  /** An inject's or decision's hint, for the line that says a hint was given. */
  hint(id: string): string | undefined {
    return this.scenario.injectById.get(id)?.hint ?? this.scenario.decisionById.get(id)?.hint;
  }
}

/** A milestone as the report says it: `started` is the incident's start. */
export function milestoneName(name: string): string {
  return name === 'started' ? 'incident started' : name;
}

/** Text cut to `max` characters at a word boundary where possible, with an ellipsis. */
export function shorten(text: string, max = 70): string {
  // No more UTF-16 units than `max` is no more characters either: no need to split.
  if (text.length <= max) return text;
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Text in typographic quotes, unless the text is already quoted. */
export function quoted(text: string): string {
  return /^["“'‘].*["”'’]$/s.test(text) ? text : `“${text}”`;
}

/** The first non-empty line of a text. */
export function firstLine(text: string): string {
  // Line by line without splitting the whole text: inject texts can be long terminal dumps.
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end).trim();
    if (line !== '') return line;
    if (end === -1) break;
    start = end + 1;
  }
  return '';
}

/** A record as a short phrase for formulas: `note by Julie`, `action "Add 5 nodes"`. */
export function describeReaction(r: DrillRecord, names: Names, facilitator?: string): string {
  switch (r.type) {
    case 'decision-made':
      return `decision ${quoted(names.decision(r.id))}${r.by ? ` by ${r.by}` : ''}`;
    case 'action-started':
      return `action ${quoted(names.action(r.id))}${r.by ? ` by ${r.by}` : ''}`;
    case 'note':
      // The facilitator writes down what the team says; the note is theirs to record, not to have.
      return r.by !== undefined && r.by === facilitator ? `note recorded by the facilitator, ${r.by}` : `note${r.by ? ` by ${r.by}` : ''}`;
    case 'milestone':
      return `${r.name} marked${r.by ? ` by ${r.by}` : ''}`;
    case 'inject-fired':
      return `${quoted(shorten(names.inject(r.id), 50))}${occurrenceNote(r.occurrence)}`;
    default:
      return r.type;
  }
}

type Line = Pick<TimelineEntry, 'source' | 'what'> & { who?: string | undefined };

/** The timeline entry for one record, or undefined for records the timeline leaves out. */
function entryFor(
  r: DrillRecord,
  scenario: Scenario,
  names: Names,
  ctx: { facilitator?: string; actionBy: Map<number, string>; records: readonly DrillRecord[] },
): Line | undefined {
  const facilitator = ctx.facilitator ?? 'facilitator';
  switch (r.type) {
    case 'clock-started':
      return { source: 'facilitator', who: facilitator, what: 'Scenario clock started' };
    case 'inject-fired': {
      const inject = scenario.injectById.get(r.id);
      return { source: 'inject', who: inject?.from ?? inject?.channel, what: `${inject?.channel ?? 'inject'}: ${names.inject(r.id)}${occurrenceNote(r.occurrence)}` };
    }
    case 'inject-improvised':
      return { source: 'inject', who: r.from ?? facilitator, what: `${r.channel} (improvised by the facilitator): ${firstLine(r.text)}` };
    case 'lookup-answered': {
      const lookup = scenario.lookupById.get(r.id);
      return { source: 'lookup', who: r.by, what: `Looked at: ${lookup?.label ?? r.id}` };
    }
    case 'inject-skipped': {
      const chance = scenario.injectById.get(r.id)?.trigger.chance ?? scenario.decisionById.get(r.id)?.trigger.chance;
      const what = scenario.decisionById.has(r.id) ? `decision ${quoted(names.decision(r.id))}` : quoted(names.inject(r.id));
      return { source: 'scenario', what: `Did not happen this time: ${what} (chance ${chance ?? '?'}, not drawn)` };
    }
    case 'inject-cancelled':
      // A recurring inject cancelled after it fired stops repeating; it did happen.
      return { source: 'scenario', what: `${firedBefore(r, scenario, ctx.records) ? 'Will no longer repeat' : 'Will no longer happen'}: ${quoted(names.inject(r.id))}` };
    case 'decision-opened':
      return { source: 'decision', what: `Decision opened: ${names.decision(r.id)}` };
    case 'decision-made': {
      const answer = r.option !== undefined ? `chose ${quoted(names.option(r.id, r.option))}` : `off-script answer: ${quoted(r.text ?? '')}`;
      const why = r.rationale ? ` (why: ${r.rationale})` : '';
      return { source: 'decision', who: r.by, what: `${quoted(names.decision(r.id))}: ${answer}${takesTime(scenario, r.id, r.option)}${why}` };
    }
    case 'decision-timed-out': {
      const d = scenario.decisionById.get(r.id);
      const after = d?.timeoutMs !== undefined ? ` after ${formatDuration(d.timeoutMs)}` : '';
      const fallback = r.option ? `; default taken: ${quoted(names.option(r.id, r.option))}${takesTime(scenario, r.id, r.option)}` : '';
      return { source: 'decision', what: `${quoted(names.decision(r.id))}: no decision${after}${fallback}` };
    }
    case 'option-landed':
      return { source: 'decision', what: `${quoted(names.decision(r.id))}: ${quoted(names.option(r.id, r.option))} took effect` };
    case 'decision-extended':
      return { source: 'facilitator', who: r.by ?? facilitator, what: `${quoted(names.decision(r.id))}: ${formatDuration(r.ms)} more to decide` };
    case 'correction': {
      const target = ctx.records[r.of];
      // A lookup's asking has no line of its own (its answer has): it is named here by what was asked.
      const asked = target?.type === 'lookup-asked' ? `Asked: ${scenario.lookupById.get(target.id)?.label ?? target.id}` : undefined;
      const original = target ? (entryFor(target, scenario, names, ctx)?.what ?? asked ?? target.type) : `record ${r.of}`;
      const what =
        r.change === 'strike' ? `Struck from the record: ${original}` : r.change === 'credit' ? `Credited to ${r.to ?? 'the team'}: ${original}` : `Amended: ${original}`;
      return { source: 'facilitator', who: r.by ?? facilitator, what: `${what}${r.change === 'strike' && r.text ? ` (${r.text})` : ''}` };
    }
    case 'decision-cancelled':
      return { source: 'scenario', what: `Decision withdrawn: ${quoted(names.decision(r.id))}` };
    case 'action-started': {
      const takes = scenario.actionById.get(r.id)?.takesMs ?? 0;
      return { source: 'action', who: r.by, what: `Started: ${names.action(r.id)}${takes > 0 ? ` (takes ${formatDuration(takes)})` : ''}` };
    }
    case 'action-landed':
      return { source: 'action', who: ctx.actionBy.get(r.seq), what: `Done: ${names.action(r.id)}` };
    case 'hint-shown': {
      const hint = names.hint(r.for);
      return { source: 'facilitator', who: facilitator, what: `Hint${hint ? `: ${firstLine(hint)}` : ` for ${r.for}`}` };
    }
    case 'note':
      return { source: 'note', who: r.by, what: r.text };
    case 'followup':
      return { source: 'note', who: r.owner, what: `Follow-up (${r.kind}): ${r.text}` };
    case 'milestone':
      return r.source === 'facilitator'
        ? { source: 'facilitator', who: r.by ?? facilitator, what: `Milestone: ${milestoneName(r.name)}` }
        : { source: 'scenario', what: `Milestone: ${milestoneName(r.name)}` };
    case 'impact':
      return { source: 'scenario', what: r.level === 'down' ? 'Impact: full outage' : r.level === 'degraded' ? 'Impact: degraded service' : 'Impact over: service normal' };
    case 'paused':
      return { source: 'facilitator', who: facilitator, what: 'Paused' };
    case 'resumed':
      return { source: 'facilitator', who: facilitator, what: 'Resumed' };
    case 'speed':
      return { source: 'facilitator', who: facilitator, what: `Speed set to ×${r.speed}` };
    case 'skipped':
      return { source: 'facilitator', who: facilitator, what: `Skipped ahead to ${formatClock(r.to)}` };
    case 'session-resumed':
      return { source: 'drill', what: 'Session resumed from the journal' };
    case 'drill-ended':
      return {
        source: r.reason === 'facilitator' ? 'facilitator' : 'drill',
        who: r.reason === 'facilitator' ? facilitator : undefined,
        what: r.reason === 'condition' ? 'Drill ended: end condition met' : r.reason === 'limit' ? 'Drill ended: time limit reached' : 'Drill ended by the facilitator',
      };
    default:
      return undefined;
  }
}

/** " (takes 4m)" for an option whose consequences land later; its own `option-landed` entry says when they did. */
export function takesTime(scenario: Scenario, decision: string, option: string | undefined): string {
  const takesMs = option === undefined ? undefined : scenario.decisionById.get(decision)?.options.find((o) => o.id === option)?.takesMs;
  return takesMs ? ` (takes ${formatDuration(takesMs)})` : '';
}

/** For each action-landed record's seq, who started that action (starts and landings pair up in order). */
export function actionStarters(records: readonly DrillRecord[]): Map<number, string> {
  const waiting = new Map<string, (string | undefined)[]>();
  const by = new Map<number, string>();
  for (const r of records) {
    if (r.type === 'action-started') {
      const queue = waiting.get(r.id) ?? [];
      queue.push(r.by);
      waiting.set(r.id, queue);
    }
    if (r.type === 'action-landed') {
      const who = waiting.get(r.id)?.shift();
      if (who !== undefined) by.set(r.seq, who);
    }
  }
  return by;
}

/** The drill's full log, one entry per event, in the order the journal recorded them. */
export function buildTimeline(records: readonly DrillRecord[], scenario: Scenario, facilitator?: string, marks?: ReadonlyMap<number, string>): TimelineEntry[] {
  const names = new Names(scenario);
  const ctx = { facilitator, actionBy: actionStarters(records), records };
  const out: TimelineEntry[] = [];
  for (const r of records) {
    const found = entryFor(r, scenario, names, ctx);
    if (!found) continue;
    const mark = marks?.get(r.seq);
    const line = mark ? { ...found, what: `${found.what} [${mark}]` } : found;
    const wall = isoWall(r.wall);
    // Two literals rather than a spread: same keys in the same order, without a temporary object per event.
    const entry: TimelineEntry =
      line.who !== undefined && line.who !== ''
        ? { seq: r.seq, tMs: r.t, wall, source: line.source, who: line.who, what: line.what }
        : { seq: r.seq, tMs: r.t, wall, source: line.source, what: line.what };
    // The whole text of an inject, when its line above does not already say all of it; a
    // recurring inject's repeat says the same text again, told once at its first occurrence.
    if (r.type === 'inject-fired' && r.occurrence === undefined) {
      const text = scenario.injectById.get(r.id)?.text;
      if (text !== undefined && text.trim() !== '' && !line.what.endsWith(text.trim())) entry.text = text;
    }
    out.push(entry);
  }
  return out;
}

/** An epoch-ms wall time as ISO 8601 UTC; a damaged value reads as an empty string, never a throw. */
export function isoWall(ms: number): string {
  // Date#toISOString per event was a visible share of the report; the date part changes once a
  // day, so it is formatted once and the time of day is plain arithmetic. Integer ms from 1970
  // to 9999 only; anything else (fractions, negatives, far years) takes the Date path.
  if (Number.isInteger(ms) && ms >= 0 && ms < LAST_FOUR_DIGIT_YEAR_MS) {
    const day = Math.floor(ms / DAY_MS);
    if (day !== isoDay.day) isoDay = { day, prefix: new Date(day * DAY_MS).toISOString().slice(0, 11) };
    const inDay = ms - day * DAY_MS;
    const h = Math.floor(inDay / 3_600_000);
    const m = Math.floor(inDay / 60_000) % 60;
    const s = Math.floor(inDay / 1000) % 60;
    const milli = inDay % 1000;
    return `${isoDay.prefix}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  }
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

const DAY_MS = 86_400_000;
const LAST_FOUR_DIGIT_YEAR_MS = Date.UTC(10000, 0, 1);
let isoDay = { day: NaN, prefix: '' };

/** Whether the recurring inject a record names had fired before it (only recurring injects can be cancelled after firing). */
function firedBefore(r: DrillRecord & { id: string }, scenario: Scenario, records: readonly DrillRecord[]): boolean {
  if (!scenario.injectById.get(r.id)?.repeat) return false;
  for (let i = 0; i < r.seq && i < records.length; i++) {
    const earlier = records[i]!;
    if (earlier.type === 'inject-fired' && earlier.id === r.id) return true;
  }
  return false;
}
