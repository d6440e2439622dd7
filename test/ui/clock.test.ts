/**
 * The real-time driver and the store the screen reads: scenario time moves only while the drill
 * runs, inputs land at the moment they were made, a stopped process pauses the drill instead of
 * leaping ahead, and views hear of a change only once the journal has it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClockDriver, MAX_TICK_MS, MIN_TICK_MS } from '../../src/ui/clock.js';
import { DrillStore } from '../../src/ui/store.js';
import { DrillSession } from '../../src/session/session.js';
import { fixture } from '../helpers/load.js';
import { FakeTime } from '../helpers/fake-time.js';

function store() {
  const scenario = fixture('ui-mini.yaml');
  const time = new FakeTime();
  const journal = join(mkdtempSync(join(tmpdir(), 'drill-store-')), 'journal.jsonl');
  const session = DrillSession.start({ scenario, seed: 'x', team: [], mode: 'play', wall: time.wallNow() }, journal, { durable: true });
  return { s: new DrillStore(session, time), time, journal, t: () => session.actor.getSnapshot().context.core.t };
}

describe('ClockDriver', () => {
  it('reports elapsed time while running, and nothing once stopped', () => {
    const time = new FakeTime();
    const ticks: number[] = [];
    const driver = new ClockDriver(time, { tick: (ms) => ticks.push(ms), stalled: () => {}, nextTickIn: () => 1000 });
    driver.setRunning(true);
    time.advance(3000);
    expect(ticks).toEqual([1000, 1000, 1000]);
    driver.setRunning(false);
    expect(time.pending).toBe(0); // a paused drill keeps no timer
    time.advance(5000);
    expect(ticks).toHaveLength(3);
  });

  it('ticks no faster than 4 a second and no slower than once a second', () => {
    const time = new FakeTime();
    const at: number[] = [];
    let wanted = 1;
    const driver = new ClockDriver(time, { tick: () => at.push(time.now()), stalled: () => {}, nextTickIn: () => wanted });
    driver.setRunning(true);
    time.advance(1000);
    expect(at).toEqual([MIN_TICK_MS, 2 * MIN_TICK_MS, 3 * MIN_TICK_MS, 4 * MIN_TICK_MS]);
    wanted = 60_000;
    at.length = 0;
    time.advance(3000);
    // The tick due at 1000 + MIN was planned before; after it, once a second.
    expect(at).toEqual([1000 + MIN_TICK_MS, 1000 + MIN_TICK_MS + MAX_TICK_MS, 1000 + MIN_TICK_MS + 2 * MAX_TICK_MS]);
  });

  it('catches up on demand, so an input lands when it was made', () => {
    const time = new FakeTime();
    const ticks: number[] = [];
    const driver = new ClockDriver(time, { tick: (ms) => ticks.push(ms), stalled: () => {}, nextTickIn: () => 1000 });
    driver.setRunning(true);
    time.advance(400); // no tick yet
    driver.catchUp();
    expect(ticks).toEqual([400]);
  });
});

describe('DrillStore', () => {
  it('runs the clock only while the drill runs, at the chosen speed; inputs land when made', () => {
    const { s, time, t } = store();
    time.advance(10_000);
    expect(t()).toBe(0); // the briefing: no scenario time
    s.send({ type: 'START' });
    time.advance(10_000);
    expect(t()).toBeGreaterThanOrEqual(9_000); // ticks come once a scenario second at ×1
    s.send({ type: 'SET_SPEED', speed: 4 }); // the clock catches up first: exactly 10 s
    expect(t()).toBe(10_000);
    time.advance(1_000);
    s.send({ type: 'PAUSE' });
    expect(t()).toBe(14_000);
    time.advance(60_000);
    expect(t()).toBe(14_000);
    s.send({ type: 'RESUME' });
    time.advance(500);
    s.send({ type: 'NOTE', text: 'half a second later' });
    expect(s.core.records.at(-1)).toMatchObject({ type: 'note', t: 16_000 });
    s.dispose();
  });

  it('pauses, and says so, when the process was stopped for a while (a laptop lid closed)', () => {
    const { s, time, t } = store();
    s.send({ type: 'START' });
    time.advance(2_000);
    // Nothing runs for ten minutes: the next tick sees the gap.
    time.freeze(600_000);
    time.advance(0);
    expect(s.getSnapshot().snapshot.matches({ live: 'paused' })).toBe(true);
    expect(t()).toBeLessThan(5_000);
    expect(s.getSnapshot().notice).toMatch(/The clock stopped for 10m.*paused/);
    s.dispose();
  });

  it('tells views about a change only after the journal has it', () => {
    const { s, journal } = store();
    const seenOnDisk: boolean[] = [];
    s.subscribe(() => {
      const last = s.core.records.at(-1)!;
      seenOnDisk.push(readFileSync(journal, 'utf8').includes(`"seq":${last.seq},`));
    });
    s.send({ type: 'START' });
    s.send({ type: 'NOTE', text: 'on disk first' });
    expect(seenOnDisk.length).toBeGreaterThanOrEqual(2);
    expect(seenOnDisk.every(Boolean)).toBe(true);
    s.dispose();
  });

  it('says whether the machine took an input', () => {
    const { s } = store();
    expect(s.send({ type: 'PAUSE' })).toBe(false); // nothing to pause in the briefing
    expect(s.send({ type: 'START' })).toBe(true);
    expect(s.send({ type: 'NOTE', text: '   ' })).toBe(false);
    s.dispose();
  });
});
