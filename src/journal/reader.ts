/**
 * Reads a journal back. A last line cut short by a kill is dropped with a warning (every line
 * before it was complete when written); damage anywhere else is refused with its line number,
 * since guessing would silently change the drill's history.
 */
import { readFileSync, statSync } from 'node:fs';
import { JOURNAL_FORMAT, JOURNAL_VERSION, recordSchema, type DrillRecord } from '../engine/records.js';

/** Journals above this size are refused before reading (a 100,000-inject drill writes ~40 MB). */
export const MAX_JOURNAL_BYTES = 512 * 1024 * 1024;

export type JournalRead =
  | {
      ok: true;
      records: DrillRecord[];
      warnings: string[];
      /** Length in bytes of the complete lines; a resumed drill truncates the file to it before appending. */
      validBytes: number;
    }
  | { ok: false; message: string };

export function readJournalFile(path: string): JournalRead {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { ok: false, message: `${path}: no such journal file` };
  }
  if (size > MAX_JOURNAL_BYTES) return { ok: false, message: `${path}: the journal is ${size} bytes, over the ${MAX_JOURNAL_BYTES}-byte limit` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    return { ok: false, message: `${path}: not a journal (not UTF-8 text)` };
  }
  return parseJournal(text, path);
}

export function parseJournal(text: string, path: string): JournalRead {
  const lines = text.split('\n');
  const endsCleanly = lines[lines.length - 1] === '';
  if (endsCleanly) lines.pop();
  if (lines.length === 0) return { ok: false, message: `${path}:1:1: the journal is empty` };
  const header = parseLine(lines[0]!);
  if (!isHeader(header)) {
    return { ok: false, message: `${path}:1:1: not a drill journal: the first line must be {"format":"${JOURNAL_FORMAT}","version":${JOURNAL_VERSION}}` };
  }
  if (header.version !== JOURNAL_VERSION) {
    return { ok: false, message: `${path}:1:1: journal version ${String(header.version)} is not supported (this drill reads version ${JOURNAL_VERSION})` };
  }
  const records: DrillRecord[] = [];
  const warnings: string[] = [];
  let validBytes = Buffer.byteLength(lines[0]!, 'utf8') + 1;
  for (let i = 1; i < lines.length; i++) {
    const isLast = i === lines.length - 1;
    const parsed = recordSchema.safeParse(parseLine(lines[i]!));
    if (!parsed.success) {
      if (isLast && !endsCleanly) {
        warnings.push(`${path}:${i + 1}:1: the last line was cut short (the drill was interrupted mid-write); reading up to line ${i}`);
        break;
      }
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      return { ok: false, message: `${path}:${i + 1}:1: damaged journal line${where}: ${issue?.message ?? 'not a record'}` };
    }
    if (parsed.data.seq !== records.length) {
      return { ok: false, message: `${path}:${i + 1}:1: damaged journal: expected record ${records.length}, found ${parsed.data.seq}` };
    }
    records.push(parsed.data);
    validBytes += Buffer.byteLength(lines[i]!, 'utf8') + 1;
  }
  if (records.length === 0 || records[0]!.type !== 'drill-started') {
    return { ok: false, message: `${path}:2:1: the journal has no drill-started record` };
  }
  return { ok: true, records, warnings, validBytes };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function isHeader(v: unknown): v is { format: string; version: unknown } {
  return typeof v === 'object' && v !== null && (v as { format?: unknown }).format === JOURNAL_FORMAT;
}
