/**
 * Everything `drill play` prepares before the screen opens: a new drill (scenario, seed, team,
 * output folder) or a drill resumed from its journal (read, replayed, reopened for appending,
 * paused). Plain functions returning values or one-line problems, so they are tested without a
 * terminal.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadScenarioFile, formatProblem, type Scenario } from '../scenario/index.js';
import { problemLines } from './problem-lines.js';
import { JournalInUse } from '../journal/lock.js';
import { formatClock } from '../conditions/duration.js';
import type { DrillRecord, TeamMember } from '../engine/records.js';
import { replayJournal } from '../engine/replay.js';
import { DrillSession } from '../session/session.js';
import { JournalWriter, JOURNAL_FILE } from '../journal/writer.js';
import { readJournalFile } from '../journal/reader.js';
import { defaultOutDir, prepareOutDir } from '../journal/outdir.js';
import { parseTeam } from '../ui/team.js';
import { newSeed } from './seed.js';
import { findRecordedScenario } from './scenario-arg.js';
import { EXIT } from './io.js';

export type Prepared =
  | {
      ok: true;
      scenario: Scenario;
      /** Present when the drill already has its journal (resumed, or `--team` given). */
      session?: DrillSession;
      startSession: (team: TeamMember[], facilitator?: string) => DrillSession;
      notices: string[];
      /** The drill's folder: its journal, report and links go there. */
      outDir: string;
      /** The folders made for a new drill, deepest first, so that unused ones can be removed on quit. */
      madeDirs?: readonly string[];
    }
  | { ok: false; code: number; lines: string[] };

export interface NewDrillOptions {
  readonly file: string;
  readonly seed?: string;
  readonly team?: string;
  readonly facilitator?: string;
  readonly out?: string;
  /** `--speed`: recorded as soon as the journal exists, so a resume in the briefing keeps it. */
  readonly speed?: number;
  readonly wallNow: () => number;
}

export function prepareNewDrill(o: NewDrillOptions): Prepared {
  const loaded = loadScenarioFile(o.file);
  if (!loaded.ok) return { ok: false, code: EXIT.badInput, lines: problemLines(loaded.problems) };
  const scenario = loaded.scenario;
  let team: TeamMember[] | undefined;
  if (o.team !== undefined) {
    const parsed = parseTeam(o.team, scenario.file.roles);
    if ('error' in parsed) return { ok: false, code: EXIT.usage, lines: [`--team: ${parsed.error}`] };
    team = parsed;
  }
  const startWall = o.wallNow();
  const out = o.out ?? defaultOutDir(scenario.id, startWall);
  const missing = missingFolders(out);
  const problem = prepareOutDir(out);
  if (problem) return { ok: false, code: EXIT.badInput, lines: [problem] };
  const seed = o.seed ?? newSeed();
  const startSession = (members: TeamMember[], facilitator?: string) =>
    withSpeed(
      DrillSession.start(
        { scenario, seed, team: members, facilitator: facilitator ?? o.facilitator, mode: 'play', wall: o.wallNow() },
        join(out, JOURNAL_FILE),
        { durable: true },
      ),
      o.speed,
      o.wallNow,
    );
  return {
    ok: true,
    scenario,
    session: team ? startSession(team) : undefined,
    startSession,
    notices: loaded.warnings.map(formatProblem),
    outDir: out,
    madeDirs: missing,
  };
}

/** Records `speed` (when given and not already the drill's) at once, in whatever phase the drill is. */
function withSpeed(session: DrillSession, speed: number | undefined, wallNow: () => number): DrillSession {
  if (speed !== undefined && speed !== session.actor.getSnapshot().context.core.speed) session.send({ type: 'SET_SPEED', speed, wall: wallNow() });
  return session;
}

/** Where a resumed debrief picks up, said plainly: moving past a question leaves no record. */
function debriefPlace(records: readonly DrillRecord[]): string {
  const last = records.findLast((r) => r.type === 'debrief');
  if (last?.type !== 'debrief') return 'in the debrief';
  return `in the debrief, at the question of its last answer (${last.section}); its answers so far are kept`;
}

/** The folders `out` needs that do not exist yet, deepest first (`drills/x/`, then `drills/`). */
function missingFolders(out: string): string[] {
  const missing: string[] = [];
  for (let dir = resolve(out); !existsSync(dir); dir = dirname(dir)) missing.push(dir);
  return missing;
}

/**
 * Rebuilds a drill from its journal and reopens the journal for appending. The scenario is the
 * one given, or the one the journal names (from here, or from the journal's folder). It comes
 * back paused, so that nobody loses time to a surprise.
 */
export function prepareResume(journal: string, scenarioArg: string | undefined, wallNow: () => number, speed?: number): Prepared {
  const read = readJournalFile(journal);
  if (!read.ok) return { ok: false, code: EXIT.badInput, lines: [read.message] };
  const started = read.records[0]!;
  if (started.type !== 'drill-started') return { ok: false, code: EXIT.badInput, lines: [`${journal}:2:1: the journal does not begin with drill-started`] };
  const file = scenarioArg ?? findRecordedScenario(started.scenario, journal);
  if (!file) {
    return {
      ok: false,
      code: EXIT.badInput,
      lines: [`${journal}: the drill's scenario ${started.scenario.path} is not there any more; give it: drill play <scenario.yaml> --resume ${journal}`],
    };
  }
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) return { ok: false, code: EXIT.badInput, lines: problemLines(loaded.problems) };
  const scenario = loaded.scenario;
  const notices = [...read.warnings];
  if (scenario.source.hash !== started.scenario.hash) {
    notices.push(`${file}: warning: the scenario changed since this drill began (its sha256 differs); the replay below still matched the journal`);
  }
  const replay = replayJournal(scenario, read.records);
  if (!replay.ok) {
    const line = replay.seq === undefined ? '' : `:${replay.seq + 2}:1`;
    return { ok: false, code: EXIT.badInput, lines: [`${journal}${line}: ${replay.message}`] };
  }
  if (replay.actor.getSnapshot().matches('done')) {
    replay.actor.stop();
    return { ok: false, code: EXIT.badInput, lines: [`${journal}: this drill is finished, so there is nothing to continue; drill report ${journal} writes its report`] };
  }
  let session: DrillSession;
  try {
    session = new DrillSession(replay.actor, JournalWriter.append(journal, { durable: true, validBytes: read.validBytes }), read.records.length);
  } catch (error) {
    if (error instanceof JournalInUse) return { ok: false, code: EXIT.badInput, lines: [error.message] };
    return { ok: false, code: EXIT.badInput, lines: [`${journal}: cannot append to the journal (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`] };
  }
  session.send({ type: 'SESSION_RESUMED', wall: wallNow() });
  withSpeed(session, speed, wallNow);
  if (session.actor.getSnapshot().matches({ live: 'running' })) session.send({ type: 'PAUSE', wall: wallNow() });
  const resumed = session.actor.getSnapshot();
  const where = resumed.matches('briefing')
    ? 'in the briefing'
    : resumed.matches('debrief')
      ? debriefPlace(resumed.context.core.records)
      : `at ${formatClock(resumed.context.core.t)}, paused. Press space to go on`;
  notices.push(`Resumed ${journal} ${where}.`);
  return {
    ok: true,
    scenario,
    session,
    startSession: () => session,
    notices,
    outDir: dirname(journal),
  };
}
