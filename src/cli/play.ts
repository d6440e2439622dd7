/**
 * `drill play`: the facilitator's screen. Flags in, the drill prepared (new or resumed), the
 * screen rendered until it closes, then a line saying where things are. The journal is written
 * as the drill goes; whatever ends the screen (the report, q, Ctrl-C, SIGTERM, SIGHUP), the
 * journal is closed valid and the terminal is left as it was found.
 */
import { drillCommand } from './invocation.js';
import { rmdirSync, readdirSync } from 'node:fs';
import { createElement } from 'react';
import { render } from 'ink';
import { EXIT, type CommandIO } from './io.js';
import { prepareNewDrill, prepareResume } from './play-setup.js';
import { idOf, resolveScenarioArg } from './scenario-arg.js';
import { offerResume } from './resume-offer.js';
import { PlayApp, type PlayResult } from '../ui/App.js';
import { realTime, type TimeSource } from '../ui/clock.js';
import { themeFromEnv } from '../ui/theme.js';
import { formatClock } from '../conditions/duration.js';
import type { DrillSession } from '../session/session.js';
import { MAX_SPEED, MIN_SPEED } from '../engine/speed.js';
import type { ReportWriter } from '../ui/effects.js';
import { openServePort, startServing, type Serving } from './play-serve.js';

/** The process's terminal, injected so that tests can give a fake one (or none). */
export interface Terminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  readonly time: TimeSource;
}

const processTerminal = (): Terminal => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, time: realTime });

// The alternate screen keeps the shell's scrollback intact and is left on every exit path.
// Bracketed paste marks pasted text, so that line breaks in it are not taken for Enter.
const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?2004h';
const LEAVE_ALT_SCREEN = '\u001B[?2004l\u001B[?1049l';
const CLEAR_SCREEN = '\u001B[2J\u001B[H';
const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export async function playCommand(
  values: Record<string, string | boolean | undefined>,
  [file]: string[],
  io: CommandIO,
  terminal: Terminal = processTerminal(),
): Promise<number> {
  const flag = (name: string) => values[name] as string | undefined;
  const resume = flag('resume');
  const speed = flag('speed') === undefined ? undefined : Number(flag('speed'));
  if (speed !== undefined && !(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
    io.err(`drill play: --speed '${flag('speed')}' is not a speed; write a number from ${MIN_SPEED} to ${MAX_SPEED}, e.g. --speed 4`);
    return EXIT.usage;
  }
  if (resume !== undefined) {
    const clash = ['seed', 'team', 'out'].find((f) => flag(f) !== undefined);
    if (clash) {
      io.err(`drill play: --${clash} cannot change a drill being resumed (the journal has it); leave it out`);
      return EXIT.usage;
    }
  } else if (file === undefined) {
    io.err('drill play: missing the scenario file; write drill play <scenario.yaml> (or an id from drill list, e.g. drill play k8s-shrink), or drill play --resume <journal> to continue a drill');
    return EXIT.usage;
  }
  const scenarioArg = file === undefined ? undefined : resolveScenarioArg(file);
  if (scenarioArg?.ok === false) {
    io.err(scenarioArg.message);
    return EXIT.badInput;
  }
  const scenarioFile = scenarioArg?.file;
  const { stdin, stdout } = terminal;
  // Checked before anything is created: Ink would otherwise fail on raw mode with a stack trace.
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function' || !stdout.isTTY) {
    io.err(
      `drill play: needs an interactive terminal (${!stdin.isTTY ? 'input' : 'output'} is not a terminal). ` +
        `To play a scenario without a screen, in CI or a script, use: drill run ${file ?? '<scenario.yaml>'} --answers <answers.yaml>`,
    );
    return EXIT.usage;
  }

  const serve = await openServePort(values);
  if ('problem' in serve) {
    io.err(serve.problem);
    return EXIT.usage;
  }
  // A new drill in the default folder: an unfinished one of the same scenario there is offered first.
  const offered = resume === undefined && flag('out') === undefined && scenarioFile ? await offerResume(idOf(scenarioFile), stdin, stdout) : undefined;
  const resuming = resume ?? offered;
  const prepared = resuming
    ? prepareResume(resuming, scenarioFile, terminal.time.wallNow, speed)
    : prepareNewDrill({ file: scenarioFile!, seed: flag('seed'), team: flag('team'), facilitator: flag('facilitator'), out: flag('out'), speed, wallNow: terminal.time.wallNow });
  if (!prepared.ok) {
    serve.port?.server.close();
    for (const line of prepared.lines) io.err(line);
    return prepared.code;
  }

  let session = prepared.session;
  const serving: Serving | undefined = serve.port && startServing(serve.port, prepared.scenario, prepared.outDir, terminal.time.wallNow);
  for (const line of serving?.lines ?? []) io.out(line);
  if (session) serving?.attach(session);
  let signalled: keyof typeof SIGNAL_CODES | undefined;
  const ignoreWriteErrors = () => {}; // after SIGHUP the terminal is gone; writing to it must not crash the exit
  stdout.on('error', ignoreWriteErrors);
  stdout.write(ENTER_ALT_SCREEN);
  const reports = lazyReportWriter();
  const instance = render(
    createElement(PlayApp, {
      scenario: prepared.scenario,
      theme: themeFromEnv(terminal.env),
      time: terminal.time,
      session,
      startSession: (team, facilitator) => {
        // The facilitator's name typed in the roster (when --facilitator did not give it).
        session = prepared.startSession(team, facilitator);
        serving?.attach(session);
        return session;
      },
      writeReports: reports.write,
      facilitator: flag('facilitator'),
      notices: [...prepared.notices, ...(serving?.lines ?? [])],
      onResize: () => stdout.write(CLEAR_SCREEN),
    }),
    { stdin, stdout, stderr: terminal.stderr, exitOnCtrlC: false, patchConsole: true },
  );
  reports.load();
  const onSignal = (signal: keyof typeof SIGNAL_CODES) => {
    signalled = signal;
    // The journal first: on SIGHUP the terminal may already be gone.
    pauseIfRunning(session, terminal.time);
    closeQuietly(session);
    instance.unmount();
  };
  const handlers = (Object.keys(SIGNAL_CODES) as (keyof typeof SIGNAL_CODES)[]).map((signal) => {
    const handler = () => onSignal(signal);
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });

  let result: PlayResult | undefined;
  try {
    result = (await instance.waitUntilExit()) as PlayResult | undefined;
  } finally {
    for (const off of handlers) off();
    stdout.write(LEAVE_ALT_SCREEN);
    pauseIfRunning(session, terminal.time);
    closeQuietly(session);
    stdout.off('error', ignoreWriteErrors);
    // The pages' server stops with the drill.
    await serving?.close();
  }

  if (!session) {
    serving?.removeLinks();
    removeUnusedFolders(prepared.madeDirs ?? []);
    io.out(`${prepared.scenario.id}: the drill did not start; nothing was recorded.`);
    return signalled ? SIGNAL_CODES[signalled] : EXIT.ok;
  }
  const snapshot = session.actor.getSnapshot();
  const core = snapshot.context.core;
  const journal = session.journalPath;
  if (result?.reason === 'finished' || snapshot.matches('done')) {
    io.out(`${prepared.scenario.id}: drill finished at ${formatClock(core.ended?.t ?? core.t)}; journal and report in ${journal.replace(/[/\\][^/\\]*$/, '')}`);
    return EXIT.ok;
  }
  io.out(`${prepared.scenario.id}: drill stopped at ${formatClock(core.t)}; everything recorded is in ${journal}`);
  io.out(`Continue it with: ${drillCommand(process.argv[1], process.cwd())} play --resume ${journal}`);
  if (signalled) return SIGNAL_CODES[signalled];
  return result?.reason === 'interrupted' ? SIGNAL_CODES.SIGINT : EXIT.ok;
}

/**
 * The report code, loaded once the first frame is drawn rather than before it, so that the screen
 * comes up sooner: a drill cannot reach its report in the moment that takes. Should it ever, the
 * screen says the report could not be written and that `drill report` writes it from the journal.
 */
export function lazyReportWriter(): { write: ReportWriter; load: () => void } {
  let writer: ReportWriter | undefined;
  let failure: unknown;
  return {
    write: (...args) => {
      if (writer) return writer(...args);
      throw failure instanceof Error ? failure : new Error('the report code is not loaded yet');
    },
    load: () => {
      import('../report/write.js').then(
        (m) => void (writer = m.writeReports),
        (error: unknown) => void (failure = error),
      );
    },
  };
}

/**
 * A drill left while its clock runs is recorded as paused there: ticks are not journaled, so
 * without this record a resume would pick up at the last recorded moment, not where it stopped.
 */
function pauseIfRunning(session: DrillSession | undefined, time: TimeSource): void {
  try {
    if (session?.actor.getSnapshot().matches({ live: 'running' })) session.send({ type: 'PAUSE', wall: time.wallNow() });
  } catch {
    // Already closed: a kill during shutdown; the journal holds everything up to it.
  }
}

function closeQuietly(session: DrillSession | undefined): void {
  try {
    session?.close();
  } catch {
    // Already closed, or the disk is gone: every complete line is on disk and resume reads them.
  }
}

/**
 * A drill that never started leaves no trace: the folders made for it (deepest first) go, each
 * only if it is empty, so a `drills/` that holds other drills stays.
 */
export function removeUnusedFolders(dirs: readonly string[]): void {
  for (const dir of dirs) {
    try {
      if (readdirSync(dir).length > 0) return;
      rmdirSync(dir);
    } catch {
      return; // leaving an empty folder behind is harmless
    }
  }
}
