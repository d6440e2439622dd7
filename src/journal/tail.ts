/**
 * Reads a journal that another process may still be writing, from its start and then whatever is
 * appended, read-only. Only complete lines are taken: a line without its line break is still
 * being written (or was cut by a kill) and waits for the next read. Every line is checked exactly
 * as `reader.ts` checks a whole journal, with the same one-line messages.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { DrillRecord } from '../engine/records.js';
import { checkHeaderLine, MAX_JOURNAL_BYTES, MAX_JOURNAL_LINE, parseRecordLine } from './reader.js';

export type TailRead = { ok: true; records: DrillRecord[] } | { ok: false; message: string };

const CHUNK = 1024 * 1024;

export class JournalTail {
  private offset = 0;
  /** Bytes after the last line break read so far: the start of a line not yet complete. */
  private pending: Buffer = Buffer.alloc(0);
  private lines = 0;
  private count = 0;

  private constructor(
    readonly path: string,
    private readonly fd: number,
  ) {}

  /** Opens the journal for reading; a one-line problem if it cannot be. */
  static open(path: string): JournalTail | { message: string } {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        message:
          code === 'ENOENT' ? `${path}: no such journal file` : `${path}: cannot read it (${code ?? String(error)})`,
      };
    }
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      closeSync(fd);
      return {
        message: `${path}: not a journal file (${stat.isDirectory() ? 'a folder' : 'not a regular file'}); pass the drill's journal.jsonl`,
      };
    }
    return new JournalTail(path, fd);
  }

  /** Records appended since the last read (all of them, the first time). */
  read(): TailRead {
    const records: DrillRecord[] = [];
    const size = fstatSync(this.fd).size;
    if (size > MAX_JOURNAL_BYTES)
      return {
        ok: false,
        message: `${this.path}: the journal is ${size} bytes, over the ${MAX_JOURNAL_BYTES}-byte limit`,
      };
    while (this.offset < size) {
      const chunk = Buffer.alloc(Math.min(CHUNK, size - this.offset));
      const n = readSync(this.fd, chunk, 0, chunk.length, this.offset);
      if (n === 0) break;
      this.offset += n;
      const bytes = Buffer.concat([this.pending, chunk.subarray(0, n)]);
      // A line break byte never occurs inside a UTF-8 character, so splitting there is safe.
      const end = bytes.lastIndexOf(0x0a);
      this.pending = end < 0 ? bytes : bytes.subarray(end + 1);
      if (this.pending.length > MAX_JOURNAL_LINE * 4) {
        return {
          ok: false,
          message: `${this.path}:${this.lines + 1}:1: damaged journal line: over the ${MAX_JOURNAL_LINE}-character limit of a record`,
        };
      }
      if (end < 0) continue;
      const problem = this.take(bytes.subarray(0, end), records);
      if (problem) return { ok: false, message: problem };
    }
    return { ok: true, records };
  }

  close(): void {
    closeSync(this.fd);
  }

  private take(complete: Buffer, records: DrillRecord[]): string | undefined {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let text: string;
    try {
      text = decoder.decode(complete);
    } catch {
      return `${this.path}:${this.lines + 1}:1: damaged journal line: not UTF-8 text (was the file edited?)`;
    }
    for (const line of text.split('\n')) {
      this.lines++;
      if (this.lines === 1) {
        const problem = checkHeaderLine(line.replace(/^\uFEFF/, ''), this.path);
        if (problem) return problem;
        continue;
      }
      const parsed = parseRecordLine(line, this.lines, this.path, this.count);
      if (!parsed.ok) return parsed.message;
      if (this.count === 0 && parsed.record.type !== 'drill-started')
        return `${this.path}:2:1: the journal has no drill-started record`;
      records.push(parsed.record);
      this.count++;
    }
    return undefined;
  }
}
