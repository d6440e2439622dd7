/**
 * The only writer of drill history. One JSON record per line after a header line; in interactive
 * play every line is fsynced before the write returns, so what the screen shows as recorded
 * survives a crash or a pulled plug.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, truncateSync, writeSync } from 'node:fs';
import { JOURNAL_FORMAT, JOURNAL_VERSION, type DrillRecord } from '../engine/records.js';
import { lockJournal } from './lock.js';

export const JOURNAL_FILE = 'journal.jsonl';

export function journalHeader(): string {
  return JSON.stringify({ format: JOURNAL_FORMAT, version: JOURNAL_VERSION });
}

/** Characters a journal line escapes beyond what JSON does (see `jsonLine`). */
const UNSAFE_CHAR = /[\u007f-\u009f\u2028\u2029]/;
const UNSAFE_CHARS = new RegExp(UNSAFE_CHAR.source, 'g');

/**
 * A record as one line of JSON. JSON escapes C0 controls but not DEL, the C1 controls (0x9b is a
 * one-byte CSI to some terminals) or the Unicode line separators; escape those too, so that `cat`
 * or `tail -f` of a journal never hands a terminal a sequence from typed or scenario text.
 */
function jsonLine(record: DrillRecord): string {
  return escapeUnsafe(JSON.stringify(record));
}

/** Escapes the characters of `UNSAFE_CHAR` in JSON text (none of them is a newline, so lines stay lines). */
function escapeUnsafe(json: string): string {
  // Test first: a global replace with a callback is a slow path even when nothing matches.
  return UNSAFE_CHAR.test(json) ? json.replace(UNSAFE_CHARS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** A non-durable journal (`drill run`) is written in batches of about this many bytes. */
const BATCH_BYTES = 1 << 20;

export class JournalWriter {
  private fd: number | undefined;
  /**
   * Lines of a non-durable journal not yet written. `drill run` makes hundreds of thousands of
   * records as fast as it can; one write per event made the journal a large share of its time.
   * Nothing is shown as recorded there, and the journal is complete once closed.
   */
  private pending = '';
  /** A failed batch of a non-durable journal: its lines are gone, so every later write fails too. */
  private failed: Error | undefined;
  /** Bytes of complete lines in the file: where the next line goes, and where a failed write is cut back to. */
  private size: number;

  private constructor(
    readonly path: string,
    fd: number,
    private readonly durable: boolean,
    size: number,
    private readonly unlock: () => void,
  ) {
    this.fd = fd;
    this.size = size;
  }

  /** Opens `path` while holding its lock (see lock.ts), which `close` gives back. */
  private static locked<T>(path: string, open: (unlock: () => void) => T): T {
    const unlock = lockJournal(path);
    try {
      return open(unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /** A new journal; fails if the file exists, so that no drill overwrites another's history. */
  static create(path: string, options: { durable: boolean }): JournalWriter {
    return JournalWriter.locked(path, (unlock) => {
      const writer = new JournalWriter(path, openSync(path, 'wx'), options.durable, 0, unlock);
      writer.writeLines([journalHeader()]);
      return writer;
    });
  }

  /**
   * An existing journal, appended to (a resumed drill). `validBytes` (from the reader) cuts off a
   * last line that a kill left half-written, so the new lines do not land glued to it.
   */
  static append(path: string, options: { durable: boolean; validBytes: number }): JournalWriter {
    // Locked before the cut: a drill still writing this journal must not lose its newest lines.
    return JournalWriter.locked(path, (unlock) => {
      truncateSync(path, options.validBytes);
      return new JournalWriter(path, openSync(path, 'r+'), options.durable, options.validBytes, unlock);
    });
  }

  /** Writes `records` from index `from` on (an index, not a slice: `drill run` calls this per event). */
  write(records: readonly DrillRecord[], from = 0): void {
    if (records.length <= from) return;
    if (this.durable) return this.writeLines(records.slice(from).map(jsonLine));
    if (this.fd === undefined) throw new Error(`${this.path}: the journal is closed`);
    if (this.failed) throw this.failed;
    // One growing string, escaped and encoded once per batch: per line, the escape test and the
    // join cost more than the JSON itself.
    for (let i = from; i < records.length; i++) this.pending += JSON.stringify(records[i]) + '\n';
    if (this.pending.length >= BATCH_BYTES) this.writePending();
  }

  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    try {
      this.writePending();
    } finally {
      this.fd = undefined;
      try {
        fsyncSync(fd);
      } finally {
        try {
          closeSync(fd);
        } finally {
          this.unlock();
        }
      }
    }
  }

  /** Writes the lines a non-durable journal still holds (a durable one holds none). */
  flush(): void {
    this.writePending();
  }

  private writePending(): void {
    if (this.pending.length === 0) return;
    const text = escapeUnsafe(this.pending);
    this.pending = '';
    try {
      this.writeText(text);
    } catch (error) {
      this.failed = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }

  private writeLines(lines: readonly string[]): void {
    this.writeText(lines.join('\n') + '\n');
  }

  /** Writes whole lines (`text` ends with a newline) at the end of the journal. */
  private writeText(text: string): void {
    if (this.fd === undefined) throw new Error(`${this.path}: the journal is closed`);
    const data = Buffer.from(text, 'utf8');
    // One write call for the batch, looping on short writes, then fsync: a kill between two
    // lines leaves whole lines behind, and at worst a cut last line that the reader drops.
    try {
      for (let off = 0; off < data.length; ) off += writeSync(this.fd, data, off, data.length - off, this.size + off);
      if (this.durable) {
        fsyncSync(this.fd);
        // Writes to a file whose folder was removed still succeed, into a file nobody will ever
        // find again: treat it as the write error it is, so the drill pauses and can move.
        if (fstatSync(this.fd).nlink === 0) throw Object.assign(new Error('the journal file was deleted (its folder removed?)'), { code: 'ENOENT' });
      }
    } catch (error) {
      // A disk that filled up mid-line leaves part of a line behind. The caller retries the same
      // records later (after space is freed); cut the part off, or the retry would land after it
      // and turn a harmless cut last line into damage in the middle of the journal.
      try {
        ftruncateSync(this.fd, this.size);
      } catch {
        // The reader drops a cut last line anyway; the retry is what could not be undone.
      }
      throw error;
    }
    this.size += data.length;
  }
}
