
import { describe, expect, it } from 'vitest';
import { replayJournal } from '../../src/engine/replay.js';
import { initialModel } from '../../src/ui/update.js';
import { speakerName } from '../../src/ui/model.js';
import { FeedLog } from '../../src/ui/feed-model.js';
import { ScreenDriver } from '../helpers/screen-model.js';
import { K8S_TEAM, libraryScenario } from '../helpers/load.js';

const k8sShrink = () => libraryScenario('k8s-shrink');
const team = [...K8S_TEAM];

/** k8s-shrink once both "acknowledge the page" and "ask Dana" can be taken. */
function twoActionsOpen(): ScreenDriver {
  const d = new ScreenDriver({ scenario: k8sShrink(), team, facilitator: 'Morgan' });
  d.press('Enter');
  for (let t = 1000; !(d.core.canTake('acknowledge-page') && d.core.canTake('ask-dana')); t += 1000) {
    if (t > 600_000) throw new Error('the two actions never became available together');
    d.advanceTo(t);
  }
  return d;
}

const choiceLabels = (d: ScreenDriver) => (d.ui.mode.kind === 'form' ? d.ui.mode.state.form.fields[d.ui.mode.state.index]!.choices! : []);

describe('the record stays right', () => {
  it('keeps each action under its key while another is under way', () => {
    const d = twoActionsOpen();
    d.press('a');
    const keyOf = (id: string) => choiceLabels(d).find((c) => c.value === id)?.key;
    const askDana = keyOf('ask-dana');
    d.press(keyOf('acknowledge-page')!, 'Enter');
    expect(d.core.inProgress.has('acknowledge-page')).toBe(true);
    d.press('a');
    expect(keyOf('ask-dana')).toBe(askDana);
    expect(choiceLabels(d).find((c) => c.value === 'acknowledge-page')?.unavailable).toMatch(/^under way/);
    d.press(askDana!, 'Enter');
    expect(d.core.records.filter((r) => r.type === 'action-started').map((r) => r.type === 'action-started' && r.id)).toEqual(['acknowledge-page', 'ask-dana']);
  });

  it('refuses the key of an action under way instead of taking another', () => {
    const d = twoActionsOpen();
    d.press('a', '1', 'Enter', 'a', '1');
    expect(d.ui.mode.kind === 'form' && d.ui.mode.state.error).toMatch(/^1: under way/);
  });

  it('strikes a mis-keyed action, credited to the facilitator, and the journal replays with it', () => {
    const d = twoActionsOpen();
    d.press('Tab', 'Tab', 'a', '2', 'Enter'); // Sam asks Dana; meant to acknowledge
    const started = d.core.records.find((r) => r.type === 'action-started')!;
    d.press('c');
    expect(choiceLabels(d)[0]!.label).toContain('action: Ask Dana');
    d.press('1', 'Enter', '1', 'Enter', 'mis-keyed', 'Enter'); // strike
    expect(d.core.records.at(-1)).toMatchObject({ type: 'correction', of: started.seq, change: 'strike', text: 'mis-keyed', by: 'Morgan' });
    expect(d.core.struck.has(started.seq)).toBe(true);
    const replayed = replayJournal(d.scenario, d.core.records);
    expect(replayed.ok).toBe(true);
  });

  it('brings the speaker back on resume', () => {
    const d = twoActionsOpen();
    d.press('Tab', 'Tab'); // Sam
    const replayed = replayJournal(d.scenario, d.core.records);
    if (!replayed.ok) throw new Error(replayed.message);
    const snapshot = replayed.actor.getSnapshot();
    const feed = new FeedLog(d.scenario);
    feed.sync(snapshot.context.core.records);
    const shown = { snapshot, core: snapshot.context.core, version: 0, savedCount: 0, writeError: undefined, notice: undefined, feed: feed.entries, journalPath: 'j' };
    const model = initialModel({ scenario: d.scenario, team }, shown, 20);
    expect(speakerName(model)).toBe('Sam');
  });

  it('quotes an off-script answer once, even when it was typed in quotes', () => {
    const d = new ScreenDriver({ team });
    d.press('Enter');
    d.advanceTo(16_000);
    d.press('o', '"Degraded: we are on it"', 'Enter', 'Esc');
    const last = d.model.drill.feed.filter((e) => e.kind === 'line').at(-1);
    expect(last).toMatchObject({ tag: 'OFF-SCRIPT', text: '"Degraded: we are on it"' });
  });

  it('shows a reason, more time and a correction in the feed', () => {
    const d = new ScreenDriver({ team, facilitator: 'Morgan' });
    d.press('Enter');
    d.advanceTo(16_000);
    d.press('x', '1', 'because', 'Enter', 'c', '1', 'Enter', '1', 'Enter', 'better reason', 'Enter'); // amend
    const tags = d.model.drill.feed.flatMap((e) => (e.kind === 'line' ? [e.tag] : []));
    expect(tags).toEqual(expect.arrayContaining(['MORE TIME', 'DECIDED', 'WHY', 'AMENDED']));
  });
});
