/**
 * What a key acts on, when that depends on the screen: the hint `h` reveals, the terminal output
 * `v` opens, where the scroll keys move the feed, the briefing and the output viewer.
 */
import type { Key } from 'ink';
import type { KeyEnv } from './model.js';

/** The hint `h` would reveal now, if any. Decision in front first, then the newest injects. */
export function hintFor(env: KeyEnv): string | undefined {
  const shownHints = env.drill.core.hintsShown;
  const d = env.decision?.decision;
  if (d?.hint && !shownHints.has(d.id)) return d.id;
  const recent = recentInjectIds(env);
  return recent.find((id) => env.drill.core.scenario.injectById.get(id)?.hint && !shownHints.has(id));
}

/** Fired injects, newest first, among the last few on screen. */
function recentInjectIds(env: KeyEnv): string[] {
  const ids: string[] = [];
  const records = env.drill.core.records;
  for (let i = records.length - 1; i >= 0 && ids.length < 5; i--) {
    const r = records[i]!;
    if (r.type === 'inject-fired') ids.push(r.id);
  }
  return ids;
}

/** The new end of the feed window after a scroll key; undefined follows the newest again. */
export function scrolled(env: KeyEnv, key: Key): number | undefined {
  const last = env.drill.feed.length - 1;
  const end = env.ui.feedEnd ?? last;
  const page = Math.max(1, env.ui.feedRows - 1);
  let next = end;
  if (key.upArrow) next = end - 1;
  else if (key.pageUp) next = end - page;
  else if (key.downArrow) next = end + 1;
  else if (key.pageDown) next = end + page;
  else if (key.home) next = Math.min(last, env.ui.feedRows - 1);
  else if (key.end) next = last;
  next = Math.max(0, next);
  return next >= last ? undefined : next;
}

export function briefScrolled(top: number, key: Key): number {
  const step = key.pageUp || key.pageDown ? 10 : 1;
  if (key.home) return 0;
  return Math.max(0, top + (key.upArrow || key.pageUp ? -step : key.downArrow || key.pageDown ? step : 0));
}

/** Seq of the newest terminal inject at or above the bottom of the feed window, if it is near. */
export function terminalInView(env: KeyEnv): number | undefined {
  const end = env.ui.feedEnd ?? env.drill.feed.length - 1;
  for (let i = end; i >= 0 && i > end - Math.max(env.ui.feedRows, 1); i--) {
    const entry = env.drill.feed[i]!;
    if (entry.kind === 'inject' && entry.inject.channel === 'terminal') return entry.seq;
  }
  return undefined;
}

/** Where the viewer goes after a key; undefined closes it. */
export function viewerKey(
  view: { top: number; left: number },
  lineCount: number,
  rows: number,
  key: { upArrow: boolean; downArrow: boolean; leftArrow: boolean; rightArrow: boolean; pageUp: boolean; pageDown: boolean; escape: boolean; return: boolean },
  input: string,
): { top: number; left: number } | undefined {
  if (key.escape || key.return || input === 'q' || input === 'v') return undefined;
  const body = Math.max(1, rows - 2);
  const maxTop = Math.max(0, lineCount - body);
  let { top, left } = view;
  if (key.upArrow) top -= 1;
  if (key.downArrow) top += 1;
  if (key.pageUp) top -= body;
  if (key.pageDown) top += body;
  if (key.leftArrow) left -= 8;
  if (key.rightArrow) left += 8;
  return { top: Math.min(maxTop, Math.max(0, top)), left: Math.max(0, left) };
}
