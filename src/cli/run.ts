/** `drill run`: a headless drill from an answers file, for testing scenarios in CI. */
import { join } from 'node:path';
import { EXIT, type CommandIO } from './io.js';
import { loadScenarioFile } from '../scenario/index.js';
import { problemLines } from './problem-lines.js';
import { checkAnswersAgainst, loadAnswersFile, type Answers } from '../session/answers/answers.js';
import { formatClock } from '../conditions/duration.js';
import { DrillSession } from '../session/session.js';
import { JOURNAL_FILE } from '../journal/writer.js';
import { defaultOutDir, prepareOutDir } from '../journal/outdir.js';
import { playAndJudge } from '../session/answers-run.js';
import { writeReports } from '../report/write.js';
import { newSeed } from './seed.js';
import { resolveScenarioArg } from './scenario-arg.js';

export async function runCommand(values: Record<string, string | boolean | undefined>, [arg]: string[], io: CommandIO): Promise<number> {
  const scenarioArg = resolveScenarioArg(arg!);
  if (!scenarioArg.ok) {
    io.err(scenarioArg.message);
    return EXIT.badInput;
  }
  const file = scenarioArg.file;
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) {
    for (const line of problemLines(loaded.problems)) io.err(line);
    return EXIT.badInput;
  }
  const scenario = loaded.scenario;
  for (const line of problemLines(loaded.warnings)) io.err(line);
  let answers: Answers = {};
  const answersFile = values.answers as string | undefined;
  if (answersFile) {
    const read = loadAnswersFile(answersFile);
    if (!read.ok) {
      for (const line of problemLines(read.problems)) io.err(line);
      return EXIT.badInput;
    }
    const problems = [...read.warnings, ...checkAnswersAgainst(read.answers, scenario, answersFile)];
    for (const line of problemLines(problems)) io.err(line);
    if (problems.some((p) => p.severity === 'error')) return EXIT.badInput;
    answers = read.answers;
  }
  const startWall = values.start === undefined ? Date.now() : Date.parse(values.start as string);
  if (Number.isNaN(startWall)) {
    io.err(`--start: '${String(values.start)}' is not an ISO 8601 time; write e.g. 2026-01-15T14:00:00Z`);
    return EXIT.usage;
  }
  const seed = (values.seed as string | undefined) ?? (answers.seed === undefined ? newSeed() : String(answers.seed));
  const out = (values.out as string | undefined) ?? defaultOutDir(scenario.id, startWall);
  const dirProblem = prepareOutDir(out, 'run');
  if (dirProblem) {
    io.err(dirProblem);
    return EXIT.badInput;
  }
  const session = DrillSession.start(
    { scenario, seed, team: answers.team ?? [], facilitator: answers.facilitator, mode: 'run', wall: startWall },
    join(out, JOURNAL_FILE),
    { durable: false },
  );
  const outcome = playAndJudge(session, scenario, answers, answersFile ?? file, startWall);
  session.close(); // never throws: a failed last write shows up as `writeError`
  const writeError = session.writeError;
  if (writeError) {
    // One line: the journal is what matters, and every complete line in it is still good.
    const code = (writeError as NodeJS.ErrnoException).code ?? writeError.message;
    const at = formatClock(session.actor.getSnapshot().context.core.t);
    io.err(
      `${join(out, JOURNAL_FILE)}: cannot write the journal (${code}); the drill stopped at ${at}, and every complete line before the error is kept — free some space or choose another --out, and run again`,
    );
    return EXIT.badInput;
  }
  for (const w of outcome.warnings) io.err(`${answersFile ?? file}: warning: ${w}`);
  for (const e of outcome.errors) io.err(e);
  const how = outcome.how;
  if (outcome.errors.length > 0) {
    io.err(`${scenario.id}: drill ${how}; journal so far in ${join(out, JOURNAL_FILE)}`);
    return EXIT.badInput;
  }
  let written: string[];
  try {
    written = writeReports(out, scenario, session.records);
  } catch (error) {
    // The journal is safe; the report can be rebuilt from it later.
    io.err((error as Error).message);
    return EXIT.badInput;
  }
  io.out(`${scenario.id}: drill ${how} (seed ${seed}); wrote ${[join(out, JOURNAL_FILE), ...written].join(', ')}`);
  if (outcome.limitReason) io.out(`${scenario.id}: the drill reached its time limit without ending: ${outcome.limitReason}`);
  // The drill and its reports are complete either way; an expectation that failed fails the command.
  for (const line of problemLines(outcome.failed.map((f) => f.problem))) io.err(line);
  return outcome.failed.length > 0 ? EXIT.badInput : EXIT.ok;
}
