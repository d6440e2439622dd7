// A `drill run` journal (non-durable: written in batches) holds exactly the lines a `drill play`
// journal (durable: every record written at once) holds for the same records, including the
// escapes of characters a terminal could take for control sequences.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalWriter } from '../../src/journal/writer.js';
import type { DrillRecord } from '../../src/engine/records.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'drill-batch-'));
const note = (seq: number, text: string): DrillRecord => ({ seq, t: seq * 1000, wall: seq, type: 'note', text }) as DrillRecord;
const TEXTS = ['plain', 'del \u007f here', 'csi \u009b2J', 'line\u2028sep and para\u2029sep', 'café ☕ 👍', 'nl\nand \u0007 bell'];

function writeAll(durable: boolean, sends: number[]): string {
  const path = join(tmp(), 'journal.jsonl');
  const records = TEXTS.map((text, i) => note(i, text));
  const writer = JournalWriter.create(path, { durable });
  let from = 0;
  for (const upTo of sends) {
    writer.write(records.slice(0, upTo), from);
    from = upTo;
  }
  writer.close();
  return readFileSync(path, 'utf8');
}

describe('journal batches', () => {
  it('write the same bytes as one write per record, escapes included', () => {
    const durable = writeAll(true, [1, 2, 3, 4, 5, 6]);
    expect(writeAll(false, [1, 2, 3, 4, 5, 6])).toBe(durable);
    expect(writeAll(false, [6])).toBe(durable);
    expect(writeAll(false, [2, 2, 5, 6])).toBe(durable);
    expect(durable).toContain('del \\u007f here');
    expect(durable).toContain('csi \\u009b2J');
    expect(durable).toContain('line\\u2028sep and para\\u2029sep');
    expect(durable).toContain('café ☕ 👍');
    expect(durable).not.toMatch(/[\u007f-\u009f\u2028\u2029]/);
    const lines = durable.trimEnd().split('\n');
    expect(lines).toHaveLength(TEXTS.length + 1);
    expect(lines.slice(1).map((l) => JSON.parse(l).text)).toEqual(TEXTS);
  });

  it('write only the records from the index given', () => {
    const path = join(tmp(), 'journal.jsonl');
    const writer = JournalWriter.create(path, { durable: false });
    const records = TEXTS.map((text, i) => note(i, text));
    writer.write(records, 4);
    writer.write(records, 6);
    writer.close();
    const seqs = readFileSync(path, 'utf8').trimEnd().split('\n').slice(1).map((l) => JSON.parse(l).seq);
    expect(seqs).toEqual([4, 5]);
  });
});
