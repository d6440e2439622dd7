/**
 * Small forms typed into during a drill: a note, a follow-up (text, owner, type), a rationale, a
 * debrief entry, the team. A form is a list of fields, each a one-line text or a numbered choice.
 * While a form is open it has every key: nothing typed into it can reach the engine.
 *
 * Pure: `formKey` takes a key and returns the next state, the submitted values, or a cancel. A
 * form is plain data: its `purpose` says what the values are for, and the screen's update turns
 * submitted values into what they do, so no function lives in the screen's state.
 */
import type { Key } from 'ink';

export interface Choice {
  /** The key that picks it: `1`…`9`, or a letter. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** Shown but not pickable, and why (an action under way keeps its key). */
  readonly unavailable?: string;
}

export interface Field {
  readonly name: string;
  /** The question, shown before the input. */
  readonly prompt: string;
  readonly kind: 'text' | 'choice';
  /** Text: an empty Enter is refused with `emptyMessage`. Choice: Enter without a pick is refused. */
  readonly required?: boolean;
  readonly emptyMessage?: string;
  readonly choices?: readonly Choice[];
  /** Choice: the value Enter takes when nothing was picked. */
  readonly defaultValue?: string;
  /** Text: what Tab fills in, in turn (team names, role ids). */
  readonly completions?: readonly string[];
  /** Text: the value the field starts with. */
  readonly initial?: string;
  /** Text: an empty Enter submits the form at once, skipping the fields after it. */
  readonly emptySubmits?: boolean;
  /** Asked only when an earlier field's value is one of `is` (a correction's new words only for an amendment). */
  readonly when?: { readonly field: string; readonly is: readonly string[] };
}

export interface Form<P = unknown> {
  readonly title: string;
  readonly fields: readonly Field[];
  /** Shown under the fields: what the form records, which keys apply. */
  readonly footer?: string;
  /** What the values are for, as data (which decision, which debrief question). */
  readonly purpose: P;
}

export interface FormState<P = unknown> {
  readonly form: Form<P>;
  readonly index: number;
  readonly values: Readonly<Record<string, string>>;
  readonly text: string;
  /** Cursor position in `text`, in UTF-16 units. */
  readonly cursor: number;
  /** While Tab cycles completions: which one is shown, and the text as typed before the first Tab. */
  readonly tab: number;
  readonly tabBase?: string;
  readonly error?: string;
}

export type FormResult<P> =
  | { readonly kind: 'editing'; readonly state: FormState<P> }
  | { readonly kind: 'submitted'; readonly values: Readonly<Record<string, string>> }
  | { readonly kind: 'cancelled' };

/** One-line fields are capped, so a stuck key cannot write a megabyte into the journal. */
const MAX_FIELD_LENGTH = 2000;

export function openForm<P>(form: Form<P>): FormState<P> {
  return enterField({ form, index: 0, values: {}, text: '', cursor: 0, tab: -1 }, 0);
}

export function currentField<P>(state: FormState<P>): Field {
  return state.form.fields[state.index]!;
}

/** Applies one key (or one pasted string) to an open form. */
export function formKey<P>(state: FormState<P>, input: string, key: Key): FormResult<P> {
  const field = currentField(state);
  if (key.escape) return { kind: 'cancelled' };
  if (key.return) return commit(state, field);
  const next = field.kind === 'choice' ? choiceKey(state, field, input) : textKey(state, field, input, key);
  return { kind: 'editing', state: next };
}

function commit<P>(state: FormState<P>, field: Field): FormResult<P> {
  let value: string;
  if (field.kind === 'choice') {
    const picked = state.text || field.defaultValue;
    if (picked === undefined) return editing({ ...state, error: field.emptyMessage ?? 'pick one by its number' });
    value = picked;
  } else {
    value = state.text.trim();
    if (value === '' && field.required) return editing({ ...state, error: field.emptyMessage ?? 'type something, or Esc to cancel' });
  }
  const values = { ...state.values, [field.name]: value };
  const next = nextField(state.form.fields, state.index + 1, values);
  if (next === undefined || (value === '' && field.kind === 'text' && field.emptySubmits)) return { kind: 'submitted', values };
  return editing(enterField({ ...state, values }, next));
}

/** Whether Enter on the current field moves on to another one rather than submitting. */
export function asksMore<P>(state: FormState<P>): boolean {
  const field = currentField(state);
  return nextField(state.form.fields, state.index + 1, { ...state.values, [field.name]: state.text }) !== undefined;
}

/** The first field from `from` on that is asked, given the values so far. */
function nextField(fields: readonly Field[], from: number, values: Readonly<Record<string, string>>): number | undefined {
  for (let i = from; i < fields.length; i++) {
    const when = fields[i]!.when;
    if (!when || when.is.includes(values[when.field] ?? '')) return i;
  }
  return undefined;
}

function choiceKey<P>(state: FormState<P>, field: Field, input: string): FormState<P> {
  const choice = field.choices?.find((c) => c.key === input || (input.length === 1 && c.key === input.toLowerCase()));
  if (!choice) return input === '' ? state : { ...state, error: `press one of ${(field.choices ?? []).filter((c) => !c.unavailable).map((c) => c.key).join(' ')}` };
  if (choice.unavailable) return { ...state, error: `${choice.key}: ${choice.unavailable}` };
  return { ...state, text: choice.value, error: undefined };
}

function textKey<P>(state: FormState<P>, field: Field, input: string, key: Key): FormState<P> {
  const { text, cursor } = state;
  if (key.tab && field.completions?.length) {
    const base = state.tab >= 0 && state.tabBase !== undefined ? state.tabBase : text;
    const candidates = completionsFor(base, field.completions);
    const tab = (state.tab + (key.shift ? candidates.length - 1 : 1)) % candidates.length;
    const filled = completeWith(base, candidates[tab]!);
    return { ...state, text: filled, cursor: filled.length, tab, tabBase: base, error: undefined };
  }
  if (key.backspace || key.delete) {
    // Terminals send DEL (0x7f) for Backspace and Ink reports it as `delete`; the two keys cannot
    // be told apart, so both erase the character before the cursor (as ink-text-input does).
    if (cursor === 0) return state;
    const before = [...text.slice(0, cursor)];
    before.pop();
    const head = before.join('');
    return { ...state, text: head + text.slice(cursor), cursor: head.length, error: undefined };
  }
  if (key.leftArrow) return { ...state, cursor: stepLeft(text, cursor) };
  if (key.rightArrow) return { ...state, cursor: stepRight(text, cursor) };
  if (key.home || (key.ctrl && input === 'a')) return { ...state, cursor: 0 };
  if (key.end || (key.ctrl && input === 'e')) return { ...state, cursor: text.length };
  if (key.ctrl && input === 'u') return { ...state, text: '', cursor: 0, error: undefined };
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.tab) return state;
  // A paste arrives as one string; line breaks in it become spaces, other controls vanish.
  const typed = input.replace(/\r\n?|\n/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  if (typed === '') return state;
  const room = MAX_FIELD_LENGTH - text.length;
  if (room <= 0) return { ...state, error: `at most ${MAX_FIELD_LENGTH} characters` };
  const insert = typed.slice(0, room);
  return { ...state, text: text.slice(0, cursor) + insert + text.slice(cursor), cursor: cursor + insert.length, error: undefined, tab: -1, tabBase: undefined };
}

/** The completions that start like the word being typed; all of them if none does. */
function completionsFor(text: string, completions: readonly string[]): readonly string[] {
  const word = lastWord(text).toLowerCase();
  const matching = completions.filter((c) => c.toLowerCase().startsWith(word));
  return word !== '' && matching.length > 0 ? matching : completions;
}

function lastWord(text: string): string {
  return text.slice(Math.max(text.lastIndexOf(':'), text.lastIndexOf(' ')) + 1).trim();
}

/** Completes the last word (after `:` or a space) with `word`, or fills an empty field. */
function completeWith(text: string, word: string): string {
  const cut = Math.max(text.lastIndexOf(':'), text.lastIndexOf(' '));
  if (cut < 0) return word;
  return `${text.slice(0, cut + 1)}${text[cut] === ':' ? ' ' : ''}${word}`.replace(/: +/, ': ');
}

function stepLeft(text: string, cursor: number): number {
  if (cursor <= 0) return 0;
  const code = text.charCodeAt(cursor - 1);
  return code >= 0xdc00 && code <= 0xdfff && cursor >= 2 ? cursor - 2 : cursor - 1;
}

function stepRight(text: string, cursor: number): number {
  if (cursor >= text.length) return text.length;
  const code = text.charCodeAt(cursor);
  return code >= 0xd800 && code <= 0xdbff ? cursor + 2 : cursor + 1;
}

function enterField<P>(state: FormState<P>, index: number): FormState<P> {
  const field = state.form.fields[index]!;
  const text = field.kind === 'text' ? (field.initial ?? '') : '';
  return { ...state, index, text, cursor: text.length, tab: -1, error: undefined };
}

function editing<P>(state: FormState<P>): FormResult<P> {
  return { kind: 'editing', state };
}
