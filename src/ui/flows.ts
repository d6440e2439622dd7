/**
 * The forms a facilitator fills in during a drill, and what each one means once submitted. A form
 * is data (its purpose says which decision, which option, who is credited); `submitted` turns its
 * values into a command. Every value typed here is recorded through the engine (and so the
 * journal) only when the form is complete. An answer itself is never typed: it is recorded the
 * moment its number is pressed, and the form that follows only adds the reason to it, so a timer
 * that runs out meanwhile cannot take the answer away.
 */
import { type Decision, type Option, type Scenario, MILESTONES } from '../scenario/index.js';
import type { FollowupType, MilestoneName, TeamMember } from '../engine/records.js';
import type { DrillCore } from '../engine/core.js';
import { formatClock, formatDuration } from '../conditions/duration.js';
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

/** How much more time one press of the extend key gives an open decision. */
export const EXTENSION_MS = 120_000;

const credit = (by: string | undefined) => `credited to ${by ? visibleLine(by) : 'the team'}`;

/**
 * The value of the credit choice that means the team as a whole: a picked choice cannot be empty,
 * and no name typed into the roster holds a control character.
 */
export const THE_TEAM = '\u0000the team';

/** `1`…`9`, then `a`…`z`: enough keys for any list a form offers. */
function choiceKeys(n: number): string[] {
  const keys = '123456789abcdefghijklmnopqrstuvwxyz';
  return [...keys.slice(0, Math.min(n, keys.length))];
}

export function choices(items: readonly { value: string; label: string; unavailable?: string }[]): Choice[] {
  const keys = choiceKeys(items.length);
  return items.slice(0, keys.length).map((item, i) => ({ key: keys[i]!, label: item.label, value: item.value, ...(item.unavailable ? { unavailable: item.unavailable } : {}) }));
}

/** After an answer is recorded: the team's reason, optional, added to it as a record of its own. */
export function explainForm(decision: Decision, option: Option | undefined, by: string | undefined): Form<LivePurpose> {
  return {
    title: `Recorded: ${option ? visibleLine(option.label) : 'the off-script answer'} (${credit(by)}). Why?`,
    fields: [{ name: 'rationale', prompt: 'Why? (optional, one line)', kind: 'text' }],
    footer: 'The answer is already recorded · Enter adds the reason · Esc leaves it without one',
    purpose: { kind: 'explain', id: decision.id, by },
  };
}

/** An answer that is none of the options: recorded as said, with no consequences in the scenario. */
export function offScriptForm(decision: Decision, by: string | undefined): Form<LivePurpose> {
  return {
    title: `Off-script answer (${credit(by)}): ${visibleLine(decision.prompt)}`,
    fields: [{ name: 'text', prompt: 'What did the team decide?', kind: 'text', required: true }],
    footer: 'Recorded as off-script: the scenario does not react to it; if it closes first, kept as a note · Esc cancels',
    purpose: { kind: 'off-script', id: decision.id, by },
  };
}

export function noteForm(by: string | undefined): Form<LivePurpose> {
  return {
    title: `Note for the timeline (by ${by ? visibleLine(by) : 'the facilitator'})`,
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

/**
 * Every standing action, each under the same key for the whole drill: one that cannot be taken
 * now is shown as such, never removed, so no key ever comes to mean another action.
 */
export function actionForm(core: DrillCore, by: string | undefined): Form<LivePurpose> {
  const items = core.scenario.actions.map((a) => {
    const landsAt = core.inProgress.get(a.id);
    const why = core.canTake(a.id)
      ? undefined
      : landsAt !== undefined
        ? `under way, lands ${formatClock(landsAt)}`
        : a.once && core.startedActions.has(a.id)
          ? 'done (once only)'
          : 'not available now';
    const label = `${visibleLine(a.label)}${a.takesMs > 0 ? ` (takes ${formatDuration(a.takesMs)})` : ''}`;
    return { value: a.id, label, ...(why ? { unavailable: why } : {}) };
  });
  return {
    title: `The team does… (${credit(by)})`,
    fields: [{ name: 'id', prompt: 'Which action?', kind: 'choice', choices: choices(items), required: true }],
    footer: 'Press its key, then Enter · Esc cancels',
    purpose: { kind: 'action', by },
  };
}

/**
 * Every lookup, asked by whoever speaks (Tab changes that first), those not available now marked
 * so: like actions, a lookup keeps its key for the whole drill. The answer arrives after `takes`.
 */
export function lookupForm(core: DrillCore, by: string | undefined): Form<LivePurpose> {
  const items = core.scenario.lookups.map((l) => ({
    value: l.id,
    label: `${visibleLine(l.label)}${l.takesMs > 0 ? ` (answer in ${formatDuration(l.takesMs)})` : ''}`,
    ...(core.canLook(l.id) ? {} : { unavailable: 'not available now' }),
  }));
  return {
    title: `The team looks at… (${credit(by)})`,
    fields: [{ name: 'id', prompt: 'Which lookup?', kind: 'choice', choices: choices(items), required: true }],
    footer: 'Press its key, then Enter · the answer shows the world as it is now · Esc cancels',
    purpose: { kind: 'lookup', by },
  };
}

const IMPROVISED_CHANNELS = ['chat', 'terminal', 'dashboard', 'page', 'alert', 'email', 'phone', 'ticket', 'news', 'note'] as const;

/** An inject the script never planned: channel, from, text and, optionally, the one role meant to see it. */
export function improviseForm(roles: readonly string[]): Form<LivePurpose> {
  return {
    title: 'Improvised inject (recorded as improvised)',
    fields: [
      { name: 'channel', prompt: 'Channel (Enter: chat)', kind: 'choice', choices: choices(IMPROVISED_CHANNELS.map((c) => ({ value: c, label: c }))), defaultValue: 'chat' },
      { name: 'from', prompt: 'From (optional)', kind: 'text' },
      { name: 'text', prompt: 'What the team sees', kind: 'text', required: true },
      { name: 'audience', prompt: 'Only for role (Tab: roles; optional)', kind: 'text', completions: roles },
    ],
    footer: 'Enter moves on · it appears in the feed like any inject · Esc cancels',
    purpose: { kind: 'improvise' },
  };
}

export function milestoneForm(reached: ReadonlyMap<MilestoneName, number>, by: string | undefined, unmet: (name: MilestoneName) => string | undefined): Form<LivePurpose> {
  const items = MILESTONES.filter((m) => !reached.has(m)).map((m) => {
    const condition = unmet(m);
    // Declaring the end of an incident the scenario says is not over is allowed, but said aloud.
    return { value: m, label: condition ? `${m}  ⚠ the scenario's condition is not met: ${visibleLine(condition)}` : m };
  });
  return {
    title: `Mark a milestone now (${credit(by)})`,
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
    case 'explain':
      if (!v.rationale) return { kind: 'warn', text: 'The answer stands, without a reason.' };
      return { kind: 'send', event: { type: 'EXPLAIN', id: purpose.id, text: v.rationale, by: purpose.by }, done: 'Reason added to the answer.' };
    case 'off-script': {
      // The answer goes in at once; if the decision closed while it was typed, `sent` keeps it as a note.
      const event = { type: 'DECIDE', id: purpose.id, text: v.text!, by: purpose.by } as const;
      return { kind: 'send', event, done: 'Recorded the off-script answer.' };
    }
    case 'correct-pick':
      return { kind: 'correct', of: Number(v.of), by: purpose.by };
    case 'correct': {
      if (v.change === 'credit') {
        const to = v.to === THE_TEAM ? undefined : v.to;
        const event = { type: 'CORRECT', of: purpose.of, change: 'credit', to, by: purpose.by } as const;
        return { kind: 'send', event, done: `Credited to ${to ?? 'the team'}; the original stays in the journal, marked.`, refused: 'Not credited: that entry is credited so already.' };
      }
      const change = v.change === 'amend' ? 'amend' : 'strike';
      const refused = change === 'amend' ? 'Not corrected: an amendment needs the new words.' : 'Not corrected: that entry cannot be struck.';
      const event = { type: 'CORRECT', of: purpose.of, change, text: v.text || undefined, by: purpose.by } as const;
      return { kind: 'send', event, done: change === 'amend' ? 'Amended; the original stays in the journal.' : 'Struck; the original stays in the journal, marked.', refused };
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
    case 'lookup':
      return {
        kind: 'send',
        event: { type: 'LOOKUP', id: v.id!, by: purpose.by },
        done: `Asked: ${visibleLine(scenario.lookupById.get(v.id!)?.label ?? v.id!)}; the answer will arrive in the feed`,
        refused: 'Not asked: that lookup is not available any more.',
      };
    case 'improvise':
      return {
        kind: 'send',
        event: { type: 'IMPROVISE', channel: v.channel!, from: v.from || undefined, text: v.text!, audience: v.audience || undefined },
        done: 'Improvised inject shown.',
        refused: 'The improvised inject was not recorded.',
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
