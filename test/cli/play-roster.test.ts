/**
 * The roster of a real `drill play` in a pseudo-terminal: the facilitator's name typed there (no
 * --facilitator) reaches the journal's drill-started record, as the team does. It once stopped
 * at the screen: the report said "Facilitator: not recorded" for a name the facilitator had typed.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJournalFile } from '../../src/journal/reader.js';
import { ensureBuilt, hasPython, startInPty } from '../hostile/drill-process.js';

beforeAll(() => ensureBuilt());

describe.skipIf(!hasPython())('drill play: the roster typed in the terminal', () => {
  it('records the facilitator and the players typed before the clock starts', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'drill-roster-')), 'drill');
    const play = startInPty(['play', 'test/fixtures/ui-mini.yaml', '--seed', '3', '--out', out]);
    try {
      await play.waitFor('Facilitator (optional)');
      play.keys('Morgan\r');
      await play.waitFor('Player 1');
      play.keys('Priya\r');
      await play.waitFor('Player 2');
      play.keys('\r');
      await play.waitFor('Enter start the clock');
      await play.press('\r', 'The clock is running.');
      play.signal('SIGTERM');
      await play.exited;
    } finally {
      play.kill();
    }
    const journal = join(out, readdirSync(out).find((f) => f.endsWith('.jsonl'))!);
    const read = readJournalFile(journal);
    if (!read.ok) throw new Error(read.message);
    const started = read.records.find((r) => r.type === 'drill-started');
    expect(started && started.type === 'drill-started' && started.facilitator).toBe('Morgan');
    expect(started && started.type === 'drill-started' && started.team.map((m) => m.name)).toEqual(['Priya']);
  }, 40_000);
});
