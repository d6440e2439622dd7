/**
 * The words the screen speaks in, all plain data: a `Message` is something that happened (a key,
 * a drill published after its journal write, the outcome of an effect); a `Command` is what a key
 * or a submitted form means; an `Effect` is work for the shell (send an event to the drill, write
 * the reports, move the journal, leave). Nothing here holds a function, so each can be logged,
 * compared in a test and replayed.
 */
import type { Key } from 'ink';
import type { DebriefSection } from '../engine/machine.js';
import type { Form } from './forms.js';
import type { DrillInputEvent, ShownDrill } from './store.js';

/** Why the screen closed; `drill play` prints what comes next from it. */
export type ExitReason = 'finished' | 'quit' | 'interrupted';

export interface Flash {
  readonly text: string;
  readonly tone: 'ok' | 'warn';
}

/** What to say once the drill has taken (or refused) an event; without it, nothing is said. */
interface Say {
  readonly done?: string;
  readonly refused?: string;
}

/** What a form opened by a key is for: which decision, which option, who is credited. */
export type LivePurpose =
  | { readonly kind: 'explain'; readonly id: string; readonly by?: string }
  | { readonly kind: 'off-script'; readonly id: string; readonly by?: string }
  | { readonly kind: 'correct-pick'; readonly by?: string }
  | { readonly kind: 'correct'; readonly of: number; readonly by?: string }
  | { readonly kind: 'note'; readonly by?: string }
  | { readonly kind: 'followup' }
  | { readonly kind: 'action'; readonly by?: string }
  | { readonly kind: 'lookup'; readonly by: string | undefined }
  | { readonly kind: 'improvise' }
  | { readonly kind: 'milestone'; readonly by?: string }
  | { readonly kind: 'relocate' };

/** What a debrief form is for: one question's entries, or the last step that writes the report. */
export type DebriefPurpose =
  | { readonly kind: 'debrief'; readonly section: DebriefSection }
  /** Which planted factors the cause just recorded matches. */
  | { readonly kind: 'debrief-factor' }
  | { readonly kind: 'debrief-finish' };

export type Command =
  /** Send an input to the drill, and say how it went. */
  | { readonly kind: 'send'; readonly event: DrillInputEvent; readonly done?: string; readonly refused?: string }
  | { readonly kind: 'form'; readonly form: Form<LivePurpose> }
  | { readonly kind: 'confirm'; readonly what: 'end' | 'quit' }
  /** A one-line warning on the status line. */
  | { readonly kind: 'warn'; readonly text: string }
  | { readonly kind: 'focus'; readonly id: string | undefined }
  /** Open the form that corrects record `of`. */
  | { readonly kind: 'correct'; readonly of: number; readonly by?: string }
  | { readonly kind: 'scroll-feed'; readonly end: number | undefined }
  | { readonly kind: 'scroll-briefing'; readonly top: number }
  | { readonly kind: 'view-output'; readonly seq: number }
  | { readonly kind: 'help' }
  | { readonly kind: 'begin-debrief' }
  | { readonly kind: 'relocate'; readonly path: string }
  | { readonly kind: 'exit'; readonly reason: ExitReason };

export type Message =
  | { readonly type: 'key'; readonly input: string; readonly key: Key }
  /** The drill as it stands after a journal write (or a clock tick, or a write error). */
  | { readonly type: 'published'; readonly drill: ShownDrill }
  /** The feed's measured height, in rows. */
  | { readonly type: 'feed-rows'; readonly rows: number }
  /** The drill took (`accepted`) or refused an event; `saved` if the journal has it on disk. */
  | { readonly type: 'sent'; readonly event: DrillInputEvent; readonly say?: Say; readonly accepted: boolean; readonly saved: boolean }
  | { readonly type: 'reports-written'; readonly paths: readonly string[] }
  | { readonly type: 'reports-failed'; readonly journal: string; readonly reason: string }
  | { readonly type: 'relocated'; readonly path: string }
  | { readonly type: 'relocate-failed'; readonly path: string; readonly reason: string }
  /** The flash has been on screen long enough; cleared if it is still this one. */
  | { readonly type: 'flash-expired'; readonly flash: Flash };

export type Effect =
  | { readonly kind: 'send'; readonly event: DrillInputEvent; readonly say?: Say }
  /** The report files next to the journal, from the records as they stand. */
  | { readonly kind: 'write-reports' }
  /** Write the whole journal to `path` and carry on there. */
  | { readonly kind: 'relocate'; readonly path: string }
  /** Clear the drill store's own notice (a stalled clock). */
  | { readonly kind: 'dismiss-notice' }
  | { readonly kind: 'exit'; readonly reason: ExitReason };
