/**
 * The root of `drill play`. It owns the drill (the session's actor, wrapped in a store created
 * once), the screen state, and the one input handler; everything below it only reads. Before the
 * session exists (no `--team` on the command line), it collects the team in the briefing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp, useInput } from 'ink';
import { useSelector } from '@xstate/react';
import type { Key } from 'ink';
import type { Scenario } from '../scenario/index.js';
import type { TeamMember } from '../engine/records.js';
import type { DrillSession } from '../session/session.js';
import { DrillStore } from './store.js';
import { DrillProvider } from './context.js';
import type { TimeSource } from './clock.js';
import type { Theme } from './theme.js';
import { handleKey, settle, type Controller, type ReportWriter } from './controller.js';
import { formKey, openForm, type Form, type FormState } from './forms.js';
import { parseMember } from './team.js';
import { decisionInFront, initialUi, phaseOf, type ExitReason, type UiState } from './ui-state.js';
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
  readonly startSession: (team: TeamMember[]) => DrillSession;
  readonly writeReports: ReportWriter;
  /** `--speed`, applied as the clock starts (speed is recorded, so it needs a running drill). */
  readonly initialSpeed?: number;
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
  if (!store) return <TeamEntry {...props} onTeam={(team) => setSession(props.startSession(team))} />;
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

/** Keeps `useInput`'s handler identity stable (Ink ≤ 6.8 re-subscribes when it changes). */
function useStableInput(handler: (input: string, key: Key) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  const split = useRef(createInputSplitter());
  const stable = useCallback((input: string, key: Key) => {
    for (const [i, k] of split.current(input, key)) ref.current(i, k);
  }, []);
  useInput(stable);
}

function TeamEntry(props: PlayProps & { onTeam: (team: TeamMember[]) => void }) {
  const { exit } = useApp();
  const size = useTerminalSize(props.onResize);
  const roles = props.scenario.file.roles;
  // Refs, not only state: the keys of one chunk of input are handled before React re-renders.
  const team = useRef<TeamMember[]>([]);
  const [form, setFormState] = useState(() => openForm(teamForm(roles, [])));
  const formRef = useRef(form);
  const setForm = (next: FormState<TeamMember | undefined>) => {
    formRef.current = next;
    setFormState(next);
  };
  const [top, setTop] = useState(0);
  // Keys of the same chunk can follow the empty line that ends the team: start only once.
  const done = useRef(false);
  useStableInput((input, key) => {
    if (done.current) return;
    if ((key.ctrl && input === 'c') || key.escape) return exit({ reason: 'quit' } satisfies PlayResult);
    if (key.upArrow || key.pageUp) return setTop((t) => Math.max(0, t - (key.pageUp ? 10 : 1)));
    if (key.downArrow || key.pageDown) return setTop((t) => t + (key.pageDown ? 10 : 1));
    const result = formKey(formRef.current, input, key);
    if (result.kind === 'editing') return setForm(result.state);
    if (result.kind === 'cancelled') return;
    const member = formRef.current.form.submit(result.values);
    if (!member) {
      done.current = true;
      return props.onTeam(team.current);
    }
    team.current = [...team.current, member];
    setForm(openForm(teamForm(roles, team.current)));
  });
  return <TeamScreen scenario={props.scenario} theme={props.theme} team={team.current} form={form as FormState} top={top} size={size} notices={props.notices ?? []} />;
}

/** One line per player, `Name: role`; an empty line ends the team. */
function teamForm(roles: Scenario['file']['roles'], team: readonly TeamMember[]): Form<TeamMember | undefined> {
  const soFar = team.map((m) => `${m.name}${m.role ? ` (${m.role})` : ''}`).join(', ');
  return {
    title: 'Who is playing? One person per line: Name: role (Tab completes the role). An empty line when done.',
    fields: [
      {
        name: 'member',
        prompt: `Player ${team.length + 1}`,
        kind: 'text',
        completions: roles.map((r) => r.id),
        validate: (text) => {
          const m = parseMember(text, roles);
          return 'error' in m ? m.error : undefined;
        },
      },
    ],
    footer: soFar ? `So far: ${soFar} · an empty line starts the briefing` : 'An empty line right away: play without names',
    submit: (v) => {
      const m = v.member ? parseMember(v.member, roles) : undefined;
      return m && !('error' in m) ? m : undefined;
    },
  };
}

function Live(props: PlayProps & { store: DrillStore }) {
  const { store } = props;
  const { exit } = useApp();
  const size = useTerminalSize(props.onResize);
  const [ui, setUiState] = useState<UiState>(initialUi);
  const uiRef = useRef(ui);
  // The feed's measured height: state, so that a new height (a resize) re-renders the feed at
  // once; and a ref, so that keys handled before that render already page by it.
  const [feedRows, setFeedRows] = useState(size.rows);
  const feedRowsRef = useRef(feedRows);
  const onFeedRows = useCallback((rows: number) => {
    if (rows === feedRowsRef.current) return;
    feedRowsRef.current = rows;
    setFeedRows(rows);
  }, []);
  const [notices, setNotices] = useState(props.notices ?? []);
  const team = store.core.setup.team;
  const controller = useRef<Controller>(null as unknown as Controller);
  controller.current = {
    store,
    scenario: props.scenario,
    team,
    facilitator: props.facilitator,
    writeReports: props.writeReports,
    getUi: () => uiRef.current,
    setUi: (next) => {
      uiRef.current = next;
      setUiState(next);
    },
    exit: (reason) => exit({ reason } satisfies PlayResult),
    feedRows: () => feedRowsRef.current,
  };
  useStableInput((input, key) => {
    if (notices.length) setNotices([]);
    const c = controller.current;
    const wasBriefing = store.getSnapshot().snapshot.matches('briefing');
    handleKey(c, input, key);
    // `--speed` is recorded, so it can only be set once the clock runs.
    if (wasBriefing && props.initialSpeed && props.initialSpeed !== 1 && store.getSnapshot().snapshot.matches('live')) {
      store.send({ type: 'SET_SPEED', speed: props.initialSpeed });
    }
  });
  useFollowDrill(controller.current);
  useFlashExpiry(controller.current, ui, props.time);
  return (
    <DrillProvider value={{ store, scenario: props.scenario, team, theme: props.theme, startSpeed: props.initialSpeed }}>
      <Screen ui={ui} size={size} notices={notices} controller={controller.current} feedRows={feedRows} onFeedRows={onFeedRows} />
    </DrillProvider>
  );
}

/** How long the outcome of a key stays on the status line. */
const FLASH_MS = 6_000;

/** Clears the flash after a while, so an old "Recorded" does not read as news. */
function useFlashExpiry(c: Controller, ui: UiState, time: TimeSource): void {
  const flash = ui.flash;
  useEffect(() => {
    if (!flash) return;
    const handle = time.setTimeout(() => {
      const now = c.getUi();
      if (now.flash === flash) c.setUi({ ...now, flash: undefined });
    }, FLASH_MS);
    return () => time.clearTimeout(handle);
    // `c` is rebuilt on every render but reads the same refs; the timer follows the flash only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flash, time]);
}

/**
 * Screen state that follows the drill rather than keys: the debrief's first question opens when
 * the drill ends by itself, and the speaker follows the role a new decision asks for.
 */
function useFollowDrill(c: Controller): void {
  // Selects only what this follows, so that clock ticks do not re-render the whole screen.
  const watched = useSelector(c.store, (s) => `${phaseOf(s)}|${s.core.open.size}|${s.core.open.keys().next().value ?? ''}`);
  const lastDecision = useRef<string | undefined>(undefined);
  useEffect(() => {
    const ui = c.getUi();
    let next = settle(c, ui);
    const front = decisionInFront(c.store.getSnapshot(), next.focus);
    const id = front?.decision.id;
    if (id !== lastDecision.current) {
      lastDecision.current = id;
      const role = front?.decision.role;
      const at = role ? c.team.findIndex((m) => m.role === role) : -1;
      if (at >= 0) next = { ...next, speaker: at };
    }
    if (next !== ui) c.setUi(next);
  }, [watched, c]);
}
