/**
 * Votes in the engine: taken only on an open decision, for one of its options, with a name; they
 * change nothing in the drill, and a journal with votes replays to the same records.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { drillMachine } from '../../src/engine/machine.js';
import { replayJournal } from '../../src/engine/replay.js';
import { outcomes } from '../helpers/load.js';
import { viewMiniDrill, viewMiniInput, viewMiniSteps } from '../helpers/view-drills.js';

describe('votes', () => {
  it('are recorded only on an open decision, for one of its options, with a name', () => {
    const actor = createActor(drillMachine, { input: viewMiniInput() }).start();
    const votes = () => actor.getSnapshot().context.core.records.filter((r) => r.type === 'vote').length;
    const vote = (id: string, option: string, name = 'Tom') => actor.send({ type: 'VOTE', id, option, name, confidence: 'low', wall: 0 });
    vote('first', 'warm'); // in the briefing
    for (const step of viewMiniSteps().slice(0, 5)) for (const e of step) actor.send(e);
    vote('never-opened', 'page');
    vote('first', 'nope');
    vote('first', 'warm', '   ');
    expect(votes()).toBe(0);
    vote('first', 'warm', ' Tom ');
    expect(actor.getSnapshot().context.core.records.at(-1)).toMatchObject({ type: 'vote', id: 'first', option: 'warm', name: 'Tom', confidence: 'low' });
  });

  it('change nothing else, and a journal with votes replays to the same records', () => {
    const drill = viewMiniDrill();
    const replayed = replayJournal(drill.scenario, drill.records);
    if (!replayed.ok) throw new Error(replayed.message);
    expect(outcomes(replayed.actor.getSnapshot().context.core.records)).toEqual(outcomes(drill.records));
    const withoutVotes = createActor(drillMachine, { input: viewMiniInput() }).start();
    for (const e of viewMiniSteps().flat()) if (e.type !== 'VOTE') withoutVotes.send(e);
    // Without the votes every record moves up; so do the records that point at another by its seq.
    const kept = drill.records.filter((r) => r.type !== 'vote');
    const seqNow = new Map(kept.map((r, i) => [r.seq, i]));
    const renumbered = kept.map((r, i) => ({ ...r, seq: i, ...('of' in r ? { of: seqNow.get(r.of) } : {}), ...('asked' in r ? { asked: seqNow.get(r.asked) } : {}) }));
    expect(outcomes(withoutVotes.getSnapshot().context.core.records)).toEqual(outcomes(renumbered as typeof kept));
  });
});
