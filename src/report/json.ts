/**
 * `report.json`: the report model as data, with its `format` and `version` first, two-space
 * indented and ending with a newline, so that a rebuilt report is byte-identical to the first.
 * Text stays exactly as typed. JSON escapes C0 controls itself but not DEL, C1 controls (0x9b
 * is an 8-bit CSI) or U+2028/2029, so those are written as \u escapes too: `cat report.json`
 * must never drive the terminal.
 */
import type { Report } from './report-schema.js';

/** The report as the text of `report.json`. */
export function renderJson(report: Report): string {
  const json = JSON.stringify(report, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${json}\n`;
}
