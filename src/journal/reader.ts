/**
 * Reads a journal back. A last line cut short by a kill is dropped with a warning (every line
 * before it was complete when written); damage anywhere else is refused with its line number,
 * since guessing would silently change the drill's history.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { visibleLine } from '../text/sanitize.js';
import { JOURNAL_FORMAT, JOURNAL_VERSION, recordSchema, type DrillRecord } from '../engine/records.js';
import { compileQuickCheck } from './quick-check.js';

/** Journals above this size are refused before reading: far more than any drill writes. */
export const MAX_JOURNAL_BYTES = 512 * 1024 * 1024;

/**
 * Lines longer than this are refused before JSON sees them: a record is at most a few KB (a long
 * note), while a line of millions of nested brackets makes JSON.parse allocate until it crashes.
 */
export const MAX_JOURNAL_LINE = 1024 * 1024;

export type JournalRead =
  | {
      ok: true;
      records: DrillRecord[];
      warnings: string[];
      /** Length in bytes of the complete lines; a resumed drill truncates the file to it before appending. */
      validBytes: number;
    }
  | { ok: false; message: string };

/** Reads and checks a journal file. Never throws: every problem is one line naming the file. */
export function readJournalFile(path: string): JournalRead {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `${path}: no such journal file` : `${path}: cannot read it (${code ?? String(error)})` };
  }
  // A folder, a device such as /dev/zero or a named pipe would fail oddly, never end, or block.
  if (!stat.isFile()) return { ok: false, message: `${path}: not a journal file (${stat.isDirectory() ? 'a folder' : 'not a regular file'}); pass the drill's journal.jsonl` };
  if (stat.size > MAX_JOURNAL_BYTES) return { ok: false, message: `${path}: the journal is ${stat.size} bytes, over the ${MAX_JOURNAL_BYTES}-byte limit` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, message: `${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  // isUtf8 + toString (simdutf) is faster than a fatal TextDecoder on a big journal.
  if (isUtf8(bytes)) {
    // TextDecoder, which this replaced, drops a leading byte-order mark; so does this.
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return parseJournal(bytes.toString('utf8', start), path);
  }
  // The lenient decoder marks the first bad byte, which gives the line to name.
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
  const what = line === 1 ? 'not a drill journal' : 'damaged journal line';
  return { ok: false, message: `${path}:${line}:1: ${what}: not UTF-8 text (was the file edited?)` };
}

export function parseJournal(text: string, path: string): JournalRead {
  const lines = text.split('\n');
  const endsCleanly = lines[lines.length - 1] === '';
  if (endsCleanly) lines.pop();
  if (lines.length === 0) return { ok: false, message: `${path}:1:1: the journal is empty` };
  const headerProblem = checkHeaderLine(lines[0]!, path);
  if (headerProblem) return { ok: false, message: headerProblem };
  const records: DrillRecord[] = [];
  const warnings: string[] = [];
  let validBytes = Buffer.byteLength(lines[0]!, 'utf8') + 1;
  for (let i = 1; i < lines.length; i++) {
    const isLast = i === lines.length - 1;
    // A line is written whole with its line break; without it, the write never finished (and
    // was never shown as recorded), even if what is there happens to parse.
    if (isLast && !endsCleanly) {
      warnings.push(`${path}:${i + 1}:1: the last line was cut short (the drill was interrupted mid-write); reading up to line ${i}`);
      break;
    }
    const parsed = parseRecordLine(lines[i]!, i + 1, path, records.length);
    if (!parsed.ok) return parsed;
    records.push(parsed.record);
    validBytes += Buffer.byteLength(lines[i]!, 'utf8') + 1;
  }
  if (records.length === 0 || records[0]!.type !== 'drill-started') {
    return { ok: false, message: `${path}:2:1: the journal has no drill-started record` };
  }
  return { ok: true, records, warnings, validBytes };
}

/** The problem with a journal's first line, if it is not the header of a journal this drill reads. */
export function checkHeaderLine(line: string, path: string): string | undefined {
  const header = line.length > MAX_JOURNAL_LINE ? undefined : parseLine(line);
  if (!isHeader(header)) {
    return `${path}:1:1: not a drill journal: the first line must be {"format":"${JOURNAL_FORMAT}","version":${JOURNAL_VERSION}}`;
  }
  if (header.version !== JOURNAL_VERSION) {
    return `${path}:1:1: journal version ${String(header.version)} is not supported (this drill reads version ${JOURNAL_VERSION})`;
  }
  return undefined;
}

/** One complete record line (`lineNo` counts from 1, the header), which must be record `expectedSeq`. */
export function parseRecordLine(line: string, lineNo: number, path: string, expectedSeq: number): { ok: true; record: DrillRecord } | { ok: false; message: string } {
  const tooLong = line.length > MAX_JOURNAL_LINE;
  const value = tooLong ? undefined : parseLine(line);
  // Nearly every line passes the quick check; zod runs only on the rest, for its exact message.
  const parsed = isRecord(value) ? { success: true as const, data: value } : recordSchema.safeParse(value);
  if (!parsed.success) {
    if (tooLong) {
      return { ok: false, message: `${path}:${lineNo}:1: damaged journal line: ${line.length} characters, over the ${MAX_JOURNAL_LINE}-character limit of a record` };
    }
    if (value === undefined) return { ok: false, message: `${path}:${lineNo}:1: damaged journal line: not JSON (was the file edited?)` };
    const type = (value as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && !RECORD_TYPES.has(type)) {
      return { ok: false, message: `${path}:${lineNo}:1: damaged journal line: unknown record type \`${visibleLine(type)}\` (written by a newer drill?)` };
    }
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${visibleLine(issue.path.join('.'))}` : '';
    // The message may quote the line's own keys, which could hold terminal escapes.
    return { ok: false, message: `${path}:${lineNo}:1: damaged journal line${where}: ${visibleLine(issue?.message ?? 'not a record')}` };
  }
  if (parsed.data.seq !== expectedSeq) {
    return { ok: false, message: `${path}:${lineNo}:1: damaged journal: expected record ${expectedSeq}, found ${parsed.data.seq}` };
  }
  return { ok: true, record: parsed.data };
}

const RECORD_TYPES: ReadonlySet<string> = new Set(recordSchema.options.map((option) => option.shape.type.value));

const isRecord = compileQuickCheck(recordSchema) as (value: unknown) => value is DrillRecord;

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
