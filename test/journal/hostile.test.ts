/**
 * Journals get the same treatment as scenarios: whatever is in the file (a binary, a huge line,
 * lines that are not JSON or not records, a future format), reading it gives the records or one
 * line naming the file and the line, never an exception. A journal cut anywhere, as a kill or a
 * power cut leaves it, reads up to its last complete record; damage anywhere else is refused at
 * the line where it is, and a resumed drill appends cleanly after a cut.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { JournalWriter } from '../../src/journal/writer.js';
import { MAX_JOURNAL_LINE, parseJournal, readJournalFile, type JournalRead } from '../../src/journal/reader.js';
import type { DrillRecord } from '../../src/engine/records.js';
import { fixture } from '../helpers/load.js';
import { playSampleDrill } from '../helpers/sample-drill.js';
import { ensureBuilt, hasPython, RAW_CONTROL, startInPty } from '../hostile/drill-process.js';

/** Property tests run the same cases every time; set DRILL_FC_SEED to explore others. */
const SEED = Number(process.env.DRILL_FC_SEED ?? 20261125);

const tmp = (): string => mkdtempSync(join(tmpdir(), 'drill-jhostile-'));
const scenario = fixture('engine-mini.yaml');

/** A real journal: a drill with notes, a decision and a pause, as `drill play` writes it. */
function realJournal(): { path: string; text: string; records: DrillRecord[] } {
  const path = join(tmp(), 'journal.jsonl');
  const session = playSampleDrill(scenario, path, { durable: false, note: 'café ☕ — unicode in a note' });
  session.close();
  return { path, text: readFileSync(path, 'utf8'), records: [...session.records] };
}

let real: ReturnType<typeof realJournal>;
beforeAll(() => {
  real = realJournal();
  expect(real.records.length).toBeGreaterThan(10);
});

/** Refused in exactly one line, naming the file and `line`. */
function expectRefusedAt(read: JournalRead, path: string, line: number): string {
  expect(read.ok).toBe(false);
  if (read.ok) return '';
  expect(read.message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:1: \\S`));
  expect(read.message).not.toMatch(/[\n\r]/);
  expect(read.message).not.toMatch(RAW_CONTROL);
  return read.message;
}

const lines = () => real.text.split('\n').slice(0, -1);
const withLine = (at: number, line: string): string => [...lines().slice(0, at), line, ...lines().slice(at + 1)].join('\n') + '\n';

describe('hostile journals: one line each, with the line number', () => {
  it('a binary file', () => {
    const path = join(tmp(), 'j.jsonl');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]));
    expect(expectRefusedAt(readJournalFile(path), path, 1)).toBe(`${path}:1:1: not a drill journal: not UTF-8 text (was the file edited?)`);
    writeFileSync(path, Buffer.from('\u0000\u0001\u0002binary but valid UTF-8\n'));
    expectRefusedAt(readJournalFile(path), path, 1);
  });

  it('a huge line in the middle, and a huge first line', () => {
    const huge = JSON.stringify({ seq: 5, t: 0, wall: 0, type: 'note', text: 'x'.repeat(MAX_JOURNAL_LINE) });
    expect(expectRefusedAt(parseJournal(withLine(5, huge), 'j'), 'j', 6)).toBe(
      `j:6:1: damaged journal line: ${huge.length} characters, over the ${MAX_JOURNAL_LINE}-character limit of a record`,
    );
    expectRefusedAt(parseJournal(`${'['.repeat(MAX_JOURNAL_LINE + 1)}\n`, 'j'), 'j', 1);
  });

  it('a line that is not JSON', () => {
    expect(expectRefusedAt(parseJournal(withLine(4, '{"seq":4,"t":0,"wall":0,"type":"note","text":"unfinish'), 'j'), 'j', 5)).toBe(
      'j:5:1: damaged journal line: not JSON (was the file edited?)',
    );
  });

  it.each([
    ['a record without its fields', '{"seq":4}'],
    ['an unknown key', '{"seq":4,"t":0,"wall":0,"type":"clock-started","extra":true}'],
    ['a wrong type of value', '{"seq":4,"t":"soon","wall":0,"type":"clock-started"}'],
    ['an unknown record type', '{"seq":4,"t":0,"wall":0,"type":"rm -rf"}'],
    ['a list', '[4, 0, 0]'],
    ['a number', '4'],
    ['null', 'null'],
    ['a record out of sequence', '{"seq":40,"t":0,"wall":0,"type":"clock-started"}'],
    ['a key full of terminal escapes', '{"seq":4,"t":0,"wall":0,"type":"note","text":"x","\\u001b]52;c;aGk=\\u0007":1}'],
  ])('valid JSON of the wrong shape: %s', (_what, line) => {
    expectRefusedAt(parseJournal(withLine(4, line), 'j'), 'j', 5);
  });

  it('a header of a future version, or no header', () => {
    const future = withLine(0, '{"format":"drill-journal","version":2}');
    expect(expectRefusedAt(parseJournal(future, 'j'), 'j', 1)).toBe('j:1:1: journal version 2 is not supported (this drill reads version 1)');
    expectRefusedAt(parseJournal(lines().slice(1).join('\n') + '\n', 'j'), 'j', 1);
    expectRefusedAt(parseJournal('{"format":"drill-journal","version":"1"}\n', 'j'), 'j', 1);
  });

  it('an empty file, a header alone, a folder, a missing file', () => {
    expectRefusedAt(parseJournal('', 'j'), 'j', 1);
    expectRefusedAt(parseJournal(`${lines()[0]}\n`, 'j'), 'j', 2);
    const dir = tmp();
    expect(readJournalFile(dir)).toEqual({ ok: false, message: `${dir}: not a journal file (a folder); pass the drill's journal.jsonl` });
    expect(readJournalFile(join(dir, 'nope.jsonl'))).toEqual({ ok: false, message: `${join(dir, 'nope.jsonl')}: no such journal file` });
  });

  it('reads Windows line ends as written', () => {
    const read = parseJournal(real.text.replace(/\n/g, '\r\n'), 'j');
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.records).toEqual(real.records);
  });
});

describe('a journal cut anywhere (a kill, a power cut)', () => {
  it('reads up to its last complete record, with a warning only for a cut line, and never throws', () => {
    const bytes = Buffer.from(real.text, 'utf8');
    const headerEnd = bytes.indexOf(0x0a) + 1;
    const firstRecordEnd = bytes.indexOf(0x0a, headerEnd) + 1;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length }), (cut) => {
        // A cut inside a multi-byte character leaves bytes that are not UTF-8: the reader is given text.
        const text = new TextDecoder().decode(bytes.subarray(0, cut));
        let read: JournalRead | undefined;
        expect(() => (read = parseJournal(text, 'j'))).not.toThrow();
        if (cut < firstRecordEnd) {
          // Not even the drill-started record survived: refused in one line.
          expect(read!.ok).toBe(false);
          return;
        }
        expect(read!.ok, read!.ok ? '' : read!.message).toBe(true);
        if (!read!.ok) return;
        const complete = text.slice(0, text.lastIndexOf('\n') + 1);
        // Even a last line that parses is dropped without its line break: its write never finished.
        const cutLine = text.length > complete.length;
        expect(read!.records).toEqual(real.records.slice(0, read!.records.length));
        expect(read!.warnings).toHaveLength(cutLine ? 1 : 0);
        // A resumed drill cuts the file at validBytes: that must be just after a line break.
        const written = Buffer.from(text, 'utf8');
        expect(read!.validBytes).toBeLessThanOrEqual(written.length);
        expect(written[read!.validBytes - 1]).toBe(0x0a);
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('a resumed drill cuts the half line off and appends whole lines after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: real.text.indexOf('\n', real.text.indexOf('\n') + 1) + 1, max: real.text.length - 1 }), (cut) => {
        const path = join(tmp(), 'journal.jsonl');
        writeFileSync(path, real.text.slice(0, cut));
        const read = readJournalFile(path);
        if (!read.ok) throw new Error(read.message);
        const writer = JournalWriter.append(path, { durable: true, validBytes: read.validBytes });
        const next = { ...real.records[read.records.length]! };
        writer.write([next]);
        writer.close();
        const again = readJournalFile(path);
        expect(again.ok && again.warnings).toEqual([]);
        expect(again.ok && again.records).toEqual([...read.records, next]);
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});

describe('damage in the middle', () => {
  it('is refused at the line where it is, or read as what it now says, never guessed around', () => {
    const original = lines();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: original.length - 1 }),
        fc.nat(),
        fc.constantFrom(...'{}[]":,0123456789abcxyz -'.split('')),
        (lineIndex, col, ch) => {
          const line = original[lineIndex]!;
          const at = col % line.length;
          const damaged = original.with(lineIndex, line.slice(0, at) + ch + line.slice(at + 1));
          const read = parseJournal(damaged.join('\n') + '\n', 'j');
          if (read.ok) {
            // The change still makes a valid record (a digit in a time, a letter in a text): read as written.
            expect(read.records).toHaveLength(original.length - 1);
            expect(read.warnings).toEqual([]);
          } else {
            expectRefusedAt(read, 'j', lineIndex + 1);
          }
        },
      ),
      { numRuns: 400, seed: SEED },
    );
  });
});

describe.skipIf(!hasPython())('drill play --resume on a damaged journal', () => {
  beforeAll(ensureBuilt);

  it('says what is wrong in one line, exit 1, and leaves the terminal as it was', async () => {
    const play = startInPty(['play', '--resume', 'test/hostile/journals/not-json-middle.jsonl']);
    try {
      const exit = await play.exited;
      expect(exit).toEqual({ exit: 1, raw: false });
      expect(play.text().trim()).toBe(readFileSync('test/hostile/journals/not-json-middle.jsonl.expected', 'utf8').trim());
    } finally {
      play.kill();
    }
  });
});
