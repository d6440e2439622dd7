/**
 * The debrief as states of its own: the summary of how the drill ended, one question after
 * another (causes, went well, went poorly, lucky, follow-up actions, the team's own summary), the last step that writes
 * the report, and the files written. `debriefKey` is its small reducer: a key in, the next state
 * and at most one command out. Each entry is recorded as it is entered; an empty one moves on,
 * and Esc goes back a question. A cause is recorded at its Enter, before the planted factors it
 * matches are picked, so a crash with the picker open keeps it; the pick is a record of its own.
 */
import type { Key } from 'ink';
import type { Scenario } from '../scenario/index.js';
import type { DrillRecord, FollowupType, RecordOf, TeamMember } from '../engine/records.js';
import type { DebriefSection } from '../engine/machine.js';
import { visibleLine } from '../text/sanitize.js';
import { formKey, openForm, type Field, type Form, type FormState } from './forms.js';
import { choices, followupFields } from './flows.js';
import type { Command, DebriefPurpose } from './messages.js';

// The team's own summary comes last, once everything else has been said; the report shows it first.
const DEBRIEF_SECTIONS: readonly DebriefSection[] = ['cause', 'went-well', 'went-poorly', 'lucky', 'action', 'summary'];
/** The steps as the screen shows them, the report last. */
export const DEBRIEF_STEPS: readonly (DebriefSection | 'finish')[] = [...DEBRIEF_SECTIONS, 'finish'];

export type DebriefState =
  /** The drill is over: the screen says how it went until Enter begins the questions. */
  | { readonly stage: 'summary' }
  | { readonly stage: 'question'; readonly section: DebriefSection; readonly form: FormState<DebriefPurpose> }
  /** After the last question: Enter finishes the drill and writes the report. */
  | { readonly stage: 'closing'; readonly form: FormState<DebriefPurpose> }
  /** The report files written (or why they could not be); any key leaves. */
  | { readonly stage: 'written'; readonly paths: readonly string[]; readonly error?: string };

/** What the questions need to know about the drill. */
interface DebriefContext {
  readonly scenario: Scenario;
  readonly team: readonly TeamMember[];
}

export const DEBRIEF_SUMMARY: DebriefState = { stage: 'summary' };

export function question(section: DebriefSection, ctx: DebriefContext): DebriefState {
  return { stage: 'question', section, form: openForm(questionForm(section, ctx)) };
}

function closing(): DebriefState {
  return { stage: 'closing', form: openForm(CLOSING_FORM) };
}

/**
 * Where a resumed debrief picks up: the question of the last entry recorded (its entries stay
 * recorded, so none is asked for twice), or the summary when none was. Moving on past a question
 * is not recorded, so a question left without an entry is not where it resumes.
 */
export function debriefWhereLeft(records: readonly DrillRecord[], ctx: DebriefContext): DebriefState {
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (r.type === 'cause-factors') return question('cause', ctx);
    // A cause left before its factors were picked: the picker comes back for it.
    if (r.type === 'debrief') return r.section === 'cause' && unlinked(r) && ctx.scenario.factors.length > 0 ? factorPicker(ctx) : question(r.section, ctx);
  }
  return DEBRIEF_SUMMARY;
}

/** A cause recorded without factors (`drill run` and older journals link them in the cause itself). */
function unlinked(r: RecordOf<'debrief'>): boolean {
  return r.factor === undefined && r.factors === undefined;
}

/** The form that has the keys in this state, if any. */
export function debriefForm(state: DebriefState): FormState<DebriefPurpose> | undefined {
  return state.stage === 'question' || state.stage === 'closing' ? state.form : undefined;
}

/** Where the debrief is, as an index into `DEBRIEF_STEPS`. */
export function debriefStep(state: DebriefState): number {
  if (state.stage === 'question') return DEBRIEF_SECTIONS.indexOf(state.section);
  return state.stage === 'summary' ? 0 : DEBRIEF_SECTIONS.length;
}

/** A key typed into the debrief's open form. */
export function debriefKey(state: DebriefState, input: string, key: Key, ctx: DebriefContext): readonly [DebriefState, Command | undefined] {
  const form = debriefForm(state);
  if (!form) return [state, undefined];
  const result = formKey(form, input, key);
  if (result.kind === 'editing') return [state.stage === 'question' ? { ...state, form: result.state } : { stage: 'closing', form: result.state }, undefined];
  if (result.kind === 'cancelled') return [back(state, ctx), undefined];
  return answered(state, result.values, ctx);
}

/** Esc: the question before; from the first, the summary. */
function back(state: DebriefState, ctx: DebriefContext): DebriefState {
  if (state.stage === 'closing') return question(DEBRIEF_SECTIONS[DEBRIEF_SECTIONS.length - 1]!, ctx);
  if (state.stage !== 'question') return state;
  // Esc on the factor picker leaves the recorded cause unlinked, back at the causes.
  if (state.form.form.purpose.kind === 'debrief-factor') return question('cause', ctx);
  const before = DEBRIEF_SECTIONS[DEBRIEF_SECTIONS.indexOf(state.section) - 1];
  return before ? question(before, ctx) : DEBRIEF_SUMMARY;
}

function answered(state: DebriefState, v: Readonly<Record<string, string>>, ctx: DebriefContext): readonly [DebriefState, Command | undefined] {
  if (state.stage === 'closing') return [closing(), { kind: 'send', event: { type: 'FINISH' }, refused: 'The drill could not be finished here.' }];
  if (state.stage !== 'question') return [state, undefined];
  const { section } = state;
  if (state.form.form.purpose.kind === 'debrief-factor') {
    const event = { type: 'LINK_FACTORS', factors: v.factor ? [v.factor] : [] } as const;
    return [question('cause', ctx), { kind: 'send', event, done: v.factor ? 'Linked to the factor.' : 'Recorded: none of the planted factors.' }];
  }
  if (!v.text) {
    const after = DEBRIEF_SECTIONS[DEBRIEF_SECTIONS.indexOf(section) + 1];
    return [after ? question(after, ctx) : closing(), undefined];
  }
  const again = question(section, ctx);
  if (section === 'action') {
    const event = { type: 'DEBRIEF', section, text: v.text, owner: v.owner || undefined, kind: v.kind as FollowupType } as const;
    return [again, { kind: 'send', event, done: 'Action recorded.' }];
  }
  const then = section === 'cause' && ctx.scenario.factors.length > 0 ? factorPicker(ctx) : again;
  return [then, { kind: 'send', event: { type: 'DEBRIEF', section, text: v.text }, done: 'Recorded.' }];
}

/** After a cause is recorded: which planted factor it matches, if any. */
function factorPicker(ctx: DebriefContext): DebriefState {
  const factors = ctx.scenario.factors.map((f) => ({ value: f.id, label: visibleLine(f.title) }));
  const form: Form<DebriefPurpose> = {
    title: 'What contributed to this incident? (the cause is recorded)',
    fields: [
      {
        name: 'factor',
        prompt: 'Is it one of the planted factors? (its key, or Enter for none)',
        kind: 'choice',
        choices: [...choices(factors), { key: '0', label: 'none of these', value: '' }],
        defaultValue: '',
      },
    ],
    footer: 'Enter links it · Esc leaves it unlinked',
    purpose: { kind: 'debrief-factor' },
  };
  return { stage: 'question', section: 'cause', form: openForm(form) };
}

const PROMPTS: Record<Exclude<DebriefSection, 'action'>, { title: string; prompt: string }> = {
  cause: { title: 'What contributed to this incident?', prompt: 'Cause (one per line)' },
  'went-well': { title: 'What went well?', prompt: 'Went well' },
  'went-poorly': { title: 'What went poorly?', prompt: 'Went poorly' },
  lucky: { title: 'Where did we get lucky?', prompt: 'Lucky' },
  summary: { title: 'In one paragraph, in the team’s own words: what happened? (it opens the report)', prompt: 'Summary' },
};

const CLOSING_FORM: Form<DebriefPurpose> = {
  title: 'That is the debrief.',
  fields: [{ name: 'go', prompt: 'Enter writes the report', kind: 'choice', choices: [], defaultValue: 'yes' }],
  footer: 'Esc goes back to the summary',
  purpose: { kind: 'debrief-finish' },
};

function questionForm(section: DebriefSection, ctx: DebriefContext): Form<DebriefPurpose> {
  const purpose: DebriefPurpose = { kind: 'debrief', section };
  if (section === 'action') {
    const footer = 'Enter records it (type: Enter means process) · an empty line moves on · Esc goes back';
    return { title: 'Follow-up actions', fields: followupFields(ctx.team, true), footer, purpose };
  }
  const { title, prompt } = PROMPTS[section];
  const fields: Field[] = [{ name: 'text', prompt, kind: 'text', emptySubmits: true }];
  return { title, fields, footer: 'Enter records it · an empty line moves on to the next question · Esc goes back', purpose };
}
