/**
 * What a key does, in one place: the App's single input handler calls `handleKey`, which routes
 * the key to whatever has focus (a form, the overlay, a confirmation, the viewer) and only
 * otherwise looks it up in the key table. Commands are then carried out here: engine inputs go
 * through the store (and so the journal) and nowhere else.
 */
import { dirname } from 'node:path';
import type { Key } from 'ink';
import type { Scenario } from '../scenario/index.js';
import type { DrillRecord, TeamMember } from '../engine/records.js';
import { visibleLine } from '../text/sanitize.js';
import { formKey, openForm } from './forms.js';
import { debriefForm } from './flows.js';
import { bindingFor } from './keys.js';
import type { DrillStore } from './store.js';
import { terminalLines } from './feed-layout.js';
import { viewerKey } from './Viewer.js';
import { makeEnv, type Command, type ExitReason, type KeyEnv, type UiState } from './ui-state.js';

export type ReportWriter = (dir: string, scenario: Scenario, records: readonly DrillRecord[]) => string[];

export interface Controller {
  readonly store: DrillStore;
  readonly scenario: Scenario;
  readonly team: readonly TeamMember[];
  readonly facilitator?: string;
  readonly writeReports: ReportWriter;
  getUi(): UiState;
  setUi(next: UiState): void;
  exit(reason: ExitReason): void;
  /** Feed entries that fit on screen now; rows of the viewer. */
  feedRows(): number;
}

export function envOf(c: Controller, ui = c.getUi()): KeyEnv {
  return makeEnv(c.store.getSnapshot(), ui, {
    team: c.team,
    facilitator: c.facilitator,
    feed: c.store.feed.entries,
    feedRows: c.feedRows(),
    journalPath: c.store.session.journalPath,
  });
}

export function handleKey(c: Controller, input: string, key: Key): void {
  if (key.ctrl && input === 'c') return runCommand(c, { kind: 'exit', reason: 'interrupted' });
  const ui = settle(c, { ...c.getUi(), flash: undefined });
  c.setUi(ui);
  c.store.setNotice(undefined);
  if (ui.report) return runCommand(c, { kind: 'exit', reason: 'finished' });
  const mode = ui.mode;
  switch (mode.kind) {
    case 'help':
      return c.setUi({ ...ui, mode: { kind: 'idle' } });
    case 'confirm':
      c.setUi({ ...ui, mode: { kind: 'idle' } });
      if (input.toLowerCase() !== 'y') return c.setUi({ ...c.getUi(), flash: { text: 'Carrying on.', tone: 'ok' } });
      return runCommand(
        c,
        mode.what === 'quit'
          ? { kind: 'exit', reason: 'quit' }
          : { kind: 'send', event: { type: 'END' }, done: 'The drill is over: time for the debrief.' },
      );
    case 'viewer': {
      const entry = c.store.feed.entries.find((e) => e.seq === mode.seq);
      const lines = entry?.kind === 'inject' ? terminalLines(entry.inject.text).length : 0;
      const next = viewerKey(mode, lines, c.feedRows() + 4, key, input);
      return c.setUi({ ...ui, mode: next ? { ...mode, ...next } : { kind: 'idle' } });
    }
    case 'form': {
      const result = formKey(mode.state, input, key);
      if (result.kind === 'editing') return c.setUi({ ...ui, mode: { kind: 'form', state: result.state } });
      const closed: UiState = { ...ui, mode: { kind: 'idle' } };
      if (result.kind === 'cancelled') {
        // In the debrief, Esc goes back to the question before (from the first, to the summary);
        // elsewhere it just closes the form.
        if (envOf(c, closed).phase !== 'debrief') return c.setUi(settle(c, closed));
        const first = ui.debriefStep === 0;
        return c.setUi(settle(c, { ...closed, debriefStep: Math.max(0, ui.debriefStep - 1), debriefOpen: !first }));
      }
      c.setUi(closed);
      return runCommand(c, mode.state.form.submit(result.values) as Command);
    }
    case 'idle': {
      const env = envOf(c, ui);
      const binding = bindingFor(env.phase, input, key);
      if (!binding) return;
      if (!binding.available(env)) return c.setUi({ ...ui, flash: { text: `${binding.keys}: nothing to do right now`, tone: 'warn' } });
      return runCommand(c, binding.command(env, input, key));
    }
  }
}

export function runCommand(c: Controller, cmd: Command): void {
  const ui = c.getUi();
  switch (cmd.kind) {
    case 'send': {
      const accepted = c.store.send(cmd.event);
      // Recorded means on disk: an input the journal could not take is not reported as recorded.
      const unsaved = accepted && c.store.getSnapshot().writeError !== undefined;
      const text = unsaved
        ? 'Kept in memory but NOT saved yet: the journal cannot be written (see above).'
        : accepted
          ? cmd.done
          : (cmd.refused ?? 'That was not possible at this point of the drill.');
      c.setUi(settle(c, { ...c.getUi(), flash: text ? { text, tone: accepted && !unsaved ? 'ok' : 'warn' } : undefined }));
      if (accepted && cmd.then) runCommand(c, cmd.then);
      return;
    }
    case 'form':
      return c.setUi({ ...ui, mode: { kind: 'form', state: openForm(cmd.form) } });
    case 'confirm':
      return c.setUi({ ...ui, mode: { kind: 'confirm', what: cmd.what } });
    case 'ui':
      return c.setUi(settle(c, cmd.change(ui)));
    case 'finish':
      return finish(c);
    case 'relocate':
      try {
        c.store.session.relocate(cmd.path, { durable: true });
        c.store.send({ type: 'RESUME' });
        return c.setUi({ ...c.getUi(), flash: { text: `The journal is now ${visibleLine(cmd.path)}`, tone: 'ok' } });
      } catch (error) {
        return c.setUi({ ...ui, flash: { text: `Cannot write ${visibleLine(cmd.path)}: ${(error as Error).message}`, tone: 'warn' } });
      }
    case 'exit':
      return c.exit(cmd.reason);
    case 'none':
      return;
  }
}

/** FINISH, then the report files next to the journal; the screen then says where they are. */
function finish(c: Controller): void {
  if (!c.store.send({ type: 'FINISH' })) {
    return c.setUi({ ...c.getUi(), flash: { text: 'The drill could not be finished here.', tone: 'warn' } });
  }
  const journal = c.store.session.journalPath;
  try {
    const written = c.writeReports(dirname(journal), c.scenario, c.store.core.records);
    c.setUi({ ...c.getUi(), mode: { kind: 'idle' }, report: { paths: [journal, ...written] } });
  } catch (error) {
    const message = `the report could not be written (${(error as Error).message}); the journal is complete, so \`drill report ${journal}\` can write it later`;
    c.setUi({ ...c.getUi(), mode: { kind: 'idle' }, report: { paths: [journal], error: message } });
  }
}

/**
 * Keeps the screen state consistent with the drill: in the debrief a question is always open;
 * a focus on a closed decision is dropped; a scroll position past the end follows the newest.
 */
export function settle(c: Controller, ui: UiState): UiState {
  const env = envOf(c, ui);
  let next = ui;
  if (env.phase === 'debrief' && next.debriefOpen && next.mode.kind === 'idle' && !next.report) {
    next = { ...next, mode: { kind: 'form', state: openForm(debriefForm(next.debriefStep, c.scenario, c.team)) } };
  }
  if (next.focus !== undefined && !env.shown.core.open.has(next.focus)) next = { ...next, focus: undefined };
  if (next.feedEnd !== undefined && next.feedEnd >= env.feed.length - 1) next = { ...next, feedEnd: undefined };
  return next;
}
