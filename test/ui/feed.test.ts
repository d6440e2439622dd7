/**
 * The feed as data and rows: records become entries once each; prose wraps with flush
 * continuation lines and reflows an author's hand wraps; terminal output keeps its lines; and
 * however long the drill, only the entries that fill the screen are drawn.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { drillMachine } from '../../src/engine/machine.js';
import { FeedLog, type FeedEntry } from '../../src/ui/feed-model.js';
import { firstToRender, layoutEntry } from '../../src/ui/feed-layout.js';
import { joinHardWraps, textWidth, wrapText } from '../../src/ui/wrap.js';
import { sparkline, formatValue } from '../../src/ui/sparkline.js';
import { shortLabel } from '../../src/ui/Metrics.js';
import { fixture } from '../helpers/load.js';

function playedMini() {
  const scenario = fixture('ui-mini.yaml');
  const actor = createActor(drillMachine, { input: { scenario, seed: 'f', team: [], mode: 'play', wall: 0 } }).start();
  actor.send({ type: 'START', wall: 0 });
  actor.send({ type: 'ADVANCE', to: 50_000, wall: 0 });
  actor.send({ type: 'DECIDE', id: 'first-call', text: 'call the \u001b[31mqueue\u001b[0m team', by: 'Alex', wall: 0 });
  actor.send({ type: 'NOTE', text: 'note', wall: 0 });
  return { scenario, core: actor.getSnapshot().context.core };
}

describe('FeedLog', () => {
  it('turns records into entries once each, and shows off-script answers sanitized', () => {
    const { scenario, core } = playedMini();
    const log = new FeedLog(scenario);
    log.sync(core.records);
    log.sync(core.records); // nothing new: nothing added
    const tags = log.entries.map((e) => (e.kind === 'inject' ? e.inject.id : e.tag));
    expect(tags).toEqual(['STARTED', 'backlog-alert', 'MILESTONE', 'DECISION', 'worker-logs', 'OFF-SCRIPT', 'NOTE']);
    const offScript = log.entries.find((e) => e.kind === 'line' && e.tag === 'OFF-SCRIPT');
    expect(offScript).toMatchObject({ text: '“call the ␛[31mqueue␛[0m team” (Alex)' });
  });
});

describe('wrapping', () => {
  it('wraps at word boundaries with nothing wider than the width, and no leading space', () => {
    const lines = wrapText('The backlog is growing. What do you do first about the queue?', 20);
    expect(lines).toEqual(['The backlog is', 'growing. What do you', 'do first about the', 'queue?']);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(20);
  });

  it('counts wide characters as two columns and cuts words longer than a line', () => {
    expect(textWidth('ok 👍')).toBe(5);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('joins an author’s hand-wrapped lines, but not new messages, items or code', () => {
    const chat = [
      'Maya (support lead): tickets are spiking, 40 in five minutes. "Tally won\'t load", "invoice',
      'send button spins forever", one customer says the API returns 502.',
      'Maya: anything we can tell people?',
      'Dana: ```',
      'usage: scale.sh CLUSTER SIZE [--wait] and a long line that goes on and on and on',
      '  Set the worker node group.',
      '```',
      '- a list item',
    ].join('\n');
    expect(joinHardWraps(chat).split('\n')).toEqual([
      'Maya (support lead): tickets are spiking, 40 in five minutes. "Tally won\'t load", "invoice send button spins forever", one customer says the API returns 502.',
      'Maya: anything we can tell people?',
      'Dana: ```',
      'usage: scale.sh CLUSTER SIZE [--wait] and a long line that goes on and on and on',
      '  Set the worker node group.',
      '```',
      '- a list item',
    ]);
  });
});

describe('feed layout', () => {
  it('keeps terminal lines whole and puts the rest behind a marker', () => {
    const { scenario, core } = playedMini();
    const log = new FeedLog(scenario);
    log.sync(core.records);
    const terminal = log.entries.find((e) => e.kind === 'inject' && e.inject.channel === 'terminal')!;
    const tall = layoutEntry(terminal, 40, 100);
    expect(tall.hidden).toBe(0);
    expect(tall.lines[2]).toBe('2026-01-15T14:02:11Z ERROR cannot connect to queue: auth failed for user "worker"'); // not reflowed
    const short = layoutEntry(terminal, 40, 8);
    expect(short.lines).toHaveLength(7);
    expect(short.hidden).toBe(20 - 7); // the command and its 19 lines of output
    expect(short.height).toBe(2 + 7 + 1);
  });

  it('renders only the entries that fill the feed, however long the drill', () => {
    const { scenario, core } = playedMini();
    const note = new FeedLog(scenario);
    note.sync(core.records);
    const one = note.entries.at(-1)!;
    const entries: FeedEntry[] = Array.from({ length: 5000 }, (_, i) => ({ ...one, seq: i }) as FeedEntry);
    const first = firstToRender(entries, entries.length - 1, 20, 80, 18);
    expect(entries.length - first).toBe(20); // one row each: twenty of five thousand
    const scrolledBack = firstToRender(entries, 99, 20, 80, 18);
    expect(scrolledBack).toBe(80);
  });
});

describe('metrics', () => {
  it('draws a sparkline against the declared range, so a flat high series is drawn high', () => {
    const percent = { min: 0, max: 100, initial: 2 };
    expect(sparkline([0, 50, 100], 3, percent)).toBe('▁▅█');
    expect(sparkline([64, 64, 64], 3, percent)).toBe('▅▅▅');
    // 64 % falling to 56 % is a small fall, not a fall to the bottom.
    expect(sparkline([64, 60, 56], 3, percent)).toBe('▅▅▅');
    expect(sparkline([64, 40, 20], 3, percent)).toBe('▅▄▂');
  });

  it('without a declared range, scales from 0 to the start value, widened by what is shown', () => {
    const nodes = { initial: 100 };
    expect(sparkline([100, 100, 100, 100], 3, nodes)).toBe('███');
    expect(sparkline([100, 20, 60], 3, nodes)).toBe('█▂▅');
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8, 9], 4, { initial: 0 })).toBe('▆▆▇█');
  });

  it('formats values for reading and labels without their explanation', () => {
    expect([formatValue(20), formatValue(57.34), formatValue(9000.4), formatValue(false), formatValue(undefined)]).toEqual(['20', '57.3', '9000', 'no', '—']);
    expect(shortLabel('Ready worker nodes (about 60 carry this hour’s traffic)')).toBe('Ready worker nodes');
    expect(shortLabel('API 5xx rate')).toBe('API 5xx rate');
  });
});
