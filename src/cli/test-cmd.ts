/**
 * `drill test`: every answers file found, played headlessly against its scenario (the engine of
 * `drill run`, in memory) and judged by its `expect:`. One line per file, a count at the end;
 * exit 0 when all pass, 1 when any fails, 2 for a wrong command line.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { EXIT, type CommandIO } from './io.js';
import { problemLines } from './problem-lines.js';
import { DEFAULT_TEST_PATHS, planTests, type TestCase } from './test-files.js';
import { junitXml, type TestResult } from './junit.js';
import { loadScenarioFile, type LoadResult } from '../scenario/index.js';
import { checkAnswersAgainst, loadAnswersFile } from '../session/answers/answers.js';
import { DrillSession } from '../session/session.js';
import { playAndJudge } from '../session/answers-run.js';

/** Wall-clock start of every test drill: it shows only in journals, so any fixed time will do. */
const TEST_START = Date.parse('2026-01-15T14:00:00Z');
const DEFAULT_SEED = '1';

export async function testCommand(values: Record<string, string | boolean | undefined>, positionals: string[], io: CommandIO): Promise<number> {
  const reporter = (values.reporter as string | undefined) ?? 'text';
  if (reporter !== 'text' && reporter !== 'junit') {
    io.err(`--reporter: '${reporter}' is not a reporter; write --reporter text (the default) or --reporter junit --output FILE`);
    return EXIT.usage;
  }
  const output = values.output as string | undefined;
  if (reporter === 'junit' && output === undefined) {
    io.err('--reporter junit needs --output FILE, the XML file to write (the terminal still gets one line per answers file)');
    return EXIT.usage;
  }
  const paths = positionals.length > 0 ? positionals : DEFAULT_TEST_PATHS.filter((p) => existsSync(p));
  if (paths.length === 0) {
    io.err('drill test: no paths given, and no scenarios/ or test/answers/ here; write drill test <scenario|answers file|folder…>');
    return EXIT.usage;
  }
  const missing = paths.find((p) => !existsSync(p));
  if (missing !== undefined) {
    io.err(`drill test: ${missing}: no such file or folder`);
    return EXIT.usage;
  }

  const loaded = new Map<string, LoadResult>();
  const load = (file: string): LoadResult => {
    let result = loaded.get(file);
    if (!result) loaded.set(file, (result = loadScenarioFile(file)));
    return result;
  };
  const plan = planTests(paths, (file) => {
    const result = load(file);
    return result.ok ? result.scenario.id : undefined;
  });

  const results: TestResult[] = [];
  for (const testCase of plan.cases) {
    const result = runCase(testCase, load, values.seed as string | undefined);
    results.push(result);
    if (result.status === 'pass') io.out(`PASS ${result.name}: ${result.summary}`);
    else for (const line of result.details) io.out(`FAIL ${line}${result.summary ? ` (${result.summary})` : ''}`);
  }
  for (const file of plan.untested) {
    const result = load(file);
    if (!result.ok) {
      const details = problemLines(result.problems);
      results.push({ name: file, suite: file, status: 'fail', details, summary: '', seconds: 0 });
      for (const line of details) io.out(`FAIL ${line}`);
      continue;
    }
    const why = `no answers files play it (name them ${result.scenario.id}.<branch>.yaml, in answers/ next to it)`;
    results.push({ name: file, suite: result.scenario.id, status: 'skip', details: [why], summary: '', seconds: 0 });
    io.out(`SKIP ${file}: ${why}`);
  }

  const count = (status: TestResult['status']) => results.filter((r) => r.status === status).length;
  const failed = count('fail');
  io.out(`${count('pass')} passed, ${failed} failed, ${count('skip')} skipped`);
  if (output !== undefined) {
    try {
      writeFileSync(output, junitXml(results));
    } catch (error) {
      io.err(`${output}: cannot write the JUnit report (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return EXIT.badInput;
    }
  }
  // A run that played nothing must not look like a pass in CI.
  if (plan.cases.length === 0) io.err('drill test: no answers files found; name them <scenario-id>.<branch>.yaml, in answers/ next to the scenario');
  return failed > 0 || plan.cases.length === 0 ? EXIT.badInput : EXIT.ok;
}

/** Loads, plays and judges one answers file; every problem becomes a failure line. */
function runCase(testCase: TestCase, load: (file: string) => LoadResult, seedFlag: string | undefined): TestResult {
  const began = performance.now();
  const seconds = () => (performance.now() - began) / 1000;
  const name = testCase.answers;
  const fail = (suite: string, details: string[], summary = ''): TestResult => ({ name, suite, status: 'fail', details, summary, seconds: seconds() });
  if ('problem' in testCase) return fail('', [`${name}: ${testCase.problem}`]);
  const loaded = load(testCase.scenario);
  if (!loaded.ok) return fail(testCase.scenario, problemLines(loaded.problems));
  const scenario = loaded.scenario;
  const read = loadAnswersFile(name);
  if (!read.ok) return fail(scenario.id, problemLines(read.problems));
  const problems = checkAnswersAgainst(read.answers, scenario, name).filter((p) => p.severity === 'error');
  if (problems.length > 0) return fail(scenario.id, problemLines(problems));
  const answers = read.answers;
  if (!answers.expect?.length) return fail(scenario.id, [`${name}: has no \`expect:\`, so there is nothing to check; add the conditions that must hold when the drill ends`]);
  const seed = seedFlag ?? (answers.seed === undefined ? DEFAULT_SEED : String(answers.seed));
  const session = DrillSession.inMemory({ scenario, seed, team: answers.team ?? [], facilitator: answers.facilitator, mode: 'run', wall: TEST_START });
  const judged = playAndJudge(session, scenario, answers, name, TEST_START);
  session.close();
  const summary = `${scenario.id} ${judged.how}`;
  if (judged.errors.length > 0) return fail(scenario.id, judged.errors, summary);
  if (judged.failed.length > 0) {
    const limit = judged.limitReason ? `; ${judged.limitReason}` : '';
    return fail(scenario.id, judged.failed.map((f) => `${problemLines([f.problem])[0]}${limit}`), summary);
  }
  const plural = judged.expectations === 1 ? '' : 's';
  return { name, suite: scenario.id, status: 'pass', details: [], summary: `${summary}, ${judged.expectations} expectation${plural} ${plural ? 'hold' : 'holds'}`, seconds: seconds() };
}
