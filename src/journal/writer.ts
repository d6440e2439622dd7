/**
 * The only writer of drill history. One JSON record per line after a header line; in interactive
 * play every line is fsynced before the write returns, so what the screen shows as recorded
 * survives a crash or a pulled plug.
 */
import { closeSync, fsyncSync, ftruncateSync, openSync, truncateSync, writeSync } from 'node:fs';
import { JOURNAL_FORMAT, JOURNAL_VERSION, type DrillRecord } from '../engine/records.js';

export const JOURNAL_FILE = 'journal.jsonl';

export function journalHeader(): string {
  return JSON.stringify({ format: JOURNAL_FORMAT, version: JOURNAL_VERSION });
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
  private pending: string[] = [];
  private pendingBytes = 0;
  /** Bytes of complete lines in the file: where the next line goes, and where a failed write is cut back to. */
  private size: number;

  private constructor(
    readonly path: string,
    fd: number,
    private readonly durable: boolean,
    size: number,
  ) {
    this.fd = fd;
    this.size = size;
  }

  /** A new journal; fails if the file exists, so that no drill overwrites another's history. */
  static create(path: string, options: { durable: boolean }): JournalWriter {
    const writer = new JournalWriter(path, openSync(path, 'wx'), options.durable, 0);
    writer.writeLines([journalHeader()]);
    return writer;
  }

  /**
   * An existing journal, appended to (a resumed drill). `validBytes` (from the reader) cuts off a
   * last line that a kill left half-written, so the new lines do not land glued to it.
   */
  static append(path: string, options: { durable: boolean; validBytes: number }): JournalWriter {
    truncateSync(path, options.validBytes);
    return new JournalWriter(path, openSync(path, 'r+'), options.durable, options.validBytes);
  }

  write(records: readonly DrillRecord[]): void {
    if (records.length === 0) return;
    if (this.durable) return this.writeLines(records.map((r) => JSON.stringify(r)));
    if (this.fd === undefined) throw new Error(`${this.path}: the journal is closed`);
    for (const r of records) {
      const line = JSON.stringify(r);
      this.pending.push(line);
      this.pendingBytes += line.length + 1;
    }
    if (this.pendingBytes >= BATCH_BYTES) this.writePending();
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
        closeSync(fd);
      }
    }
  }

  private writePending(): void {
    if (this.pending.length === 0) return;
    const lines = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.writeLines(lines);
  }

  private writeLines(lines: readonly string[]): void {
    if (this.fd === undefined) throw new Error(`${this.path}: the journal is closed`);
    const data = Buffer.from(lines.join('\n') + '\n', 'utf8');
    // One write call for the batch, looping on short writes, then fsync: a kill between two
    // lines leaves whole lines behind, and at worst a cut last line that the reader drops.
    try {
      for (let off = 0; off < data.length; ) off += writeSync(this.fd, data, off, data.length - off, this.size + off);
      if (this.durable) fsyncSync(this.fd);
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
