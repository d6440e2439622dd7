/**
 * Small building blocks of the Markdown report: tables, lists, numbers with units, minutes.
 * Callers pass text that is already escaped (see escape.ts); these only arrange it.
 */
import { formatClock, formatDuration } from '../conditions/duration.js';
import { inline } from './escape.js';
import { preciseNumber } from './compared.js';
import type { ReportDecision } from './report-schema.js';

/** A GitHub table. Cells must already be escaped; a header row and a separator row come first. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = new Array<string>(rows.length + 2);
  lines[0] = tableRow(header);
  lines[1] = tableRow(header.map(() => '---'));
  for (let i = 0; i < rows.length; i++) lines[i + 2] = tableRow(rows[i]!);
  return lines.join('\n');
}

/** One table line. Plain concatenation: the timeline has one per event, 180,000 in a big drill. */
export function tableRow(cells: readonly string[]): string {
  let line = '|';
  // An empty cell is a single space between pipes (markdownlint's compact table style).
  for (const c of cells) line += c === '' ? ' |' : ` ${c} |`;
  return line;
}

/** A bullet list of already-escaped items, or the fallback line when there are none. */
export function bullets(items: readonly string[], none: string): string {
  return items.length > 0 ? items.map((i) => `- ${i}`).join('\n') : none;
}

/** Minutes as people say them in a post-mortem: "17 min", "8.4 min", "45 s". */
export function minutes(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const m = Math.round(ms / 6_000) / 10;
  return `${Number.isInteger(m) ? m.toFixed(0) : m.toFixed(1)} min`;
}

/**
 * A duration in whole seconds, as people read one: `3m32s`, never `3m31.825s` (a drill played
 * in real time has milliseconds everywhere; report.json keeps them).
 */
export function seconds(ms: number): string {
  return formatDuration(Math.round(ms / 1000) * 1000);
}

/**
 * The time from one scenario time to another as the T+ clocks beside it show them: the clock
 * shows whole seconds elapsed, so T+02:06.6 − T+00:20 reads 1m46s, never a rounded 1m47s that
 * the reader could not get by subtracting what is printed.
 */
export function span(fromMs: number, toMs: number): string {
  return formatDuration((Math.floor(toMs / 1000) - Math.floor(fromMs / 1000)) * 1000);
}

/** A duration for a metrics table: `2m25s`, or the reason there is none. */
export function durationOr(ms: number | null, none: string): string {
  return ms === null ? none : seconds(ms);
}

/**
 * A world value with its unit: `20 nodes`, `64%`, `true`. Numbers keep one decimal, or as many
 * as it takes to sit on the right side of each number in `compared` (see compared.ts).
 */
export function withUnit(value: number | boolean, unit: string | undefined, compared?: readonly number[]): string {
  const text = typeof value === 'number' ? preciseNumber(value, compared) : String(value);
  if (!unit) return text;
  if (/^[%°]/.test(unit)) return `${text}${inline(unit)}`;
  // "1 node", not "1 nodes": plain plural words lose their s for exactly one.
  return `${text} ${value === 1 && /^[a-z]{3,}s$/i.test(unit) ? unit.slice(0, -1) : inline(unit)}`;
}

/** Scenario time as the clock shows it, T+mm:ss. */
export const clock = formatClock;

/** A wall time (ISO 8601 UTC) as HH:MM:SS, with the date when it differs from `day`. */
export function wallTime(iso: string, day: string): string {
  if (iso === '') return '?';
  const time = iso.slice(11, 19);
  return iso.slice(0, 10) === day ? time : `${iso.slice(0, 10)} ${time}`;
}

/** Escaped text in typographic quotes, unless it already is quoted. */
export function q(text: string): string {
  const escaped = inline(text);
  return /^["“'‘].*["”'’]$/s.test(text.trim()) ? escaped : `“${escaped}”`;
}

/** Capitalises the first letter (for sentences that start with a scenario's noun phrase). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "no decisions", "1 decision", "3 decisions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? `no ${many}` : `${n} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "a", "a or b", "a, b or c". */
export function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** For an option with `takes:`: when it took effect, or that it never did. */
export function tookEffect(d: Pick<ReportDecision, 'takesEffectMs'>): string {
  if (d.takesEffectMs === undefined) return '';
  return d.takesEffectMs === null ? '; it had not taken effect when the drill ended' : `; it took effect at ${clock(d.takesEffectMs)}`;
}
