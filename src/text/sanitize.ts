/**
 * Terminal-safe text. Scenario files come from colleagues and the internet and participants type
 * freely, so escape sequences (colours, cursor moves, OSC 8 links, OSC 52 clipboard writes, bells)
 * must never reach a terminal or a report raw. Each control character is replaced by its visible
 * Unicode "control picture" (ESC → ␛), so the text stays readable and nothing is executed.
 */

const PICTURES = 0x2400; // U+2400 SYMBOL FOR NULL; U+2401..U+241F follow the C0 order
const DEL_PICTURE = '\u2421';
const C1_PLACEHOLDER = '\ufffd';

export interface SanitizeOptions {
  /** Keep line breaks (multi-line text, terminal blocks). Default true. */
  readonly keepNewlines?: boolean;
  /** Expand tabs to spaces to this width (0 keeps nothing: a tab becomes ␉). Default 2 spaces. */
  readonly tabWidth?: number;
}

/** Returns `text` with every control character made visible and harmless. */
export function visibleControls(text: string, options: SanitizeOptions = {}): string {
  const keepNewlines = options.keepNewlines ?? true;
  const tab = ' '.repeat(options.tabWidth ?? 2);
  // Fast path: most text has no control characters at all.
  if (!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) return text;
  let out = '';
  for (const ch of text.replace(/\r\n/g, '\n')) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n') out += keepNewlines ? '\n' : ' ';
    else if (ch === '\t') out += tab.length > 0 ? tab : '\u2409';
    else if (code < 0x20) out += String.fromCodePoint(PICTURES + code);
    else if (code === 0x7f) out += DEL_PICTURE;
    else if (code >= 0x80 && code <= 0x9f) out += C1_PLACEHOLDER; // C1 controls (e.g. 8-bit CSI 0x9b)
    else if (code === 0x2028 || code === 0x2029) out += keepNewlines ? '\n' : ' ';
    else out += ch;
  }
  return out;
}

/** One line of text: newlines become spaces too. For headers, table cells and one-line fields. */
export function visibleLine(text: string): string {
  return visibleControls(text, { keepNewlines: false });
}
