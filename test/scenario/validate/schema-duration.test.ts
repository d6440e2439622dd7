import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, durationSchema } from '../../../src/scenario/index.js';
import { formatDuration, parseDuration } from '../../../src/conditions/duration.js';
import { at, edit, errorLines, fixtureText } from '../../helpers/problem-lines.js';

const accepts = (text: string): boolean => durationSchema.safeParse(text).success;

describe('the schema’s duration pattern', () => {
  it.each(['90s', '1.5s', '0.5m', '1h 30.5m', '2.25h', '1h2m3.5s', '  45s ', '45', '7.5', '0s'])('accepts %j', (text) => {
    expect(accepts(text)).toBe(true);
  });

  it.each(['', ' ', '\t\n', '1.s', '.5s', '1h30', '30m1h', '1.5.5s', '1,5s', '5 s', '-1s', 'm', '1hh'])('rejects %j', (text) => {
    expect(accepts(text)).toBe(false);
  });

  it('accepts exactly the texts parseDuration reads', () => {
    const amount = fc.oneof(fc.nat({ max: 120 }).map(String), fc.tuple(fc.nat({ max: 99 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}.${b}`), fc.constantFrom('', '.5', '1.', '١'));
    const piece = fc.tuple(amount, fc.constantFrom('h', 'm', 's', '', 'ms', ' ')).map(([n, unit]) => n + unit);
    const text = fc.tuple(fc.constantFrom('', ' '), fc.array(piece, { maxLength: 4 }), fc.constantFrom('', ' ', '  ')).map(([a, parts, b]) => a + parts.join(b) + a);
    fc.assert(
      fc.property(text, (t) => {
        expect(accepts(t)).toBe(parseDuration(t) !== undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts everything formatDuration prints', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100 * 3_600_000 }), (ms) => {
        expect(accepts(formatDuration(ms))).toBe(true);
      }),
    );
  });

  it('lets a scenario use decimal durations, and still says what to write for a bad one', () => {
    const small = fixtureText('small.yaml');
    const result = loadScenarioText(edit(small, ['at: 2m', 'at: 1.5m'], ['takes: 4m', 'takes: 0.5h']), 't.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.injectById.get('disk-alert')!.trigger.atMs).toBe(90_000);
    expect(result.scenario.actionById.get('grow-volume')!.takesMs).toBe(1_800_000);
    const bad = edit(small, ['at: 2m', 'at: 1.m']);
    expect(errorLines(bad)).toEqual([`t.yaml:${at(bad, '1.m')}: \`1.m\` is not a valid \`at\`; write a duration such as 90s, 4m or 1h30m`]);
  });
});
