/**
 * What the participant view shows, on view-mini's scripted drill: each role's own injects and
 * brief, hints once revealed and once what they are about is shown, decisions put to the room and
 * how they closed (with the room's votes), metrics followed along their ramps, and the phase.
 */
import { describe, expect, it } from 'vitest';
import { participantView } from '../../src/view/participant.js';
import type { ViewItem } from '../../src/view/items.js';
import { createActor } from 'xstate';
import { drillMachine } from '../../src/engine/machine.js';
import { plainLines } from '../../src/view/plain.js';
import { viewMiniDrill, viewMiniInput, viewMiniSteps } from '../helpers/view-drills.js';

const drill = viewMiniDrill();
const of = <K extends ViewItem['kind']>(items: readonly ViewItem[], kind: K) =>
  items.filter((i): i is Extract<ViewItem, { kind: K }> => i.kind === kind);

describe('the participant view', () => {
  const room = participantView(drill.scenario, drill.records, 'room');
  const ops = participantView(drill.scenario, drill.records, { role: 'ops' });
  const lead = participantView(drill.scenario, drill.records, { role: 'lead' });

  it('gives each role its brief and its own injects, marked as such, and the room neither', () => {
    expect(of(ops.items, 'briefing')[0]!.role).toEqual({
      id: 'ops',
      title: 'Operator',
      players: ['Tom', 'Ana <i>x</i>'],
      brief: expect.stringContaining('OPS-ONLY-BRIEF'),
    });
    expect(of(room.items, 'briefing')[0]!.role).toBeUndefined();
    const texts = (items: readonly ViewItem[]) => of(items, 'inject').map((i) => i.text);
    expect(texts(ops.items).some((t) => t.includes('OPS-ONLY-TEXT'))).toBe(true);
    expect(of(ops.items, 'inject').find((i) => i.text.includes('OPS-ONLY'))!.onlyFor).toBe('Operator');
    expect(texts(lead.items).some((t) => t.includes('LEAD-ONLY-TEXT'))).toBe(true);
    for (const t of texts(room.items)) expect(t).not.toMatch(/ONLY-TEXT/);
    expect(texts(lead.items).some((t) => t.includes('OPS-ONLY'))).toBe(false);
  });

  it('shows a hint revealed early right after what it is about, and one role’s hint to that role only', () => {
    const late = room.items.findIndex((i) => i.kind === 'inject' && i.text.startsWith('LATE-TEXT'));
    expect(room.items[late + 1]).toMatchObject({
      kind: 'hint',
      about: 'Cache dashboard',
      text: 'HINT-LATE revealed before it fires.',
      t: 180_000,
    });
    expect(of(ops.items, 'hint').map((h) => h.text)).toContain('HINT-OPS-ONLY the ratio says it all.');
    expect(of(lead.items, 'hint').map((h) => h.text)).not.toContain('HINT-OPS-ONLY the ratio says it all.');
  });

  it('puts decisions to the room and says how each closed, with the room’s votes', () => {
    expect(of(room.items, 'decision-opened').map((d) => d.decision.id)).toEqual(['first', 'withdrawn', 'slow']);
    const opened = of(room.items, 'decision-opened')[0]!.decision;
    expect(opened).toMatchObject({
      role: { id: 'lead', title: 'Lead <b>bold</b>', players: ['Priya'] },
      recordedBy: 'Sam',
      openedAt: 30_000,
      timeoutMs: 120_000,
    });
    const closed = of(room.items, 'decision-closed');
    expect(closed.map((c) => [c.id, c.how, c.answer])).toEqual([
      ['first', 'chosen', 'Warm the cache <img src=x onerror="window.__xss = \'option\'">'],
      ['slow', 'timed-out', 'Stay quiet for now'],
      ['withdrawn', 'withdrawn', undefined],
    ]);
    expect(closed[0]).toMatchObject({ by: 'Priya' }); // the reason is its own record now, kept to the facilitator's screen
    expect(closed[0]!.votes).toEqual({
      voters: 3,
      byOption: [
        { option: 'warm', label: expect.stringContaining('Warm the cache'), votes: 2 },
        { option: 'wait', label: 'Wait and see', votes: 1 },
      ],
    });
  });

  it('counts the votes on an open decision, a person’s later vote replacing their earlier one', () => {
    const firstVotes = drill.records.filter((r) => r.type === 'vote');
    const upTo = drill.records.indexOf(firstVotes[1]!);
    const view = participantView(drill.scenario, drill.records.slice(0, upTo + 1), 'room');
    expect(view.state.open.find((d) => d.id === 'first')!.votes).toBe(2);
    const again = { ...firstVotes[0]!, seq: 999, option: 'wait' } as (typeof drill.records)[number];
    const revoted = participantView(drill.scenario, [...drill.records.slice(0, upTo + 1), again], 'room');
    expect(revoted.state.open.find((d) => d.id === 'first')!.votes).toBe(2);
  });

  it('follows metrics along their ramps without saying where they head, and hides other variables', () => {
    const at = (t: number) =>
      participantView(
        drill.scenario,
        drill.records.filter((r) => r.t <= t),
        'room',
        t,
      ).state.metrics;
    expect(at(0)).toEqual([{ name: 'errors', label: 'Error rate', unit: '%', value: 0 }]);
    expect(at(70_000)[0]!.value).toBe(40); // 0 → 80 from 10 s to 130 s
    // The flush landed at 80 s (46.667 → 0 over 1 min): half way is 23.333, shown as the
    // facilitator's screen shows it, to one decimal; a page gets no more precision than that.
    expect(at(110_000)[0]!.value).toBe(23.3);
  });

  it('rounds a metric to its `decimals`, as the terminal does (no "67.3 nodes")', () => {
    const scenario = { ...drill.scenario, world: { ...drill.scenario.world, errors: { ...drill.scenario.world.errors!, decimals: 0 } } };
    const mid = participantView(scenario, drill.records.filter((r) => r.t <= 110_000), 'room', 110_000).state.metrics;
    expect(mid[0]!.value).toBe(23);
  });

  it('follows the phase to the end, with the debrief questions', () => {
    expect(room.state.phase).toBe('finished');
    expect(room.state.open).toEqual([]);
    expect(of(room.items, 'ended')[0]!.questions).toEqual([expect.stringContaining('What surprised you?')]);
    expect(room.items.map((i) => i.kind)).toEqual(
      expect.arrayContaining(['paused', 'resumed', 'action-started', 'action-landed', 'finished']),
    );
  });

  it('shows an answer that takes time when it takes effect, after the answer itself', () => {
    // `slow` times out at 80 s to `quiet`, which takes 20 s.
    const closed = of(room.items, 'decision-closed').find((i) => i.id === 'slow');
    expect(closed).toMatchObject({ t: 80_000, how: 'timed-out', answer: 'Stay quiet for now' });
    expect(of(room.items, 'option-landed')).toEqual([{ seq: expect.any(Number), t: 100_000, kind: 'option-landed', prompt: 'Tell the customers?', answer: 'Stay quiet for now' }]);
    expect(plainLines(of(room.items, 'option-landed')[0]!).join('\n')).toContain('TOOK EFFECT');
  });

  it('says on every page that an answer or an action it showed with a name is credited to someone else now; other corrections stay hidden', () => {
    const actor = createActor(drillMachine, { input: viewMiniInput() }).start();
    const steps = viewMiniSteps();
    for (const step of steps.slice(0, -1)) for (const event of step) actor.send(event);
    const records = () => actor.getSnapshot().context.core.records;
    const answer = records().find((r) => r.type === 'decision-made')!;
    const action = records().find((r) => r.type === 'action-started')!;
    const wall = 2_000_000;
    actor.send({ type: 'CORRECT', of: answer.seq, change: 'credit', to: 'Tom', by: 'Sam', wall });
    actor.send({ type: 'CORRECT', of: action.seq, change: 'credit', by: 'Sam', wall });
    for (const event of steps.at(-1)!) actor.send(event); // the script's own corrections: a note's, which no page shows
    const corrections = records().filter((r) => r.type === 'correction');
    expect(corrections.map((r) => r.type === 'correction' && r.change)).toEqual(['credit', 'credit', 'amend', 'credit']);
    for (const audience of ['room', { role: 'ops' }, { role: 'lead' }] as const) {
      const items = participantView(drill.scenario, records(), audience).items;
      expect(of(items, 'recredited')).toEqual([
        { seq: corrections[0]!.seq, t: corrections[0]!.t, kind: 'recredited', about: 'answer', label: expect.any(String), by: 'Tom' },
        { seq: corrections[1]!.seq, t: corrections[1]!.t, kind: 'recredited', about: 'action', label: expect.any(String) },
      ]);
    }
    const lines = participantView(drill.scenario, records(), 'room').items.flatMap((i) => plainLines(i));
    expect(lines.filter((l) => l.includes('CREDITED'))).toEqual([expect.stringMatching(/the answer to: .* → Tom$/), expect.stringMatching(/ → the team$/)]);
  });
});
