/**
 * `report.json`: the report model as data, with its `format` and `version` first, two-space
 * indented and ending with a newline, so that a rebuilt report is byte-identical to the first.
 * Text stays exactly as typed. JSON escapes C0 controls itself but not DEL, C1 controls (0x9b
 * is an 8-bit CSI) or U+2028/2029, so those are written as \u escapes too: `cat report.json`
 * must never drive the terminal.
 */
import type { Report } from './report-schema.js';

/** The report as the text of `report.json` (jsonParts gives the same text in pieces). */
export function renderJson(report: Report): string {
  // One stringify is faster than joining the pieces when the whole string is wanted anyway.
  return `${terminalSafe(JSON.stringify(report, null, 2))}\n`;
}

/** Arrays longer than this are serialised a slice at a time (the timeline of a big drill). */
const SLICE = 4000;

/**
 * The text of `report.json` in pieces, exactly `JSON.stringify(report, null, 2)` (plus the
 * escapes and the final newline) once joined. A big drill's report is large; written piece by
 * piece, it never has to exist as one string, nor as one Buffer.
 *
 * Each top-level member is serialised inside a one-key object and cut out of it, so that
 * JSON.stringify itself does every indent and every escape at the member's true depth.
 */
export function* jsonParts(report: Report): Generator<string> {
  let separator = '{\n  ';
  for (const [key, value] of Object.entries(report)) {
    if (Array.isArray(value) && value.length > SLICE) {
      // `{\n  "key": [\n` + items at their true indent + `\n  ]\n}`; the items are cut out.
      const head = `{\n  ${JSON.stringify(key)}: [\n`.length;
      yield `${separator}${JSON.stringify(key)}: [`;
      for (let i = 0; i < value.length; i += SLICE) {
        const text = JSON.stringify({ [key]: value.slice(i, i + SLICE) }, null, 2);
        yield `${i === 0 ? '\n' : ',\n'}${terminalSafe(text.slice(head, text.length - '\n  ]\n}'.length))}`;
      }
      yield '\n  ]';
    } else {
      const text = JSON.stringify({ [key]: value }, null, 2);
      // `{}`: a member JSON.stringify leaves out (an undefined value).
      if (text === '{}') continue;
      yield `${separator}${terminalSafe(text.slice('{\n  '.length, text.length - '\n}'.length))}`;
    }
    separator = ',\n  ';
  }
  yield separator === '{\n  ' ? '{}\n' : '\n}\n';
}

const TERMINAL_UNSAFE = /[\u007f-\u009f\u2028\u2029]/g;

function terminalSafe(json: string): string {
  return json.replace(TERMINAL_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
