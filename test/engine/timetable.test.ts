// The timetable (src/engine/timetable.ts): what is due when. Items due at the same moment run in
// the order they were scheduled, `after:` items follow what they wait on by their delay, and
// "skip to next" looks only at injects and decisions.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Timetable, type Due } from '../../src/engine/timetable.js';
import type { Decision, Inject } from '../../src/scenario/index.js';
import { drillMachine } from '../../src/engine/machine.js';
import { fixture, outcomes } from '../helpers/load.js';

const inject = (id: string, trigger: { atMs?: number; after?: string; delayMs?: number; when?: unknown }): Inject =>
  ({ id, channel: 'chat', trigger: { delayMs: 0, ...trigger } }) as unknown as Inject;
const decision = (id: string, trigger: { atMs?: number; after?: string; delayMs?: number }): Decision =>
  ({ id, options: [], trigger: { delayMs: 0, ...trigger } }) as unknown as Decision;

function drain(table: Timetable): [number, Due][] {
  const out: [number, Due][] = [];
  for (let at = table.peekTime(); at !== Infinity; at = table.peekTime()) out.push([at, table.pop()!]);
  return out;
}

describe('timetable', () => {
  it('runs items due at the same moment in the order they were scheduled', () => {
    const table = new Timetable();
    expect(table.plan(inject('b', { atMs: 5000 }))).toBe(true);
    expect(table.plan(decision('d', { atMs: 1000 }))).toBe(true);
    expect(table.plan(inject('a', { atMs: 5000 }))).toBe(true);
    table.push(5000, { kind: 'limit' });
    table.push(1000, { kind: 'ramp-end' });
    expect(drain(table)).toEqual([
      [1000, { kind: 'open', id: 'd' }],
      [1000, { kind: 'ramp-end' }],
      [5000, { kind: 'inject', id: 'b' }],
      [5000, { kind: 'inject', id: 'a' }],
      [5000, { kind: 'limit' }],
    ]);
    expect(table.pop()).toBeUndefined();
  });

  it('schedules what waits `after` an item when it happens, by its delay, in scenario order', () => {
    const table = new Timetable();
    expect(table.plan(inject('x', { after: 'a', delayMs: 2000 }))).toBe(false);
    expect(table.plan(decision('y', { after: 'a' }))).toBe(false);
    expect(table.plan(inject('z', { after: 'b' }))).toBe(false);
    expect(table.plan(inject('w', { when: { type: 'lit' } }))).toBe(false);
    expect(table.peekTime()).toBe(Infinity);
    table.happened('a', 7000);
    table.happened('nothing-waits-on-this', 7000);
    expect(drain(table)).toEqual([
      [7000, { kind: 'open', id: 'y' }],
      [9000, { kind: 'inject', id: 'x' }],
    ]);
  });

  it('tells the next inject or decision apart from ramps, landings and the limit', () => {
    const table = new Timetable();
    table.push(1000, { kind: 'ramp-end' });
    table.push(2000, { kind: 'land', id: 'act' });
    table.push(9000, { kind: 'limit' });
    expect(table.nextEventTime()).toBeUndefined();
    table.push(8000, { kind: 'timeout', id: 'd' });
    table.plan(inject('i', { atMs: 6000 }));
    expect(table.nextEventTime()).toBe(6000);
  });
});

describe('RUN_TO stops after a moment at which a decision opened', () => {
  const scenario = fixture('engine-mini.yaml');
  const start = () => {
    const actor = createActor(drillMachine, { input: { scenario, seed: 's', team: [], mode: 'run', wall: 0 } }).start();
    actor.send({ type: 'START', wall: 0 });
    return actor;
  };
  const core = (actor: ReturnType<typeof start>) => actor.getSnapshot().context.core;

  it('stops right after that moment, so that the driver can answer then', () => {
    const actor = start();
    actor.send({ type: 'RUN_TO', to: 600_000, wallAtZero: 0, wall: 600_000 });
    const last = core(actor).records.at(-1)!;
    expect(core(actor).open.size).toBe(1);
    expect(core(actor).t).toBe(last.t);
    expect(core(actor).t).toBeLessThan(600_000);
    expect(core(actor).records.some((r) => r.type === 'decision-opened' && r.t === last.t)).toBe(true);
  });

  it('records, sent again and again, what playing every moment records', () => {
    const running = start();
    for (let i = 0; i < 50 && running.getSnapshot().matches('live'); i++) running.send({ type: 'RUN_TO', to: 600_000, wallAtZero: 0, wall: 600_000 });
    const advancing = start();
    advancing.send({ type: 'ADVANCE', to: 600_000, wall: 600_000 });
    expect(outcomes(core(running).records)).toEqual(outcomes(core(advancing).records));
  });
});
