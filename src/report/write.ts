/**
 * Writes the drill's report files next to its journal: `report.md` and `report.json`. A report
 * never overwrites another file: if the name is taken, the next free `report-2.md`, `report-3.md`…
 * is used, so the journal's folder can hold reports rebuilt by hand without losing any.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../scenario/index.js';
import type { DrillRecord } from '../engine/records.js';
import { buildReport } from './model.js';
import { markdownParts } from './markdown.js';
import { jsonParts } from './json.js';

const REPORT_MD = 'report.md';
const REPORT_JSON = 'report.json';

/**
 * Writes report.md and report.json into `dir`; returns the paths written. Each document is
 * written piece by piece as it is rendered, so that a big drill's Markdown, JSON and their UTF-8
 * bytes are never all held whole at once.
 */
export function writeReports(dir: string, scenario: Scenario, records: readonly DrillRecord[]): string[] {
  const report = buildReport(scenario, records);
  return [writeNew(dir, REPORT_MD, markdownParts(report)), writeNew(dir, REPORT_JSON, jsonParts(report))];
}

/** Writes the pieces to `path` (opened with `flag`: 'wx' never overwrites); errors are thrown. */
export function writePieces(path: string, pieces: Iterable<string>, flag: 'w' | 'wx'): void {
  const fd = openSync(path, flag);
  let scratch = Buffer.alloc(0);
  try {
    for (const piece of pieces) {
      // Encoded into one reused buffer: a fresh Buffer per piece (new pages) cost more than the
      // encoding. A UTF-16 unit is at most 3 bytes of UTF-8.
      if (scratch.length < piece.length * 3) scratch = Buffer.allocUnsafe(piece.length * 3);
      const length = scratch.write(piece, 0, 'utf8');
      // writeSync may write less than asked (as writeFileSync knows); loop until all is out.
      for (let done = 0; done < length; ) done += writeSync(fd, scratch, done, length - done);
    }
  } finally {
    closeSync(fd);
  }
}

/** Writes the pieces to `dir/name`, or to `name-2`, `name-3`… if it exists; never overwrites. */
function writeNew(dir: string, name: string, pieces: Iterable<string>): string {
  const dot = name.lastIndexOf('.');
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`);
    try {
      writePieces(path, pieces, 'wx');
      return path;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' || n >= 1000) {
        // The journal is already safe on disk; say how to get the report back instead of failing obscurely.
        throw new Error(`${path}: cannot write the report (${code ?? (error as Error).message}); the journal is intact: run drill report ${join(dir, 'journal.jsonl')} --output FILE`);
      }
    }
  }
}
