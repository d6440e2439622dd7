// `drill run` (RUN_TO) skips the whole seconds of a ramp at which no condition can change
// (src/engine/quiet.ts). Whatever it skips, its records must be exactly those of a drill that
// plays every second (ADVANCE plays every moment): checked on random ramps and thresholds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { loadScenarioText, type Scenario } from '../../src/scenario/index.js';
import { drillMachine } from '../../src/engine/machine.js';
import { outcomes } from '../helpers/load.js';

const OPS = ['<', '<=', '>', '>='] as const;
const threshold = fc.integer({ min: 0, max: 100 });
/** A condition over the ramping variables `a` and `b`, in shapes quiet.ts reasons about and some it does not. */
const condition = fc.oneof(
  fc.tuple(fc.constantFrom('a', 'b'), fc.constantFrom(...OPS), threshold).map(([v, op, n]) => `${v} ${op} ${n}`),
  fc.tuple(threshold, fc.constantFrom(...OPS), fc.constantFrom('a', 'b')).map(([n, op, v]) => `${n} ${op} ${v}`),
  fc.tuple(threshold, threshold).map(([x, y]) => `a > ${x} and b <= ${y}`),
  fc.tuple(threshold, threshold).map(([x, y]) => `not (a < ${x}) or b > ${y}`),
  threshold.map((x) => `a > b + ${x}`),
  threshold.map((x) => `a * 2 >= ${x}`),
  threshold.map((x) => `a == ${x}`),
  threshold.map((x) => `fired('i0') and a < ${x}`),
);
const ramp = fc.record({
  at: fc.integer({ min: 0, max: 300 }),
  variable: fc.constantFrom('a', 'b'),
  to: fc.integer({ min: -20, max: 120 }),
  over: fc.integer({ min: 0, max: 200 }),
});

function scenarioOf(ramps: { at: number; variable: string; to: number; over: number }[], whens: string[], m: string, down: string, degraded: string): Scenario {
  const injects = [
    ...ramps.map((r, i) => `  - {id: i${i}, channel: chat, text: ramp, at: ${r.at}s, effects: [{ramp: ${r.variable}, to: ${r.to}, over: ${r.over}s}]}`),
    ...whens.map((w, i) => `  - {id: w${i}, channel: chat, text: when, when: "${w}"}`),
  ];
  const text = `id: quiet
title: Quiet
summary: Ramps and thresholds.
version: 1
duration: 10m
difficulty: intro
roles: [{id: ic, title: IC}]
briefing: Ramps.
world:
  a: {initial: 10, min: 0, max: 100}
  b: {initial: 50.5}
injects:
${injects.join('\n')}
milestones:
  detected: "${m}"
impact:
  down: "${down}"
  degraded: "${degraded}"
end:
  limit: 10m
debrief:
  factors: [{id: f, title: F, explanation: E}]
  questions: [Q?]
`;
  const loaded = loadScenarioText(Buffer.from(text), 'quiet.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.scenario;
}

function play(scenario: Scenario, how: 'every-second' | 'run') {
  const actor = createActor(drillMachine, { input: { scenario, seed: 's', team: [], mode: 'run', wall: 0 } }).start();
  actor.send({ type: 'START', wall: 0 });
  if (how === 'every-second') actor.send({ type: 'ADVANCE', to: 11 * 60_000, wall: 0 });
  else for (let to = 0; !actor.getSnapshot().context.core.ended; to += 97_000) actor.send({ type: 'RUN_TO', to, wallAtZero: 0, wall: to });
  return outcomes(actor.getSnapshot().context.core.records);
}

describe('quiet seconds of a ramp', () => {
  it('skipping them records exactly what playing every second records', () => {
    fc.assert(
      fc.property(
        fc.array(ramp, { minLength: 1, maxLength: 5 }),
        fc.array(condition, { minLength: 1, maxLength: 6 }),
        condition,
        condition,
        condition,
        (ramps, whens, m, down, degraded) => {
          const s = scenarioOf(ramps, whens, m, down, degraded);
          expect(play(s, 'run')).toEqual(play(s, 'every-second'));
        },
      ),
      { numRuns: 150 },
    );
  });
});
