/**
 * The screen as an update function, the way Bubble Tea's `Update` works: `update(model, message)`
 * returns the next model and the effects the shell should carry out, both plain data. A key goes
 * to whatever has focus (the overlay, a confirmation, the viewer, a form, the debrief's question)
 * and only otherwise to the key table; the drill's published state, the outcome of each effect
 * and the expiry of a flash come back as messages. Nothing here touches the drill or the disk.
 */
import type { Key } from 'ink';
import { visibleLine } from '../text/sanitize.js';
import { formKey, openForm } from './forms.js';
import { actionForm, explainForm, lookupForm, submitted } from './flows.js';
import { correctForm } from './correct-forms.js';
import { bindingFor } from './keys.js';
import { viewerKey } from './key-targets.js';
import { terminalLines } from './feed-layout.js';
import { debriefForm, debriefKey, debriefWhereLeft, question } from './debrief-states.js';
import { envOf, IDLE, initialUi, phaseOf, withUi, type Model, type Setup } from './model.js';
import type { ShownDrill } from './store.js';
import type { Command, Effect, Flash, Message } from './messages.js';

type Step = readonly [Model, readonly Effect[]];

const NOT_SAVED = 'Kept in memory but NOT saved yet: the journal cannot be written (see above).';
const NOT_POSSIBLE = 'That was not possible at this point of the drill.';

/** The model as the screen opens on a drill (new, or resumed with a decision already open). */
export function initialModel(setup: Setup, drill: ShownDrill, feedRows: number, notices: readonly string[] = []): Model {
  const ui = initialUi(feedRows, notices);
  // A screen opened on a drill already in its debrief (a resume) goes back to where it was.
  const debrief = phaseOf(drill) === 'debrief' ? debriefWhereLeft(drill.core.records, setup) : ui.debrief;
  return { setup, drill, ui: { ...ui, debrief } };
}

export function update(model: Model, message: Message): Step {
  switch (message.type) {
    case 'key':
      return keyPressed(model, message.input, message.key);
    case 'published':
      return [settle(refreshPicker({ ...model, drill: message.drill })), []];
    case 'feed-rows':
      return [message.rows === model.ui.feedRows ? model : withUi(model, { feedRows: message.rows }), []];
    case 'sent':
      return sent(model, message);
    case 'reports-written':
      return [withUi(model, { debrief: { stage: 'written', paths: message.paths } }), []];
    case 'reports-failed': {
      const { journal, reason } = message;
      const error = `the report could not be written (${reason}); the journal is complete, so \`drill report ${journal}\` can write it later`;
      return [withUi(model, { debrief: { stage: 'written', paths: [journal], error } }), []];
    }
    case 'relocated':
      return [flash(model, `The journal is now ${visibleLine(message.path)}`, 'ok'), [{ kind: 'send', event: { type: 'RESUME' } }]];
    case 'relocate-failed':
      return [flash(model, `Cannot write ${visibleLine(message.path)}: ${message.reason}`, 'warn'), []];
    case 'flash-expired':
      return [model.ui.flash === message.flash ? withUi(model, { flash: undefined }) : model, []];
  }
}

function keyPressed(model: Model, input: string, key: Key): Step {
  if (key.ctrl && input === 'c') return [model, [{ kind: 'exit', reason: 'interrupted' }]];
  // A key answers the last outcome and the notices: they are cleared by it.
  const dismiss: Effect[] = model.drill.notice === undefined ? [] : [{ kind: 'dismiss-notice' }];
  const cleared = model.ui.flash || model.ui.notices.length ? withUi(model, { flash: undefined, notices: [] }) : model;
  const [next, effects] = routeKey(settle(cleared), input, key);
  return [next, [...dismiss, ...effects]];
}

function routeKey(model: Model, input: string, key: Key): Step {
  const { mode, debrief } = model.ui;
  if (debrief.stage === 'written') return [model, [{ kind: 'exit', reason: 'finished' }]];
  switch (mode.kind) {
    case 'help':
      return [withUi(model, { mode: IDLE }), []];
    case 'confirm': {
      const idle = withUi(model, { mode: IDLE });
      if (input.toLowerCase() !== 'y') return [flash(idle, 'Carrying on.', 'ok'), []];
      if (mode.what === 'quit') return [idle, [{ kind: 'exit', reason: 'quit' }]];
      return command(idle, { kind: 'send', event: { type: 'END' }, done: 'The drill is over: time for the debrief.' });
    }
    case 'viewer': {
      const entry = model.drill.feed.find((e) => e.seq === mode.seq);
      const lines = entry?.kind === 'inject' ? terminalLines(entry.inject.text).length : 0;
      const next = viewerKey(mode, lines, model.ui.feedRows + 4, key, input);
      return [withUi(model, { mode: next ? { ...mode, ...next } : IDLE }), []];
    }
    case 'form': {
      const result = formKey(mode.state, input, key);
      if (result.kind === 'editing') return [withUi(model, { mode: { kind: 'form', state: result.state } }), []];
      const idle = withUi(model, { mode: IDLE });
      if (result.kind === 'cancelled') return [settle(idle), []];
      return command(idle, submitted(mode.state.form.purpose, result.values, model.setup.scenario));
    }
    case 'idle': {
      if (debriefForm(debrief) && phaseOf(model.drill) === 'debrief') {
        const [next, cmd] = debriefKey(debrief, input, key, model.setup);
        const moved = withUi(model, { debrief: next });
        return cmd ? command(moved, cmd) : [moved, []];
      }
      const env = envOf(model);
      const binding = bindingFor(env.phase, input, key);
      if (!binding) return [model, []];
      if (!binding.available(env)) return [flash(model, `${binding.keys}: nothing to do right now`, 'warn'), []];
      return command(model, binding.command(env, input, key));
    }
  }
}

/**
 * An open action or lookup picker follows the drill while it is open: an action that has landed
 * since can be taken, one that has started cannot. The keys and what is typed stay as they are.
 */
function refreshPicker(model: Model): Model {
  const { mode } = model.ui;
  if (mode.kind !== 'form') return model;
  const purpose = mode.state.form.purpose;
  if (purpose.kind !== 'action' && purpose.kind !== 'lookup') return model;
  const core = model.drill.core;
  const form = purpose.kind === 'action' ? actionForm(core, purpose.by) : lookupForm(core, purpose.by);
  return withUi(model, { mode: { kind: 'form', state: { ...mode.state, form } } });
}

/** What a command from a key or a form does to the model, and the work it leaves for the shell. */
function command(model: Model, cmd: Command): Step {
  switch (cmd.kind) {
    case 'send':
      return [model, [{ kind: 'send', event: cmd.event, say: { done: cmd.done, refused: cmd.refused } }]];
    case 'form':
      return [withUi(model, { mode: { kind: 'form', state: openForm(cmd.form) } }), []];
    case 'confirm':
      return [withUi(model, { mode: { kind: 'confirm', what: cmd.what } }), []];
    case 'warn':
      return [flash(model, cmd.text, 'warn'), []];
    case 'focus':
      return [settle(withUi(model, { focus: cmd.id })), []];
    case 'scroll-feed':
      return [settle(withUi(model, { feedEnd: cmd.end })), []];
    case 'scroll-briefing':
      return [withUi(model, { briefTop: cmd.top }), []];
    case 'view-output':
      return [withUi(model, { mode: { kind: 'viewer', seq: cmd.seq, top: 0, left: 0 } }), []];
    case 'help':
      return [withUi(model, { mode: { kind: 'help' } }), []];
    case 'begin-debrief':
      return [withUi(model, { debrief: question('cause', model.setup) }), []];
    case 'relocate':
      return [model, [{ kind: 'relocate', path: cmd.path }]];
    case 'exit':
      return [model, [{ kind: 'exit', reason: cmd.reason }]];
    case 'correct': {
      const target = model.drill.core.records[cmd.of];
      if (!target) return [flash(model, 'That entry is not in the journal.', 'warn'), []];
      return [withUi(model, { mode: { kind: 'form', state: openForm(correctForm(target, model.drill.core.records, model.setup.team, model.setup.scenario, cmd.by)) } }), []];
    }
  }
}

/** The drill took or refused an event: say so, then what follows from it. */
function sent(model: Model, message: Extract<Message, { type: 'sent' }>): Step {
  const { event, say, accepted, saved } = message;
  let next = model;
  if (say) {
    // Recorded means on disk: an input the journal could not take is not reported as recorded.
    const text = accepted && !saved ? NOT_SAVED : accepted ? say.done : (say.refused ?? NOT_POSSIBLE);
    next = settle(withUi(model, { flash: text ? { text, tone: accepted && saved ? 'ok' : 'warn' } : undefined }));
  }
  if (!accepted && event.type === 'DECIDE' && event.text !== undefined) {
    // The decision closed while its off-script answer was typed: the words are kept as a note.
    const prompt = model.setup.scenario.decisionById.get(event.id)?.prompt ?? event.id;
    const text = `Answer to “${prompt}” given after it closed: ${event.text}`;
    return [next, [{ kind: 'send', event: { type: 'NOTE', text, by: event.by }, say: { done: 'The decision had closed: the answer is kept as a note.' } }]];
  }
  if (!accepted) return [next, []];
  if (event.type === 'DECIDE' && next.ui.mode.kind === 'idle') {
    // The answer is on disk; its reason, if any, is added to it afterwards.
    const decision = model.setup.scenario.decisionById.get(event.id);
    const option = decision?.options.find((o) => o.id === event.option);
    if (decision) return [withUi(next, { mode: { kind: 'form', state: openForm(explainForm(decision, option, event.by)) } }), []];
  }
  if (event.type === 'FINISH') return [next, [{ kind: 'write-reports' }]];
  return [next, []];
}

function flash(model: Model, text: string, tone: Flash['tone']): Model {
  return withUi(model, { flash: { text, tone } });
}

/** Keeps the screen state consistent with the drill: no focus on a closed decision, no scroll past the end. */
function settle(model: Model): Model {
  const { ui, drill } = model;
  const dropFocus = ui.focus !== undefined && !drill.core.open.has(ui.focus);
  const followNewest = ui.feedEnd !== undefined && ui.feedEnd >= drill.feed.length - 1;
  if (!dropFocus && !followNewest) return model;
  return withUi(model, { focus: dropFocus ? undefined : ui.focus, feedEnd: followNewest ? undefined : ui.feedEnd });
}
