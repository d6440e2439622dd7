/**
 * How a recurring inject's repeats reach the screens and the report: each one shown again with
 * "(2nd time)", its hint after the first, its text in the report once, and counted as one inject.
 */
import { describe, expect, it } from 'vitest';
import { drill, fixture } from '../helpers/load.js';
import { participantView } from '../../src/view/participant.js';
import type { ViewItem } from '../../src/view/items.js';
import { buildTimeline } from '../../src/report/timeline.js';
import { stats } from '../../src/report/stats.js';
import { ordinal } from '../../src/text/occurrence.js';

const scenario = fixture('recurring.yaml');
const MIN = 60_000;

function played() {
  const actor = drill(scenario);
  actor.send({ type: 'START', wall: 0 });
  actor.send({ type: 'ADVANCE', to: 4 * MIN, wall: 4 * MIN });
  actor.send({ type: 'SHOW_HINT', for: 'status-nag', wall: 4 * MIN });
  actor.send({ type: 'ADVANCE', to: 7 * MIN, wall: 7 * MIN });
  actor.send({ type: 'TAKE_ACTION', id: 'own-ticket', wall: 7 * MIN });
  actor.send({ type: 'ADVANCE', to: 14 * MIN, wall: 14 * MIN });
  return actor.getSnapshot().context.core.records;
}

describe('recurring injects on the screens and in the report', () => {
  const records = played();

  it('shows every repeat on the pages, titled with which time it is, and the hint after the first', () => {
    const items = participantView(scenario, records, 'room').items;
    const nags = items.filter((i): i is Extract<ViewItem, { kind: 'inject' }> => i.kind === 'inject' && i.text.startsWith('Customers are asking'));
    expect(nags.map((i) => i.title)).toEqual(['Status page questions', 'Status page questions (2nd time)', 'Status page questions (3rd time)']);
    expect(items.some((i) => i.kind === 'hint' && i.text === 'Someone has to own the status page.')).toBe(true);
  });

  it('tells each repeat in the timeline, with its text once', () => {
    const timeline = buildTimeline(records, scenario);
    const nags = timeline.filter((e) => e.what.includes('Status page questions'));
    expect(nags.map((e) => [e.tMs, e.what.endsWith('(2nd time)'), e.what.endsWith('(3rd time)'), e.text !== undefined])).toEqual([
      [3 * MIN, false, false, true],
      [8 * MIN, true, false, false],
      [13 * MIN, false, true, false],
    ]);
    expect(timeline.some((e) => e.what.startsWith('Will no longer repeat:') && e.tMs === 7 * MIN)).toBe(true);
  });

  it('counts a series as one inject fired, and a stopped series as no cancelled inject', () => {
    const s = stats(records, scenario, 14 * MIN);
    // outage, status-nag, escalation, alert-refire, reminder, and maybe-nag if its chance held.
    const distinct = new Set(records.flatMap((r) => (r.type === 'inject-fired' ? [r.id] : []))).size;
    expect(s.injectsFired).toBe(distinct);
    expect(s.injectsCancelled).toBe(0);
  });

  it('names the ordinals as people say them', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 102, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '102nd', '111th']);
  });
});
