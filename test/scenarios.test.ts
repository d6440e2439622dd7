/**
 * The scenario library, tested like code: every file in scenarios/ validates without a single
 * warning, and every answers file in test/answers/ plays its branch headlessly through the real
 * CLI (`drill run`) to the ending observed and checked when the branch was written: how and
 * when the drill ends, what was chosen (or timed out), when each milestone was reached, how long
 * users saw an outage or degradation, and how the seeded chance draws went. A change to a
 * scenario or to the engine that moves a branch fails here.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import type { CommandIO } from '../src/cli/io.js';
import { loadScenarioFile } from '../src/scenario/compile.js';
import { parseJournal } from '../src/journal/reader.js';
import type { DrillRecord } from '../src/engine/records.js';
import { impactHistory } from '../src/report/impact.js';

const SCENARIOS = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();
const SCENARIO_IDS = SCENARIOS.map((f) => f.replace(/\.yaml$/, ''));
/** Answers files named `<scenario-id>.<branch>.yaml` for a scenario in the library. */
const ANSWERS = readdirSync('test/answers')
  .filter((f) => SCENARIO_IDS.some((id) => f.startsWith(`${id}.`)) && f.endsWith('.yaml'))
  .sort();
const START = '2026-01-15T14:00:00Z';

/** How a branch ends, in the terms a scenario author checks. Times are scenario time, mm:ss. */
interface Outcome {
  /** `condition at 29:00` or `limit at 60:00`. */
  ended: string;
  /** Decision → the option taken; `(timeout)` marks a default taken on timeout. */
  choices: Record<string, string>;
  /** Milestone → when it was first reached. */
  milestones: Record<string, string>;
  /** Minutes of `impact.down` and of `impact.degraded` (not down). */
  downMin: number;
  degradedMin: number;
  /** Each chance inject that came due → whether its draw let it happen. */
  draws: Record<string, 'fired' | 'skipped'>;
}

/**
 * Every answers file of the library and where its branch ends (seed 1, start START). Each was
 * read against the journal when the branch was written; the comment at the top of each answers
 * file says what the branch is.
 */
const EXPECTED: Record<string, Outcome> = {
  'k8s-shrink.freeze-first.yaml': {
    ended: 'condition at 29:00',
    choices: {'first-response': 'find-the-change', 'batch-size': 'five', 'status-wording': 'investigating', 'declare-mitigated': 'wait-for-numbers'},
    milestones: {detected: '02:00', acknowledged: '02:25', mitigated: '21:00', resolved: '29:00'},
    downMin: 11.5,
    degradedMin: 8.4,
    draws: {},
  },
  'k8s-shrink.restart-pods.yaml': {
    ended: 'condition at 52:00',
    choices: {'first-response': 'restart-api', 'status-wording': 'say-nothing (timeout)', 'stop-the-herd': 'restart-registry', 'batch-size': 'twenty (timeout)', 'declare-mitigated': 'declare-now'},
    milestones: {detected: '02:00', acknowledged: '02:25', mitigated: '39:00', resolved: '52:00'},
    downMin: 33,
    degradedMin: 9.9,
    draws: {'registry-replica-crash': 'fired', 'customer-escalation': 'fired'},
  },
  'k8s-shrink.rollback.yaml': {
    ended: 'condition at 48:00',
    choices: {'first-response': 'rollback', 'status-wording': 'investigating', 'stop-the-herd': 'scale-registry', 'batch-size': 'five', 'declare-mitigated': 'wait-for-numbers (timeout)'},
    milestones: {detected: '02:00', acknowledged: '02:25', mitigated: '40:00', resolved: '48:00'},
    downMin: 30.5,
    degradedMin: 8.4,
    draws: {'registry-replica-crash': 'fired'},
  },
  'latency-slo.declare-and-fix.yaml': {
    ended: 'condition at 14:30',
    choices: {'is-it-an-incident': 'declare', 'status-for-slowness': 'post-degraded', 'first-fix': 'flag-off-enrichment'},
    milestones: {detected: '01:00', acknowledged: '03:00', mitigated: '05:30', resolved: '14:30'},
    downMin: 0,
    degradedMin: 14.5,
    draws: {'customer-tweet': 'fired'},
  },
  'latency-slo.loosen-then-flush.yaml': {
    ended: 'condition at 40:00',
    choices: {'is-it-an-incident': 'loosen-objective', 'escalation-response': 'declare-now', 'status-for-slowness': 'outages-only', 'first-fix': 'flush-cache'},
    milestones: {detected: '01:00', acknowledged: '11:00', mitigated: '40:00', resolved: '40:00'},
    downMin: 3,
    degradedMin: 37,
    draws: {'customer-tweet': 'fired'},
  },
  'latency-slo.ticket-then-escalation.yaml': {
    ended: 'condition at 27:30',
    choices: {'is-it-an-incident': 'backlog-ticket', 'escalation-response': 'declare-now', 'status-for-slowness': 'outages-only (timeout)', 'first-fix': 'raise-pool (timeout)'},
    milestones: {detected: '01:00', acknowledged: '12:00', mitigated: '19:30', resolved: '27:30'},
    downMin: 2,
    degradedMin: 25.5,
    draws: {'customer-tweet': 'fired', 'too-many-connections': 'fired'},
  },
  'leaked-credential.deactivate-now.yaml': {
    ended: 'condition at 12:00',
    choices: {containment: 'deactivate-now', disclosure: 'wait-for-forensics (timeout)', 'public-statement': 'deny-access'},
    milestones: {detected: '00:30', acknowledged: '02:00', mitigated: '02:00', resolved: '12:00'},
    downMin: 0,
    degradedMin: 10,
    draws: {},
  },
  'leaked-credential.deny-then-rotate.yaml': {
    ended: 'condition at 17:00',
    choices: {containment: 'deny-unknown-ips', disclosure: 'notify-customers-now', 'public-statement': 'confirm-investigating'},
    milestones: {detected: '00:30', acknowledged: '01:30', mitigated: '02:30', resolved: '17:00'},
    downMin: 0,
    degradedMin: 0,
    draws: {'journalist-email': 'fired'},
  },
  'leaked-credential.watch-the-attacker.yaml': {
    ended: 'condition at 24:00',
    choices: {containment: 'watch-attacker', disclosure: 'regulator-first', 'public-statement': 'no-comment (timeout)'},
    milestones: {detected: '00:30', acknowledged: '02:30', mitigated: '15:30', resolved: '24:00'},
    downMin: 8.5,
    degradedMin: 8.5,
    draws: {'journalist-email': 'fired'},
  },
  'slow-third-party.fail-fast.yaml': {
    ended: 'condition at 15:23',
    choices: {'stop-the-bleeding': 'block-egress', 'status-page': 'investigating', 'first-response': 'wait-and-watch (timeout)', 'timeout-value': 'thirty-seconds (timeout)'},
    milestones: {detected: '02:02', acknowledged: '02:25', mitigated: '05:22', resolved: '15:23'},
    downMin: 1.9,
    degradedMin: 12.1,
    draws: {'shipquote-tweet': 'fired'},
  },
  'slow-third-party.red-herring.yaml': {
    ended: 'condition at 39:58',
    choices: {'first-response': 'restart-gunicorn', 'status-page': 'blame-vendor', 'stop-the-bleeding': 'wait-for-shipquote'},
    milestones: {detected: '02:02', acknowledged: '02:45', mitigated: '39:36', resolved: '39:58'},
    downMin: 32.9,
    degradedMin: 5.9,
    draws: {'shipquote-tweet': 'fired'},
  },
  'slow-third-party.timeout-fix.yaml': {
    ended: 'condition at 11:09',
    choices: {'first-response': 'look-inside-a-worker', 'stop-the-bleeding': 'add-timeout', 'status-page': 'investigating', 'timeout-value': 'two-seconds'},
    milestones: {detected: '02:02', acknowledged: '02:25', mitigated: '10:46', resolved: '11:09'},
    downMin: 7.3,
    degradedMin: 2.6,
    draws: {},
  },
  'thundering-herd.ddos-then-shed.yaml': {
    ended: 'condition at 28:12',
    choices: {'first-move': 'attack-mode', 'status-wording': 'ddos-claim', 'retry-after': 'fixed-300 (timeout)', 'make-sync-cheaper': 'not-now', 'hunt-or-fix': 'keep-hunting (timeout)'},
    milestones: {detected: '01:50', acknowledged: '02:45', mitigated: '20:56', resolved: '28:12'},
    downMin: 7.5,
    degradedMin: 12.7,
    draws: {'fcm-status': 'fired'},
  },
  'thundering-herd.hunt-first.yaml': {
    ended: 'condition at 20:50',
    choices: {'first-move': 'hunt-trigger', 'status-wording': 'syncing-delayed', 'make-sync-cheaper': 'flip-delta-only', 'hunt-or-fix': 'park-the-hunt'},
    milestones: {detected: '01:50', acknowledged: '02:15', mitigated: '19:25', resolved: '20:50'},
    downMin: 9.6,
    degradedMin: 9.8,
    draws: {'fcm-status': 'fired'},
  },
  'thundering-herd.shed-and-lighten.yaml': {
    ended: 'condition at 12:48',
    choices: {'first-move': 'shed-load', 'retry-after': 'jittered', 'make-sync-cheaper': 'flip-delta-only', 'status-wording': 'syncing-delayed'},
    milestones: {detected: '01:50', acknowledged: '02:15', mitigated: '06:21', resolved: '12:48'},
    downMin: 2.1,
    degradedMin: 3.6,
    draws: {'fcm-status': 'fired'},
  },
  'zone-loss.abort.yaml': {
    ended: 'condition at 16:58',
    choices: {'stop-condition': 'abort', 'tell-oncall': 'ask-omar-to-stand-down', 'status-note': 'say-nothing (timeout)', 'fix-db-errors': 'flush-pool'},
    milestones: {detected: '02:09', acknowledged: '02:39', mitigated: '16:55', resolved: '16:58'},
    downMin: 13.3,
    degradedMin: 2.7,
    draws: {'restaurant-calls': 'fired'},
  },
  'zone-loss.fix-forward.yaml': {
    ended: 'condition at 31:00',
    choices: {'stop-condition': 'keep-going', 'tell-oncall': 'bring-omar-in', 'fix-db-errors': 'rolling-restart', 'status-note': 'honest-note'},
    milestones: {detected: '02:09', acknowledged: '02:50', mitigated: '06:04', resolved: '31:00'},
    downMin: 2.4,
    degradedMin: 7.1,
    draws: {'restaurant-calls': 'fired'},
  },
  'zone-loss.nobody-decides.yaml': {
    ended: 'limit at 45:00',
    choices: {'stop-condition': 'keep-going (timeout)', 'tell-oncall': 'no-answer (timeout)', 'status-note': 'say-nothing (timeout)'},
    milestones: {detected: '02:09'},
    downMin: 42.4,
    degradedMin: 1.6,
    draws: {'restaurant-calls': 'fired'},
  },
};

function capture(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

const clock = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

interface Run {
  code: number;
  stderr: string[];
  journal: string;
  records: DrillRecord[];
}

/** `drill run` into a fresh folder; returns its exit code, complaints and journal. */
async function run(scenario: string, answers: string | undefined, seed = '1'): Promise<Run> {
  const out = join(mkdtempSync(join(tmpdir(), 'drill-scenarios-')), 'out');
  const io = capture();
  const args = ['run', scenario, ...(answers ? ['--answers', answers] : []), '--seed', seed, '--start', START, '--out', out];
  const code = await main(args, io);
  const journal = readFileSync(join(out, 'journal.jsonl'), 'utf8');
  const read = parseJournal(journal, 'journal.jsonl');
  if (!read.ok) throw new Error(read.message);
  return { code, stderr: io.stderr, journal, records: read.records };
}

function outcomeOf(records: readonly DrillRecord[], chanceIds: ReadonlySet<string>): Outcome {
  const ended = records.find((r) => r.type === 'drill-ended');
  if (!ended || ended.type !== 'drill-ended') throw new Error('the drill did not end');
  const choices: Record<string, string> = {};
  const milestones: Record<string, string> = {};
  const draws: Record<string, 'fired' | 'skipped'> = {};
  for (const r of records) {
    if (r.type === 'decision-made') choices[r.id] = r.option ?? `text: ${r.text ?? ''}`;
    if (r.type === 'decision-timed-out') choices[r.id] = `${r.option ?? ''} (timeout)`;
    if (r.type === 'milestone') milestones[r.name] = clock(r.t);
    if (r.type === 'inject-fired' && chanceIds.has(r.id)) draws[r.id] = 'fired';
    if (r.type === 'inject-skipped') draws[r.id] = 'skipped';
  }
  const impact = impactHistory(records, ended.t);
  const minutes = (ms: number) => Math.round(ms / 6000) / 10;
  return {
    ended: `${ended.reason} at ${clock(ended.t)}`,
    choices,
    milestones,
    downMin: minutes(impact.downMs),
    degradedMin: minutes(impact.degradedMs),
    draws,
  };
}

function chanceInjects(scenarioFile: string): Set<string> {
  const loaded = loadScenarioFile(scenarioFile);
  if (!loaded.ok) throw new Error(`${scenarioFile} does not load`);
  return new Set(loaded.scenario.injects.filter((i) => i.trigger.chance !== undefined).map((i) => i.id));
}

const scenarioOf = (answersFile: string): string => `scenarios/${SCENARIO_IDS.find((id) => answersFile.startsWith(`${id}.`))!}.yaml`;

describe('the scenario library', () => {
  it('has the six scenarios of the first quarter of game days', () => {
    expect(SCENARIO_IDS).toEqual(expect.arrayContaining(['k8s-shrink', 'slow-third-party', 'thundering-herd', 'leaked-credential', 'zone-loss', 'latency-slo']));
  });

  it.each(SCENARIOS)('%s validates with no errors and no warnings', async (file) => {
    const io = capture();
    const code = await main(['validate', join('scenarios', file)], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout).toHaveLength(1);
    expect(io.stdout[0]).toMatch(/: ok \(/);
    expect(io.stdout[0]).not.toMatch(/warning/);
  });

  it.each(SCENARIOS)('%s points editors at the checked-in JSON Schema on its first line', (file) => {
    const first = readFileSync(join('scenarios', file), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../docs/scenario.schema.json');
  });

  it.each(SCENARIOS)('%s has what a drill worth running needs', (file) => {
    const loaded = loadScenarioFile(join('scenarios', file));
    if (!loaded.ok) throw new Error(`${file} does not load`);
    const s = loaded.scenario;
    expect(s.file.briefing.trim().length).toBeGreaterThan(200);
    expect(s.file.roles.length).toBeGreaterThanOrEqual(3);
    expect(s.decisions.filter((d) => d.options.length >= 2).length).toBeGreaterThanOrEqual(2);
    expect(s.decisions.every((d) => d.timeoutMs !== undefined && d.default !== undefined)).toBe(true);
    expect(s.injects.some((i) => i.trigger.chance !== undefined)).toBe(true);
    expect(new Set(s.injects.map((i) => i.channel)).size).toBeGreaterThanOrEqual(4);
    expect(s.impact.down && s.impact.degraded).toBeTruthy();
    expect(Object.keys(s.milestones).length).toBeGreaterThan(0);
    expect(s.factors.filter((f) => f.kind !== 'red-herring').length).toBeGreaterThanOrEqual(5);
    expect(s.factors.some((f) => f.kind === 'red-herring')).toBe(true);
    expect(s.factors.every((f) => f.explanation.trim().length > 40)).toBe(true);
    expect(s.file.debrief.questions.length).toBeGreaterThanOrEqual(4);
  });

  it('is listed by `drill list` with duration and difficulty', async () => {
    const io = capture();
    expect(await main(['list'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout[0]).toMatch(/^ID\s+TITLE\s+DURATION\s+DIFFICULTY\s+FILE$/);
    for (const id of SCENARIO_IDS) {
      const loaded = loadScenarioFile(`scenarios/${id}.yaml`);
      if (!loaded.ok) throw new Error(`${id} does not load`);
      const row = io.stdout.find((line) => line.startsWith(`${id} `));
      expect(row, id).toBeDefined();
      expect(row).toContain(loaded.scenario.file.title);
      expect(row).toContain(` ${loaded.scenario.file.difficulty} `);
      expect(row).toMatch(/ \d+m /);
    }
  });
});

describe('answers files', () => {
  it('cover every scenario with at least two branches that end differently', () => {
    for (const id of SCENARIO_IDS) {
      const branches = Object.entries(EXPECTED).filter(([file]) => file.startsWith(`${id}.`));
      expect(branches.length, id).toBeGreaterThanOrEqual(2);
      const endings = new Set(branches.map(([, o]) => o.ended));
      expect(endings.size, `${id}: every branch should end differently`).toBe(branches.length);
    }
  });

  it('each have a pinned outcome here (so a new branch is checked, not just played)', () => {
    const unpinned = ANSWERS.filter((f) => !(f in EXPECTED) && !f.includes('.hostile.'));
    expect(unpinned).toEqual([]);
  });

  /** Journals of the first plays, for the replay comparison below (tests in a file run in order). */
  const firstPlay = new Map<string, string>();

  it.each(ANSWERS)('%s plays cleanly and ends where its branch should', async (file) => {
    const scenario = scenarioOf(file);
    const played = await run(scenario, join('test/answers', file));
    firstPlay.set(file, played.journal);
    expect(played.stderr).toEqual([]);
    expect(played.code).toBe(0);
    if (file in EXPECTED) expect(outcomeOf(played.records, chanceInjects(scenario))).toEqual(EXPECTED[file]);
  });

  it.each(ANSWERS.filter((f) => f in EXPECTED))('%s gives a byte-identical journal when played again with the same seed and start', async (file) => {
    const first = firstPlay.get(file) ?? (await run(scenarioOf(file), join('test/answers', file))).journal;
    const again = await run(scenarioOf(file), join('test/answers', file));
    expect(first.length).toBeGreaterThan(1000);
    expect(again.journal).toBe(first);
  });
});

describe('chance', () => {
  it.each(SCENARIO_IDS)('%s draws its chance injects from the seed: another seed changes a draw', async (id) => {
    // A branch on which some chance inject comes due at seed 1; another seed must draw differently.
    const [file, outcome] = Object.entries(EXPECTED).find(([f, o]) => f.startsWith(`${id}.`) && Object.keys(o.draws).length > 0)!;
    const scenario = `scenarios/${id}.yaml`;
    const chance = chanceInjects(scenario);
    let differs = false;
    for (const seed of ['2', '3', '4', '5', '6', '7', '8', '9']) {
      const draws = outcomeOf((await run(scenario, join('test/answers', file), seed)).records, chance).draws;
      if (Object.entries(outcome.draws).some(([inject, how]) => draws[inject] !== undefined && draws[inject] !== how)) {
        differs = true;
        break;
      }
    }
    expect(differs).toBe(true);
  });
});

describe('docs/scenario.schema.json', () => {
  it('is exactly what `drill schema` prints (regenerate it with `drill schema > docs/scenario.schema.json`)', async () => {
    const io = capture();
    expect(await main(['schema'], io)).toBe(0);
    expect(readFileSync('docs/scenario.schema.json', 'utf8')).toBe(io.stdout.join('\n') + '\n');
  });
});
