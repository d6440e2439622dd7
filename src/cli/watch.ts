/**
 * `drill watch <journal> [--role ROLE]`: a participant's view of a drill from a second terminal
 * (a projector laptop, a tmux pane, a shared file system). It reads the journal from its start,
 * read-only, and shows only what that role (or, without --role, the whole room) may see: the same
 * view the web page gets. On a terminal it follows the journal until the drill is finished or
 * Ctrl-C; otherwise it prints what is there as plain lines and exits, so it can be piped.
 */
import { EXIT, type CommandIO } from './io.js';
import { JournalTail } from '../journal/tail.js';
import { loadScenarioFile, type Scenario } from '../scenario/index.js';
import { problemLines } from './problem-lines.js';
import { findRecordedScenario, resolveScenarioArg } from './scenario-arg.js';
import type { RecordOf } from '../engine/records.js';
import { ParticipantFeed } from '../view/participant.js';
import { plainLines } from '../view/plain.js';
import type { Audience } from '../view/items.js';

type Values = Record<string, string | boolean | undefined>;

export interface WatchOptions {
  /** Follow appends until the drill is finished (a terminal), or stop at the journal's end (a pipe). */
  readonly follow: boolean;
  /** How often a followed journal is looked at; polling works on shared file systems, where change events do not. */
  readonly pollMs: number;
  /** Ends a followed watch (Ctrl-C). */
  readonly stop?: AbortSignal;
}

export async function watchCommand(
  values: Values,
  [journal]: string[],
  io: CommandIO,
  options?: WatchOptions,
): Promise<number> {
  const opts = options ?? processOptions();
  const tail = JournalTail.open(journal!);
  if (!(tail instanceof JournalTail)) {
    io.err(tail.message);
    return EXIT.badInput;
  }
  try {
    return await watch(values, tail, io, opts);
  } finally {
    tail.close();
  }
}

async function watch(values: Values, tail: JournalTail, io: CommandIO, opts: WatchOptions): Promise<number> {
  let feed: ParticipantFeed | undefined;
  for (;;) {
    const read = tail.read();
    if (!read.ok) {
      io.err(read.message);
      return EXIT.badInput;
    }
    if (!feed && read.records.length > 0) {
      const made = makeFeed(values, tail.path, read.records[0] as RecordOf<'drill-started'>, io);
      if (typeof made === 'number') return made;
      feed = made;
    }
    let finished = false;
    for (const record of read.records) {
      for (const item of feed?.push(record)?.items ?? []) for (const line of plainLines(item)) io.out(line);
      finished ||= record.type === 'drill-finished';
    }
    if (finished) return EXIT.ok;
    if (!opts.follow) {
      if (feed) return EXIT.ok;
      io.err(`${tail.path}:2:1: the journal has no drill-started record`);
      return EXIT.badInput;
    }
    if (await stopped(opts)) return 130;
  }
}

/** The feed for --role (or the room) of the journal's scenario; an exit code when that cannot be. */
function makeFeed(
  values: Values,
  journal: string,
  started: RecordOf<'drill-started'>,
  io: CommandIO,
): ParticipantFeed | number {
  const scenario = loadRecordedScenario(values.scenario as string | undefined, journal, started, io);
  if (typeof scenario === 'number') return scenario;
  const role = values.role as string | undefined;
  const roles = scenario.file.roles.map((r) => r.id);
  if (role !== undefined && !roles.includes(role)) {
    io.err(
      `drill watch: --role '${role}' is not a role of scenario ${scenario.id}; write one of: ${roles.join(', ')} (or leave --role out for the room's view)`,
    );
    return EXIT.usage;
  }
  const audience: Audience = role === undefined ? 'room' : { role };
  return new ParticipantFeed(scenario, audience);
}

function loadRecordedScenario(
  given: string | undefined,
  journal: string,
  started: RecordOf<'drill-started'>,
  io: CommandIO,
): Scenario | number {
  const arg = given === undefined ? undefined : resolveScenarioArg(given);
  if (arg?.ok === false) {
    io.err(arg.message);
    return EXIT.badInput;
  }
  const file = arg?.file ?? findRecordedScenario(started.scenario, journal);
  if (file === undefined) {
    io.err(
      `${journal}: the drill's scenario '${started.scenario.path}' is not here, next to the journal or by its id '${started.scenario.id}'; pass --scenario FILE`,
    );
    return EXIT.badInput;
  }
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) {
    for (const line of problemLines(loaded.problems)) io.err(line);
    return EXIT.badInput;
  }
  if (loaded.scenario.source.hash !== started.scenario.hash) {
    io.err(
      `${file}: warning: this file differs from the scenario the drill is played with (its sha256); what is shown may not match the drill`,
    );
  }
  return loaded.scenario;
}

/** Waits one poll; true if the watch was stopped meanwhile. */
function stopped(opts: WatchOptions): Promise<boolean> {
  if (opts.stop?.aborted) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onStop = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      opts.stop?.removeEventListener('abort', onStop);
      resolve(false);
    }, opts.pollMs);
    opts.stop?.addEventListener('abort', onStop, { once: true });
  });
}

/** A terminal follows; Ctrl-C (SIGINT) ends the watch with 130, as for any command. */
function processOptions(): WatchOptions {
  const follow = process.stdout.isTTY === true;
  const controller = new AbortController();
  if (follow) process.once('SIGINT', () => controller.abort());
  // `drill watch j | head` closes the pipe early: that ends the watch, it is not a crash.
  process.stdout.on('error', () => controller.abort());
  return { follow, pollMs: 250, stop: controller.signal };
}
