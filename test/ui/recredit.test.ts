
import { describe, expect, it } from 'vitest';
import { replayJournal } from '../../src/engine/replay.js';
import { buildReport } from '../../src/report/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { ScreenDriver } from '../helpers/screen-model.js';
import { K8S_TEAM, libraryScenario } from '../helpers/load.js';

const k8sShrink = () => libraryScenario('k8s-shrink');
const team = [...K8S_TEAM];

/** k8s-shrink with `first-response` (incident commander's) answered while Lee had the word. */
function answeredAsLee(): ScreenDriver {
  const d = new ScreenDriver({ scenario: k8sShrink(), team, facilitator: 'Morgan' });
  d.press('Enter');
  for (let t = 1000; !d.core.open.has('first-response'); t += 1000) {
    if (t > 900_000) throw new Error('first-response never opened');
    d.advanceTo(t);
  }
  d.press('Tab', 'Tab', 'Tab', '1', 'Esc'); // Priya, Sam, Lee: one Tab too many; the Why? left empty
  expect(answerOf(d)).toMatchObject({ id: 'first-response', by: 'Lee' });
  return d;
}

const answerOf = (d: ScreenDriver) => d.core.records.findLast((r) => r.type === 'decision-made')!;
const field = (d: ScreenDriver) => (d.ui.mode.kind === 'form' ? d.ui.mode.state.form.fields[d.ui.mode.state.index]! : undefined);

describe('crediting a record to someone else', () => {
  it('offers the credit for an answer, then the team, with whoever has it now not pickable', () => {
    const d = answeredAsLee();
    d.press('c', '1', 'Enter');
    expect(field(d)!.choices!.map((c) => c.label)).toEqual(['amend its words', 'credit it to someone else']);
    d.press('2', 'Enter');
    expect(field(d)).toMatchObject({ name: 'to', prompt: 'Credit it to whom?' });
    const choices = field(d)!.choices!;
    expect(choices.map((c) => c.label)).toEqual(['Priya (incident-commander)', 'Sam (ops)', 'Lee (comms)', 'the team as a whole']);
    expect(choices[2]!.unavailable).toBe('credited now');
  });

  it('records the credit, replays it, and the report says Priya answered, marked as re-credited', () => {
    const d = answeredAsLee();
    const answer = answerOf(d);
    d.press('c', '1', 'Enter', '2', 'Enter', '1', 'Enter');
    expect(d.core.records.at(-1)).toMatchObject({ type: 'correction', of: answer.seq, change: 'credit', to: 'Priya', by: 'Morgan' });
    expect(d.core.records.at(-1)).not.toHaveProperty('text');
    expect(d.ui.flash?.text).toMatch(/^Credited to Priya/);
    const feedTags = d.model.drill.feed.flatMap((e) => (e.kind === 'line' ? [e.tag] : []));
    expect(feedTags).toContain('RE-CREDITED');

    const before = buildReport(d.scenario, d.core.records.slice(0, -1));
    expect(before.decisions.find((x) => x.id === 'first-response')).toMatchObject({ by: 'Lee', outsideRole: true });
    expect(renderMarkdown(before)).toMatch(/Lee, who plays/);

    const replayed = replayJournal(d.scenario, d.core.records);
    expect(replayed.ok).toBe(true);

    const report = buildReport(d.scenario, d.core.records);
    const decision = report.decisions.find((x) => x.id === 'first-response')!;
    expect(decision.by).toBe('Priya');
    expect(decision.outsideRole).toBeUndefined();
    const row = report.timeline.find((x) => x.seq === answer.seq)!;
    expect(row.who).toBe('Priya');
    expect(row.what).not.toMatch(/answered by Lee/);
    const logged = report.log.find((e) => e.seq === answer.seq)!;
    expect(logged.who).toBe('Priya');
    expect(logged.what).toMatch(/\[re-credited at T\+\d\d:\d\d by Morgan; was Lee\]$/);
    expect(report.log.at(-1)).toMatchObject({ who: 'Morgan', what: expect.stringMatching(/^Credited to Priya: /) });
    const md = renderMarkdown(report);
    expect(md).not.toMatch(/Lee, who plays/);
  });

  it('credits an action to the team as a whole, and refuses to credit it to whom it is credited already', () => {
    const d = answeredAsLee();
    d.press('a', '1', 'Enter'); // Lee still has the word
    const started = d.core.records.findLast((r) => r.type === 'action-started')!;
    expect(started).toMatchObject({ by: 'Lee' });
    d.press('c', '1', 'Enter', '2', 'Enter', '3');
    expect(d.ui.mode.kind === 'form' && d.ui.mode.state.error).toMatch(/credited now/);
    d.press('4', 'Enter');
    expect(d.core.records.at(-1)).toMatchObject({ type: 'correction', of: started.seq, change: 'credit', by: 'Morgan' });
    expect(d.core.records.at(-1)).not.toHaveProperty('to');
    const report = buildReport(d.scenario, d.core.records);
    expect(report.actions.find((a) => a.startedMs === started.t)).not.toHaveProperty('by');
    expect(report.log.find((e) => e.seq === started.seq)!.what).toMatch(/\[re-credited at .* by Morgan; was Lee\]$/);
  });

  it('offers a lookup by what was looked up, with only the credit to make', () => {
    const d = answeredAsLee();
    d.press('l', '1', 'Enter');
    const asked = d.core.records.findLast((r) => r.type === 'lookup-asked')!;
    d.press('c');
    const label = field(d)!.choices![0]!.label;
    expect(label).toMatch(/ looked up: .* \(Lee\)$/);
    expect(label).toContain(d.scenario.lookupById.get(asked.type === 'lookup-asked' ? asked.id : '')!.label);
    d.press('1', 'Enter');
    expect(field(d)).toMatchObject({ name: 'change', defaultValue: 'credit' });
  });

  it('refuses a credit to someone not on the team, and one to whom it already goes', () => {
    const d = answeredAsLee();
    const of = answerOf(d).seq;
    expect(d.core.canCorrect(of, 'credit', 'Dana')).toBe(false);
    expect(d.core.canCorrect(of, 'credit', 'Lee')).toBe(false);
    expect(d.core.canCorrect(of, 'credit', 'Priya')).toBe(true);
    expect(d.core.canCorrect(of, 'credit', undefined)).toBe(true);
    expect(d.core.canCorrect(of, 'amend', 'Priya')).toBe(false);
  });
});
