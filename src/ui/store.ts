/**
 * What the screen reads: the session's actor, seen only after the journal has what it did.
 *
 * Views must never show as recorded something that is not on disk yet. An XState actor tells its
 * subscribers about a change inside `actor.send`, before `DrillSession.send` has written the new
 * records, and React may render synchronously right then. So views do not subscribe to the actor:
 * they subscribe here, and this store notifies them after `session.send` has returned, that is,
 * after the write. It has the actor's `subscribe`/`getSnapshot` shape, so `useSelector` from
 * `@xstate/react` reads it like an actor.
 *
 * It also owns the real-time clock driver, which runs exactly while the machine is in
 * `live.running`, and stamps every event with the wall time.
 */
import type { Observer, SnapshotFrom, Subscription } from 'xstate';
import type { drillMachine, DrillEvent } from '../engine/machine.js';
import type { DrillCore } from '../engine/core.js';
import type { DrillSession } from '../session/session.js';
import { ClockDriver, type TimeSource } from './clock.js';
import { FeedLog, type FeedEntry } from './feed-model.js';
import { formatDuration } from '../conditions/duration.js';

export type DrillSnapshot = SnapshotFrom<typeof drillMachine>;

/**
 * What views select from. A new object after every publish, so that selectors re-run even when
 * only the mutable core changed under an unchanged machine snapshot.
 */
export interface ShownDrill {
  readonly snapshot: DrillSnapshot;
  readonly core: DrillCore;
  /** Bumped on every publish. */
  readonly version: number;
  /** Records known to be on disk; later ones are shown as not saved. */
  readonly savedCount: number;
  readonly writeError: Error | undefined;
  /** A one-line notice the store itself raised (a stalled clock), until dismissed. */
  readonly notice: string | undefined;
  /** The feed's entries so far (the log grows in place; read its length at the time). */
  readonly feed: readonly FeedEntry[];
  /** Where the journal is written now (it moves when the facilitator saves elsewhere). */
  readonly journalPath: string;
}

type WithoutWall<E> = E extends unknown ? Omit<E, 'wall'> : never;
/** An engine event before the store stamps it with the wall time. */
export type DrillInputEvent = WithoutWall<DrillEvent>;

export class DrillStore {
  readonly feed: FeedLog;
  private readonly observers = new Set<Observer<ShownDrill>>();
  private readonly clock: ClockDriver;
  private shown: ShownDrill;
  private readonly stopWatchingErrors: () => void;
  private readonly stopWatchingOutside: () => void;

  constructor(
    readonly session: DrillSession,
    readonly time: TimeSource,
  ) {
    const snapshot = session.actor.getSnapshot();
    this.feed = new FeedLog(snapshot.context.core.scenario);
    this.feed.sync(snapshot.context.core.records);
    this.shown = {
      snapshot,
      core: snapshot.context.core,
      version: 0,
      savedCount: session.writeError ? 0 : session.records.length,
      writeError: session.writeError,
      notice: undefined,
      feed: this.feed.entries,
      journalPath: session.journalPath,
    };
    this.clock = new ClockDriver(time, {
      tick: (wallMs) => this.send({ type: 'TICK', wallMs }),
      stalled: (gapMs) => {
        this.send({ type: 'PAUSE' });
        const gap = formatDuration(Math.round(gapMs / 1000) * 1000);
        this.setNotice(`The clock stopped for ${gap} (was the computer asleep?), so the drill is paused. Press space to go on.`);
      },
      // Until the scenario clock shows its next second (a little after, to be sure to cross it).
      nextTickIn: () => {
        const { t, speed } = this.core;
        return ((Math.floor(t / 1000) + 1) * 1000 - t) / speed + 5;
      },
    });
    this.stopWatchingErrors = session.onWriteError(() => this.publish());
    this.stopWatchingOutside = session.onOutsideInput(() => this.publish());
    this.clock.setRunning(this.isRunning());
  }

  get core(): DrillCore {
    return this.session.actor.getSnapshot().context.core;
  }

  /**
   * Sends an input to the engine at the current wall time; true if the machine took it. The
   * clock catches up first, so the input lands at the scenario time it was made.
   */
  send(event: DrillInputEvent): boolean {
    if (event.type !== 'TICK') this.clock.catchUp();
    const before = this.session.actor.getSnapshot().context.rev;
    this.session.send({ ...event, wall: this.time.wallNow() } as DrillEvent);
    const accepted = this.session.actor.getSnapshot().context.rev !== before;
    this.publish();
    return accepted;
  }

  /** Shows (or, with undefined, clears) the store's one-line notice. */
  setNotice(notice: string | undefined): void {
    if (notice === this.shown.notice) return;
    this.shown = { ...this.shown, notice, version: this.shown.version + 1 };
    this.notify();
  }

  /** Stops the clock driver and detaches from the session. */
  dispose(): void {
    this.clock.stop();
    this.stopWatchingErrors();
    this.stopWatchingOutside();
    this.observers.clear();
  }

  // ---- the actor-like surface `useSelector` reads ------------------------------------------

  getSnapshot(): ShownDrill {
    return this.shown;
  }

  subscribe(observer: Observer<ShownDrill>): Subscription;
  subscribe(next: (shown: ShownDrill) => void, error?: (error: unknown) => void, complete?: () => void): Subscription;
  subscribe(
    nextOrObserver: Observer<ShownDrill> | ((shown: ShownDrill) => void),
    error?: (error: unknown) => void,
    complete?: () => void,
  ): Subscription {
    const observer: Observer<ShownDrill> =
      typeof nextOrObserver === 'function' ? { next: nextOrObserver, error, complete } : nextOrObserver;
    this.observers.add(observer);
    return { unsubscribe: () => this.observers.delete(observer) };
  }

  private isRunning(): boolean {
    return this.session.actor.getSnapshot().matches({ live: 'running' });
  }

  /** After a send (and its write): catch the feed up, run the clock if running, tell the views. */
  private publish(): void {
    const snapshot = this.session.actor.getSnapshot();
    const writeError = this.session.writeError;
    this.feed.sync(snapshot.context.core.records);
    this.shown = {
      snapshot,
      core: snapshot.context.core,
      version: this.shown.version + 1,
      savedCount: writeError ? this.shown.savedCount : snapshot.context.core.records.length,
      writeError,
      notice: this.shown.notice,
      feed: this.feed.entries,
      journalPath: this.session.journalPath,
    };
    this.clock.setRunning(this.isRunning());
    this.notify();
  }

  private notify(): void {
    for (const observer of [...this.observers]) observer.next?.(this.shown);
  }
}
