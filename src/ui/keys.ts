/**
 * The one key table of `drill play`. Each row says which key, what it does (for the help line
 * and the `?` overlay), when it is available (asked of the machine with `snapshot.can()` where an
 * engine event is involved), and the command it gives, as data. The screen's update looks keys
 * up here when no form has focus; the help line and the overlay are drawn from the same rows, so
 * the help can never promise a key that does something else.
 */
import type { Key } from 'ink';
import type { DrillEvent } from '../engine/machine.js';
import { clampSpeed, MAX_SPEED } from '../engine/speed.js';
import { actionForm, EXTENSION_MS, improviseForm, lookupForm, followupForm, milestoneForm, noteForm, offScriptForm, relocateForm } from './flows.js';
import { correctable, correctPickForm } from './correct-forms.js';
import { formatDuration } from '../conditions/duration.js';
import { visibleLine } from '../text/sanitize.js';
import { creditedTo, speakerName, type KeyEnv, type Phase } from './model.js';
import type { Command } from './messages.js';
import { MILESTONES } from '../scenario/index.js';
import type { DrillInputEvent } from './store.js';
import { briefScrolled, hintFor, scrolled, terminalInView } from './key-targets.js';

export interface KeyBinding {
  /** As drawn: `1-9`, `space`, `?`. */
  readonly keys: string;
  /** A word or two for the help line; may depend on the moment (pause / resume). */
  readonly name: string | ((env: KeyEnv) => string);
  /** One sentence for the `?` overlay. */
  readonly about: string;
  readonly phases: readonly Phase[];
  /** Shown in the one-line help (all rows are in the overlay). Earlier rows win when space is short. */
  readonly helpLine: boolean;
  matches(input: string, key: Key): boolean;
  available(env: KeyEnv): boolean;
  command(env: KeyEnv, input: string, key: Key): Command;
}

const can = (env: KeyEnv, event: DrillInputEvent): boolean => env.drill.snapshot.can({ ...event, wall: 0 } as DrillEvent);
const char = (c: string) => (input: string, key: Key) => input === c && !key.ctrl && !key.meta;
const warn = (text: string): Command => ({ kind: 'warn', text });
const LIVE: readonly Phase[] = ['live'];
const SPEED_STEP = 2;

export const KEY_TABLE: readonly KeyBinding[] = [
  {
    keys: 'Enter',
    name: 'start the clock',
    about: 'Start scenario time at T+00:00 once the briefing has been read.',
    phases: ['briefing'],
    helpLine: true,
    matches: (_i, key) => key.return,
    available: (env) => can(env, { type: 'START' }),
    command: () => ({ kind: 'send', event: { type: 'START' }, done: 'The clock is running.' }),
  },
  {
    keys: 'Enter',
    name: 'begin the debrief',
    about: 'Go on to the debrief questions once everyone has seen how the drill ended.',
    phases: ['debrief'],
    helpLine: true,
    matches: (_i, key) => key.return,
    available: (env) => env.ui.debrief.stage === 'summary',
    command: () => ({ kind: 'begin-debrief' }),
  },
  {
    keys: '1-9',
    name: 'answer',
    about: 'Answer the open decision with that option: recorded at once, then a one-line reason (optional) is added to it.',
    phases: LIVE,
    helpLine: true,
    matches: (input, key) => /^[1-9]$/.test(input) && !key.ctrl && !key.meta,
    available: (env) => env.decision !== undefined,
    command: (env, input) => {
      const d = env.decision!.decision;
      const option = d.options[Number(input) - 1];
      if (!option) return warn(`This decision has ${d.options.length} options.`);
      if (!can(env, { type: 'DECIDE', id: d.id, option: option.id })) return warn('That decision is no longer open.');
      const by = speakerName(env);
      return { kind: 'send', event: { type: 'DECIDE', id: d.id, option: option.id, by }, done: `Recorded: ${visibleLine(option.label)} (credited to ${creditedTo(by)})` };
    },
  },
  {
    keys: 'o',
    name: 'off-script',
    about: 'Record an answer to the open decision that is none of its options (the scenario does not react).',
    phases: LIVE,
    helpLine: true,
    matches: char('o'),
    available: (env) => env.decision !== undefined && can(env, { type: 'DECIDE', id: env.decision.decision.id, text: '…' }),
    command: (env) => ({ kind: 'form', form: offScriptForm(env.decision!.decision, speakerName(env)) }),
  },
  {
    keys: 'Tab',
    name: 'who',
    about: 'Choose who is speaking for the team: decisions, actions and milestones are recorded as theirs.',
    phases: LIVE,
    helpLine: true,
    matches: (_i, key) => key.tab,
    available: (env) => env.setup.team.length > 0,
    command: (env) => {
      const team = env.setup.team;
      const at = team.findIndex((m) => m.name === speakerName(env));
      const next = at + 1 < team.length ? team[at + 1]!.name : undefined;
      return { kind: 'send', event: { type: 'SET_SPEAKER', name: next }, done: `Speaking for the team: ${visibleLine(creditedTo(next))}` };
    },
  },
  {
    keys: 'x',
    name: 'more time',
    about: `Give the team ${formatDuration(EXTENSION_MS)} more on the decision in front; the scenario clock keeps running (recorded, shown in the report).`,
    phases: LIVE,
    helpLine: true,
    matches: char('x'),
    available: (env) => env.decision !== undefined && can(env, { type: 'EXTEND', id: env.decision.decision.id, ms: EXTENSION_MS }),
    command: (env) => ({
      kind: 'send',
      event: { type: 'EXTEND', id: env.decision!.decision.id, ms: EXTENSION_MS, by: env.setup.facilitator },
      done: `${formatDuration(EXTENSION_MS)} more for this decision.`,
    }),
  },
  {
    keys: 'c',
    name: 'correct',
    about: 'Strike, amend or re-credit one of the recent entries (an action, answer, lookup, milestone, note or debrief line); the original stays in the journal, marked.',
    phases: ['live', 'debrief'],
    helpLine: true,
    matches: char('c'),
    available: (env) => correctable(env.drill.core.records, env.drill.core.struck).length > 0,
    command: (env) => ({ kind: 'form', form: correctPickForm(env.drill.core.records, env.drill.core.struck, env.setup.scenario, env.setup.facilitator) }),
  },
  {
    keys: ']',
    name: 'next decision',
    about: 'Bring the next open decision to the front when several are open.',
    phases: LIVE,
    helpLine: true,
    matches: char(']'),
    available: (env) => env.drill.core.open.size > 1,
    command: (env) => {
      const ids = [...env.drill.core.open.keys()];
      const at = ids.indexOf(env.decision?.decision.id ?? '');
      return { kind: 'focus', id: ids[(at + 1) % ids.length] };
    },
  },
  {
    keys: 'a',
    name: 'action',
    about: 'The team does one of the standing actions available now (it lands after its time).',
    phases: LIVE,
    helpLine: true,
    matches: char('a'),
    available: (env) => env.drill.core.scenario.actions.some((a) => env.drill.core.canTake(a.id)),
    command: (env) => ({ kind: 'form', form: actionForm(env.drill.core, speakerName(env)) }),
  },
  {
    keys: 'l',
    name: 'look up',
    about: 'The team looks at something (a dashboard, a command, a log): the answer shows the world as it is now.',
    phases: LIVE,
    helpLine: true,
    matches: char('l'),
    available: (env) => env.drill.core.scenario.lookups.some((l) => env.drill.core.canLook(l.id)),
    command: (env) => ({ kind: 'form', form: lookupForm(env.drill.core, speakerName(env)) }),
  },
  {
    keys: 'i',
    name: 'improvise',
    about: 'Hand the team an inject the script never planned (channel, from, text); the report marks it improvised.',
    phases: LIVE,
    helpLine: false,
    matches: char('i'),
    available: (env) => can(env, { type: 'IMPROVISE', channel: 'chat', text: '…' }),
    command: (env) => ({ kind: 'form', form: improviseForm(env.drill.core.scenario.file.roles.map((r) => r.id)) }),
  },
  {
    keys: 'space',
    name: (env) => (env.drill.snapshot.matches({ live: 'paused' }) ? 'resume' : 'pause'),
    about: 'Pause or resume scenario time; everything scheduled waits with it.',
    phases: LIVE,
    helpLine: true,
    matches: (input) => input === ' ',
    available: (env) => can(env, { type: 'PAUSE' }) || can(env, { type: 'RESUME' }),
    command: (env) =>
      can(env, { type: 'PAUSE' })
        ? { kind: 'send', event: { type: 'PAUSE' }, done: 'Paused.' }
        : { kind: 'send', event: { type: 'RESUME' }, done: 'Running again.' },
  },
  {
    keys: 'h',
    name: 'hint',
    about: 'Reveal the hint for the decision in front, or for the newest inject that has one (recorded).',
    phases: LIVE,
    helpLine: true,
    matches: char('h'),
    available: (env) => hintFor(env) !== undefined,
    command: (env) => ({ kind: 'send', event: { type: 'SHOW_HINT', for: hintFor(env)! }, done: 'Hint revealed.' }),
  },
  {
    keys: 'n',
    name: 'note',
    about: 'Add a note to the timeline at the current scenario time.',
    phases: LIVE,
    helpLine: true,
    matches: char('n'),
    available: (env) => can(env, { type: 'NOTE', text: '…' }),
    command: (env) => ({ kind: 'form', form: noteForm(speakerName(env) ?? env.setup.facilitator) }),
  },
  {
    keys: 'f',
    name: 'follow-up',
    about: 'Add a follow-up action (text, owner, type) for the post-mortem.',
    phases: LIVE,
    helpLine: true,
    matches: char('f'),
    available: (env) => can(env, { type: 'FOLLOWUP', text: '…', kind: 'process' }),
    command: (env) => ({ kind: 'form', form: followupForm(env.setup.team) }),
  },
  {
    keys: 'm',
    name: 'milestone',
    about: 'Mark detected / acknowledged / mitigated / resolved now, when the team reaches it.',
    phases: LIVE,
    helpLine: true,
    matches: char('m'),
    available: (env) => MILESTONES.some((m) => can(env, { type: 'MARK_MILESTONE', name: m })),
    command: (env) => ({ kind: 'form', form: milestoneForm(env.drill.core.milestones, speakerName(env), (m) => env.drill.core.unmetCondition(m)) }),
  },
  {
    keys: 's',
    name: 'skip',
    about: 'Skip ahead to the next scheduled inject or decision.',
    phases: LIVE,
    helpLine: true,
    matches: char('s'),
    available: (env) => can(env, { type: 'SKIP' }),
    command: () => ({ kind: 'send', event: { type: 'SKIP' }, done: 'Skipped ahead.' }),
  },
  {
    keys: '+ -',
    name: 'speed',
    about: `Scenario time faster or slower (×${SPEED_STEP} or ÷${SPEED_STEP}).`,
    phases: LIVE,
    helpLine: true,
    matches: (input) => input === '+' || input === '=' || input === '-' || input === '_',
    available: (env) => can(env, { type: 'SET_SPEED', speed: 1 }),
    command: (env, input) => {
      const speed = env.drill.core.speed;
      const next = clampSpeed(input === '+' || input === '=' ? speed * SPEED_STEP : speed / SPEED_STEP);
      if (next === speed) return warn(`Already at ×${speed}, the ${speed === MAX_SPEED ? 'fastest' : 'slowest'} speed.`);
      return { kind: 'send', event: { type: 'SET_SPEED', speed: next } };
    },
  },
  {
    keys: '↑ ↓',
    name: 'scroll',
    about: 'Scroll the briefing or the feed (PgUp/PgDn by a page, Home the oldest, End back to the newest).',
    phases: ['briefing', 'live'],
    helpLine: false,
    matches: (_i, key) => key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.end || key.home,
    available: (env) => env.phase === 'briefing' || env.drill.feed.length > 1,
    command: (env, _input, key) =>
      env.phase === 'briefing' ? { kind: 'scroll-briefing', top: briefScrolled(env.ui.briefTop, key) } : { kind: 'scroll-feed', end: scrolled(env, key) },
  },
  {
    keys: 'v',
    name: 'view output',
    about: 'Show the newest terminal output on screen in full, to scroll through it (Esc closes).',
    phases: LIVE,
    helpLine: false,
    matches: char('v'),
    available: (env) => terminalInView(env) !== undefined,
    command: (env) => ({ kind: 'view-output', seq: terminalInView(env)! }),
  },
  {
    keys: 'e',
    name: 'end',
    about: 'End the drill now and go to the debrief (asks first).',
    phases: LIVE,
    helpLine: true,
    matches: char('e'),
    available: (env) => can(env, { type: 'END' }),
    command: () => ({ kind: 'confirm', what: 'end' }),
  },
  {
    keys: 'w',
    name: 'save elsewhere',
    about: 'After a journal write error: write the journal to another file and carry on there.',
    phases: ['briefing', 'live', 'debrief'],
    helpLine: true,
    matches: char('w'),
    available: (env) => env.drill.writeError !== undefined,
    command: (env) => ({ kind: 'form', form: relocateForm(env.drill.journalPath) }),
  },
  {
    keys: '?',
    name: 'help',
    about: 'Show or hide this list of keys.',
    phases: ['briefing', 'live', 'debrief'],
    helpLine: true,
    matches: char('?'),
    available: () => true,
    command: () => ({ kind: 'help' }),
  },
  {
    keys: 'q',
    name: 'quit',
    about: 'Leave drill play (asks first). The journal is already saved; --resume continues later.',
    phases: ['briefing', 'live', 'debrief'],
    helpLine: true,
    matches: char('q'),
    available: () => true,
    command: () => ({ kind: 'confirm', what: 'quit' }),
  },
  {
    keys: 'Ctrl-C',
    name: 'quit now',
    about: 'Leave at once, even while typing. Everything recorded is already in the journal.',
    phases: ['briefing', 'live', 'debrief', 'done'],
    helpLine: false,
    matches: (input, key) => key.ctrl && input === 'c',
    available: () => true,
    command: () => ({ kind: 'exit', reason: 'interrupted' }),
  },
];

/** The row for a key in this phase, available or not. */
export function bindingFor(phase: Phase, input: string, key: Key): KeyBinding | undefined {
  return KEY_TABLE.find((b) => b.phases.includes(phase) && b.matches(input, key));
}
