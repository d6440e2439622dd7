import { describe, expect, it } from 'vitest';
import { drill, fixture, outcomes } from '../helpers/load.js';
import { replayJournal } from '../../src/engine/replay.js';
import type { DrillRecord } from '../../src/engine/records.js';

const scenario = fixture('recurring.yaml');
const MIN = 60_000;

type Fired = Extract<DrillRecord, { type: 'inject-fired' }>;
const firings = (records: readonly DrillRecord[], id: string) =>
  records.filter((r): r is Fired => r.type === 'inject-fired' && r.id === id).map((r) => ({ t: r.t, occurrence: r.occurrence }));

function runTo(to: number, inputs: (actor: ReturnType<typeof drill>) => void = () => {}, seed = 'test') {
  const actor = drill(scenario, seed);
  actor.send({ type: 'START', wall: 0 });
  inputs(actor);
  actor.send({ type: 'ADVANCE', to, wall: to });
  return actor.getSnapshot().context.core;
}

describe('recurring injects (`every:`)', () => {
  it('first from its own trigger, then every period, each repeat recorded with its occurrence', () => {
    const core = runTo(20 * MIN);
    // after: outage (1m) + delay 2m = 3m, then every 5m while the status page is not updated.
    expect(firings(core.records, 'status-nag')).toEqual([
      { t: 3 * MIN, occurrence: undefined },
      { t: 8 * MIN, occurrence: 2 },
      { t: 13 * MIN, occurrence: 3 },
      { t: 18 * MIN, occurrence: 4 },
    ]);
  });

  it('runs its consequences on every occurrence', () => {
    const core = runTo(20 * MIN);
    expect(core.world.get('status_pressure')).toBe(40);
  });

  it('stops once `until` holds, checked before each repeat', () => {
    const core = runTo(20 * MIN, (actor) => {
      actor.send({ type: 'ADVANCE', to: 10 * MIN, wall: 10 * MIN });
      actor.send({ type: 'TAKE_ACTION', id: 'post-status', wall: 10 * MIN });
    });
    expect(firings(core.records, 'status-nag').map((f) => f.t)).toEqual([3 * MIN, 8 * MIN]);
    expect(core.world.get('status_pressure')).toBe(20);
  });

  it('happens `times` times in all, the first included', () => {
    const core = runTo(20 * MIN);
    expect(firings(core.records, 'alert-refire')).toEqual([
      { t: 0, occurrence: undefined },
      { t: MIN, occurrence: 2 },
      { t: 2 * MIN, occurrence: 3 },
    ]);
    expect(core.world.get('alerts')).toBe(3);
  });

  it('`after:` waits on the first occurrence only', () => {
    const core = runTo(20 * MIN);
    expect(firings(core.records, 'escalation')).toEqual([{ t: 3 * MIN, occurrence: undefined }]);
  });

  it('`cancel:` stops the repeats still to come, and says so once', () => {
    const core = runTo(20 * MIN, (actor) => {
      actor.send({ type: 'ADVANCE', to: 5 * MIN, wall: 5 * MIN });
      actor.send({ type: 'TAKE_ACTION', id: 'own-ticket', wall: 5 * MIN });
      actor.send({ type: 'TAKE_ACTION', id: 'own-ticket', wall: 5 * MIN });
    });
    expect(firings(core.records, 'reminder').map((f) => f.t)).toEqual([2 * MIN, 4 * MIN]);
    expect(core.records.filter((r) => r.type === 'inject-cancelled' && r.id === 'reminder')).toHaveLength(1);
    expect(core.upcoming(50).some((u) => u.id === 'reminder')).toBe(false);
  });

  it('cancelling a series that has run out records nothing', () => {
    const core = runTo(20 * MIN, (actor) => {
      actor.send({ type: 'ADVANCE', to: 19 * MIN, wall: 19 * MIN });
      actor.send({ type: 'TAKE_ACTION', id: 'own-ticket', wall: 19 * MIN });
    });
    expect(firings(core.records, 'reminder')).toHaveLength(9);
    expect(core.records.some((r) => r.type === 'inject-cancelled')).toBe(true);
    const atTwenty = runTo(21 * MIN, (actor) => {
      actor.send({ type: 'ADVANCE', to: 20 * MIN, wall: 20 * MIN });
      actor.send({ type: 'TAKE_ACTION', id: 'own-ticket', wall: 20 * MIN });
    });
    // The 10th and last came at 20m: nothing is left to cancel.
    expect(firings(atTwenty.records, 'reminder')).toHaveLength(10);
    expect(atTwenty.records.some((r) => r.type === 'inject-cancelled')).toBe(false);
  });

  it('draws `chance` once, at the first occurrence: a series happens whole or not at all', () => {
    const counts = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const core = runTo(30 * MIN, () => {}, `seed-${i}`);
      const n = firings(core.records, 'maybe-nag').length;
      counts.add(n);
      const skipped = core.records.filter((r) => r.type === 'inject-skipped' && r.id === 'maybe-nag').length;
      expect(skipped).toBe(n === 0 ? 1 : 0);
    }
    expect([...counts].sort()).toEqual([0, 4]);
  });

  it('never repeats after the drill has ended', () => {
    const core = runTo(40 * MIN);
    const ended = core.records.find((r) => r.type === 'drill-ended')!;
    expect(ended.t).toBe(30 * MIN);
    expect(core.records.filter((r) => r.type === 'inject-fired' && r.t >= 30 * MIN)).toEqual([]);
    // 3m, 8m, …, 28m: six occurrences before the 30m limit.
    expect(firings(core.records, 'status-nag')).toHaveLength(6);
  });

  it('lists the next repeat among what is coming up', () => {
    const core = runTo(9 * MIN);
    expect(core.upcoming(10)).toContainEqual({ at: 13 * MIN, kind: 'inject', id: 'status-nag', occurrence: 3 });
  });

  it('a drill resumed in the middle of a series repeats on the same schedule', () => {
    const straight = runTo(30 * MIN, (actor) => {
      actor.send({ type: 'ADVANCE', to: 10 * MIN + 30_000, wall: 10 * MIN + 30_000 });
      actor.send({ type: 'CHECKPOINT', wall: 10 * MIN + 30_000 });
      actor.send({ type: 'TAKE_ACTION', id: 'own-ticket', wall: 10 * MIN + 30_000 });
      actor.send({ type: 'ADVANCE', to: 14 * MIN, wall: 14 * MIN });
      actor.send({ type: 'TAKE_ACTION', id: 'post-status', wall: 14 * MIN });
    });
    // The journal of the same drill stopped at 10m30s (its last checkpoint, before the cancel), then resumed.
    const stopped = runTo(10 * MIN + 30_000, (actor) => {
      actor.send({ type: 'ADVANCE', to: 10 * MIN + 30_000, wall: 10 * MIN + 30_000 });
      actor.send({ type: 'CHECKPOINT', wall: 10 * MIN + 30_000 });
    });
    const replayed = replayJournal(scenario, stopped.records);
    if (!replayed.ok) throw new Error(replayed.message);
    const actor = replayed.actor;
    actor.send({ type: 'TAKE_ACTION', id: 'own-ticket', wall: 10 * MIN + 30_000 });
    actor.send({ type: 'ADVANCE', to: 14 * MIN, wall: 14 * MIN });
    actor.send({ type: 'TAKE_ACTION', id: 'post-status', wall: 14 * MIN });
    actor.send({ type: 'ADVANCE', to: 30 * MIN, wall: 30 * MIN });
    const resumed = actor.getSnapshot().context.core;
    expect(outcomes(resumed.records)).toEqual(outcomes(straight.records));
    // The series really was in the middle: repeats on both sides of the resume.
    expect(firings(resumed.records, 'status-nag').map((f) => f.t)).toEqual([3 * MIN, 8 * MIN, 13 * MIN]);
    expect(firings(resumed.records, 'reminder').map((f) => f.t)).toEqual([2 * MIN, 4 * MIN, 6 * MIN, 8 * MIN, 10 * MIN]);
    expect(firings(resumed.records, 'alert-refire')).toHaveLength(3);
  });
});
