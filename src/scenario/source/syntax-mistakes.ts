/**
 * The likely mistake behind a `yaml` syntax error, read from the source text around it. The
 * parser says what it could not make sense of and where it gave up (a missing `}` is noticed on
 * the line after the `{`, a misplaced `-` as "sequence item without - indicator"); a person
 * needs what they got wrong and where to edit. Each function here answers for one kind of
 * mistake, or returns undefined when the text does not look like it.
 */

/** A reworded error and the 0-based offset to report it at. */
export interface Advice {
  readonly message: string;
  readonly offset: number;
}

/**
 * A flow collection (`{…}` or `[…]`) that the parser saw end without its closing bracket.
 * `openedAt` is the opening bracket's offset (from the parsed tree), `offset` where the parser
 * gave up. When the closing bracket is on that line, it exists but the lines before it are not
 * indented enough; otherwise it is missing, and the opening bracket is where to look.
 */
export function unclosedFlow(text: string, offset: number, closer: '}' | ']', openedAt: number | undefined): Advice {
  const opener = closer === '}' ? '{' : '[';
  const kind = closer === '}' ? 'mapping' : 'list';
  const closedHere =
    openedAt !== undefined &&
    lineStart(text, openedAt) !== lineStart(text, offset) &&
    closesOnLine(withoutComment(text.slice(offset, lineEnd(text, offset))), closer);
  if (closedHere) {
    return {
      offset,
      message: `the \`${opener}\` on line ${lineNumber(text, openedAt)} is closed on this line, but the lines from there to here must be indented deeper than the key they belong to; indent this line`,
    };
  }
  const at = openedAt !== undefined && text[openedAt] === opener ? openedAt : offset;
  return {
    offset: at,
    message: `missing \`${closer}\`: this \`${opener}\` is never closed; add \`${closer}\` after the last entry of the ${kind}`,
  };
}

/**
 * `key:value` with no space after the colon: YAML reads it as one plain word, so the mapping
 * around it breaks. `offset` is any position on the line.
 */
export function missingSpaceAfterColon(text: string, offset: number): Advice | undefined {
  const start = lineStart(text, offset);
  const line = withoutComment(text.slice(start, lineEnd(text, offset)));
  const match = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*):(\S.*?)\s*$/.exec(line);
  if (!match || /:(\s|$)/.test(match[3]!)) return undefined;
  const [, lead, key, value] = match as unknown as [string, string, string, string];
  const shown = value.length > 24 ? `${value.slice(0, 24)}…` : value;
  return {
    offset: start + lead.length + key.length,
    message: `missing space after \`:\` in \`${key}:${shown}\`; write \`${key}: ${shown}\``,
  };
}

/**
 * A list item (`- …`) whose dash is not in the column of the items before it. `offset` is any
 * position on its line. The items it belongs with are found by walking up to the first line
 * indented less: another item (this one is indented too far) or the key that owns the list
 * (this one is not indented enough, and the list's first item shows the right column).
 */
export function misalignedListItem(text: string, offset: number): Advice | undefined {
  const start = lineStart(text, offset);
  const item = indentedLine(text, start);
  if (!item.isItem) return undefined;
  let expected: number | undefined;
  for (let above = previousLineStart(text, start); above !== undefined; above = previousLineStart(text, above)) {
    const line = indentedLine(text, above);
    if (line.blank || line.indent >= item.indent) continue;
    expected = line.isItem ? line.indent : firstItemIndentAfter(text, above, line.indent);
    break;
  }
  if (expected === undefined || expected === item.indent) return undefined;
  return {
    offset: start + item.indent,
    message: `this list item is ${indented(item.indent)}, but the items before it are ${indented(expected)}; line up its \`-\` with theirs`,
  };
}

/**
 * A mapping key not in the column of the keys before it. `mapStart` is where the parser's
 * mapping begins (its first key), `offset` any position on the misplaced key's line.
 */
export function misalignedKey(text: string, offset: number, mapStart: number | undefined): Advice | undefined {
  const start = lineStart(text, offset);
  const key = indentedLine(text, start);
  if (key.blank || mapStart === undefined) return undefined;
  const expected = mapStart - lineStart(text, mapStart);
  if (expected === key.indent) return undefined;
  return {
    offset: start + key.indent,
    message: `this key is ${indented(key.indent)}, but the keys before it in its mapping are ${indented(expected)}; line it up with them, or indent it under the key it belongs to`,
  };
}

/** Whether `line`, read from inside an open flow collection, closes it (brackets in quotes do not count). */
function closesOnLine(line: string, closer: '}' | ']'): boolean {
  let depth = 1;
  let quote: string | undefined;
  let previous = ' ';
  for (const ch of line) {
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if ((ch === '"' || ch === "'") && /[\s[{,:]/.test(previous)) {
      quote = ch; // a quote only after a separator: not the ' of don't
    } else if (ch === '{' || ch === '[') {
      depth++;
    } else if (ch === '}' || ch === ']') {
      // At depth 1 only the matching bracket closes it; the other kind belongs to an outer one.
      if (depth === 1) return ch === closer;
      depth--;
    }
    previous = ch;
  }
  return false;
}

/**
 * A key that is not in the column of the key on the line above it, when that key already has a
 * value (so this one cannot be nested under it): `- id: ops` then `   title: …` (3 spaces, not
 * 4). The parser reports it on either line, so `offset` may be on the key's line or the one above.
 */
export function misalignedKeyBelowValue(text: string, offset: number): Advice | undefined {
  const here = lineStart(text, offset);
  const keyLine =
    offset <= here + indentedLine(text, here).indent && isKeyLine(text, here) ? here : nextContentLine(text, here);
  if (keyLine === undefined || !isKeyLine(text, keyLine)) return undefined;
  const key = indentedLine(text, keyLine);
  const above = previousContentLine(text, keyLine);
  if (above === undefined) return undefined;
  const aboveText = text.slice(above, lineEnd(text, above));
  const pair = /^(\s*(?:-\s+)?)([\w.-]+):\s+[^\s#]/.exec(aboveText);
  if (!pair) return undefined;
  const expected = pair[1]!.length;
  if (key.indent === expected || key.indent <= indentedLine(text, above).indent) return undefined;
  return {
    offset: keyLine + key.indent,
    message: `this key is ${indented(key.indent)}, but \`${pair[2]}\` on the line above is ${indented(expected)}; line them up`,
  };
}

/**
 * A file whose first key is indented: the parser takes that column for the top level, and then
 * cannot place a later key (the one at `offset`) that starts further left.
 */
export function indentedFirstKey(text: string, offset: number): Advice | undefined {
  let start: number | undefined = 0;
  while (start !== undefined && indentedLine(text, start).blank) start = nextLineStart(text, start);
  if (start === undefined || !isKeyLine(text, start)) return undefined;
  const { indent } = indentedLine(text, start);
  if (indent === 0 || indentedLine(text, lineStart(text, offset)).indent >= indent) return undefined;
  return {
    offset: start + indent,
    message: `the first key is ${indented(indent)}, but the keys after it start the line; remove the spaces before it`,
  };
}

function isKeyLine(text: string, start: number): boolean {
  return /^[\w.-]+:(\s|$)/.test(text.slice(start + indentedLine(text, start).indent, lineEnd(text, start)));
}

function previousContentLine(text: string, start: number): number | undefined {
  for (let above = previousLineStart(text, start); above !== undefined; above = previousLineStart(text, above)) {
    if (!indentedLine(text, above).blank) return above;
  }
  return undefined;
}

function nextContentLine(text: string, start: number): number | undefined {
  for (let next = nextLineStart(text, start); next !== undefined; next = nextLineStart(text, next)) {
    if (!indentedLine(text, next).blank) return next;
  }
  return undefined;
}

function firstItemIndentAfter(text: string, parentStart: number, parentIndent: number): number | undefined {
  const next = nextContentLine(text, parentStart);
  if (next === undefined) return undefined;
  const line = indentedLine(text, next);
  return line.isItem && line.indent > parentIndent ? line.indent : undefined;
}

/** A line's indentation in spaces, whether it holds only a comment or nothing, and whether it is a list item. */
function indentedLine(text: string, start: number): { indent: number; blank: boolean; isItem: boolean } {
  let i = start;
  while (text[i] === ' ') i++;
  const rest = text.slice(i, lineEnd(text, i));
  return { indent: i - start, blank: rest.trim() === '' || rest.startsWith('#'), isItem: /^-(\s|$)/.test(rest) };
}

function indented(n: number): string {
  return n === 0 ? 'not indented' : n === 1 ? 'indented 1 space' : `indented ${n} spaces`;
}

function withoutComment(line: string): string {
  const hash = line.search(/(^|\s)#/);
  return hash < 0 ? line : line.slice(0, hash);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

function previousLineStart(text: string, start: number): number | undefined {
  return start === 0 ? undefined : lineStart(text, start - 1);
}

function nextLineStart(text: string, start: number): number | undefined {
  const end = text.indexOf('\n', start);
  return end < 0 || end + 1 >= text.length ? undefined : end + 1;
}

export function lineNumber(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
