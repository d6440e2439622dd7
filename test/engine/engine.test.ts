import { describe, expect, it } from 'vitest';
import { drill, fixture, outcomes } from '../helpers/load.js';
import type { DrillRecord } from '../../src/engine/records.js';

const scenario = fixture('engine-mini.yaml');
const MIN = 60_000;

const ofType = <T extends DrillRecord['type']>(records: readonly DrillRecord[], type: T) =>
  records.filter((r): r is Extract<DrillRecord, { type: T }> => r.type === type);
const firedAt = (records: readonly DrillRecord[], id: string) => ofType(records, 'inject-fired').find((r) => r.id === id)?.t;

describe('scenario clock', () => {
  it('fires `at` injects at their exact time, whatever the tick size', () => {
    const coarse = drill(scenario);
    coarse.send({ type: 'START', wall: 0 });
    coarse.send({ type: 'ADVANCE', to: 10 * MIN, wall: 0 });

    const fine = drill(scenario);
    fine.send({ type: 'START', wall: 0 });
    for (let i = 0; i < 10 * 60 * 4; i++) fine.send({ type: 'TICK', wallMs: 250 + (i % 3), wall: 0 });

    const a = coarse.getSnapshot().context.core.records;
    expect(firedAt(a, 'shrink')).toBe(MIN);
    // `when: error_rate > 50` during a ramp from 0 to 80 over 2m: true from 1m + 76s on the 1 s grid.
    expect(firedAt(a, 'page')).toBe(MIN + 76_000);
    expect(firedAt(a, 'chat')).toBe(MIN + 76_000 + 30_000);
    const b = fine.getSnapshot().context.core.records;
    // Outcomes before 10m are identical whichever way the clock was driven.
    const upTo = (rs: readonly DrillRecord[]) => outcomes(rs.filter((r) => r.t < 10 * MIN));
    expect(upTo(b)).toEqual(upTo(a));
  });

  it('pause stops scenario time exactly, so every pending inject shifts by the pause', () => {
    const actor = drill(scenario);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'TICK', wallMs: 30_000, wall: 30_000 });
    actor.send({ type: 'PAUSE', wall: 30_000 });
    for (let i = 0; i < 100; i++) actor.send({ type: 'TICK', wallMs: 1000, wall: 31_000 + i * 1000 });
    expect(actor.getSnapshot().context.core.t).toBe(30_000);
    expect(actor.getSnapshot().matches({ live: 'paused' })).toBe(true);
    actor.send({ type: 'RESUME', wall: 130_000 });
    actor.send({ type: 'TICK', wallMs: 30_000, wall: 160_000 });
    const core = actor.getSnapshot().context.core;
    expect(core.t).toBe(60_000);
    const shrink = ofType(core.records, 'inject-fired').find((r) => r.id === 'shrink')!;
    expect(shrink.t).toBe(MIN);
    expect(shrink.wall).toBe(160_000); // 100 s of pause later in wall time than without it
  });

  it('speed multiplies scenario time per wall second, within bounds', () => {
    const actor = drill(scenario);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'SET_SPEED', speed: 4, wall: 0 });
    actor.send({ type: 'TICK', wallMs: 1000, wall: 1000 });
    expect(actor.getSnapshot().context.core.t).toBe(4000);
    actor.send({ type: 'SET_SPEED', speed: 1000, wall: 1000 });
    expect(actor.getSnapshot().context.core.speed).toBe(64);
  });

  it('skips to the next scheduled inject and records the skip', () => {
    const actor = drill(scenario);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'SKIP', wall: 0 });
    const core = actor.getSnapshot().context.core;
    expect(core.t).toBe(MIN);
    expect(core.fired.has('shrink')).toBe(true);
    expect(ofType(core.records, 'skipped')[0]).toMatchObject({ t: 0, to: MIN });
  });

  it('does not move before START or after the drill ended', () => {
    const actor = drill(scenario);
    actor.send({ type: 'TICK', wallMs: 60_000, wall: 0 });
    expect(actor.getSnapshot().context.core.t).toBe(0);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'END', wall: 0 });
    expect(actor.getSnapshot().value).toBe('debrief');
    actor.send({ type: 'ADVANCE', to: 5 * MIN, wall: 0 });
    expect(actor.getSnapshot().context.core.t).toBe(0);
  });
});

describe('decisions', () => {
  it('times out to the default option and records it as a timeout', () => {
    const actor = drill(scenario);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 10 * MIN, wall: 0 });
    const core = actor.getSnapshot().context.core;
    const opened = ofType(core.records, 'decision-opened')[0]!;
    const timedOut = ofType(core.records, 'decision-timed-out')[0]!;
    expect(timedOut).toMatchObject({ id: 'first-response', option: 'wait', t: opened.t + 3 * MIN });
    expect(core.timedOut.has('first-response')).toBe(true);
  });

  it('an answer runs the option: effects, milestone, and the world reacts', () => {
    const actor = drill(scenario);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 2.5 * MIN, wall: 0 });
    expect(actor.getSnapshot().can({ type: 'DECIDE', id: 'first-response', option: 'nope', wall: 0 })).toBe(false);
    actor.send({ type: 'DECIDE', id: 'first-response', option: 'scale-up', by: 'Alex', rationale: 'obvious', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 10 * MIN, wall: 0 });
    const core = actor.getSnapshot().context.core;
    expect(ofType(core.records, 'decision-made')[0]).toMatchObject({ id: 'first-response', option: 'scale-up', by: 'Alex', rationale: 'obvious' });
    expect(core.milestones.get('mitigated')).toBe(2.5 * MIN);
    // nodes ramp 20 → 100 over 2 min, then `recovered` fires, marks resolved, and the end condition holds.
    expect(firedAt(core.records, 'recovered')).toBe(4.5 * MIN);
    expect(core.ended).toMatchObject({ type: 'drill-ended', reason: 'condition', t: 4.5 * MIN });
    expect(actor.getSnapshot().value).toBe('debrief');
  });

  it('runs what waits on an answer at the moment of the answer, not a tick later', () => {
    const actor = drill(scenario);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 150_500, wall: 0 });
    actor.send({ type: 'DECIDE', id: 'first-response', option: 'wait', wall: 0 });
    expect(firedAt(actor.getSnapshot().context.core.records, 'answered')).toBe(150_500);
  });

  it('an off-script answer closes the decision with no consequences', () => {
    const actor = drill(scenario);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 2.5 * MIN, wall: 0 });
    actor.send({ type: 'DECIDE', id: 'first-response', text: '   ', wall: 0 });
    expect(actor.getSnapshot().context.core.open.has('first-response')).toBe(true);
    actor.send({ type: 'DECIDE', id: 'first-response', text: 'page the registry team', by: 'Alex', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 8 * MIN, wall: 0 });
    const core = actor.getSnapshot().context.core;
    expect(core.open.size).toBe(0);
    expect(core.decided.get('first-response')).toBe('');
    expect(core.timedOut.size).toBe(0);
    // Neither scale-up (5) nor the default `wait` (+10) ran: the ramp simply finished at 80.
    expect(core.world.get('error_rate')).toBe(80);
  });
});

describe('actions, impact and chance', () => {
  it('actions land after `takes`, respect `available` and `once`', () => {
    const actor = drill(scenario);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 500, wall: 0 });
    actor.send({ type: 'TAKE_ACTION', id: 'disable-autoscaling', by: 'Alex', wall: 0 });
    // Conditions on started(...) hold at once, between ticks.
    expect(firedAt(actor.getSnapshot().context.core.records, 'actioned')).toBe(500);
    expect(actor.getSnapshot().can({ type: 'TAKE_ACTION', id: 'disable-autoscaling', wall: 0 })).toBe(false);
    actor.send({ type: 'ADVANCE', to: 30_000, wall: 0 });
    expect(actor.getSnapshot().context.core.world.get('autoscaling')).toBe(true);
    actor.send({ type: 'ADVANCE', to: 60_500, wall: 0 });
    const core = actor.getSnapshot().context.core;
    expect(core.world.get('autoscaling')).toBe(false);
    expect(ofType(core.records, 'action-landed')[0]).toMatchObject({ id: 'disable-autoscaling', t: 60_500 });
  });

  it('tracks impact levels as conditions change', () => {
    const actor = drill(scenario);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 4 * MIN, wall: 0 });
    const levels = ofType(actor.getSnapshot().context.core.records, 'impact').map((r) => [r.level, r.t]);
    // error_rate ramps 0 → 80 from 1m over 2m: ≥ 5 after 7.5 s (on the 1 s grid: 8 s), ≥ 50 at 75 s.
    expect(levels).toEqual([
      ['degraded', MIN + 8_000],
      ['down', MIN + 75_000],
    ]);
  });

  it('draws chance injects from the seed: same seed, same outcome; both outcomes occur across seeds', () => {
    const outcome = (seed: string) => {
      const actor = drill(scenario, seed);
      actor.send({ type: 'START', wall: 0 });
      actor.send({ type: 'ADVANCE', to: 6 * MIN, wall: 0 });
      return actor.getSnapshot().context.core.fired.has('registry-down');
    };
    const seeds = Array.from({ length: 20 }, (_, i) => `seed-${i}`);
    const results = seeds.map(outcome);
    expect(seeds.map(outcome)).toEqual(results);
    expect(results).toContain(true);
    expect(results).toContain(false);
  });
});
