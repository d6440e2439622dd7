/**
 * An answers file says what the facilitator's keys say in play: the reason for an answer comes as
 * a record of its own right after it, and `extend:` gives a decision more time as it opens, so an
 * answer given after the first timeout still counts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswersText } from '../../src/session/answers/answers.js';
import { playHeadless } from '../../src/session/headless.js';
import { DrillSession } from '../../src/session/session.js';
import { fixture } from '../helpers/load.js';

function run(answersYaml: string) {
  const scenario = fixture('report-mini.yaml');
  const answers = loadAnswersText(answersYaml, 'answers.yaml');
  if (!answers.ok) throw new Error(answers.problems.map((p) => p.message).join('\n'));
  const journal = join(mkdtempSync(join(tmpdir(), 'drill-headless-')), 'journal.jsonl');
  const input = { scenario, seed: '1', team: [{ name: 'Priya', role: 'ic' }], facilitator: 'Sam', mode: 'run' as const, wall: 0 };
  const session = DrillSession.start(input, journal, { durable: false });
  const outcome = playHeadless(session, scenario, answers.answers, 0);
  session.close();
  return { outcome, records: session.records };
}

describe('drill run: reasons and extensions', () => {
  it('answers after the first timeout when the decision was given more time, and adds the reason after the answer', () => {
    const { outcome, records } = run('facilitator: Sam\ndecisions:\n  respond: {choose: revert, by: Priya, after: 3m, extend: 2m, note: "the push is the only change"}\n');
    expect(outcome.errors).toEqual([]);
    const types = records.map((r) => r.type);
    expect(records.find((r) => r.type === 'decision-extended')).toMatchObject({ id: 'respond', ms: 120_000, by: 'Sam' });
    expect(records.find((r) => r.type === 'decision-timed-out' && r.id === 'respond')).toBeUndefined();
    const made = types.indexOf('decision-made');
    expect(records[made]).toMatchObject({ id: 'respond', option: 'revert', by: 'Priya' });
    expect(records[made]).not.toHaveProperty('rationale');
    const reason = records.findIndex((r) => r.type === 'rationale');
    expect(reason).toBeGreaterThan(made);
    expect(records[reason]).toMatchObject({ t: records[made]!.t, id: 'respond', text: 'the push is the only change', by: 'Priya' });
  });

  it('without an extension, the same late answer finds the decision timed out', () => {
    const { records } = run('decisions:\n  respond: {choose: revert, after: 3m}\n');
    expect(records.find((r) => r.type === 'decision-timed-out' && r.id === 'respond')).toBeDefined();
  });
});
