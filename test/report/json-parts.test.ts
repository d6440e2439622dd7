/**
 * report.json is written in pieces (src/report/json.ts) so that a big drill's report never exists
 * as one string; joined, the pieces must be exactly what one JSON.stringify gave before.
 */
import { describe, expect, it } from 'vitest';
import { jsonParts, renderJson } from '../../src/report/json.js';
import type { Report } from '../../src/report/report-schema.js';

/** The single-string rendering the pieces replaced. */
const reference = (value: unknown): string =>
  `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;

const entry = (i: number) => ({ seq: i, tMs: i * 1000, wall: '2026-01-15T14:00:00.000Z', source: 'note', ...(i % 3 ? { who: `Ana ${i}` } : {}), what: `line ${i} \u009b[31m \u2028 “quoted” \n` });

describe('report.json in pieces', () => {
  it('joins to JSON.stringify(report, null, 2) for long arrays, nested values, empty arrays and undefined members', () => {
    const report = {
      format: 'drill-report',
      version: 1,
      nothing: undefined,
      scenario: { id: 'x', nested: { list: [1, [2, []], {}], empty: [] } },
      timeline: Array.from({ length: 9001 }, (_, i) => entry(i)),
      exactly: Array.from({ length: 4000 }, (_, i) => i),
      holes: Array.from({ length: 4001 }, (_, i) => (i % 2 ? undefined : { a: i })),
      empty: [],
      last: null,
    } as unknown as Report;
    const parts = [...jsonParts(report)];
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.join('')).toBe(reference(report));
    expect(parts.join('')).toBe(renderJson(report));
  });

  it('writes an object with no members as {}', () => {
    expect([...jsonParts({ only: undefined } as unknown as Report)].join('')).toBe('{}\n');
    expect([...jsonParts({} as Report)].join('')).toBe('{}\n');
    expect(renderJson({} as Report)).toBe('{}\n');
  });
});
