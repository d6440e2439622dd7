/**
 * What a live drill holds: scenario time, the records so far, the world, what has happened to
 * each inject, decision and action, and what is scheduled. The layers above it decide how that
 * changes: `outcomes.ts` (what happens by itself), `scenario-time.ts` (moving the clock) and
 * `core.ts` (the inputs the machine sends). Only those layers write it; everyone else reads.
 *
 * It is a mutable object on purpose: a generated scenario of 100,000 injects must play in linear
 * time, which copying state on every event would forbid.
 */
import type { Decision, Option, Scenario } from '../scenario/types.js';
import type { ExprEnv } from '../conditions/index.js';
import type { DrillRecord, MilestoneName, RecordBody, TeamMember } from './records.js';
import { Timetable } from './timetable.js';
import { World } from './world.js';
import { History } from './history.js';
import { DrillConditions, type Impact } from './conditions.js';

export interface DrillSetup {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly random: () => number;
  readonly team: readonly TeamMember[];
  readonly facilitator?: string;
  readonly mode: 'play' | 'run';
}

/** A decision waiting for the team. */
export interface OpenDecision {
  readonly decision: Decision;
  readonly openedAt: number;
  /** When it times out, extensions included; undefined when it has no timeout. */
  readonly deadline?: number;
}

export abstract class CoreState {
  readonly scenario: Scenario;
  readonly history: History;
  readonly records: DrillRecord[] = [];
  t = 0;
  /** Wall time of the input being handled, stamped on every record it causes. */
  wall = 0;
  /** The drill-ended record, once the drill has ended (the machine then moves to the debrief). */
  ended: DrillRecord | undefined;
  speed = 1;
  impact: Impact = 'ok';
  /** When the impact was first down or degraded, or an inject that starts the incident fired; until then nothing can be mitigated or resolved. */
  incidentBeganAt: number | undefined;
  /** Mitigated and resolved, once their condition has been false after the incident began. */
  protected readonly armed = new Set<MilestoneName>();
  readonly world: World;
  readonly fired = new Set<string>();
  readonly open = new Map<string, OpenDecision>();
  /** decision id -> option id taken ('' for an off-script answer), whether answered or timed out. */
  readonly decided = new Map<string, string>();
  readonly timedOut = new Set<string>();
  readonly cancelled = new Set<string>();
  readonly inProgress = new Map<string, number>();
  readonly startedActions = new Set<string>();
  readonly landed = new Map<string, number>();
  /** Decision id -> the option taken on it whose `takes` has not yet passed, and when it lands. */
  readonly landingOptions = new Map<string, { readonly option: Option; readonly at: number }>();
  readonly milestones = new Map<MilestoneName, number>();
  readonly hintsShown = new Set<string>();
  /** Lookup id -> when its first answer arrived (what `looked()` reads). */
  readonly looked = new Map<string, number>();
  /** Answers on their way: the seq of the asking record -> what it asked. */
  protected readonly pendingAnswers = new Map<number, { readonly id: string; readonly by?: string; readonly text: string }>();
  /** Who speaks for the team, as last recorded; undefined for the team as a whole. */
  speaker: string | undefined;
  /** Seqs of records struck by a correction. */
  readonly struck = new Set<number>();
  protected readonly timetable = new Timetable();
  /** How many times a decision has opened, so that running to a time can stop right after one does. */
  protected decisionsOpened = 0;
  /** What conditions read is told to `watching` on every change, so that each is re-checked only then. */
  protected readonly watching: DrillConditions;
  protected readonly random: () => number;
  protected readonly env: ExprEnv;

  constructor(
    readonly setup: DrillSetup,
    wall: number,
  ) {
    this.scenario = setup.scenario;
    this.random = setup.random;
    this.wall = wall;
    this.watching = new DrillConditions(this.scenario);
    this.world = new World(this.scenario.world, (name) => this.watching.touchVariable(name));
    this.history = new History(this.world);
    const core = this;
    this.env = {
      get time() {
        return core.t;
      },
      variable: (name) => this.world.get(name),
      history: this,
    };
    const s = this.scenario;
    this.emit({
      type: 'drill-started',
      scenario: { id: s.id, title: s.title, version: String(s.file.version), path: s.source.path, hash: s.source.hash },
      seed: setup.seed,
      team: [...setup.team],
      ...(setup.facilitator ? { facilitator: setup.facilitator } : {}),
      mode: setup.mode,
    });
  }

  protected moveTo(t: number): void {
    if (t !== this.t) this.watching.touchTime();
    this.t = t;
    this.world.advanceRamps(t);
    this.history.sample(t);
  }

  protected flushWorld(): void {
    const changes = this.world.takeChanges();
    if (changes) this.emit({ type: 'world', ...changes });
  }

  protected emit(body: RecordBody): DrillRecord {
    const record = { seq: this.records.length, t: this.t, wall: this.wall, ...body } as DrillRecord;
    this.records.push(record);
    return record;
  }
}
