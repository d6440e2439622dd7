/**
 * A generated file with a mistake in every item: the first items that fail are described, the
 * rest only counted in one line at their list, and the meaning is checked once they are fixed.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario/index.js';
import { MAX_DESCRIBED_ITEMS } from '../../../src/scenario/validate/index.js';
import { edit, fixtureText, problemLines } from '../../helpers/problem-lines.js';

const SMALL = fixtureText('small.yaml');

/** SMALL with `count` more injects first, each without its `channel:`. */
function withBrokenInjects(count: number): string {
  const injects = Array.from({ length: count }, (_, i) => `  - {id: extra-${i}, text: hi, at: 1m}\n`).join('');
  return edit(SMALL, ['injects:\n', `injects:\n${injects}`]);
}

const missingChannel = (i: number, line: number): string => `t.yaml:${line}:5: inject \`extra-${i}\` is missing \`channel:\` (how the inject reaches the team)`;

describe('a list with more items that fail the schema than anyone reads', () => {
  it('describes the first ones, counts the rest at the list, and leaves the meaning for later', () => {
    const count = MAX_DESCRIBED_ITEMS + 500;
    const text = withBrokenInjects(count);
    const result = loadScenarioText(text, 't.yaml');
    expect(result.ok).toBe(false);
    const lines = problemLines(result);
    const injectsLine = text.split('\n').indexOf('injects:') + 1;
    expect(lines[0]).toBe(
      `t.yaml:${injectsLine}:1: ${count} of the ${count + 3} items here fail the schema; the first ${MAX_DESCRIBED_ITEMS} are described, and the scenario's meaning (ids, conditions, what can happen) is checked once these are fixed`,
    );
    expect(lines[1]).toBe(missingChannel(0, injectsLine + 1));
    expect(lines).toHaveLength(MAX_DESCRIBED_ITEMS + 1);
    expect(lines[MAX_DESCRIBED_ITEMS]).toBe(missingChannel(MAX_DESCRIBED_ITEMS - 1, injectsLine + MAX_DESCRIBED_ITEMS));
  });

  it('up to the limit, every item is described and the meaning is checked as usual', () => {
    const text = edit(withBrokenInjects(MAX_DESCRIBED_ITEMS), ['after: triage', 'after: triag']);
    const lines = problemLines(loadScenarioText(text, 't.yaml'));
    expect(lines.filter((l) => l.includes('is missing `channel:`'))).toHaveLength(MAX_DESCRIBED_ITEMS);
    expect(lines.some((l) => l.includes('fail the schema'))).toBe(false);
    // The misspelt `after:` is a meaning error, found on what could be read.
    expect(lines.some((l) => l.includes('`triag`'))).toBe(true);
  });
});
