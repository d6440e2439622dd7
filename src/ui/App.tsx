/**
 * The root of `drill play`, and the shell around the screen's update functions: it creates the
 * drill store and the runtime once, feeds every key (split by the input splitter) and every
 * published drill state into `update` as messages, carries out the effects, and renders the
 * model. Before the session exists (no `--team` on the command line), the roster runs the same
 * way.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useApp, useInput } from 'ink';
import type { Key } from 'ink';
import type { Scenario } from '../scenario/index.js';
import type { TeamMember } from '../engine/records.js';
import type { DrillSession } from '../session/session.js';
import { DrillStore } from './store.js';
import { DrillProvider } from './context.js';
import type { TimeSource } from './clock.js';
import type { Theme } from './theme.js';
import { performEffect, type ReportWriter } from './effects.js';
import { Runtime } from './runtime.js';
import { initialModel, update } from './update.js';
import type { Model, Setup } from './model.js';
import type { Effect, ExitReason, Flash, Message } from './messages.js';
import { initialRoster, rosterUpdate, type RosterEffect, type RosterMessage, type RosterModel } from './roster.js';
import { Screen, TeamScreen } from './Screen.js';
import { useTerminalSize } from './use-terminal-size.js';
import { createInputSplitter } from './input.js';
import { ErrorBoundary } from './ErrorBoundary.js';

export interface PlayProps {
  readonly scenario: Scenario;
  readonly theme: Theme;
  readonly time: TimeSource;
  /** The session, when it exists before the screen does (`--team` given, or `--resume`). */
  readonly session?: DrillSession;
  /** Starts the session (and its journal) once the team has been entered in the briefing. */
  readonly startSession: (team: TeamMember[], facilitator?: string) => DrillSession;
  readonly writeReports: ReportWriter;
  readonly facilitator?: string;
  /** Lines to show at the top until the first key: load warnings, resume warnings. */
  readonly notices?: readonly string[];
  /** Called on a terminal resize, before the new layout is drawn. */
  readonly onResize?: () => void;
}

/** What `waitUntilExit()` resolves with. */
export interface PlayResult {
  readonly reason: ExitReason;
}

export function PlayApp(props: PlayProps) {
  const { exit } = useApp();
  return (
    <ErrorBoundary onError={(error) => exit(error)}>
      <Drill {...props} />
    </ErrorBoundary>
  );
}

function Drill(props: PlayProps) {
  const [session, setSession] = useState<DrillSession | undefined>(props.session);
  const [store] = useStoreFor(session, props.time);
  if (!store) return <TeamEntry {...props} onTeam={(team, facilitator) => setSession(props.startSession([...team], facilitator))} />;
  return <Live {...props} store={store} />;
}

/** Creates the store once, when the session exists, and stops its clock on unmount. */
function useStoreFor(session: DrillSession | undefined, time: TimeSource): [DrillStore | undefined] {
  const [store, setStore] = useState<DrillStore | undefined>(() => (session ? new DrillStore(session, time) : undefined));
  useEffect(() => {
    if (session && !store) setStore(new DrillStore(session, time));
  }, [session, store, time]);
  useEffect(() => () => store?.dispose(), [store]);
  return [store];
}

/** The one input handler: every key of a chunk, in order, as a message. Its identity never changes (Ink ≤ 6.8 re-subscribes when it does). */
function useKeys(dispatch: (message: { type: 'key'; input: string; key: Key }) => void): void {
  const split = useRef(createInputSplitter());
  const handler = useCallback(
    (input: string, key: Key) => {
      for (const [i, k] of split.current(input, key)) dispatch({ type: 'key', input: i, key: k });
    },
    [dispatch],
  );
  useInput(handler);
}

/** Renders `select(model)`, re-rendering only when that part of the runtime's model changes. */
function useRuntime<M, T>(runtime: Pick<Runtime<M, never, never>, 'subscribe' | 'getModel'>, select: (model: M) => T): T {
  return useSyncExternalStore(runtime.subscribe, () => select(runtime.getModel()));
}

function TeamEntry(props: PlayProps & { onTeam: (team: readonly TeamMember[], facilitator?: string) => void }) {
  const { exit } = useApp();
  const size = useTerminalSize(props.onResize);
  const shell = useRef({ onTeam: props.onTeam, exit });
  shell.current = { onTeam: props.onTeam, exit };
  const [runtime] = useState(
    () =>
      new Runtime<RosterModel, RosterMessage, RosterEffect>(initialRoster(props.scenario.file.roles, props.facilitator === undefined), {
        update: rosterUpdate,
        perform: (effect) => (effect.kind === 'start' ? shell.current.onTeam(effect.team, effect.facilitator) : shell.current.exit({ reason: effect.reason } satisfies PlayResult)),
      }),
  );
  useKeys(runtime.dispatch);
  const roster = useRuntime(runtime, (m) => m);
  return <TeamScreen scenario={props.scenario} theme={props.theme} roster={roster} size={size} notices={props.notices ?? []} />;
}

function Live(props: PlayProps & { store: DrillStore }) {
  const { store } = props;
  const { exit } = useApp();
  const size = useTerminalSize(props.onResize);
  const exitRef = useRef(exit);
  exitRef.current = exit;
  const [runtime] = useState(() => {
    const setup: Setup = { scenario: props.scenario, team: store.core.setup.team, facilitator: store.core.setup.facilitator ?? props.facilitator };
    const shell = { store, scenario: props.scenario, writeReports: props.writeReports, exit: (reason: ExitReason) => exitRef.current({ reason } satisfies PlayResult) };
    return new Runtime<Model, Message, Effect>(initialModel(setup, store.getSnapshot(), size.rows, props.notices), {
      update,
      perform: (effect, dispatch) => performEffect(shell, effect, dispatch),
    });
  });
  // Subscribed for as long as the screen is open: every publish reaches the model.
  useEffect(() => {
    const publish = (drill = store.getSnapshot()) => runtime.dispatch({ type: 'published', drill });
    const subscription = store.subscribe(publish);
    if (runtime.getModel().drill !== store.getSnapshot()) publish();
    return () => subscription.unsubscribe();
  }, [store, runtime]);
  useKeys(runtime.dispatch);
  const ui = useRuntime(runtime, (m) => m.ui);
  useFlashExpiry(ui.flash, runtime.dispatch, props.time);
  const onFeedRows = useCallback((rows: number) => runtime.dispatch({ type: 'feed-rows', rows }), [runtime]);
  const { setup } = runtime.getModel();
  return (
    <DrillProvider value={{ store, scenario: props.scenario, team: setup.team, theme: props.theme }}>
      <Screen ui={ui} setup={setup} size={size} onFeedRows={onFeedRows} />
    </DrillProvider>
  );
}

/** How long the outcome of a key stays on the status line. */
const FLASH_MS = 6_000;

/** Clears the flash after a while, so an old "Recorded" does not read as news. */
function useFlashExpiry(flash: Flash | undefined, dispatch: (message: Message) => void, time: TimeSource): void {
  useEffect(() => {
    if (!flash) return;
    const handle = time.setTimeout(() => dispatch({ type: 'flash-expired', flash }), FLASH_MS);
    return () => time.clearTimeout(handle);
  }, [flash, dispatch, time]);
}
