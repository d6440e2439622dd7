/**
 * The shell's side of the screen: the one place where the update's effects touch the world. An
 * event goes to the drill through the store (and so the journal), the reports are written next to
 * the journal, the journal is moved, the screen is closed; each outcome comes back as a message.
 */
import { dirname } from 'node:path';
import type { Scenario } from '../scenario/index.js';
import type { DrillRecord } from '../engine/records.js';
import type { DrillStore } from './store.js';
import type { Effect, ExitReason, Message } from './messages.js';

export type ReportWriter = (dir: string, scenario: Scenario, records: readonly DrillRecord[]) => string[];

interface Shell {
  readonly store: DrillStore;
  readonly scenario: Scenario;
  readonly writeReports: ReportWriter;
  exit(reason: ExitReason): void;
}

export function performEffect(shell: Shell, effect: Effect, dispatch: (message: Message) => void): void {
  const { store } = shell;
  switch (effect.kind) {
    case 'send': {
      const accepted = store.send(effect.event);
      const saved = store.getSnapshot().writeError === undefined;
      return dispatch({ type: 'sent', event: effect.event, say: effect.say, accepted, saved });
    }
    case 'write-reports': {
      const journal = store.session.journalPath;
      try {
        const written = shell.writeReports(dirname(journal), shell.scenario, store.core.records);
        return dispatch({ type: 'reports-written', paths: [journal, ...written] });
      } catch (error) {
        return dispatch({ type: 'reports-failed', journal, reason: messageOf(error) });
      }
    }
    case 'relocate':
      try {
        store.session.relocate(effect.path, { durable: true });
        return dispatch({ type: 'relocated', path: effect.path });
      } catch (error) {
        return dispatch({ type: 'relocate-failed', path: effect.path, reason: messageOf(error) });
      }
    case 'dismiss-notice':
      return store.setNotice(undefined);
    case 'exit':
      return shell.exit(effect.reason);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
