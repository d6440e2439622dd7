/**
 * Key input as the handler should see it. A terminal delivers what it has in one chunk, so keys
 * typed fast (or sent by tmux, or typed while the screen was busy) arrive together:
 * `Julie: ops\rSam: comms\r`. Ink reports such a chunk as one string with no key, and the Enters
 * would be lost. So chunks are split into text runs and single keys (Enter, Tab, Backspace).
 *
 * A paste is different: a pasted paragraph must not press Enter on the next questions. `drill
 * play` turns on bracketed paste, so the terminal marks pastes (ESC[200~ … ESC[201~); inside
 * them line breaks are text (a space).
 */
import type { Key } from 'ink';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

const KEYS: Record<string, Partial<Key>> = {
  '\r': { return: true },
  '\n': { return: true },
  '\t': { tab: true },
  '\u007f': { backspace: true },
  '\b': { backspace: true },
};

const PASTE_START = '[200~';
const PASTE_END = '[201~';

/** A paste marker, with or without the ESC that Ink strips from sequences it does not know. */
const MARKER = /(\u001b?\[20[01]~)/;

/** A splitter with its own memory of whether a paste is under way. */
export function createInputSplitter(): (input: string, key: Key) => [string, Key][] {
  let pasting = false;
  const run = (text: string, key: Key): [string, Key][] =>
    pasting ? [[text.replace(/\r\n?|\n/g, ' '), { ...NO_KEY }]] : splitInput(text, key);
  return (input, key) => {
    if (!MARKER.test(input)) return run(input, key);
    // A chunk can hold a marker with text on either side ("text⏎" right after the end of a
    // paste arrives in the same read): split around the markers and keep every part.
    const out: [string, Key][] = [];
    for (const part of input.split(MARKER)) {
      if (part === '') continue;
      if (part.endsWith(PASTE_START)) pasting = true;
      else if (part.endsWith(PASTE_END)) pasting = false;
      else if (!pasting && KEYS[part]) out.push(['', { ...NO_KEY, ...KEYS[part] }]); // a lone Enter after a paste
      else out.push(...run(part, { ...NO_KEY }));
    }
    return out;
  };
}

/** The keys in one chunk of typed input, in order. */
export function splitInput(input: string, key: Key): [string, Key][] {
  // An Enter typed before the screen put the terminal in raw mode was turned into a line feed by
  // the terminal's line mode, which Ink does not report as Enter: it is one all the same.
  if (input === '\n') return [['', { ...NO_KEY, return: true }]];
  if (input.length <= 1) return [[input, key]];
  const out: [string, Key][] = [];
  let text = '';
  for (const ch of input) {
    const code = ch.charCodeAt(0);
    const special = KEYS[ch];
    // Ctrl+letter arrives as codes 1–26, reported by Ink as the letter with ctrl.
    const ctrl = !special && code >= 1 && code <= 26 ? String.fromCharCode(code + 96) : undefined;
    if (!special && !ctrl) {
      text += ch;
      continue;
    }
    if (text) out.push([text, { ...NO_KEY }]);
    text = '';
    out.push(special ? ['', { ...NO_KEY, ...special }] : [ctrl!, { ...NO_KEY, ctrl: true }]);
  }
  if (text) out.push([text, out.length === 0 ? key : { ...NO_KEY }]);
  return out;
}
