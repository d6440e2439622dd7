/**
 * The screen's own state, apart from the drill: which form or overlay has the keys, who is
 * speaking, which decision is in front, how far the feed is scrolled back. Keys turn into
 * `Command`s (through the key table or a form); the App carries them out.
 */
import type { OpenDecision } from '../engine/core.js';
import type { TeamMember } from '../engine/records.js';
import type { DebriefSection } from '../engine/machine.js';
import type { FormState } from './forms.js';
import type { DrillInputEvent, ShownDrill } from './store.js';
import type { FeedEntry } from './feed-model.js';

export type UiChange = (ui: UiState) => UiState;

/** Why the screen closed; `drill play` prints what comes next from it. */
export type ExitReason = 'finished' | 'quit' | 'interrupted';

export type Command =
  /** Send an input to the engine; say `done` if it was recorded, `refused` if the machine said no. */
  | { readonly kind: 'send'; readonly event: DrillInputEvent; readonly done?: string; readonly refused?: string; readonly then?: Command }
  | { readonly kind: 'form'; readonly form: FormState<Command>['form'] }
  | { readonly kind: 'confirm'; readonly what: 'end' | 'quit' }
  | { readonly kind: 'ui'; readonly change: UiChange }
  /** FINISH, then write the report files. */
  | { readonly kind: 'finish' }
  /** Move the journal to a new file after a write error. */
  | { readonly kind: 'relocate'; readonly path: string }
  | { readonly kind: 'exit'; readonly reason: ExitReason }
  | { readonly kind: 'none' };

export type Mode =
  | { readonly kind: 'idle' }
  | { readonly kind: 'help' }
  | { readonly kind: 'confirm'; readonly what: 'end' | 'quit' }
  | { readonly kind: 'form'; readonly state: FormState<Command> }
  /** The whole text of a terminal inject, scrolled by `top` lines and `left` columns. */
  | { readonly kind: 'viewer'; readonly seq: number; readonly top: number; readonly left: number };

export interface Flash {
  readonly text: string;
  readonly tone: 'ok' | 'warn';
}

export interface UiState {
  readonly mode: Mode;
  /** Who is speaking for the team: an index into the team, or -1 for nobody in particular. */
  readonly speaker: number;
  /** The open decision in front, when several are open. */
  readonly focus?: string;
  /** Index of the last feed entry shown when scrolled back; undefined follows the newest. */
  readonly feedEnd?: number;
  /** The outcome of the last key, in one line. */
  readonly flash?: Flash;
  readonly debriefStep: number;
  /**
   * The debrief's questions are open. Until Enter, the screen only says the drill is over, so
   * keys meant for the live drill (pressed as it ended by itself) cannot land in the debrief.
   */
  readonly debriefOpen: boolean;
  /** How far the briefing is scrolled down, in rows. */
  readonly briefTop: number;
  /** After FINISH: the files written, or why they could not be. */
  readonly report?: { readonly paths: readonly string[]; readonly error?: string };
}

// The team's own summary comes last, once everything else has been said; the report shows it first.
export const DEBRIEF_STEPS: readonly (DebriefSection | 'finish')[] = ['cause', 'went-well', 'went-poorly', 'lucky', 'action', 'summary', 'finish'];

export function initialUi(): UiState {
  return { mode: { kind: 'idle' }, speaker: -1, debriefStep: 0, debriefOpen: false, briefTop: 0 };
}

export type Phase = 'briefing' | 'live' | 'debrief' | 'done';

export function phaseOf(shown: ShownDrill): Phase {
  const s = shown.snapshot;
  if (s.matches('briefing')) return 'briefing';
  if (s.matches('live')) return 'live';
  if (s.matches('debrief')) return 'debrief';
  return 'done';
}

/** Everything a key needs to know to decide what it does now. */
export interface KeyEnv {
  readonly shown: ShownDrill;
  readonly ui: UiState;
  readonly phase: Phase;
  readonly team: readonly TeamMember[];
  /** The open decision in front, if any. */
  readonly decision: OpenDecision | undefined;
  readonly openCount: number;
  readonly facilitator?: string;
  /** The feed's entries (all of them; keys look only near the window). */
  readonly feed: readonly FeedEntry[];
  /** How many feed entries fit on screen now, at most. */
  readonly feedRows: number;
  readonly journalPath: string;
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

export function speakerName(env: Pick<KeyEnv, 'team' | 'ui'>): string | undefined {
  return env.team[env.ui.speaker]?.name;
}

export interface EnvParts {
  readonly team: readonly TeamMember[];
  readonly facilitator?: string;
  readonly feed: readonly FeedEntry[];
  readonly feedRows: number;
  readonly journalPath: string;
}

export function makeEnv(shown: ShownDrill, ui: UiState, parts: EnvParts): KeyEnv {
  return {
    ...parts,
    shown,
    ui,
    phase: phaseOf(shown),
    decision: decisionInFront(shown, ui.focus),
    openCount: shown.core.open.size,
  };
}
