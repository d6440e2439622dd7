/**
 * What a participant may see, as plain data: the items of their feed and the state of the drill
 * around them. Built by `participant.ts` from the scenario and the journal's records; sent as JSON
 * to a participant's page and printed as lines by `drill watch`. Nothing here ever holds a hint
 * before it is revealed, a planted factor, an inject not yet fired or meant for another role, a
 * facilitator's note, or which option a decision takes by default until it is taken.
 */
import type { Channel } from '../scenario/index.js';

/** Who is looking: one role's page, or the room's (a projector, everyone at once). */
export type Audience = { readonly role: string } | 'room';

export interface RoleView {
  readonly id: string;
  readonly title: string;
  /** The people playing it, as the drill recorded them. */
  readonly players: readonly string[];
}

/** A decision put to the room: never its default, its hint or what its options lead to. */
export interface DecisionView {
  readonly id: string;
  readonly prompt: string;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  /** The role expected to make the call, and who plays it. */
  readonly role?: RoleView;
  /** Who records the answer: the facilitator, by name when the drill has one. */
  readonly recordedBy: string;
  readonly openedAt: number;
  readonly timeoutMs?: number;
}

/** Votes from participants' pages for one decision, the latest vote of each person counting. */
export interface VoteTally {
  readonly voters: number;
  /** Option id → how many voted for it, in the decision's option order; options without votes left out. */
  readonly byOption: readonly { readonly option: string; readonly label: string; readonly votes: number }[];
}

type At = { readonly seq: number; readonly t: number };

export type ViewItem = At &
  (
    | {
        readonly kind: 'briefing';
        readonly title: string;
        readonly briefing: string;
        /** The role this page is for, with its brief; absent on the room's page. */
        readonly role?: RoleView & { readonly brief?: string };
        readonly roles: readonly RoleView[];
        readonly facilitator?: string;
      }
    | { readonly kind: 'clock-started' }
    | {
        readonly kind: 'inject';
        readonly channel: Channel;
        readonly from?: string;
        readonly title?: string;
        readonly text: string;
        /** Set when the inject is meant for this page's role alone (its title). */
        readonly onlyFor?: string;
      }
    | { readonly kind: 'hint'; readonly about: string; readonly text: string }
    | { readonly kind: 'decision-opened'; readonly decision: DecisionView }
    | {
        readonly kind: 'decision-closed';
        readonly id: string;
        readonly prompt: string;
        readonly how: 'chosen' | 'off-script' | 'timed-out' | 'withdrawn';
        /** The option's label or the off-script answer; absent when withdrawn or timed out without a default. */
        readonly answer?: string;
        readonly by?: string;
        readonly why?: string;
        readonly votes?: VoteTally;
      }
    | { readonly kind: 'action-started'; readonly label: string; readonly by?: string }
    | { readonly kind: 'action-landed'; readonly label: string }
    /** An answer taken earlier, whose option has `takes:`, took effect. */
    | { readonly kind: 'option-landed'; readonly prompt: string; readonly answer: string }
    /**
     * The facilitator credited an answer or an action shown earlier to someone else: `label` is
     * the decision's prompt or the action's label, `by` whom it is credited to now (absent: the team).
     */
    | { readonly kind: 'recredited'; readonly about: 'answer' | 'action'; readonly label: string; readonly by?: string }
    | { readonly kind: 'paused' }
    | { readonly kind: 'resumed' }
    | { readonly kind: 'ended'; readonly questions: readonly string[] }
    | { readonly kind: 'finished' }
  );


export type Phase = 'briefing' | 'running' | 'paused' | 'debrief' | 'finished';

export interface MetricView {
  readonly name: string;
  readonly label: string;
  readonly unit?: string;
  readonly value: number | boolean;
}

/** The drill around the feed now: replaced as a whole by each change. */
export interface ViewState {
  readonly phase: Phase;
  /** Scenario time, ms. */
  readonly t: number;
  readonly open: readonly (DecisionView & { readonly votes: number })[];
  readonly metrics: readonly MetricView[];
}

/** What one record changed for an audience: sent with the record's seq as its id. */
export interface ViewChange {
  readonly seq: number;
  readonly items: readonly ViewItem[];
  readonly state: ViewState;
}
