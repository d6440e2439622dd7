// `when: time >= 5m` with nothing else happening: `drill play` (real-time ticks at any speed) and
// `drill run` (one jump to a far time) fire it at the same moment, exactly 5m, as the docs say.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/index.js';
import { drill } from '../helpers/load.js';
import type { DrillRecord } from '../../src/engine/records.js';

const QUIET = `id: quiet
title: Nothing happens until five minutes
summary: One inject waits on the clock alone.
version: 1
duration: 20m
difficulty: easy
roles: [{id: ic}]
briefing: Wait.
world:
  calm: {initial: true}
injects:
  - {id: nag, channel: chat, text: Five minutes in., when: time >= 5m}
  - {id: late, channel: chat, text: Done., at: 15m}
end: {limit: 20m}
`;

const scenario = (() => {
  const loaded = loadScenarioText(QUIET, 'quiet.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.scenario;
})();

const firedAt = (records: readonly DrillRecord[], id: string) => records.find((r) => r.type === 'inject-fired' && r.id === id)?.t;

describe('a when: that only time makes true', () => {
  it('fires at that moment in drill run, in one jump', () => {
    const run = drill(scenario);
    run.send({ type: 'START', wall: 0 });
    run.send({ type: 'RUN_TO', to: 12 * 60_000, wallAtZero: 0, wall: 0 });
    expect(firedAt(run.getSnapshot().context.core.records, 'nag')).toBe(5 * 60_000);
  });

  it.each([1, 7, 64])('fires at the same moment in drill play at speed %s', (speed) => {
    const play = drill(scenario);
    play.send({ type: 'START', wall: 0 });
    play.send({ type: 'SET_SPEED', speed, wall: 0 });
    // Uneven real-time ticks, as a terminal's timer gives them.
    for (let wall = 0; play.getSnapshot().context.core.t < 12 * 60_000; ) {
      const wallMs = 250 + (wall % 7);
      wall += wallMs;
      play.send({ type: 'TICK', wallMs, wall });
    }
    expect(firedAt(play.getSnapshot().context.core.records, 'nag')).toBe(5 * 60_000);
  });
});
