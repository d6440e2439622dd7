/**
 * The drill's phases as an XState machine: briefing → live (running ⇄ paused) → debrief → done.
 * The machine is the one owner of the phase: callers ask its snapshot (`matches`, `can`), never
 * the core. It decides which inputs count in which phase; the live scenario itself (world,
 * schedule, decisions) lives in `DrillCore`, and each action calls exactly one of its methods.
 * Each accepted event bumps `rev`, so views that select from the snapshot re-read.
 *
 * Events are plain data, stamped with the wall time they happened at (the engine never reads a
 * clock of its own): they can be logged, compared, sent to another process and replayed.
 */
import { assertEvent, assign, setup, type ExtractEvent } from 'xstate';
import seedrandom from 'seedrandom';
import type { Scenario } from '../scenario/types.js';
import { DrillCore } from './core.js';
import type { Confidence, CorrectionChange, DebriefSection, FollowupType, MilestoneName, Priority, TeamMember } from './records.js';

export type { DebriefSection };

type Stamp = { readonly wall: number };

export type DrillEvent = Stamp &
  (
    | { type: 'START' }
    | { type: 'TICK'; wallMs: number }
    | { type: 'ADVANCE'; to: number }
    | { type: 'RUN_TO'; to: number; wallAtZero: number }
    | { type: 'SKIP'; to?: number }
    | { type: 'PAUSE' }
    | { type: 'RESUME' }
    | { type: 'SET_SPEED'; speed: number }
    | { type: 'DECIDE'; id: string; option?: string; text?: string; by?: string; rationale?: string }
    | { type: 'EXPLAIN'; id: string; text: string; by?: string }
    | { type: 'EXTEND'; id: string; ms: number; by?: string }
    | { type: 'SET_SPEAKER'; name?: string }
    | { type: 'CORRECT'; of: number; change: CorrectionChange; text?: string; to?: string; by?: string }
    | { type: 'TAKE_ACTION'; id: string; by?: string }
    | { type: 'LOOKUP'; id: string; by?: string; text?: string; reveals?: string[] }
    | { type: 'IMPROVISE'; channel: string; from?: string; text: string; audience?: string }
    | { type: 'NOTE'; text: string; by?: string }
    | { type: 'FOLLOWUP'; text: string; owner?: string; kind: FollowupType; due?: string; priority?: Priority }
    | { type: 'MARK_MILESTONE'; name: MilestoneName; by?: string }
    | { type: 'SHOW_HINT'; for: string }
    | { type: 'VOTE'; id: string; option: string; name: string; confidence: Confidence; role?: string }
    | { type: 'END' }
    /** The planted factors a debrief cause matches; without `of`, the last cause recorded. */
    | { type: 'LINK_FACTORS'; of?: number; factors: readonly string[] }
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

type EventType = DrillEvent['type'];

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

/** The action for events of `type`: one call to the core, then a new revision so that views re-read. */
const drive = <T extends EventType>(type: T, change: (core: DrillCore, event: ExtractEvent<DrillEvent, T>) => void) =>
  assign<DrillContext, DrillEvent, undefined, DrillEvent, never>(({ context, event }) => {
    assertEvent(event, type);
    change(context.core, event);
    return { rev: context.rev + 1 };
  });

export const drillMachine = setup({
  types: {
    context: {} as DrillContext,
    events: {} as DrillEvent,
    input: {} as DrillInput,
  },
  guards: {
    drillHasEnded: ({ context }) => context.core.ended !== undefined,
    decisionIsOpen: ({ context, event }) => {
      assertEvent(event, 'DECIDE');
      const open = context.core.open.get(event.id);
      if (!open) return false;
      if (event.option !== undefined) return open.decision.options.some((o) => o.id === event.option);
      return (event.text ?? '').trim() !== '';
    },
    voteIsForAnOpenOption: ({ context, event }) => {
      assertEvent(event, 'VOTE');
      const open = context.core.open.get(event.id);
      return open?.decision.options.some((o) => o.id === event.option) === true && event.name.trim() !== '';
    },
    answerCanBeExplained: ({ context, event }) => {
      assertEvent(event, 'EXPLAIN');
      return event.text.trim() !== '' && context.core.canExplain(event.id);
    },
    decisionHasATimer: ({ context, event }) => {
      assertEvent(event, 'EXTEND');
      return event.ms > 0 && Number.isInteger(event.ms) && context.core.canExtend(event.id);
    },
    speakerChanges: ({ context, event }) => {
      assertEvent(event, 'SET_SPEAKER');
      return event.name !== context.core.speaker && (event.name === undefined || context.core.setup.team.some((m) => m.name === event.name));
    },
    recordCanBeCorrected: ({ context, event }) => {
      assertEvent(event, 'CORRECT');
      if (!context.core.canCorrect(event.of, event.change, event.to)) return false;
      return event.change !== 'amend' || (event.text ?? '').trim() !== '';
    },
    actionIsAvailable: ({ context, event }) => {
      assertEvent(event, 'TAKE_ACTION');
      return context.core.canTake(event.id);
    },
    lookupIsAvailable: ({ context, event }) => {
      assertEvent(event, 'LOOKUP');
      return context.core.canLook(event.id);
    },
    milestoneNotYetReached: ({ context, event }) => {
      assertEvent(event, 'MARK_MILESTONE');
      return !context.core.milestones.has(event.name);
    },
    hintExists: ({ context, event }) => {
      assertEvent(event, 'SHOW_HINT');
      const s = context.core.scenario;
      return Boolean(s.injectById.get(event.for)?.hint ?? s.decisionById.get(event.for)?.hint);
    },
    somethingIsScheduled: ({ context, event }) => {
      assertEvent(event, 'SKIP');
      return (event.to ?? context.core.nextEventTime()) !== undefined;
    },
    timeMovedSinceLastRecord: ({ context }) => context.core.t > (context.core.records.at(-1)?.t ?? 0),
    causeCanBeLinked: ({ context, event }) => {
      assertEvent(event, 'LINK_FACTORS');
      return context.core.canLinkFactors(event.of, event.factors);
    },
    textIsGiven: ({ event }) => {
      assertEvent(event, ['NOTE', 'FOLLOWUP', 'DEBRIEF', 'IMPROVISE']);
      return event.text.trim() !== '';
    },
  },
  actions: {
    startClock: drive('START', (core, e) => core.start(e.wall)),
    advanceByRealTime: drive('TICK', (core, e) => core.tick(e.wall, e.wallMs)),
    recordCheckpoint: drive('CHECKPOINT', (core, e) => core.checkpoint(e.wall)),
    advanceToTime: drive('ADVANCE', (core, e) => core.advance(e.wall, e.to)),
    runToTimeOrDecision: drive('RUN_TO', (core, e) => core.runTo(e.wall, e.to, e.wallAtZero)),
    skipToNextEvent: drive('SKIP', (core, e) => core.skip(e.wall, e.to)),
    recordPause: drive('PAUSE', (core, e) => core.pause(e.wall)),
    recordResume: drive('RESUME', (core, e) => core.resume(e.wall)),
    changeSpeed: drive('SET_SPEED', (core, e) => core.setSpeed(e.wall, e.speed)),
    recordDecision: drive('DECIDE', (core, e) => core.decide(e.wall, e.id, e)),
    recordRationale: drive('EXPLAIN', (core, e) => core.explain(e.wall, e.id, e.text, e.by)),
    extendDecision: drive('EXTEND', (core, e) => core.extend(e.wall, e.id, e.ms, e.by)),
    recordSpeaker: drive('SET_SPEAKER', (core, e) => core.setSpeaker(e.wall, e.name)),
    recordCorrection: drive('CORRECT', (core, e) => core.correct(e.wall, e.of, e.change, e.text, e.by, e.to)),
    startAction: drive('TAKE_ACTION', (core, e) => core.takeAction(e.wall, e.id, e.by)),
    askLookup: drive('LOOKUP', (core, e) => core.lookup(e.wall, e.id, e.by, e.text === undefined ? undefined : { text: e.text, reveals: e.reveals })),
    recordImprovisedInject: drive('IMPROVISE', (core, e) => core.improvise(e.wall, e)),
    recordNote: drive('NOTE', (core, e) => core.note(e.wall, e.text, e.by)),
    recordFollowup: drive('FOLLOWUP', (core, e) => core.followup(e.wall, e)),
    markMilestone: drive('MARK_MILESTONE', (core, e) => core.markMilestone(e.wall, e.name, e.by)),
    revealHint: drive('SHOW_HINT', (core, e) => core.showHint(e.wall, e.for)),
    recordVote: drive('VOTE', (core, e) => core.vote(e.wall, e)),
    endDrill: drive('END', (core, e) => core.endByFacilitator(e.wall)),
    recordDebriefEntry: drive('DEBRIEF', (core, e) => core.debrief(e.wall, e)),
    linkFactors: drive('LINK_FACTORS', (core, e) => core.linkFactors(e.wall, e.of, e.factors)),
    finishDrill: drive('FINISH', (core, e) => core.finish(e.wall)),
    recordSessionResumed: drive('SESSION_RESUMED', (core, e) => core.sessionResumed(e.wall)),
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
        SET_SPEED: { actions: 'changeSpeed', description: '`--speed`, recorded at once so that a resume in the briefing keeps it.' },
      },
    },
    live: {
      description: 'Scenario time exists; the team and facilitator can record whether it moves or not.',
      initial: 'running',
      always: { guard: 'drillHasEnded', target: 'debrief', description: 'The scenario ended the drill (a condition or its time limit), or the facilitator did.' },
      on: {
        SET_SPEED: { actions: 'changeSpeed', description: 'Faster or slower scenario time, within the speed limits.' },
        DECIDE: { guard: 'decisionIsOpen', actions: 'recordDecision', description: 'Record the team’s answer to an open decision.' },
        EXPLAIN: { guard: 'answerCanBeExplained', actions: 'recordRationale', description: 'Add the team’s reason to an answer already recorded.' },
        EXTEND: { guard: 'decisionHasATimer', actions: 'extendDecision', description: 'Give the team more time on an open decision; the clock runs on.' },
        SET_SPEAKER: { guard: 'speakerChanges', actions: 'recordSpeaker', description: 'Someone else speaks for the team.' },
        CORRECT: { guard: 'recordCanBeCorrected', actions: 'recordCorrection', description: 'Strike, amend or re-credit an earlier record.' },
        TAKE_ACTION: { guard: 'actionIsAvailable', actions: 'startAction', description: 'The team does a standing action.' },
        LOOKUP: { guard: 'lookupIsAvailable', actions: 'askLookup', description: 'The team looks at something; the answer arrives after the lookup’s time.' },
        IMPROVISE: { guard: 'textIsGiven', actions: 'recordImprovisedInject', description: 'The facilitator hands the team an inject the script never planned.' },
        NOTE: { guard: 'textIsGiven', actions: 'recordNote', description: 'Record a note.' },
        FOLLOWUP: { guard: 'textIsGiven', actions: 'recordFollowup', description: 'Record a follow-up for after the drill.' },
        MARK_MILESTONE: { guard: 'milestoneNotYetReached', actions: 'markMilestone', description: 'The facilitator marks a milestone reached.' },
        SHOW_HINT: { guard: 'hintExists', actions: 'revealHint', description: 'Reveal a hint to the team.' },
        VOTE: {
          guard: 'voteIsForAnOpenOption',
          actions: 'recordVote',
          description: 'A participant votes for an option of an open decision from their page; the facilitator still records the decision.',
        },
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
        DEBRIEF: { guard: 'textIsGiven', actions: 'recordDebriefEntry', description: 'Record a debrief answer.' },
        LINK_FACTORS: { guard: 'causeCanBeLinked', actions: 'linkFactors', description: 'Link a recorded cause to the planted factors it matches.' },
        FOLLOWUP: { guard: 'textIsGiven', actions: 'recordFollowup', description: 'Record a follow-up for after the drill.' },
        NOTE: { guard: 'textIsGiven', actions: 'recordNote', description: 'Record a note.' },
        EXPLAIN: { guard: 'answerCanBeExplained', actions: 'recordRationale', description: 'A reason typed as the drill ended still counts.' },
        SET_SPEAKER: { guard: 'speakerChanges', actions: 'recordSpeaker', description: 'Someone else speaks for the team.' },
        CORRECT: { guard: 'recordCanBeCorrected', actions: 'recordCorrection', description: 'Strike, amend or re-credit an earlier record.' },
        FINISH: { target: 'done', actions: 'finishDrill', description: 'The debrief is over; write the report.' },
      },
    },
    done: { type: 'final', description: 'The drill is finished; its journal is complete.' },
  },
});
