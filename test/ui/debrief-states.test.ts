/**
 * The debrief as states, through `update` with no rendering: the summary until Enter, one question
 * after another with each entry recorded as it is entered, Esc back a question, the last step that
 * finishes the drill and writes the report, and any key to leave once it is written.
 */
import { describe, expect, it } from 'vitest';
import { update } from '../../src/ui/update.js';
import { debriefKey, DEBRIEF_SUMMARY, debriefStep, question, type DebriefState } from '../../src/ui/debrief-states.js';
import { inkKey, JOURNAL, ScreenDriver } from '../helpers/screen-model.js';

/** A drill ended by the facilitator: the screen shows the summary. */
function ended() {
  const d = new ScreenDriver();
  d.press('Enter');
  d.advanceTo(16_000);
  d.press('e', 'y');
  return d;
}

/** What the debrief's open form is for: a question's entry, or the planted factor of the cause just recorded. */
const purposeOf = (state: DebriefState) => (state.stage === 'question' ? state.form.form.purpose.kind : undefined);

const stageOf = (d: ScreenDriver) => {
  const s = d.ui.debrief;
  return s.stage === 'question' ? `question:${s.section}` : s.stage;
};

describe('the debrief', () => {
  it('goes from the summary through every question to the written report', () => {
    const d = ended();
    expect(stageOf(d)).toBe('summary');
    // Keys meant for the live drill (pressed as it ended) do not land in the questions.
    d.press('a', '3');
    expect(stageOf(d)).toBe('summary');

    d.press('Enter');
    expect(stageOf(d)).toBe('question:cause');
    // The cause is recorded at its Enter, before its planted factor is picked.
    const cause = d.press('The queue password rotated under the workers', 'Enter');
    expect(cause).toEqual([expect.objectContaining({ event: { type: 'DEBRIEF', section: 'cause', text: 'The queue password rotated under the workers' } })]);
    expect(d.ui.flash?.text).toBe('Recorded.');
    const recorded = d.core.records.at(-1)!;
    expect(recorded).toMatchObject({ type: 'debrief', section: 'cause', text: 'The queue password rotated under the workers' });
    expect(purposeOf(d.ui.debrief)).toBe('debrief-factor');
    const link = d.press('1', 'Enter');
    expect(link).toEqual([expect.objectContaining({ event: { type: 'LINK_FACTORS', factors: ['rotated-credentials'] } })]);
    expect(d.core.records.at(-1)).toMatchObject({ type: 'cause-factors', of: recorded.seq, factors: ['rotated-credentials'] });
    expect(d.ui.flash?.text).toBe('Linked to the factor.');
    expect(stageOf(d)).toBe('question:cause'); // a fresh line for the next cause
    expect(purposeOf(d.ui.debrief)).toBe('debrief');
    d.press('Enter');
    expect(stageOf(d)).toBe('question:went-well');
    d.press('The rollback was quick', 'Enter', 'Enter');
    expect(stageOf(d)).toBe('question:went-poorly');
    d.press('Enter');
    expect(stageOf(d)).toBe('question:lucky');
    d.press('It was a quiet hour', 'Enter', 'Enter');
    expect(stageOf(d)).toBe('question:action');
    const action = d.press('Rotate credentials with a restart', 'Enter', 'Alex', 'Enter', '1', 'Enter');
    expect(action).toEqual([
      expect.objectContaining({ event: { type: 'DEBRIEF', section: 'action', text: 'Rotate credentials with a restart', owner: 'Alex', kind: 'prevent' } }),
    ]);
    expect(d.ui.flash?.text).toBe('Action recorded.');
    d.press('Enter');
    expect(stageOf(d)).toBe('question:summary');
    const summary = d.press('The workers lost their queue password; a restart brought them back', 'Enter');
    expect(summary).toEqual([
      expect.objectContaining({ event: { type: 'DEBRIEF', section: 'summary', text: 'The workers lost their queue password; a restart brought them back' } }),
    ]);
    d.press('Enter');
    expect(stageOf(d)).toBe('closing');
    expect(debriefStep(d.ui.debrief)).toBe(6);

    expect(d.press('Enter')).toEqual([expect.objectContaining({ event: { type: 'FINISH' } })]);
    expect(d.effects.slice(-1)).toEqual([{ kind: 'write-reports' }]);
    expect(d.ui.debrief).toEqual({ stage: 'written', paths: [JOURNAL, 'drills/ui-mini/report.md'] });
    expect(d.core.records.filter((r) => r.type === 'debrief').map((r) => r.type === 'debrief' && r.section)).toEqual(['cause', 'went-well', 'lucky', 'action', 'summary']);

    d.press('x');
    expect(d.exited).toBe('finished');
  });

  it('goes back a question with Esc, and from the first back to the summary', () => {
    const d = ended();
    d.press('Enter', 'Enter', 'Enter');
    expect(stageOf(d)).toBe('question:went-poorly');
    d.press('Esc');
    expect(stageOf(d)).toBe('question:went-well');
    d.press('Esc', 'Esc');
    expect(stageOf(d)).toBe('summary');
    d.press('Enter', 'Enter', 'Enter', 'Enter', 'Enter', 'Enter', 'Enter');
    expect(stageOf(d)).toBe('closing');
    d.press('Esc');
    expect(stageOf(d)).toBe('question:summary');
  });

  it('says where the report could not be written, with the command that writes it later', () => {
    const d = ended();
    const [model] = update(d.model, { type: 'reports-failed', journal: JOURNAL, reason: 'EROFS: read-only file system' });
    expect(model.ui.debrief).toEqual({
      stage: 'written',
      paths: [JOURNAL],
      error: `the report could not be written (EROFS: read-only file system); the journal is complete, so \`drill report ${JOURNAL}\` can write it later`,
    });
  });

  it('is a reducer of its own: a key in, the next state and at most one command out', () => {
    const d = ended();
    const ctx = d.model.setup;
    const [typed, none] = debriefKey(question('lucky', ctx), ...inkKey('x'), ctx);
    expect(none).toBeUndefined();
    expect(typed).toMatchObject({ stage: 'question', section: 'lucky', form: { text: 'x' } });
    expect(debriefKey(typed, ...inkKey('Enter'), ctx)).toEqual([
      question('lucky', ctx),
      { kind: 'send', event: { type: 'DEBRIEF', section: 'lucky', text: 'x', factor: undefined }, done: 'Recorded.' },
    ]);
    expect(debriefKey(DEBRIEF_SUMMARY, ...inkKey('Enter'), ctx)).toEqual([DEBRIEF_SUMMARY, undefined]);
  });
});

describe('a debrief opened again after a resume', () => {
  it('picks up at the question of the last entry recorded, the entries kept and none asked again', async () => {
    const { initialModel } = await import('../../src/ui/update.js');
    const d = ended();
    d.press('Enter', 'The queue password rotated', 'Enter', 'Enter', 'Enter'); // a cause (text, factor), then on
    d.press('The rollback was quick', 'Enter', 'Enter'); // went well, then on
    d.press('Nobody was paging', 'Enter'); // killed here, in the third question after its answer
    const entries = d.core.records.filter((r) => r.type === 'debrief');
    expect(entries.map((r) => r.type === 'debrief' && r.section)).toEqual(['cause', 'went-well', 'went-poorly']);
    // A fresh screen on the same drill, as `drill play --resume` opens one.
    const reopened = initialModel(d.model.setup, d.shown(), 20);
    expect(reopened.ui.debrief.stage === 'question' && reopened.ui.debrief.section).toBe('went-poorly');
    expect(d.core.records.filter((r) => r.type === 'debrief')).toHaveLength(3);
  });

  it('opens the planted-factor picker again for a cause recorded before its factor was picked', async () => {
    const { initialModel } = await import('../../src/ui/update.js');
    const d = ended();
    d.press('Enter', 'The queue password rotated', 'Enter'); // killed here, the picker open
    const cause = d.core.records.at(-1)!;
    expect(cause).toMatchObject({ type: 'debrief', section: 'cause', text: 'The queue password rotated' });
    const reopened = initialModel(d.model.setup, d.shown(), 20);
    expect(purposeOf(reopened.ui.debrief)).toBe('debrief-factor');
    d.model = reopened;
    d.press('1', 'Enter');
    expect(d.core.records.at(-1)).toMatchObject({ type: 'cause-factors', of: cause.seq, factors: ['rotated-credentials'] });
    // Once picked (or said to be none), the resume comes back to the causes, not to the picker.
    expect(purposeOf(initialModel(d.model.setup, d.shown(), 20).ui.debrief)).toBe('debrief');
  });

  it('starts at the summary when nothing was recorded in it yet', async () => {
    const { initialModel } = await import('../../src/ui/update.js');
    const d = ended();
    expect(initialModel(d.model.setup, d.shown(), 20).ui.debrief).toEqual(DEBRIEF_SUMMARY);
  });
});
