/**
 * A drill being recorded: the engine's actor plus the journal it writes to. Every event goes
 * through `send`, which hands it to the machine and then writes the records it produced before
 * returning, so nothing is shown as recorded that is not already on disk. A failed write (disk
 * full, folder removed) pauses the drill and keeps the unwritten records in memory until the
 * facilitator points the journal somewhere else.
 */
import { createActor } from 'xstate';
import { drillMachine, type DrillEvent, type DrillInput } from '../engine/machine.js';
import type { DrillActor } from '../engine/replay.js';
import type { DrillRecord } from '../engine/records.js';
import { JournalWriter } from '../journal/writer.js';

/** Where a session's records go: a journal file, or nowhere (`drill test` writes nothing unless asked). */
export interface JournalSink {
  readonly path: string;
  write(records: readonly DrillRecord[], from?: number): void;
  flush(): void;
  close(): void;
}

/** A sink that keeps nothing: the records stay in the engine's memory, which is all a test needs. */
const NO_JOURNAL: JournalSink = { path: '', write: () => undefined, flush: () => undefined, close: () => undefined };

/** Real time between checkpoints in a quiet drill. */
const CHECKPOINT_EVERY_MS = 10_000;

export class DrillSession {
  private written: number;
  private listeners = new Set<() => void>();
  private readonly published = new Set<() => void>();
  private readonly outside = new Set<() => void>();
  /** The last write error, until a write succeeds again. */
  writeError: Error | undefined;

  constructor(
    readonly actor: DrillActor,
    private writer: JournalSink,
    alreadyWritten = 0,
  ) {
    this.written = alreadyWritten;
    this.flush();
  }

  /** A new drill writing a new journal at `journalPath`. */
  static start(input: DrillInput, journalPath: string, options: { durable: boolean }): DrillSession {
    const writer = JournalWriter.create(journalPath, options);
    return new DrillSession(createActor(drillMachine, { input }).start(), writer);
  }

  /** A drill that writes no journal. */
  static inMemory(input: DrillInput): DrillSession {
    return new DrillSession(createActor(drillMachine, { input }).start(), NO_JOURNAL);
  }

  get journalPath(): string {
    return this.writer.path;
  }

  get records(): readonly DrillRecord[] {
    return this.actor.getSnapshot().context.core.records;
  }

  send(event: DrillEvent): void {
    this.actor.send(event);
    if (event.type === 'TICK') this.checkpoint(event.wall);
    this.flush();
    for (const listener of this.published) listener();
  }

  /**
   * Called after every event has been handled and its records written: participants' views
   * read the drill here, so they never show what is not on disk yet.
   */
  onPublish(listener: () => void): () => void {
    this.published.add(listener);
    return () => this.published.delete(listener);
  }

  /** An input from outside the facilitator's screen (a vote from a page): sent like any other, then the screen is told. */
  sendFromOutside(event: DrillEvent): void {
    this.send(event);
    for (const listener of this.outside) listener();
  }

  /** Called after each `sendFromOutside`, so that the facilitator's screen shows it at once. */
  onOutsideInput(listener: () => void): () => void {
    this.outside.add(listener);
    return () => this.outside.delete(listener);
  }

  /**
   * Quiet stretches produce no records, and a resume after `kill -9` starts at the last record;
   * a checkpoint every few seconds of real time bounds what such a crash can lose.
   */
  private checkpoint(wall: number): void {
    const last = this.records.at(-1);
    if (last && wall - last.wall >= CHECKPOINT_EVERY_MS) this.actor.send({ type: 'CHECKPOINT', wall });
  }

  /** Called when the write-error state changes, so the screen can say so at once. */
  onWriteError(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Moves the journal to a new file holding everything recorded so far, then carries on there. */
  relocate(journalPath: string, options: { durable: boolean }): void {
    const next = JournalWriter.create(journalPath, options);
    try {
      next.write(this.records);
    } catch (error) {
      // Not moved after all: close the new file again, which also gives back its lock.
      try {
        next.close();
      } catch {
        // the write error below is the one to report
      }
      throw error;
    }
    try {
      this.writer.close();
    } catch {
      // the old file is the broken one; what matters is now in the new file
    }
    this.writer = next;
    this.written = this.records.length;
    this.setError(undefined);
  }

  close(): void {
    this.flush();
    try {
      // A non-durable journal writes in batches: the last one is written here, and its failure
      // is a write error like any other (`writeError`), not a crash.
      this.writer.flush();
    } catch (error) {
      this.setError(asError(error));
    }
    try {
      this.writer.close();
    } catch (error) {
      this.setError(asError(error));
    }
  }

  private flush(): void {
    const records = this.records;
    if (this.written >= records.length) return;
    try {
      this.writer.write(records, this.written);
      this.written = records.length;
      if (this.writeError) this.setError(undefined);
    } catch (error) {
      const first = !this.writeError;
      this.setError(asError(error));
      if (first && this.actor.getSnapshot().matches({ live: 'running' })) this.actor.send({ type: 'PAUSE', wall: records.at(-1)?.wall ?? 0 });
    }
  }

  private setError(error: Error | undefined): void {
    this.writeError = error;
    for (const listener of this.listeners) listener();
  }
}

/** What a `catch` caught, as an Error (fs throws Errors, but a catch clause promises nothing). */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
