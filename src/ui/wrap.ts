/**
 * Wrapping prose for the feed, done here rather than by Ink so that continuation lines start
 * flush (Ink's wrapper leaves the breaking space at the start of the next line) and so that
 * a message hard-wrapped by its author at 100 columns still reads well at 80.
 */

/** Columns a character takes: 2 for wide (CJK, most emoji), 0 for combining marks and joiners. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c === 0x200d || (c >= 0x300 && c <= 0x36f) || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x1f3fb && c <= 0x1f3ff)) return 0;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1faff) ||
    (c >= 0x2600 && c <= 0x27bf && EMOJI_PRESENTATION.has(c)) ||
    (c >= 0x20000 && c <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

// Symbols in the Miscellaneous Symbols and Dingbats blocks that terminals draw two columns wide.
const EMOJI_PRESENTATION = new Set([0x2614, 0x2615, 0x26a1, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26d4, 0x26ea, 0x26f2, 0x26f3, 0x26f5, 0x26fa, 0x26fd, 0x2705, 0x270a, 0x270b, 0x2728, 0x274c, 0x274e, 0x2753, 0x2754, 0x2755, 0x2757, 0x2795, 0x2796, 0x2797, 0x27b0, 0x27bf]);

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/**
 * Word-wraps each line of `text` to `width` columns. Words longer than a line are cut; leading
 * indentation of a line is kept on its first row.
 */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(1, width);
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (textWidth(line) <= max) {
      out.push(line);
      continue;
    }
    let row = '';
    let rowWidth = 0;
    for (const word of line.split(/(?<= )/)) {
      const w = textWidth(word);
      const bare = word.trimEnd();
      if (rowWidth + textWidth(bare) <= max) {
        row += word;
        rowWidth += w;
        continue;
      }
      if (row.trim() !== '') out.push(row.trimEnd());
      row = '';
      rowWidth = 0;
      let rest = word;
      while (textWidth(rest.trimEnd()) > max) {
        const [head, tail] = cut(rest, max);
        out.push(head);
        rest = tail;
      }
      row = rest;
      rowWidth = textWidth(rest);
    }
    if (row.trim() !== '' || out.length === 0) out.push(row.trimEnd());
  }
  return out;
}

function cut(text: string, width: number): [string, string] {
  let w = 0;
  let i = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > width) break;
    w += cw;
    i += ch.length;
  }
  return [text.slice(0, i || text.length), text.slice(i || text.length)];
}

/** A line that starts a new message or item: `Dana:`, `Maya (support lead):`, `- x`, `1. x`. */
const STARTS_ITEM = /^(?:[\p{L}\p{N}#@][^:\n]{0,40}:\s|\s*(?:[-*•]|\d+[.)])\s|\s)/u;

/**
 * Joins lines an author wrapped by hand, so that narrow screens reflow them: a line joins the one
 * before when that one was long (a hand wrap, not a short line) and it does not start a new
 * message, item or indented block. Blank lines and fenced code stay as written.
 */
export function joinHardWraps(text: string, longLine = 50): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let fenced = false;
  for (const line of lines) {
    const prev = out[out.length - 1];
    const fence = line.includes('```');
    const joinable = !fenced && !fence && prev !== undefined && prev.trim() !== '' && !prev.includes('```') && line.trim() !== '' && textWidth(prev) >= longLine && !STARTS_ITEM.test(line);
    if (fence) fenced = !fenced;
    if (joinable) out[out.length - 1] = `${prev.trimEnd()} ${line.trim()}`;
    else out.push(line);
  }
  return out.join('\n');
}
