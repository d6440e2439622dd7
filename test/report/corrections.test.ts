/**
 * A corrected journal in the report: a reason added after an answer is read as that answer's,
 * a struck action is no longer counted but stays in the timeline marked, and an amended note
 * shows its new words with what it said before, when and by whom.
 */
import { describe, expect, it } from 'vitest';
import type { DrillRecord, RecordBody } from '../../src/engine/records.js';
import { buildReport } from '../../src/report/model.js';
import { fixture } from '../helpers/load.js';

const scenario = fixture('report-mini.yaml');

function journal(...bodies: [number, RecordBody][]): DrillRecord[] {
  const started: RecordBody = {
    type: 'drill-started',
    scenario: { id: scenario.id, title: scenario.title, version: '2', path: scenario.source.path, hash: scenario.source.hash },
    seed: '7',
    team: [{ name: 'Priya', role: 'ic' }, { name: 'Tom', role: 'ops' }],
    facilitator: 'Sam',
    mode: 'play',
  };
  return [[0, started] as [number, RecordBody], [0, { type: 'clock-started' }] as [number, RecordBody], ...bodies].map(
    ([sec, body], seq) => ({ seq, t: sec * 1000, wall: sec * 1000, ...body }) as DrillRecord,
  );
}

describe('the report of a corrected journal', () => {
  const records = journal(
    [40, { type: 'decision-opened', id: 'respond' }],
    [60, { type: 'decision-made', id: 'respond', option: 'revert', by: 'Priya' }],
    [75, { type: 'rationale', id: 'respond', text: 'the push is the only change', by: 'Priya' }],
    [80, { type: 'action-started', id: 'add-worker', by: 'Tom' }],
    [90, { type: 'note', text: 'queue at 600', by: 'Tom' }],
    [92, { type: 'action-landed', id: 'add-worker' }],
    [95, { type: 'correction', of: 5, change: 'strike', text: 'mis-keyed', by: 'Sam' }],
    [99, { type: 'correction', of: 6, change: 'amend', text: 'queue at 650', by: 'Sam' }],
  );
  const report = buildReport(scenario, records);

  it('reads a reason added afterwards as the answer’s', () => {
    expect(report.decisions.find((d) => d.id === 'respond')).toMatchObject({ outcome: 'chosen', by: 'Priya', rationale: 'the push is the only change' });
  });

  it('no longer counts a struck action, and marks it in the timeline with when and by whom', () => {
    expect(report.stats.actionsTaken).toBe(0);
    const started = report.log.find((e) => e.seq === 5)!;
    expect(started.what).toMatch(/\[struck at T\+01:35 by Sam: mis-keyed\]$/);
    expect(report.log.find((e) => e.seq === 7)!.what).toMatch(/^Done: .*\[struck at T\+01:35 by Sam: mis-keyed\]$/);
    expect(report.log.find((e) => e.seq === 8)).toMatchObject({ who: 'Sam', what: expect.stringMatching(/^Struck from the record: Started: /) });
  });

  it('shows an amended note’s new words, with what it said before', () => {
    const note = report.log.find((e) => e.seq === 6)!;
    expect(note.what).toBe('queue at 650 [amended at T+01:39 by Sam; was “queue at 600”]');
  });
});

describe('the report of a journal with records credited to someone else', () => {
  const records = journal(
    [40, { type: 'decision-opened', id: 'respond' }],
    [60, { type: 'decision-made', id: 'respond', option: 'revert', by: 'Tom' }],
    [70, { type: 'note', text: 'queue at 600', by: 'Tom' }],
    [72, { type: 'lookup-asked', id: 'queue-depth', by: 'Tom', text: '600' }],
    [80, { type: 'lookup-answered', id: 'queue-depth', asked: 5, by: 'Tom', text: '600' }],
    [90, { type: 'correction', of: 3, change: 'credit', to: 'Priya', by: 'Sam' }],
    [91, { type: 'correction', of: 4, change: 'credit', to: 'Priya', by: 'Sam' }],
    [92, { type: 'correction', of: 4, change: 'credit', by: 'Sam' }],
    [93, { type: 'correction', of: 5, change: 'credit', to: 'Priya', by: 'Sam' }],
  );
  const report = buildReport(scenario, records);

  it('credits the answer to whom the correction names, wherever the report says who answered', () => {
    expect(report.decisions.find((d) => d.id === 'respond')).toMatchObject({ by: 'Priya' });
    expect(report.timeline.find((r) => r.seq === 3)).toMatchObject({ who: 'Priya' });
    expect(report.log.find((e) => e.seq === 3)).toMatchObject({ who: 'Priya', what: expect.stringMatching(/\[re-credited at T\+01:30 by Sam; was Tom\]$/) });
    expect(report.log.find((e) => e.seq === 8)).toMatchObject({ who: 'Sam', what: expect.stringMatching(/^Credited to Priya: /) });
  });

  it('applies credits in order: the last one wins, and each mark says who it was credited to before', () => {
    const note = report.log.find((e) => e.seq === 4)!;
    expect(note.who).toBeUndefined();
    expect(note.what).toBe('queue at 600 [re-credited at T+01:31 by Sam; was Tom; re-credited at T+01:32 by Sam; was Priya]');
    expect(report.log.find((e) => e.seq === 9)!.what).toMatch(/^Credited to the team: /);
  });

  it('moves a lookup’s credit to its answer too', () => {
    expect(report.lookups.asked[0]).toMatchObject({ by: 'Priya' });
    expect(report.log.find((e) => e.seq === 6)).toMatchObject({ who: 'Priya', what: 'Looked at: queue-depth [re-credited at T+01:33 by Sam; was Tom]' });
    expect(report.log.find((e) => e.seq === 10)!.what).toBe('Credited to Priya: Asked: queue-depth');
  });

  it('keeps the journal as it was', () => {
    expect(records[3]).toMatchObject({ by: 'Tom' });
  });
});
