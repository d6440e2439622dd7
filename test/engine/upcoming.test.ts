/**
 * What is coming, for the facilitator's console: the next injects and decisions scheduled at a
 * known time, soonest first, without the cancelled ones.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { drillMachine } from '../../src/engine/machine.js';
import { Schedule } from '../../src/engine/heap.js';
import { viewMiniInput, viewMiniSteps } from '../helpers/view-drills.js';

describe('what is coming', () => {
  it('lists the next scheduled injects and decisions, soonest first, and drops what was cancelled', () => {
    const actor = createActor(drillMachine, { input: viewMiniInput() }).start();
    const steps = viewMiniSteps();
    actor.send(steps[0]![0]!); // the clock starts
    const core = () => actor.getSnapshot().context.core;
    expect(core().upcoming(3)).toEqual([
      { at: 10_000, kind: 'inject', id: 'alert' },
      { at: 20_000, kind: 'inject', id: 'ops-only' },
      { at: 25_000, kind: 'inject', id: 'lead-only' },
    ]);
    for (const step of steps.slice(1, 7)) for (const e of step) actor.send(e); // `first` answered: warm cancels two
    const ids = core()
      .upcoming(10)
      .map((u) => u.id);
    expect(ids).toContain('late');
    expect(ids).not.toContain('cancelled-later');
    expect(ids).not.toContain('never-opened');
  });

  it('keeps only the n soonest in one scan, ties in the order they were scheduled', () => {
    const s = new Schedule<string>();
    for (const [at, item] of [[50, 'e'], [10, 'a'], [30, 'c'], [10, 'b'], [40, 'd'], [5, 'skip']] as const) s.push(at, item);
    expect(s.soonest(3, (i) => i !== 'skip').map((x) => x.item)).toEqual(['a', 'b', 'c']);
    expect(s.soonest(10, () => true).map((x) => x.item)).toEqual(['skip', 'a', 'b', 'c', 'd', 'e']);
  });
});
