/**
 * Whole drills for the participant view's tests: every answers file in test/answers/ played
 * headlessly, and view-mini played by a script that makes every kind of record the answers files
 * cannot (pauses, speed, skips, checkpoints, a resumed session, hints revealed early and for one
 * role's inject, decisions withdrawn before and after they open, votes, notes, a debrief).
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActor } from 'xstate';
import { drillMachine, type DrillEvent, type DrillInput } from '../../src/engine/machine.js';
import type { DrillRecord } from '../../src/engine/records.js';
import { loadScenarioFile, type Scenario } from '../../src/scenario/index.js';
import { loadAnswersFile } from '../../src/session/answers/answers.js';
import { playHeadless } from '../../src/session/headless.js';
import { DrillSession } from '../../src/session/session.js';
import { fixture } from './load.js';

export interface PlayedView {
  readonly name: string;
  readonly scenario: Scenario;
  readonly records: readonly DrillRecord[];
}

/** The scenario an answers file in test/answers/ plays. */
function scenarioPathOf(answersFile: string): string {
  const id = answersFile.split('.')[0]!;
  return id === 'report-mini' ? `test/fixtures/${id}.yaml` : `scenarios/${id}.yaml`;
}

/** Every answers file, played headlessly (seed 1). */
export function answersDrills(): PlayedView[] {
  return readdirSync('test/answers')
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const loaded = loadScenarioFile(scenarioPathOf(file));
      const answers = loadAnswersFile(`test/answers/${file}`);
      if (!loaded.ok || !answers.ok) throw new Error(`${file} does not load`);
      const input: DrillInput = {
        scenario: loaded.scenario,
        seed: '1',
        team: answers.answers.team ?? [],
        facilitator: answers.answers.facilitator,
        mode: 'run',
        wall: 0,
      };
      const session = DrillSession.start(input, join(mkdtempSync(join(tmpdir(), 'drill-view-')), 'journal.jsonl'), {
        durable: false,
      });
      const outcome = playHeadless(session, loaded.scenario, answers.answers, 0);
      session.close();
      if (outcome.errors.length) throw new Error(`${file}: ${outcome.errors.join('; ')}`);
      return { name: file, scenario: loaded.scenario, records: session.records };
    });
}

const VIEW_MINI_TEAM = [
  { name: 'Priya', role: 'lead' },
  { name: 'Tom', role: 'ops' },
  { name: 'Ana <i>x</i>', role: 'ops' },
];

/** The input of view-mini's scripted drill. */
export function viewMiniInput(scenario: Scenario = fixture('view-mini.yaml')): DrillInput {
  return { scenario, seed: 'view', team: VIEW_MINI_TEAM, facilitator: 'Sam', mode: 'play', wall: 1_000_000 };
}

/**
 * view-mini's script, one step at a time: each step is the events to send at one moment, so a
 * test can pause between steps (to look at a page, or drop a connection).
 */
export function viewMiniSteps(): DrillEvent[][] {
  let wall = 1_000_000;
  const at = (ms: number) => (wall = 1_000_000 + ms);
  const to = (ms: number): DrillEvent => ({ type: 'ADVANCE', to: ms, wall: at(ms) });
  return [
    [{ type: 'START', wall: at(0) }],
    [
      to(5_000),
      { type: 'SET_SPEED', speed: 2, wall },
      { type: 'NOTE', text: 'NOTE-TEXT the lead froze for a minute', by: 'Sam', wall },
    ],
    [
      { type: 'SHOW_HINT', for: 'late', wall },
      to(15_000),
      { type: 'CHECKPOINT', wall },
      { type: 'IMPROVISE', channel: 'logs', from: 'the cache node', text: 'IMPROVISED-OPS-ONLY the eviction log is full', audience: 'ops', wall },
    ],
    [to(22_000), { type: 'SHOW_HINT', for: 'ops-only', wall }, { type: 'SHOW_HINT', for: 'alert', wall }],
    [{ type: 'PAUSE', wall }, { type: 'RESUME', wall: at(22_000) }, to(30_000)],
    [
      { type: 'VOTE', id: 'first', option: 'warm', name: 'Tom', confidence: 'high', role: 'ops', wall },
      { type: 'VOTE', id: 'first', option: 'wait', name: 'Ana <i>x</i>', confidence: 'low', role: 'ops', wall },
      { type: 'VOTE', id: 'first', option: 'warm', name: 'Priya', confidence: 'medium', role: 'lead', wall },
      { type: 'FOLLOWUP', text: 'FOLLOWUP-TEXT alert on cache hit ratio', owner: 'Tom', kind: 'detect', wall },
      { type: 'MARK_MILESTONE', name: 'acknowledged', by: 'Priya', wall },
      { type: 'SHOW_HINT', for: 'first', wall },
    ],
    [
      to(40_000),
      { type: 'SET_SPEAKER', name: 'Priya', wall },
      { type: 'EXTEND', id: 'first', ms: 60_000, by: 'Sam', wall },
      to(45_000),
      { type: 'DECIDE', id: 'first', option: 'warm', by: 'Priya', wall },
      { type: 'EXPLAIN', id: 'first', text: 'EXPLAIN-TEXT the cache is cold', by: 'Priya', wall },
    ],
    [to(50_000), { type: 'SESSION_RESUMED', wall }, { type: 'TAKE_ACTION', id: 'flush', by: 'Tom', wall }],
    [{ type: 'SKIP', wall: at(50_000) }, to(100_000)],
    [to(300_000)],
    [
      // The first note is record 3 (after drill-started, clock-started and speed).
      { type: 'CORRECT', of: 3, change: 'amend', text: 'NOTE-TEXT amended', by: 'Sam', wall },
      { type: 'CORRECT', of: 3, change: 'credit', to: 'Tom', by: 'Sam', wall },
      { type: 'DEBRIEF', section: 'cause', text: 'DEBRIEF-TEXT the cache was cold', factor: 'cold-cache', wall },
      // A cause linked to its factor as `drill play` links it: picked after the cause is recorded.
      { type: 'DEBRIEF', section: 'cause', text: 'DEBRIEF-TEXT nobody watched the hit ratio', wall },
      { type: 'LINK_FACTORS', factors: ['cold-cache'], wall },
      { type: 'NOTE', text: 'NOTE-TEXT after the end', wall },
      { type: 'FINISH', wall },
    ],
  ];
}

/** view-mini played to the end by its script. */
export function viewMiniDrill(): PlayedView {
  const input = viewMiniInput();
  const actor = createActor(drillMachine, { input }).start();
  for (const step of viewMiniSteps()) for (const event of step) actor.send(event);
  return { name: 'view-mini (scripted)', scenario: input.scenario, records: actor.getSnapshot().context.core.records };
}
