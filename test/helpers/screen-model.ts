/**
 * The screen without a screen: `update` driven by key messages over a real drill actor held in
 * memory. `press` hands each key to `update` and carries out the effects it returns the way the
 * shell does (an event to the drill, then the drill published and the outcome reported back), so
 * a test reads the model and the effects, with no Ink, no journal and no timers.
 */
import { createActor } from 'xstate';
import type { Key } from 'ink';
import { drillMachine, type DrillEvent } from '../../src/engine/machine.js';
import type { DrillActor } from '../../src/engine/replay.js';
import type { TeamMember } from '../../src/engine/records.js';
import type { Scenario } from '../../src/scenario/index.js';
import { FeedLog } from '../../src/ui/feed-model.js';
import type { DrillInputEvent, ShownDrill } from '../../src/ui/store.js';
import type { Model, Setup } from '../../src/ui/model.js';
import type { Effect, ExitReason, Message } from '../../src/ui/messages.js';
import { initialModel, update } from '../../src/ui/update.js';
import { fixture } from './load.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

const SPECIAL: Record<string, Partial<Key>> = {
  Enter: { return: true },
  Esc: { escape: true },
  Tab: { tab: true },
  Up: { upArrow: true },
  Down: { downArrow: true },
  PgUp: { pageUp: true },
  PgDn: { pageDown: true },
};

/** A key as Ink reports it: `inkKey('n')`, `inkKey('some text')` (typed text), `inkKey('Enter')`, `inkKey('Ctrl-C')`. */
export function inkKey(name: string): [string, Key] {
  if (name === 'Ctrl-C') return ['c', { ...NO_KEY, ctrl: true }];
  const special = SPECIAL[name];
  return special ? ['', { ...NO_KEY, ...special }] : [name, NO_KEY];
}

/** A key as a message for `update`. */
export function key(name: string): Message {
  const [input, k] = inkKey(name);
  return { type: 'key', input, key: k };
}

export const JOURNAL = 'drills/ui-mini/journal.jsonl';

export interface ScreenOptions {
  readonly scenario?: Scenario;
  readonly team?: readonly TeamMember[];
  readonly feedRows?: number;
  readonly facilitator?: string;
}

export class ScreenDriver {
  readonly scenario: Scenario;
  readonly actor: DrillActor;
  model: Model;
  /** Every effect, in order, from every message. */
  readonly effects: Effect[] = [];
  exited: ExitReason | undefined;
  /** Set to make the journal fail: sends are then taken but not saved. */
  writeError: Error | undefined;
  /** What `relocate` throws, if anything. */
  relocateError: Error | undefined;
  private readonly feed: FeedLog;
  private version = 0;
  private wall = 0;

  constructor(options: ScreenOptions = {}) {
    this.scenario = options.scenario ?? fixture('ui-mini.yaml');
    const team = options.team ?? [
      { name: 'Alex', role: 'ic' },
      { name: 'Julie', role: 'ops' },
    ];
    this.actor = createActor(drillMachine, { input: { scenario: this.scenario, seed: 'screen', team: [...team], mode: 'play', wall: 0 } }).start();
    this.feed = new FeedLog(this.scenario);
    const setup: Setup = { scenario: this.scenario, team, facilitator: options.facilitator };
    this.model = initialModel(setup, this.shown(), options.feedRows ?? 20);
  }

  get ui() {
    return this.model.ui;
  }

  get core() {
    return this.actor.getSnapshot().context.core;
  }

  /** One message through `update`; returns the effects it gave, after carrying them out. */
  dispatch(message: Message): readonly Effect[] {
    const [next, effects] = update(this.model, message);
    this.model = next;
    this.effects.push(...effects);
    for (const effect of effects) this.perform(effect);
    return effects;
  }

  /** Keys in order (see `key`); returns the effects of all of them. */
  press(...names: string[]): readonly Effect[] {
    return names.flatMap((name) => this.dispatch(key(name)));
  }

  /** Scenario time moves on to `t` ms (as the clock driver's ticks would move it), then the drill is published. */
  advanceTo(t: number): void {
    this.send({ type: 'ADVANCE', to: t });
    this.publish();
  }

  /** An event that reaches the drill from elsewhere (a page, another key's effect), then the drill is published. */
  dispatchEvent(event: DrillInputEvent): void {
    this.send(event);
    this.publish();
  }

  /** The drill as the store would publish it now. */
  shown(): ShownDrill {
    const snapshot = this.actor.getSnapshot();
    const core = snapshot.context.core;
    this.feed.sync(core.records);
    return {
      snapshot,
      core,
      version: this.version++,
      savedCount: this.writeError ? 0 : core.records.length,
      writeError: this.writeError,
      notice: undefined,
      feed: this.feed.entries,
      journalPath: JOURNAL,
    };
  }

  publish(): void {
    this.dispatch({ type: 'published', drill: this.shown() });
  }

  private send(event: DrillInputEvent): boolean {
    const before = this.actor.getSnapshot().context.rev;
    this.actor.send({ ...event, wall: ++this.wall } as DrillEvent);
    return this.actor.getSnapshot().context.rev !== before;
  }

  private perform(effect: Effect): void {
    switch (effect.kind) {
      case 'send': {
        const accepted = this.send(effect.event);
        this.publish();
        this.dispatch({ type: 'sent', event: effect.event, say: effect.say, accepted, saved: this.writeError === undefined });
        return;
      }
      case 'write-reports':
        this.dispatch({ type: 'reports-written', paths: [JOURNAL, 'drills/ui-mini/report.md'] });
        return;
      case 'relocate':
        if (this.relocateError) return void this.dispatch({ type: 'relocate-failed', path: effect.path, reason: this.relocateError.message });
        this.writeError = undefined;
        this.publish();
        this.dispatch({ type: 'relocated', path: effect.path });
        return;
      case 'dismiss-notice':
        return;
      case 'exit':
        this.exited = effect.reason;
        return;
    }
  }
}
