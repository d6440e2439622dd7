/**
 * The forms a facilitator fills in during a drill, and what each one means once submitted. A form
 * is data (its purpose says which decision, which option, who is credited); `submitted` turns its
 * values into a command. Every value typed here is recorded through the engine (and so the
 * journal) only when the form is complete.
 */
import type { Decision, Option, Scenario } from '../scenario/types.js';
import type { FollowupType, MilestoneName, TeamMember } from '../engine/records.js';
import type { DrillCore } from '../engine/core.js';
import { MILESTONES } from '../scenario/validate/schema.js';
import { formatDuration } from '../conditions/duration.js';
import { visibleLine } from '../text/sanitize.js';
import type { Choice, Field, Form } from './forms.js';
import type { Command, LivePurpose } from './messages.js';

type Values = Readonly<Record<string, string>>;

const FOLLOWUP_TYPES: readonly { value: FollowupType; label: string }[] = [
  { value: 'prevent', label: 'prevent: stop it happening again' },
  { value: 'detect', label: 'detect: notice it sooner' },
  { value: 'mitigate', label: 'mitigate: make it hurt less' },
  { value: 'process', label: 'process: how we work' },
];

const NO_LONGER_OPEN = 'Not recorded: that decision is no longer open (it timed out or was closed).';

/** `1`…`9`, then `a`…`z`: enough keys for any list a form offers. */
function choiceKeys(n: number): string[] {
  const keys = '123456789abcdefghijklmnopqrstuvwxyz';
  return [...keys.slice(0, Math.min(n, keys.length))];
}

export function choices(items: readonly { value: string; label: string }[]): Choice[] {
  const keys = choiceKeys(items.length);
  return items.slice(0, keys.length).map((item, i) => ({ key: keys[i]!, label: item.label, value: item.value }));
}

/** After the number of an option: an optional one-line rationale, then DECIDE. */
export function decideForm(decision: Decision, option: Option, by: string | undefined): Form<LivePurpose> {
  return {
    title: `Answer: ${visibleLine(option.label)}${by ? ` (by ${visibleLine(by)})` : ''}`,
    fields: [{ name: 'rationale', prompt: 'Why? (optional, one line)', kind: 'text' }],
    footer: 'Enter records the answer · Esc cancels',
    purpose: { kind: 'decide', id: decision.id, option: option.id, label: option.label, by },
  };
}

/** An answer that is none of the options: recorded as said, with no consequences in the scenario. */
export function offScriptForm(decision: Decision, by: string | undefined): Form<LivePurpose> {
  return {
    title: `Off-script answer${by ? ` (by ${visibleLine(by)})` : ''}: ${visibleLine(decision.prompt)}`,
    fields: [
      { name: 'text', prompt: 'What did the team decide?', kind: 'text', required: true },
      { name: 'rationale', prompt: 'Why? (optional, one line)', kind: 'text' },
    ],
    footer: 'Recorded as off-script: the scenario does not react to it · Esc cancels',
    purpose: { kind: 'off-script', id: decision.id, by },
  };
}

export function noteForm(by: string | undefined): Form<LivePurpose> {
  return {
    title: 'Note for the timeline',
    fields: [{ name: 'text', prompt: 'Note', kind: 'text', required: true }],
    footer: 'Enter records it at the current scenario time · Esc cancels',
    purpose: { kind: 'note', by },
  };
}

/** The fields of a follow-up action (text, owner, type), live or in the debrief. */
export function followupFields(team: readonly TeamMember[], debrief: boolean): Field[] {
  return [
    { name: 'text', prompt: 'What should be done?', kind: 'text', required: !debrief, emptySubmits: debrief, emptyMessage: 'say what should be done, or Esc' },
    { name: 'owner', prompt: 'Owner (Tab: team names; optional)', kind: 'text', completions: team.map((m) => m.name) },
    { name: 'kind', prompt: 'Type', kind: 'choice', choices: choices(FOLLOWUP_TYPES), defaultValue: 'process' },
  ];
}

export function followupForm(team: readonly TeamMember[]): Form<LivePurpose> {
  return {
    title: 'Follow-up action',
    fields: followupFields(team, false),
    footer: 'Enter moves on (type: Enter means process) · Esc cancels',
    purpose: { kind: 'followup' },
  };
}

/** The standing actions the team can take right now. */
export function actionForm(core: DrillCore, by: string | undefined): Form<LivePurpose> {
  const available = core.scenario.actions.filter((a) => core.canTake(a.id));
  const items = available.map((a) => ({ value: a.id, label: `${visibleLine(a.label)}${a.takesMs > 0 ? ` (takes ${formatDuration(a.takesMs)})` : ''}` }));
  return {
    title: `The team does…${by ? ` (by ${visibleLine(by)})` : ''}`,
    fields: [{ name: 'id', prompt: 'Which action?', kind: 'choice', choices: choices(items), required: true }],
    footer: 'Press its key, then Enter · Esc cancels',
    purpose: { kind: 'action', by },
  };
}

export function milestoneForm(reached: ReadonlyMap<MilestoneName, number>, by: string | undefined): Form<LivePurpose> {
  const items = MILESTONES.filter((m) => !reached.has(m)).map((m) => ({ value: m, label: m }));
  return {
    title: 'Mark a milestone now',
    fields: [{ name: 'name', prompt: 'Which milestone?', kind: 'choice', choices: choices(items), required: true }],
    footer: 'Press its key, then Enter · Esc cancels',
    purpose: { kind: 'milestone', by },
  };
}

export function relocateForm(current: string): Form<LivePurpose> {
  return {
    title: 'Save the journal somewhere else',
    fields: [{ name: 'path', prompt: 'New journal file', kind: 'text', required: true, initial: current.replace(/\.jsonl$/, '') + '-2.jsonl' }],
    footer: 'Everything recorded so far is written there, and the drill carries on in it · Esc cancels',
    purpose: { kind: 'relocate' },
  };
}

/** What a completed form does. */
export function submitted(purpose: LivePurpose, v: Values, scenario: Scenario): Command {
  switch (purpose.kind) {
    case 'decide': {
      const { id, option, by } = purpose;
      const event = { type: 'DECIDE', id, option, by, rationale: v.rationale || undefined } as const;
      return { kind: 'send', event, done: `Recorded: ${visibleLine(purpose.label)}`, refused: NO_LONGER_OPEN };
    }
    case 'off-script': {
      const event = { type: 'DECIDE', id: purpose.id, text: v.text!, by: purpose.by, rationale: v.rationale || undefined } as const;
      return { kind: 'send', event, done: 'Recorded the off-script answer.', refused: NO_LONGER_OPEN };
    }
    case 'note':
      return { kind: 'send', event: { type: 'NOTE', text: v.text!, by: purpose.by }, done: 'Note recorded.', refused: 'The note was not recorded.' };
    case 'followup':
      return { kind: 'send', event: { type: 'FOLLOWUP', text: v.text!, owner: v.owner || undefined, kind: v.kind as FollowupType }, done: 'Follow-up recorded.' };
    case 'action':
      return {
        kind: 'send',
        event: { type: 'TAKE_ACTION', id: v.id!, by: purpose.by },
        done: `Under way: ${visibleLine(scenario.actionById.get(v.id!)?.label ?? v.id!)}`,
        refused: 'Not taken: that action is not available any more.',
      };
    case 'milestone':
      return {
        kind: 'send',
        event: { type: 'MARK_MILESTONE', name: v.name as MilestoneName, by: purpose.by },
        done: `Milestone recorded: ${v.name}`,
        refused: 'Not recorded: that milestone was already reached.',
      };
    case 'relocate':
      return { kind: 'relocate', path: v.path! };
  }
}
