/**
 * The drill's phases as an XState machine: briefing → running ⇄ paused → debrief → done.
 * The machine decides which inputs count in which phase; the live scenario itself (world,
 * schedule, decisions) lives in `DrillCore`, which every action drives. Each accepted event bumps
 * `rev`, so views that select from the snapshot re-read. Every event carries the wall time it
 * happened at: the engine never reads a clock of its own.
 */
import { assign, setup } from 'xstate';
import seedrandom from 'seedrandom';
import type { Scenario } from '../scenario/types.js';
import { DrillCore } from './core.js';
import type { FollowupType, MilestoneName, Priority, TeamMember } from './records.js';
import { withoutEmpty } from './without-empty.js';

type Stamp = { readonly wall: number };
export type DebriefSection = 'summary' | 'cause' | 'went-well' | 'went-poorly' | 'lucky' | 'action';

export type DrillEvent = Stamp &
  (
    | { type: 'START' }
    | { type: 'TICK'; wallMs: number }
    | { type: 'ADVANCE'; to: number }
    | {
        type: 'RUN_TO';
        to: number;
        wallAtZero: number;
        /** After a moment at which a decision opened: the time to play on to instead (not after now: stop). */
        replan?: () => number;
      }
    | { type: 'SKIP'; to?: number }
    | { type: 'PAUSE' }
    | { type: 'RESUME' }
    | { type: 'SET_SPEED'; speed: number }
    | { type: 'DECIDE'; id: string; option?: string; text?: string; by?: string; rationale?: string }
    | { type: 'TAKE_ACTION'; id: string; by?: string }
    | { type: 'NOTE'; text: string; by?: string }
    | { type: 'FOLLOWUP'; text: string; owner?: string; kind: FollowupType; due?: string; priority?: Priority }
    | { type: 'MARK_MILESTONE'; name: MilestoneName; by?: string }
    | { type: 'SHOW_HINT'; for: string }
    | { type: 'END' }
    | {
        type: 'DEBRIEF';
        section: DebriefSection;
        text: string;
        /** `factor` is how journals written before `factors` link a cause; replay passes it back. */
        factor?: string;
        factors?: readonly string[];
        owner?: string;
        kind?: FollowupType;
        due?: string;
        priority?: Priority;
      }
    | { type: 'FINISH' }
    | { type: 'SESSION_RESUMED' }
    | { type: 'CHECKPOINT' }
  );

export interface DrillInput {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly team: readonly TeamMember[];
  readonly facilitator?: string;
  readonly mode: 'play' | 'run';
  /** Wall time of the drill's start, epoch ms. */
  readonly wall: number;
}

export interface DrillContext {
  readonly core: DrillCore;
  readonly rev: number;
}

type Ev<T extends DrillEvent['type']> = Extract<DrillEvent, { type: T }>;

/** Applies `change` to the core at the event's wall time, then bumps the revision. */
const drive = <T extends DrillEvent['type']>(change: (core: DrillCore, event: Ev<T>) => void) =>
  assign<DrillContext, DrillEvent, undefined, DrillEvent, never>(({ context, event }) => {
    context.core.wall = event.wall;
    change(context.core, event as Ev<T>);
    return { rev: context.rev + 1 };
  });

const MAX_SPEED = 64;
const MIN_SPEED = 0.25;

export const drillMachine = setup({
  types: {
    context: {} as DrillContext,
    events: {} as DrillEvent,
    input: {} as DrillInput,
  },
  guards: {
    drillHasEnded: ({ context }) => context.core.ended !== undefined,
    decisionIsOpen: ({ context, event }) => {
      const e = event as Ev<'DECIDE'>;
      const open = context.core.open.get(e.id);
      if (!open) return false;
      if (e.option !== undefined) return open.decision.options.some((o) => o.id === e.option);
      return (e.text ?? '').trim() !== '';
    },
    actionIsAvailable: ({ context, event }) => context.core.canTake((event as Ev<'TAKE_ACTION'>).id),
    milestoneNotYetReached: ({ context, event }) => !context.core.milestones.has((event as Ev<'MARK_MILESTONE'>).name),
    hintExists: ({ context, event }) => {
      const id = (event as Ev<'SHOW_HINT'>).for;
      const s = context.core.scenario;
      return Boolean(s.injectById.get(id)?.hint ?? s.decisionById.get(id)?.hint);
    },
    somethingIsScheduled: ({ context, event }) => ((event as Ev<'SKIP'>).to ?? context.core.nextEventTime()) !== undefined,
    timeMovedSinceLastRecord: ({ context }) => context.core.t > (context.core.records.at(-1)?.t ?? 0),
    textIsGiven: ({ event }) => 'text' in event && typeof event.text === 'string' && event.text.trim() !== '',
  },
  actions: {
    startClock: drive<'START'>((core, e) => core.startClock(e.wall)),
    // Whole milliseconds: scenario time in the journal stays readable, and nothing is lost.
    advanceByRealTime: drive<'TICK'>((core, e) => core.advanceTo(core.t + Math.round(e.wallMs * core.speed), e.wall)),
    recordCheckpoint: drive<'CHECKPOINT'>((core) => core.record({ type: 'checkpoint' })),
    advanceToTime: drive<'ADVANCE'>((core, e) => core.advanceTo(Math.max(core.t, e.to), e.wall)),
    runToTimeOrDecision: drive<'RUN_TO'>((core, e) => core.runUntil(e.to, (t) => e.wallAtZero + t, e.replan)),
    skipToNextEvent: drive<'SKIP'>((core, e) => {
      const to = e.to ?? core.nextEventTime()!;
      core.record({ type: 'skipped', to });
      core.advanceTo(to, e.wall);
    }),
    recordPause: drive<'PAUSE'>((core) => {
      core.paused = true;
      core.record({ type: 'paused' });
    }),
    recordResume: drive<'RESUME'>((core) => {
      core.paused = false;
      core.record({ type: 'resumed' });
    }),
    changeSpeed: drive<'SET_SPEED'>((core, e) => {
      core.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, e.speed));
      core.record({ type: 'speed', speed: core.speed });
    }),
    recordDecision: drive<'DECIDE'>((core, e) => {
      core.decide(e.id, { option: e.option, text: e.text?.trim(), by: e.by, rationale: e.rationale?.trim() });
    }),
    startAction: drive<'TAKE_ACTION'>((core, e) => core.takeAction(e.id, e.by)),
    recordNote: drive<'NOTE'>((core, e) => core.record(withoutEmpty({ type: 'note', text: e.text.trim(), by: e.by }))),
    recordFollowup: drive<'FOLLOWUP'>((core, e) =>
      core.record(withoutEmpty({ type: 'followup', text: e.text.trim(), owner: e.owner, kind: e.kind, due: e.due, priority: e.priority })),
    ),
    markMilestone: drive<'MARK_MILESTONE'>((core, e) => core.markMilestone(e.name, e.by)),
    revealHint: drive<'SHOW_HINT'>((core, e) => {
      core.hintsShown.add(e.for);
      core.record({ type: 'hint-shown', for: e.for });
    }),
    endDrill: drive<'END'>((core) => core.endByFacilitator()),
    recordDebriefEntry: drive<'DEBRIEF'>((core, e) =>
      core.record(
        withoutEmpty({
          type: 'debrief',
          section: e.section,
          text: e.text.trim(),
          // One factor is written as `factor`, as before, so that older drills still read the
          // journal; only a cause that names several needs `factors`.
          factor: e.factor ?? (e.factors?.length === 1 ? e.factors[0] : undefined),
          factors: e.factors && e.factors.length > 1 ? [...e.factors] : undefined,
          owner: e.owner,
          kind: e.kind,
          due: e.due,
          priority: e.priority,
        }),
      ),
    ),
    finishDrill: drive<'FINISH'>((core) => {
      core.finished = true;
      core.record({ type: 'drill-finished' });
    }),
    recordSessionResumed: drive<'SESSION_RESUMED'>((core) => core.record({ type: 'session-resumed' })),
  },
}).createMachine({
  id: 'drill',
  context: ({ input }) => ({
    core: new DrillCore(
      {
        scenario: input.scenario,
        seed: input.seed,
        random: seedrandom(input.seed),
        team: input.team,
        facilitator: input.facilitator,
        mode: input.mode,
      },
      input.wall,
    ),
    rev: 0,
  }),
  initial: 'briefing',
  on: {
    SESSION_RESUMED: { actions: 'recordSessionResumed', description: 'A resumed session marks where it picked up.' },
  },
  states: {
    briefing: {
      description: 'The facilitator reads the briefing; scenario time has not started.',
      on: {
        START: { target: 'live', actions: 'startClock', description: 'Start the scenario clock at T+00:00.' },
      },
    },
    live: {
      description: 'Scenario time exists; the team and facilitator can record whether it moves or not.',
      initial: 'running',
      always: { guard: 'drillHasEnded', target: 'debrief' },
      on: {
        SET_SPEED: { actions: 'changeSpeed', description: 'Faster or slower scenario time.' },
        DECIDE: { guard: 'decisionIsOpen', actions: 'recordDecision', description: 'Record the team’s answer.' },
        TAKE_ACTION: { guard: 'actionIsAvailable', actions: 'startAction', description: 'The team does a standing action.' },
        NOTE: { guard: 'textIsGiven', actions: 'recordNote' },
        FOLLOWUP: { guard: 'textIsGiven', actions: 'recordFollowup' },
        MARK_MILESTONE: { guard: 'milestoneNotYetReached', actions: 'markMilestone' },
        SHOW_HINT: { guard: 'hintExists', actions: 'revealHint' },
        END: { actions: 'endDrill', description: 'The facilitator ends the drill early.' },
      },
      states: {
        running: {
          description: 'Scenario time moves; injects arrive; the team decides.',
          on: {
            TICK: { actions: 'advanceByRealTime', description: 'Real time passed; scenario time moves by it × speed.' },
            ADVANCE: { actions: 'advanceToTime', description: 'Jump scenario time (replay).' },
            RUN_TO: {
              actions: 'runToTimeOrDecision',
              description: 'Headless runs: play on to a time as fast as possible, wall time derived from scenario time; stop when a decision opens.',
            },
            SKIP: { guard: 'somethingIsScheduled', actions: 'skipToNextEvent', description: 'Skip to the next scheduled inject or decision.' },
            PAUSE: { target: 'paused', actions: 'recordPause', description: 'Stop scenario time exactly.' },
            CHECKPOINT: {
              guard: 'timeMovedSinceLastRecord',
              actions: 'recordCheckpoint',
              description: 'Note how far scenario time has got, so a resume after a hard kill starts there.',
            },
          },
        },
        paused: {
          description: 'Scenario time stands still.',
          on: {
            RESUME: { target: 'running', actions: 'recordResume', description: 'Scenario time moves again from where it stopped.' },
          },
        },
      },
    },
    debrief: {
      description: 'The hot wash: causes, what went well and poorly, follow-ups.',
      on: {
        DEBRIEF: { guard: 'textIsGiven', actions: 'recordDebriefEntry' },
        FOLLOWUP: { guard: 'textIsGiven', actions: 'recordFollowup' },
        NOTE: { guard: 'textIsGiven', actions: 'recordNote' },
        FINISH: { target: 'done', actions: 'finishDrill', description: 'The debrief is over; write the report.' },
      },
    },
    done: { type: 'final' },
  },
});


