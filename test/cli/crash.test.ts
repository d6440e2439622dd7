/**
 * Crash tests with the real `drill` process. `drill run` is killed with SIGKILL at random moments
 * of a long drill: what is left must read as the start of the journal a complete run writes (at
 * worst with its cut last line dropped), replay without a mismatch, and give a report. `drill
 * play` runs in a pseudo-terminal: killed with a note half typed, or during the debrief, `--resume`
 * brings back every event that had been recorded; SIGTERM and SIGHUP leave a valid journal and the
 * terminal as it was found (cursor shown, raw mode off).
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, type Scenario } from '../../src/scenario/index.js';
import { readJournalFile, type JournalRead } from '../../src/journal/reader.js';
import { journalHeader } from '../../src/journal/writer.js';
import { replayJournal } from '../../src/engine/replay.js';
import type { DrillRecord } from '../../src/engine/records.js';
import { ensureBuilt, hasPython, ROOT, runDrill, startDrill, startInPty, waitUntil } from '../hostile/drill-process.js';

const FLAGSHIP = 'scenarios/k8s-shrink.yaml';
const START = '2026-01-15T14:00:00Z';
const SHOW_CURSOR = '\u001b[?25h';
const tmp = (): string => mkdtempSync(join(tmpdir(), 'drill-crash-'));

let scenario: Scenario;

beforeAll(() => {
  ensureBuilt();
  const loaded = loadScenarioFile(join(ROOT, FLAGSHIP));
  if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
  scenario = loaded.scenario;
});

/** A small seeded generator, so that the "random" kill points are the same on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function expectReadable(read: JournalRead, path: string): asserts read is Extract<JournalRead, { ok: true }> {
  expect(read.ok, read.ok ? '' : read.message).toBe(true);
  if (!read.ok) return;
  // Nothing but the one warning a kill can cause.
  for (const w of read.warnings) expect(w).toMatch(new RegExp(`^${path}:\\d+:1: the last line was cut short`));
  expect(read.warnings.length).toBeLessThanOrEqual(1);
}

function expectReplays(records: readonly DrillRecord[]): void {
  const replay = replayJournal(scenario, records);
  expect(replay.ok, replay.ok ? '' : replay.message).toBe(true);
  if (replay.ok) replay.actor.stop();
}

describe('drill run, killed with SIGKILL at random moments', () => {
  let dir: string;
  let answers: string;
  let reference: Buffer;

  beforeAll(async () => {
    dir = tmp();
    // The flagship drill with a team that takes 12,000 notes: a journal of a few MB, so that a
    // kill can land while it is being written, as well as before and after.
    const base = readFileSync(join(ROOT, 'test/answers/k8s-shrink.rollback.yaml'), 'utf8');
    const notes = Array.from({ length: 12_000 }, (_, i) => {
      const s = Math.floor((i * 2700) / 12_000);
      return `  - {at: ${Math.floor(s / 60)}m${s % 60}s, by: Alex, text: "note ${i}: the registry pull queue keeps growing"}\n`;
    });
    answers = join(dir, 'answers.yaml');
    writeFileSync(answers, base.replace('notes:\n', `notes:\n${notes.join('')}`));
    const full = await runDrill(runArgs(join(dir, 'reference')), { timeoutMs: 60_000 });
    expect(full.code, full.stderr).toBe(0);
    reference = readFileSync(join(dir, 'reference', 'journal.jsonl'));
    expect(reference.length).toBeGreaterThan(1_500_000);
  }, 90_000);

  const runArgs = (out: string) => ['run', FLAGSHIP, '--answers', answers, '--seed', '1', '--start', START, '--out', out];

  it('leaves what a full run writes, cut at a line, that replays and reports', async () => {
    const random = seeded(6);
    // Half the kills when the journal reaches a random size, half at a random time after start.
    const kills = Array.from({ length: 4 }, (_, i) => (i % 2 === 0 ? { bytes: Math.floor(random() * reference.length) } : { ms: 150 + Math.floor(random() * 1500) }));
    let readable = 0;
    for (const [k, kill] of kills.entries()) {
      const out = join(dir, `killed-${k}`);
      const journal = join(out, 'journal.jsonl');
      const drill = startDrill(runArgs(out));
      const started = Date.now();
      let exited = false;
      void drill.exited.then(() => (exited = true));
      const size = () => {
        try {
          return statSync(journal).size;
        } catch {
          return -1;
        }
      };
      await waitUntil(() => exited || ('bytes' in kill ? size() >= kill.bytes! : Date.now() - started >= kill.ms!), 'the kill point', 30_000);
      drill.child.kill('SIGKILL');
      await drill.exited;
      if (size() < 0) continue; // killed before the output folder was made: nothing to read

      const bytes = readFileSync(journal);
      const read = readJournalFile(journal);
      if (bytes.length <= journalHeader().length + 1) {
        // Killed before the first record reached the disk: refused in one line, not a crash.
        expect(read).toEqual({ ok: false, message: `${journal}:2:1: the journal has no drill-started record` });
        continue;
      }
      expectReadable(read, journal);
      readable++;
      // Every complete line is exactly the line a full run writes there: nothing lost or garbled.
      expect(bytes.subarray(0, read.validBytes).equals(reference.subarray(0, read.validBytes))).toBe(true);
      expectReplays(read.records);
      if (readable === 1) {
        const report = await runDrill(['report', journal, '--output', join(out, 'again.md')], { timeoutMs: 60_000 });
        expect(report.code, report.stderr).toBe(0);
        expect(readFileSync(join(out, 'again.md'), 'utf8')).toContain('# ');
      }
    }
    expect(readable).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('a disk that fills up mid-run stops the drill with one line, keeping every complete line', async () => {
    const out = join(dir, 'full-disk');
    // `ulimit -f` is a disk that fills up after 64 KB; SIGXFSZ is ignored so that the write fails
    // with an error instead of killing the process.
    const result = await runDrill(runArgs(out), { shellSetup: "trap '' XFSZ; ulimit -f 64;", timeoutMs: 30_000 });
    expect(result.timedOut, 'drill run hung after the write error').toBe(false);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${join(out, 'journal.jsonl')}: `));
    const read = readJournalFile(join(out, 'journal.jsonl'));
    if (read.ok) {
      expect(read.warnings).toEqual([]);
      const bytes = readFileSync(join(out, 'journal.jsonl'));
      expect(bytes.equals(reference.subarray(0, bytes.length))).toBe(true);
    }
  }, 60_000);
});

describe.skipIf(!hasPython())('drill play in a terminal, killed and resumed', () => {
  const TEAM = 'Alex:incident-commander,Julie:ops';

  /** Starts a new drill in a pseudo-terminal and starts its clock. */
  async function startedDrill(out: string) {
    const play = startInPty(['play', FLAGSHIP, '--team', TEAM, '--seed', '7', '--speed', '16', '--out', out]);
    await play.waitFor('Enter start the clock');
    await play.press('\r', 'The clock is running.');
    return play;
  }

  /** Ends the drill from the screen, begins the debrief and types a cause, up to its factor picker. */
  async function endAndTypeACause(play: ReturnType<typeof startInPty>): Promise<void> {
    play.keys('e');
    await play.waitFor('End the drill now and go to the debrief?');
    play.keys('y');
    await play.waitFor('Press Enter to begin the debrief.');
    play.keys('\r');
    await play.waitFor('What contributed to this incident?');
    play.keys('scale.sh takes a size, not a percentage\r');
    await play.waitFor('Is it one of the planted factors?');
  }

  const recordCount = (journal: string): number => {
    try {
      return readFileSync(journal, 'utf8').split('\n').length - 2;
    } catch {
      return 0;
    }
  };

  /** Resumes `journal`, waits for the resumed screen, quits with SIGTERM; returns the records after. */
  async function resumeAndQuit(journal: string, screenText: string): Promise<DrillRecord[]> {
    const again = startInPty(['play', '--resume', journal]);
    try {
      await again.waitFor('Resumed');
      await again.waitFor(screenText);
      again.signal('SIGTERM');
      const exit = await again.exited;
      expect(exit).toEqual({ exit: 143, raw: false });
      expect(again.output().trimEnd().endsWith(SHOW_CURSOR)).toBe(true);
    } finally {
      again.kill();
    }
    const after = readJournalFile(journal);
    expectReadable(after, journal);
    expect(after.warnings).toEqual([]);
    return after.records;
  }

  it('SIGKILL with a note half typed: resume brings back every recorded event', async () => {
    const out = join(tmp(), 'out');
    const journal = join(out, 'journal.jsonl');
    const play = await startedDrill(out);
    try {
      play.keys('n');
      await play.waitFor('Note for the timeline');
      play.keys('the pager went off twice\r');
      await play.waitFor('Note recorded.');
      play.keys('n');
      await waitUntil(() => play.text().split('Note for the timeline').length > 2, 'the second note form');
      play.keys('half typ');
      // Let the drill go on a little (an inject or two) with the note still open, then kill.
      const now = recordCount(journal);
      await waitUntil(() => recordCount(journal) >= now + 2, 'more records', 20_000);
      play.signal('SIGKILL');
      expect((await play.exited).exit).toBe(-9);
    } finally {
      play.kill();
    }
    const before = readJournalFile(journal);
    expectReadable(before, journal);
    expect(before.records.some((r) => r.type === 'note' && r.text === 'the pager went off twice')).toBe(true);

    const after = await resumeAndQuit(journal, 'paused');
    expect(after.slice(0, before.records.length)).toEqual(before.records);
    expect(after[before.records.length]?.type).toBe('session-resumed');
    expect(JSON.stringify(after)).not.toContain('half typ');
    expectReplays(after);
  }, 60_000);

  it('SIGKILL during the debrief: resume comes back to the debrief with every entry', async () => {
    const out = join(tmp(), 'out');
    const journal = join(out, 'journal.jsonl');
    const play = await startedDrill(out);
    try {
      await endAndTypeACause(play);
      play.keys('\r');
      await waitUntil(() => readFileSync(journal, 'utf8').includes('"type":"debrief"'), 'the debrief entry in the journal');
      play.keys('and the autosc');
      play.signal('SIGKILL');
      expect((await play.exited).exit).toBe(-9);
    } finally {
      play.kill();
    }
    const before = readJournalFile(journal);
    expectReadable(before, journal);
    expect(before.records.some((r) => r.type === 'drill-ended')).toBe(true);
    expect(before.records.filter((r) => r.type === 'debrief')).toHaveLength(1);

    const after = await resumeAndQuit(journal, 'ebrief');
    expect(after.slice(0, before.records.length)).toEqual(before.records);
    expect(after[before.records.length]?.type).toBe('session-resumed');
    expectReplays(after);
  }, 60_000);

  it('SIGKILL with the planted-factor picker open: the cause typed is kept, and resume asks for its factor', async () => {
    const out = join(tmp(), 'out');
    const journal = join(out, 'journal.jsonl');
    const play = await startedDrill(out);
    try {
      await endAndTypeACause(play);
      // The cause is on disk while the facilitator is still choosing its factor.
      await waitUntil(() => readFileSync(journal, 'utf8').includes('"type":"debrief"'), 'the cause in the journal');
      play.signal('SIGKILL');
      expect((await play.exited).exit).toBe(-9);
    } finally {
      play.kill();
    }
    const before = readJournalFile(journal);
    expectReadable(before, journal);
    expect(before.records.filter((r) => r.type === 'debrief')).toEqual([
      expect.objectContaining({ section: 'cause', text: 'scale.sh takes a size, not a percentage' }),
    ]);
    expect(before.records.some((r) => r.type === 'cause-factors')).toBe(false);

    const after = await resumeAndQuit(journal, 'Is it one of the planted factors?');
    expect(after.slice(0, before.records.length)).toEqual(before.records);
    expectReplays(after);
  }, 60_000);

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s mid-drill: a valid journal, the terminal restored', async (signal, code) => {
    const out = join(tmp(), 'out');
    const journal = join(out, 'journal.jsonl');
    const play = await startedDrill(out);
    try {
      await waitUntil(() => recordCount(journal) >= 4, 'a few records');
      play.signal(signal);
      const exit = await play.exited;
      expect(exit).toEqual({ exit: code, raw: false });
      expect(play.output().trimEnd().endsWith(SHOW_CURSOR)).toBe(true);
    } finally {
      play.kill();
    }
    const read = readJournalFile(journal);
    expectReadable(read, journal);
    expect(read.warnings).toEqual([]);
    expect(readFileSync(journal, 'utf8').endsWith('\n')).toBe(true);
    expectReplays(read.records);
  }, 30_000);
});
