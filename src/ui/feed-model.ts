/**
 * The feed as data: one entry per record worth showing, built incrementally. A two-hour drill
 * writes thousands of records; the log reads each record once, when it is new, so keeping the
 * feed current costs the same at minute 110 as at minute 1. Views then draw only the entries that
 * fit on screen (`feed-layout.ts`).
 */
import type { DrillRecord } from '../engine/records.js';
import type { Inject, Scenario } from '../scenario/index.js';
import { CHANNELS, type Channel } from '../scenario/validate/schema.js';
import { formatClock, formatDuration } from '../conditions/duration.js';
import { visibleLine } from '../text/sanitize.js';
import { titleWithOccurrence } from '../text/occurrence.js';

/** What kind of thing a line is about; views pick a colour from it, never meaning alone. */
export type Tone = 'decision' | 'team' | 'facilitator' | 'system';

export interface InjectEntry {
  readonly kind: 'inject';
  readonly seq: number;
  readonly t: number;
  readonly inject: Inject;
}

export interface LineEntry {
  readonly kind: 'line';
  readonly seq: number;
  readonly t: number;
  /** A word or two in capitals: DECIDED, NOTE, MILESTONE. */
  readonly tag: string;
  /** One line of already sanitized text (it may still wrap on screen). */
  readonly text: string;
  readonly tone: Tone;
}

export type FeedEntry = InjectEntry | LineEntry;

export class FeedLog {
  readonly entries: FeedEntry[] = [];
  private read = 0;

  constructor(private readonly scenario: Scenario) {}

  /** Takes in the records not seen yet. */
  sync(records: readonly DrillRecord[]): void {
    for (; this.read < records.length; this.read++) {
      const entry = entryFor(records[this.read]!, this.scenario, records);
      if (entry) this.entries.push(entry);
    }
  }
}

function entryFor(r: DrillRecord, s: Scenario, records: readonly DrillRecord[]): FeedEntry | undefined {
  const line = (tag: string, text: string, tone: Tone): LineEntry => ({ kind: 'line', seq: r.seq, t: r.t, tag, text, tone });
  const by = (who?: string) => (who ? ` (${visibleLine(who)})` : '');
  switch (r.type) {
    case 'inject-fired': {
      const inject = s.injectById.get(r.id);
      if (!inject) return undefined;
      return { kind: 'inject', seq: r.seq, t: r.t, inject: r.occurrence === undefined ? inject : { ...inject, title: titleWithOccurrence(inject.title, r.occurrence) } };
    }
    case 'lookup-asked': {
      const lookup = s.lookupById.get(r.id);
      const takes = lookup && lookup.takesMs > 0 ? `, answer in ${formatDuration(lookup.takesMs)}` : '';
      return line('LOOKED', `${visibleLine(lookup?.label ?? r.id)}${by(r.by)}${takes}`, 'team');
    }
    case 'lookup-answered': {
      const lookup = s.lookupById.get(r.id);
      const title = `${lookup?.label ?? r.id}${r.by ? ` (asked by ${r.by})` : ''}`;
      return { kind: 'inject', seq: r.seq, t: r.t, inject: shownInject(`lookup:${r.id}`, lookup?.channel ?? 'terminal', r.text, { from: lookup?.from, title, audience: lookup?.audience }) };
    }
    case 'inject-improvised': {
      const channel = (CHANNELS as readonly string[]).includes(r.channel) ? (r.channel as Channel) : 'note';
      return { kind: 'inject', seq: r.seq, t: r.t, inject: shownInject('improvised', channel, r.text, { from: r.from, title: 'improvised', audience: r.audience }) };
    }
    case 'clock-started':
      return line('STARTED', 'The scenario clock is running.', 'system');
    case 'decision-opened':
      return line('DECISION', promptOf(s, r.id), 'decision');
    case 'decision-made': {
      const why = r.rationale ? `; why: ${visibleLine(r.rationale)}` : '';
      if (r.option === undefined) return line('OFF-SCRIPT', `${quotedOnce(visibleLine(r.text ?? ''))}${by(r.by)}${why}`, 'decision');
      return line('DECIDED', `${optionLabel(s, r.id, r.option)}${by(r.by)}${why}${takesEffect(s, r.id, r.option)}`, 'decision');
    }
    case 'rationale':
      return line('WHY', `${promptOf(s, r.id)}: ${visibleLine(r.text)}${by(r.by)}`, 'decision');
    case 'decision-extended':
      return line('MORE TIME', `${formatDuration(r.ms)} more for: ${promptOf(s, r.id)}`, 'system');
    case 'correction':
      if (r.change === 'credit') return line('RE-CREDITED', `entry of ${formatClock(records[r.of]?.t ?? 0)} → ${visibleLine(r.to ?? 'the team')}${by(r.by)}`, 'system');
      return line(r.change === 'strike' ? 'STRUCK' : 'AMENDED', `entry of ${formatClock(records[r.of]?.t ?? 0)}${r.text ? `: ${visibleLine(r.text)}` : ''}${by(r.by)}`, 'system');
    case 'option-landed':
      return line('TOOK EFFECT', `${promptOf(s, r.id)} → ${optionLabel(s, r.id, r.option)}`, 'decision');
    case 'decision-timed-out':
      return line('TIMED OUT', `${promptOf(s, r.id)} → ${r.option ? `${optionLabel(s, r.id, r.option)}${takesEffect(s, r.id, r.option)}` : 'no default'}`, 'decision');
    case 'vote': {
      const from = r.role ? `, ${visibleLine(r.role)}'s page` : ", the room's page";
      return line('VOTE', `${visibleLine(r.name)}${from}: ${optionLabel(s, r.id, r.option)} (${r.confidence} confidence)`, 'team');
    }
    case 'decision-cancelled':
      return line('CLOSED', `${promptOf(s, r.id)} (no longer asked)`, 'system');
    case 'action-started': {
      const action = s.actionById.get(r.id);
      const takes = action && action.takesMs > 0 ? `, lands in ${formatDuration(action.takesMs)}` : '';
      return line('ACTION', `${visibleLine(action?.label ?? r.id)}${by(r.by)}${takes}`, 'team');
    }
    case 'action-landed':
      return line('DONE', visibleLine(s.actionById.get(r.id)?.label ?? r.id), 'team');
    case 'note':
      return line('NOTE', `${visibleLine(r.text)}${by(r.by)}`, 'facilitator');
    case 'followup':
      return line('FOLLOW-UP', `${visibleLine(r.text)} [${r.kind}]${r.owner ? ` owner: ${visibleLine(r.owner)}` : ''}`, 'facilitator');
    case 'milestone':
      return line('MILESTONE', `${r.name}${r.source === 'facilitator' ? ' (marked by the facilitator)' : ''}${by(r.by)}`, 'team');
    case 'hint-shown': {
      const hint = s.injectById.get(r.for)?.hint ?? s.decisionById.get(r.for)?.hint ?? '';
      return line('HINT', visibleLine(hint), 'facilitator');
    }
    case 'paused':
      return line('PAUSED', 'Scenario time stopped.', 'system');
    case 'resumed':
      return line('RESUMED', 'Scenario time runs again.', 'system');
    case 'skipped':
      return line('SKIPPED', `ahead to ${formatClock(r.to)}`, 'system');
    case 'session-resumed':
      return line('REOPENED', 'The drill was picked up again from its journal.', 'system');
    case 'drill-ended':
      return line('ENDED', ENDINGS[r.reason], 'system');
    default:
      return undefined;
  }
}

/** ", takes effect in 4m" for an option with `takes:`, so the facilitator knows the change is still to come. */
function takesEffect(s: Scenario, decision: string, option: string): string {
  const takesMs = s.decisionById.get(decision)?.options.find((o) => o.id === option)?.takesMs;
  return takesMs ? `, takes effect in ${formatDuration(takesMs)}` : '';
}

/**
 * Something shown like an inject that the script does not hold as one (a lookup's answer, an
 * improvised inject): the feed draws it the same way, and it has no consequences.
 */
function shownInject(id: string, channel: Channel, text: string, extra: { from?: string; title?: string; audience?: string }): Inject {
  const inject: Record<string, unknown> = { id, channel, text, trigger: { delayMs: 0 }, effects: [], fire: [], cancel: [], open: [] };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) inject[key] = value;
  return inject as unknown as Inject;
}

const ENDINGS = {
  condition: 'The scenario reached its end.',
  limit: 'The scenario ran out of time.',
  facilitator: 'The facilitator ended the drill.',
} as const;

function promptOf(s: Scenario, id: string): string {
  return visibleLine(s.decisionById.get(id)?.prompt ?? id);
}

function optionLabel(s: Scenario, decision: string, option: string): string {
  return visibleLine(s.decisionById.get(decision)?.options.find((o) => o.id === option)?.label ?? option);
}

/** Typed text in quotes, unless it already came in quotes (“"Degraded…"” reads badly). */
function quotedOnce(text: string): string {
  return /^["“'‘].*["”'’]$/s.test(text) ? text : `“${text}”`;
}
