/**
 * Markdown-safe text. Everything the team typed and every string from a scenario file reaches the
 * report through these functions, so no entry can open a heading, a list, a link, an HTML tag, a
 * table cell or GitHub math, and no terminal escape or bidi override travels into the document.
 * The text still reads as typed once GitHub renders it: backslash escapes are invisible there.
 */
import { visibleLine } from '../text/sanitize.js';

// Characters with inline meaning in GitHub-flavoured Markdown anywhere in a line. `$` opens math
// on GitHub, `|` ends a table cell, `&` starts an entity, `#` closes an ATX heading at its end.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&$#]/g;
// What opens a block when it starts a line (or a list item): headings and lists are covered by
// the inline set (#, *) and these: -, +, =, and "1." / "1)".
const LEADING_BLOCK = /^([-+=]|\d+(?=[.)]))/;
// Bidirectional overrides and isolates can make a sentence read differently from what it says
// ("Trojan Source"); show them by name instead of obeying them.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** One line of text, made visible (controls, bidi) and trimmed; newlines become spaces. */
export function plainLine(text: string): string {
  return visibleLine(text)
    .replace(BIDI, (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase()}]`)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text for a paragraph, list item, heading or table cell: one line, nothing in it is markup. */
export function inline(text: string): string {
  const line = plainLine(text).replace(INLINE_SPECIAL, (ch) => `\\${ch}`);
  return line.replace(LEADING_BLOCK, (m) => (/^\d/.test(m) ? m.replace(/(\d)$/, '$1\\') : `\\${m}`));
}

/**
 * A table cell: inline text, cut to `max` characters so that one pasted log line cannot make the
 * timeline unreadable (the full text stays in report.json).
 */
export function cell(text: string, max = 300): string {
  const line = plainLine(text);
  const cut = [...line].length > max ? `${[...line].slice(0, max - 1).join('').trimEnd()}…` : line;
  return inline(cut);
}

/**
 * A code span holding `text` exactly: the fence is one backtick longer than the longest run of
 * backticks inside (CommonMark's rule). In a table cell pipes must still be escaped, even in code.
 */
export function code(text: string, options: { inTable?: boolean } = {}): string {
  let body = plainLine(text);
  if (options.inTable) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${body === '' ? ' ' : body}${pad}${fence}`;
}

/** Quotes a path for a POSIX shell when it needs it, for copy-pasteable commands. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
