/**
 * `report.json`: the report model as data, with its `format` and `version` first, two-space
 * indented and ending with a newline, so that a rebuilt report is byte-identical to the first.
 * Text stays exactly as typed (JSON escapes control characters itself); whoever prints it to a
 * terminal or a page escapes it for that medium.
 */
import type { Report } from './report-schema.js';

/** The report as the text of `report.json`. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
