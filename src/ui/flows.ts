/**
 * The forms a facilitator fills in during a drill, and the command each one ends in. Every value
 * typed here is recorded through the engine (and so the journal) only when the form is complete.
 */
import { type Decision, type Option, type Scenario, MILESTONES } from '../scenario/index.js';
import type { FollowupType, MilestoneName, TeamMember } from '../engine/records.js';
import type { DrillCore } from '../engine/core.js';
import type { DebriefSection } from '../engine/machine.js';
import { formatDuration } from '../conditions/duration.js';
import { visibleLine } from '../text/sanitize.js';
import type { Choice, Form } from './forms.js';
import { DEBRIEF_STEPS, type Command } from './ui-state.js';

const FOLLOWUP_TYPES: readonly { value: FollowupType; label: string }[] = [
  { value: 'prevent', label: 'prevent: stop it happening again' },
  { value: 'detect', label: 'detect: notice it sooner' },
  { value: 'mitigate', label: 'mitigate: make it hurt less' },
  { value: 'process', label: 'process: how we work' },
];

/** `1`…`9`, then `a`…`z`: enough keys for any list a form offers. */
export function choiceKeys(n: number): string[] {
  const keys = '123456789abcdefghijklmnopqrstuvwxyz';
  return [...keys.slice(0, Math.min(n, keys.length))];
}

function choices(items: readonly { value: string; label: string }[]): Choice[] {
  const keys = choiceKeys(items.length);
  return items.slice(0, keys.length).map((item, i) => ({ key: keys[i]!, label: item.label, value: item.value }));
}

/** After the number of an option: an optional one-line rationale, then DECIDE. */
export function decideForm(decision: Decision, option: Option, by: string | undefined): Form<Command> {
  return {
    title: `Answer: ${visibleLine(option.label)}${by ? ` (by ${visibleLine(by)})` : ''}`,
    fields: [{ name: 'rationale', prompt: 'Why? (optional, one line)', kind: 'text' }],
    footer: 'Enter records the answer · Esc cancels',
    submit: (v) => ({
      kind: 'send',
      event: { type: 'DECIDE', id: decision.id, option: option.id, by, rationale: v.rationale || undefined },
      done: `Recorded: ${visibleLine(option.label)}`,
      refused: 'Not recorded: that decision is no longer open (it timed out or was closed).',
    }),
  };
}

/** An answer that is none of the options: recorded as said, with no consequences in the scenario. */
export function offScriptForm(decision: Decision, by: string | undefined): Form<Command> {
  return {
    title: `Off-script answer${by ? ` (by ${visibleLine(by)})` : ''}: ${visibleLine(decision.prompt)}`,
    fields: [
      { name: 'text', prompt: 'What did the team decide?', kind: 'text', required: true },
      { name: 'rationale', prompt: 'Why? (optional, one line)', kind: 'text' },
    ],
    footer: 'Recorded as off-script: the scenario does not react to it · Esc cancels',
    submit: (v) => ({
      kind: 'send',
      event: { type: 'DECIDE', id: decision.id, text: v.text!, by, rationale: v.rationale || undefined },
      done: 'Recorded the off-script answer.',
      refused: 'Not recorded: that decision is no longer open (it timed out or was closed).',
    }),
  };
}

export function noteForm(by: string | undefined): Form<Command> {
  return {
    title: 'Note for the timeline',
    fields: [{ name: 'text', prompt: 'Note', kind: 'text', required: true }],
    footer: 'Enter records it at the current scenario time · Esc cancels',
    submit: (v) => ({ kind: 'send', event: { type: 'NOTE', text: v.text!, by }, done: 'Note recorded.', refused: 'The note was not recorded.' }),
  };
}

/** A follow-up action: text, owner, type. Used live (FOLLOWUP) and in the debrief (DEBRIEF action). */
export function followupForm(team: readonly TeamMember[], debrief: boolean, then?: Command): Form<Command> {
  return {
    title: debrief ? 'Follow-up actions' : 'Follow-up action',
    fields: [
      { name: 'text', prompt: 'What should be done?', kind: 'text', required: !debrief, emptySubmits: debrief, emptyMessage: 'say what should be done, or Esc' },
      { name: 'owner', prompt: 'Owner (Tab: team names; optional)', kind: 'text', completions: team.map((m) => m.name) },
      { name: 'kind', prompt: 'Type', kind: 'choice', choices: choices(FOLLOWUP_TYPES), defaultValue: 'process' },
    ],
    footer: debrief
      ? 'Enter records it (type: Enter means process) · an empty line moves on · Esc goes back'
      : 'Enter moves on (type: Enter means process) · Esc cancels',
    submit: (v) => {
      const kind = v.kind as FollowupType;
      if (debrief) {
        if (!v.text) return { kind: 'ui', change: (ui) => ({ ...ui, debriefStep: ui.debriefStep + 1 }) };
        return { kind: 'send', event: { type: 'DEBRIEF', section: 'action', text: v.text, owner: v.owner || undefined, kind }, done: 'Action recorded.', then };
      }
      return { kind: 'send', event: { type: 'FOLLOWUP', text: v.text!, owner: v.owner || undefined, kind }, done: 'Follow-up recorded.' };
    },
  };
}

/** The standing actions the team can take right now. */
export function actionForm(core: DrillCore, by: string | undefined): Form<Command> {
  const available = core.scenario.actions.filter((a) => core.canTake(a.id));
  const items = available.map((a) => ({ value: a.id, label: `${visibleLine(a.label)}${a.takesMs > 0 ? ` (takes ${formatDuration(a.takesMs)})` : ''}` }));
  return {
    title: `The team does…${by ? ` (by ${visibleLine(by)})` : ''}`,
    fields: [{ name: 'id', prompt: 'Which action?', kind: 'choice', choices: choices(items), required: true }],
    footer: 'Press its key, then Enter · Esc cancels',
    submit: (v) => ({
      kind: 'send',
      event: { type: 'TAKE_ACTION', id: v.id!, by },
      done: `Under way: ${visibleLine(core.scenario.actionById.get(v.id!)?.label ?? v.id!)}`,
      refused: 'Not taken: that action is not available any more.',
    }),
  };
}

export function milestoneForm(reached: ReadonlyMap<MilestoneName, number>, by: string | undefined): Form<Command> {
  const items = MILESTONES.filter((m) => !reached.has(m)).map((m) => ({ value: m, label: m }));
  return {
    title: 'Mark a milestone now',
    fields: [{ name: 'name', prompt: 'Which milestone?', kind: 'choice', choices: choices(items), required: true }],
    footer: 'Press its key, then Enter · Esc cancels',
    submit: (v) => ({
      kind: 'send',
      event: { type: 'MARK_MILESTONE', name: v.name as MilestoneName, by },
      done: `Milestone recorded: ${v.name}`,
      refused: 'Not recorded: that milestone was already reached.',
    }),
  };
}

export function relocateForm(current: string): Form<Command> {
  return {
    title: 'Save the journal somewhere else',
    fields: [{ name: 'path', prompt: 'New journal file', kind: 'text', required: true, initial: current.replace(/\.jsonl$/, '') + '-2.jsonl' }],
    footer: 'Everything recorded so far is written there, and the drill carries on in it · Esc cancels',
    submit: (v) => ({ kind: 'relocate', path: v.path! }),
  };
}

const DEBRIEF_PROMPTS: Record<Exclude<DebriefSection, 'action'>, { title: string; prompt: string }> = {
  cause: { title: 'What contributed to this incident?', prompt: 'Cause (one per line)' },
  'went-well': { title: 'What went well?', prompt: 'Went well' },
  'went-poorly': { title: 'What went poorly?', prompt: 'Went poorly' },
  lucky: { title: 'Where did we get lucky?', prompt: 'Lucky' },
};

/** The debrief form of step `step`; each entry is recorded as it is entered, an empty one moves on. */
export function debriefForm(step: number, scenario: Scenario, team: readonly TeamMember[]): Form<Command> {
  const section = DEBRIEF_STEPS[step] ?? 'finish';
  const again: Command = { kind: 'ui', change: (ui) => ui }; // the App reopens the step's form
  const next: Command = { kind: 'ui', change: (ui) => ({ ...ui, debriefStep: ui.debriefStep + 1 }) };
  if (section === 'finish') {
    return {
      title: 'That is the debrief.',
      fields: [{ name: 'go', prompt: 'Enter writes the report', kind: 'choice', choices: [], defaultValue: 'yes' }],
      footer: 'Esc goes back to the follow-up actions',
      submit: () => ({ kind: 'finish' }),
    };
  }
  if (section === 'action') return followupForm(team, true, again);
  const { title, prompt } = DEBRIEF_PROMPTS[section];
  const factors = scenario.factors.map((f) => ({ value: f.id, label: visibleLine(f.title) }));
  const fields: Form<Command>['fields'][number][] = [{ name: 'text', prompt, kind: 'text', emptySubmits: true }];
  if (section === 'cause' && factors.length > 0) {
    fields.push({
      name: 'factor',
      prompt: 'Is it one of the planted factors? (its key, or Enter for none)',
      kind: 'choice',
      choices: [...choices(factors), { key: '0', label: 'none of these', value: '' }],
      defaultValue: '',
    });
  }
  return {
    title,
    fields,
    footer: 'Enter records it · an empty line moves on to the next question · Esc goes back',
    submit: (v) =>
      v.text
        ? { kind: 'send', event: { type: 'DEBRIEF', section, text: v.text, factor: v.factor || undefined }, done: 'Recorded.', then: again }
        : next,
  };
}
