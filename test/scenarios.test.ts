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
import { loadScenarioFile } from '../src/scenario/index.js';
import { parseJournal } from '../src/journal/reader.js';
import type { DrillRecord } from '../src/engine/records.js';
import { impactHistory } from '../src/report/impact.js';
import { EXPECTED, type Outcome } from './helpers/scenario-branches.js';

const SCENARIOS = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();
const SCENARIO_IDS = SCENARIOS.map((f) => f.replace(/\.yaml$/, ''));
/**
 * Answers files named `<scenario-id>.<branch>.yaml` for a scenario in the library. The
 * `.hostile.` ones feed hostile text to the report (test/report-snapshots.test.ts); they are
 * not branches of the drill.
 */
const ANSWERS = readdirSync('test/answers')
  .filter((f) => SCENARIO_IDS.some((id) => f.startsWith(`${id}.`)) && f.endsWith('.yaml') && !f.includes('.hostile.'))
  .sort();
const START = '2026-01-15T14:00:00Z';

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
  if (ended?.type !== 'drill-ended') throw new Error('the drill did not end');
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
      // A `.detected-early.` file replays a branch with one slip added, so it ends like that branch.
      const branches = Object.entries(EXPECTED).filter(([file]) => file.startsWith(`${id}.`) && !file.includes('.detected-early.'));
      expect(branches.length, id).toBeGreaterThanOrEqual(2);
      const endings = new Set(branches.map(([, o]) => o.ended));
      expect(endings.size, `${id}: every branch should end differently`).toBe(branches.length);
    }
  });

  it('each have a pinned outcome here (so a new branch is checked, not just played)', () => {
    const unpinned = ANSWERS.filter((f) => !(f in EXPECTED));
    expect(unpinned).toEqual([]);
  });

  it.each(SCENARIO_IDS)('%s goes on when "detected" is marked before anything has gone wrong', async (id) => {
    const file = `${id}.detected-early.yaml`;
    const base = readFileSync(join('test/answers', file), 'utf8').match(/^# The (\S+) branch/)?.[1];
    expect(base, `${file} names its branch on its first line`).toBeDefined();
    const early = EXPECTED[file]!;
    const branch = EXPECTED[`${id}.${base}.yaml`]!;
    expect(early.milestones.detected).toBe('00:05');
    expect(early.ended).toBe(branch.ended);
    expect([early.milestones.mitigated, early.milestones.resolved]).toEqual([branch.milestones.mitigated, branch.milestones.resolved]);
  });

  /** Journals of the first plays, for the replay comparison below (tests in a file run in order). */
  const firstPlay = new Map<string, string>();

  it.each(ANSWERS)('%s plays cleanly and ends where its branch should', async (file) => {
    const scenario = scenarioOf(file);
    const played = await run(scenario, join('test/answers', file));
    firstPlay.set(file, played.journal);
    expect(played.stderr).toEqual([]);
    expect(played.code).toBe(0);
    expect(outcomeOf(played.records, chanceInjects(scenario))).toEqual(EXPECTED[file]);
  });

  it.each(ANSWERS)('%s gives a byte-identical journal when played again with the same seed and start', async (file) => {
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
