/**
 * The journal reader's quick check (src/journal/quick-check.ts) stands in for zod on every line it
 * accepts, so it must never accept what zod refuses, nor anything zod would return changed (other
 * keys, other order). It must also accept every record a real drill writes: otherwise the reader
 * silently falls back to zod and the journal is read at the old speed.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { recordSchema, type DrillRecord } from '../../src/engine/records.js';
import { compileQuickCheck } from '../../src/journal/quick-check.js';
import { playDrill } from '../helpers/report-drill.js';

const SEED = Number(process.env.DRILL_FC_SEED ?? 20261125);
const quick = compileQuickCheck(recordSchema);

/** What the reader relies on: quick says yes ⇒ zod says yes, with the very same JSON. */
function expectSound(check: (v: unknown) => boolean, schema: z.ZodType, value: unknown): void {
  if (!check(value)) return;
  const parsed = schema.safeParse(value);
  expect(parsed.success, JSON.stringify(value)).toBe(true);
  if (parsed.success) expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(value));
}

let records: DrillRecord[] = [];
beforeAll(async () => {
  const answers = readdirSync('test/answers').filter((f) => f.startsWith('k8s-shrink.') || f.startsWith('zone-loss.'));
  for (const file of answers) {
    const scenario = `scenarios/${file.split('.')[0]}.yaml`;
    records.push(...(await playDrill(scenario, `test/answers/${file}`)).records);
  }
  records = records.map((r) => JSON.parse(JSON.stringify(r)) as DrillRecord);
}, 60_000);

describe('the quick check of journal records', () => {
  it('accepts every record real drills write, of many types', () => {
    expect(new Set(records.map((r) => r.type)).size).toBeGreaterThan(10);
    for (const r of records) expect(quick(r), JSON.stringify(r)).toBe(true);
  });

  it('refuses what zod refuses, and anything zod would return reordered', () => {
    const note = { seq: 4, t: 0, wall: 0, type: 'note', text: 'x' };
    const cases: unknown[] = [
      null,
      4,
      [note],
      { ...note, extra: 1 },
      { ...note, seq: -1 },
      { ...note, seq: 1.5 },
      { ...note, seq: 2 ** 60 },
      { ...note, t: -1 },
      { ...note, text: 3 },
      { ...note, type: 'nope' },
      { t: 0, seq: 4, wall: 0, type: 'note', text: 'x' },
      { seq: 4, t: 0, wall: 0, type: 'speed', speed: 0 },
      { seq: 4, t: 0, wall: 0, type: 'followup', text: 'x', kind: 'other' },
      { seq: 4, t: 0, wall: 0, type: 'world', values: JSON.parse('{"__proto__":1}') },
      { seq: 4, t: 0, wall: 0, type: 'world', values: { a: 'x' } },
      { seq: 4, t: 0, wall: 0, type: 'world', values: { a: 1 }, ramps: { a: { until: 1, to: 2 } } },
      JSON.parse('{"seq":4,"t":0,"wall":0,"type":"note","text":"x","__proto__":{}}'),
    ];
    for (const value of cases) {
      expect(quick(value), JSON.stringify(value)).toBe(false);
      expectSound(quick, recordSchema, value);
    }
    expect(quick(note)).toBe(true);
  });

  it('never accepts a damaged record that zod refuses or would change (property)', () => {
    // Damage real records: replace, drop or add a key anywhere, or shuffle key order.
    const json = fc.oneof(fc.jsonValue(), fc.constantFrom(-1, 0, 1.5, 2 ** 53, '', 'prevent', 'play', true, null, {}, []));
    fc.assert(
      fc.property(fc.nat(), fc.nat(), json, fc.constantFrom('replace', 'drop', 'add', 'swap'), (pick, at, value, how) => {
        const record = structuredClone(records[pick % records.length]!) as Record<string, unknown>;
        const keys = Object.keys(record);
        const key = keys[at % keys.length]!;
        let damaged: Record<string, unknown>;
        if (how === 'replace') damaged = { ...record, [key]: value };
        else if (how === 'drop') damaged = Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
        else if (how === 'add') damaged = { ...record, [`k${at % 5}`]: value, ...(typeof value === 'object' && value ? { values: value } : {}) };
        else damaged = Object.fromEntries([[key, record[key]], ...Object.entries(record).filter(([k]) => k !== key)]);
        expectSound(quick, recordSchema, damaged);
      }),
      { numRuns: 3000, seed: SEED },
    );
  });

  it('compiles what it does not know to "ask zod"', () => {
    const unknown = compileQuickCheck(z.string().min(2));
    expect(unknown('abc')).toBe(false);
    expect(compileQuickCheck(z.object({ a: z.string() }))({ a: 'x' })).toBe(false);
    expect(compileQuickCheck(z.strictObject({ a: z.number().max(3) }))({ a: 1 })).toBe(false);
    expect(compileQuickCheck(z.strictObject({ a: z.number().int().positive(), b: z.string().optional() }))({ a: 1 })).toBe(true);
  });
});
