/**
 * The screen's state as one immutable value. `update` (update.ts) is the only way it changes; the
 * views draw `ui` and the drill as published. The model holds the last published drill too, so
 * that what a key means is decided from the model alone.
 */
import type { OpenDecision } from '../engine/core.js';
import type { TeamMember } from '../engine/records.js';
import type { Scenario } from '../scenario/index.js';
import type { FormState } from './forms.js';
import type { ShownDrill } from './store.js';
import type { Flash, LivePurpose } from './messages.js';
import { DEBRIEF_SUMMARY, type DebriefState } from './debrief-states.js';

/** What does not change while the screen is open. */
export interface Setup {
  readonly scenario: Scenario;
  readonly team: readonly TeamMember[];
  readonly facilitator?: string;
}

/** What has the keys, apart from the debrief's own questions. */
type Mode =
  | { readonly kind: 'idle' }
  | { readonly kind: 'help' }
  | { readonly kind: 'confirm'; readonly what: 'end' | 'quit' }
  | { readonly kind: 'form'; readonly state: FormState<LivePurpose> }
  /** The whole text of a terminal inject, scrolled by `top` lines and `left` columns. */
  | { readonly kind: 'viewer'; readonly seq: number; readonly top: number; readonly left: number };

export const IDLE: Mode = { kind: 'idle' };

/** Everything the screen draws apart from the drill itself; a new object only when it changes. */
export interface UiState {
  readonly mode: Mode;
  /** The open decision in front, when several are open. */
  readonly focus?: string;
  /** Index of the last feed entry shown when scrolled back; undefined follows the newest. */
  readonly feedEnd?: number;
  /** How many rows the feed had when last measured. */
  readonly feedRows: number;
  /** The outcome of the last key, in one line. */
  readonly flash?: Flash;
  /** How far the briefing is scrolled down, in rows. */
  readonly briefTop: number;
  readonly debrief: DebriefState;
  /** Lines shown at the top until the first key: load warnings, resume warnings. */
  readonly notices: readonly string[];
}

export interface Model {
  readonly setup: Setup;
  readonly drill: ShownDrill;
  readonly ui: UiState;
}

export function initialUi(feedRows: number, notices: readonly string[] = []): UiState {
  return { mode: IDLE, feedRows, briefTop: 0, debrief: DEBRIEF_SUMMARY, notices };
}

export type Phase = 'briefing' | 'live' | 'debrief' | 'done';

export function phaseOf(shown: ShownDrill): Phase {
  const s = shown.snapshot;
  if (s.matches('briefing')) return 'briefing';
  if (s.matches('live')) return 'live';
  if (s.matches('debrief')) return 'debrief';
  return 'done';
}

/** The open decision in front: the focused one if still open, else the oldest open. */
export function decisionInFront(shown: ShownDrill, focus: string | undefined): OpenDecision | undefined {
  const open = shown.core.open;
  if (focus !== undefined) {
    const focused = open.get(focus);
    if (focused) return focused;
  }
  return open.values().next().value;
}

/** What a key sees: the screen, the drill, and from them the phase and the decision in front. */
export interface KeyEnv {
  readonly setup: Setup;
  readonly drill: ShownDrill;
  readonly ui: UiState;
  readonly phase: Phase;
  readonly decision: OpenDecision | undefined;
}

export function envOf({ setup, drill, ui }: Pick<Model, 'setup' | 'drill' | 'ui'>): KeyEnv {
  return { setup, drill, ui, phase: phaseOf(drill), decision: decisionInFront(drill, ui.focus) };
}

/**
 * Who speaks for the team, as the drill recorded it: it changes only when someone presses Tab
 * (never by itself), and a resume brings it back from the journal. Undefined: the team as a whole.
 */
export function speakerName(model: Pick<Model, 'drill'>): string | undefined {
  return model.drill.core.speaker;
}

/** How a credit reads on screen: a name, or the team as a whole, named as such. */
export function creditedTo(name: string | undefined): string {
  return name === undefined ? 'the team' : name;
}

/** The model with some screen state changed. */
export function withUi(model: Model, change: Partial<UiState>): Model {
  return { ...model, ui: { ...model.ui, ...change } };
}
