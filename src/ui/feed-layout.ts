/**
 * The feed's rows, computed here rather than by Ink: each entry is wrapped once per width and
 * cached, so the feed knows exactly how tall every entry is and renders only the entries that
 * fill the screen. Drawing text Ink then clips away still costs Ink a full measure and layout,
 * and a two-hour drill must not draw two hours of feed every second.
 */
import { formatClock } from '../conditions/duration.js';
import type { Channel } from '../scenario/index.js';
import { visibleControls } from '../text/sanitize.js';
import type { FeedEntry } from './feed-model.js';
import { joinHardWraps, wrapText } from './wrap.js';

/** Channels whose text is conversation or prose, where an author's line breaks may be reflowed. */
const PROSE: ReadonlySet<Channel> = new Set(['chat', 'email', 'news', 'phone', 'ticket', 'note']);
export const INDENT = 2;

export interface EntryLayout {
  /** Inject: the body lines shown. Line entry: the text's rows, the first beside the stamp. */
  readonly lines: readonly string[];
  /** Terminal output cut off below the shown lines. */
  readonly hidden: number;
  /** Rows on screen, margins included. */
  readonly height: number;
}

const cache = new WeakMap<FeedEntry, { key: string; layout: EntryLayout }>();

/** How an entry is drawn at this width, with terminal blocks at most `blockRows` tall. */
export function layoutEntry(entry: FeedEntry, width: number, blockRows: number): EntryLayout {
  const key = `${width}|${blockRows}`;
  const hit = cache.get(entry);
  if (hit?.key === key) return hit.layout;
  const layout = compute(entry, Math.max(10, width), Math.max(2, blockRows));
  cache.set(entry, { key, layout });
  return layout;
}

function compute(entry: FeedEntry, width: number, blockRows: number): EntryLayout {
  if (entry.kind === 'line') {
    const lines = wrapText(entry.text, width - stampWidth(entry.tag));
    return { lines, hidden: 0, height: lines.length };
  }
  const { inject } = entry;
  if (inject.channel === 'terminal') {
    const all = terminalLines(inject.text);
    const cut = all.length > blockRows;
    const lines = cut ? all.slice(0, blockRows - 1) : all;
    // margin, heading, lines, and the "more lines" marker
    return { lines, hidden: all.length - lines.length, height: 2 + lines.length + (cut ? 1 : 0) };
  }
  const clean = visibleControls(inject.text.replace(/\n+$/, ''));
  const lines = wrapText(PROSE.has(inject.channel) ? joinHardWraps(clean) : clean, width - INDENT);
  return { lines, hidden: 0, height: 2 + lines.length };
}

/** `T+01:20 DECIDED ` */
export function stampWidth(tag: string): number {
  return formatClock(0).length + 1 + tag.length + 1;
}

/** The lines of a terminal inject, controls made visible and tabs expanded. */
export function terminalLines(text: string): string[] {
  return visibleControls(text.replace(/\n+$/, ''), { tabWidth: 8 }).split('\n');
}

/**
 * The index of the first entry to render so that entries `first..end` fill `rows`: the fewest
 * that reach the top of the feed (the oldest of them may be cut at the top).
 */
export function firstToRender(entries: readonly FeedEntry[], end: number, rows: number, width: number, blockRows: number): number {
  let used = 0;
  let first = Math.min(end, entries.length - 1);
  for (let i = first; i >= 0; i--) {
    first = i;
    used += layoutEntry(entries[i]!, width, blockRows).height;
    if (used >= rows) break;
  }
  return Math.max(0, first);
}
