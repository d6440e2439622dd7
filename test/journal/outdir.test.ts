/**
 * A drill never starts that cannot be recorded, and a drill whose disk fails while it runs loses
 * nothing: the output folder is checked first (it exists or can be made, is writable, holds no
 * other drill's journal), and a failed write pauses the drill with every record kept in memory
 * until `relocate()` writes them all somewhere else.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareOutDir } from '../../src/journal/outdir.js';
import { DrillSession } from '../../src/session/session.js';
import { JOURNAL_FILE } from '../../src/journal/writer.js';
import { readJournalFile } from '../../src/journal/reader.js';
import { replayJournal } from '../../src/engine/replay.js';
import type { DrillRecord } from '../../src/engine/records.js';
import { fixture } from '../helpers/load.js';
import { ensureBuilt, hasPython, runDrill, startInPty, waitUntil } from '../hostile/drill-process.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'drill-outdir-'));
const isRoot = process.getuid?.() === 0;

describe('prepareOutDir', () => {
  it('makes missing folders, however deep, and leaves nothing in them', () => {
    const dir = join(tmp(), 'a', 'b', 'c');
    expect(prepareOutDir(dir)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('accepts an existing empty folder, and one with other files but no journal', () => {
    const dir = tmp();
    expect(prepareOutDir(dir)).toBeUndefined();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(prepareOutDir(dir)).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('refuses a file where the folder should be', () => {
    const file = join(tmp(), 'taken');
    writeFileSync(file, '');
    expect(prepareOutDir(file)).toBe(`${file}: exists and is not a folder; choose another --out`);
  });

  it('refuses a folder that cannot be made (its parent is a file)', () => {
    const file = join(tmp(), 'taken');
    writeFileSync(file, '');
    expect(prepareOutDir(join(file, 'out'))).toBe(`${join(file, 'out')}: cannot write there (ENOTDIR); choose another --out`);
  });

  it.skipIf(isRoot)('refuses a folder it may not write to', () => {
    const dir = tmp();
    chmodSync(dir, 0o500);
    try {
      expect(prepareOutDir(dir)).toBe(`${dir}: cannot write there (EACCES); choose another --out`);
      expect(prepareOutDir(join(dir, 'sub'))).toBe(`${join(dir, 'sub')}: cannot write there (EACCES); choose another --out`);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('refuses a place no one may write to, even root (a kernel file system)', () => {
    // Permission bits do not stop root; an actual write does. /sys refuses new entries to all.
    expect(prepareOutDir('/sys/drill-out')).toMatch(/^\/sys\/drill-out: cannot write there \((EPERM|EACCES|EROFS|ENOENT)\); choose another --out$/);
  });

  it('refuses a folder that already holds a journal, naming the way to continue it', () => {
    const dir = tmp();
    writeFileSync(join(dir, JOURNAL_FILE), '');
    expect(prepareOutDir(dir)).toBe(
      `${dir}: already holds a drill's journal; choose another --out, or continue that drill with --resume ${join(dir, JOURNAL_FILE)}`,
    );
  });

  it('does not suggest --resume for a finished drill, nor to drill run, which cannot resume', () => {
    const dir = tmp();
    writeFileSync(join(dir, JOURNAL_FILE), '{"type":"drill-ended"}\n{"type":"drill-finished"}\n');
    expect(prepareOutDir(dir)).toBe(`${dir}: already holds a finished drill's journal; choose another --out (drill report ${join(dir, JOURNAL_FILE)} rebuilds its report)`);
    expect(prepareOutDir(dir, 'run')).not.toContain('--resume');
  });
});

describe('a drill never starts that cannot be recorded', () => {
  beforeAll(ensureBuilt);

  const run = (out: string) => runDrill(['run', 'scenarios/k8s-shrink.yaml', '--answers', 'test/answers/k8s-shrink.rollback.yaml', '--seed', '1', '--out', out]);

  it.concurrent.for([
    ['a file', (dir: string) => { writeFileSync(join(dir, 'f'), ''); return join(dir, 'f'); }, (out: string) => `${out}: exists and is not a folder; choose another --out`],
    ['under a file', (dir: string) => { writeFileSync(join(dir, 'f'), ''); return join(dir, 'f', 'out'); }, (out: string) => `${out}: cannot write there (ENOTDIR); choose another --out`],
    [
      'a folder with a journal',
      (dir: string) => { writeFileSync(join(dir, JOURNAL_FILE), 'x'); return dir; },
      // drill run cannot resume, so it does not suggest --resume
      (out: string) => `${out}: already holds a drill's journal, which is never overwritten; choose another --out, or remove that folder to run again`,
    ],
    // Node's own recursive mkdir loops forever here (mkdir says ENOENT for a parent that exists).
    ['in /proc', () => '/proc/drill-out/x', (out: string) => `${out}: cannot write there (ENOENT); choose another --out`],
  ] as const)('drill run --out %s: exit 1, one line, nothing written', async ([, make, message], { expect }) => {
    const dir = tmp();
    const out = make(dir);
    const before = readdirSync(dir).sort();
    const result = await run(out);
    expect(result.timedOut).toBe(false);
    expect(result.stderr).toBe(`${message(out)}\n`);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it.skipIf(!hasPython())('drill play --out a file: exit 1 and one line, before the screen opens', async () => {
    const file = join(tmp(), 'f');
    writeFileSync(file, '');
    const play = startInPty(['play', 'scenarios/k8s-shrink.yaml', '--out', file]);
    try {
      const exit = await play.exited;
      expect(exit).toEqual({ exit: 1, raw: false });
      expect(play.text().trim()).toBe(`${file}: exists and is not a folder; choose another --out`);
    } finally {
      play.kill();
    }
  });
});

describe('a write error during the drill', () => {
  const scenario = fixture('engine-mini.yaml');

  /** A play-mode drill in a fresh folder, started and run for a while. */
  function liveDrill() {
    const dir = join(tmp(), 'out');
    mkdirSync(dir);
    const path = join(dir, JOURNAL_FILE);
    const session = DrillSession.start({ scenario, seed: 's1', team: [{ name: 'Alex', role: 'ic' }], mode: 'play', wall: 1000 }, path, { durable: true });
    let wall = 1000;
    const tick = (ms: number) => session.send({ type: 'TICK', wallMs: ms, wall: (wall += ms) });
    session.send({ type: 'START', wall });
    for (let i = 0; i < 40; i++) tick(1000);
    session.send({ type: 'NOTE', text: 'before the disk filled up', by: 'Alex', wall });
    return { dir, path, session, tick, wall: () => wall };
  }

  /** Makes every later write of the session's journal fail, as a full disk does (ENOSPC). */
  function fillTheDisk(session: DrillSession): () => void {
    const writer = (session as unknown as { writer: { fd: number } }).writer;
    const real = writer.fd;
    writer.fd = openSync('/dev/full', 'w');
    return () => closeSync(real);
  }

  const lines = (path: string): DrillRecord[] => {
    const read = readJournalFile(path);
    if (!read.ok) throw new Error(read.message);
    expect(read.warnings).toEqual([]);
    return read.records;
  };

  it('pauses the drill at once, says so, keeps every record, and relocate() writes them all', () => {
    const { dir, path, session, tick, wall } = liveDrill();
    const onDisk = lines(path);
    expect(onDisk).toEqual(session.records);
    // What the screen is told, each time the write-error state changes or recurs.
    const told: string[] = [];
    session.onWriteError(() => told.push(session.writeError?.message ?? 'ok'));
    const closeReal = fillTheDisk(session);

    session.send({ type: 'NOTE', text: 'the disk is full now', by: 'Alex', wall: wall() });
    expect(session.writeError?.message).toMatch(/ENOSPC/);
    expect(told).toEqual([session.writeError!.message]);
    expect(session.actor.getSnapshot().matches({ live: 'paused' })).toBe(true);
    // The team carries on talking while the facilitator deals with it: still recorded, in memory.
    session.send({ type: 'NOTE', text: 'still talking', by: 'Alex', wall: wall() });
    tick(5000);
    const inMemory = [...session.records];
    expect(inMemory.map((r) => r.type)).toEqual([...onDisk.map((r) => r.type), 'note', 'paused', 'note']);
    // What was on disk is untouched: no half line from the failed writes.
    expect(lines(path)).toEqual(onDisk);

    const elsewhere = join(tmp(), 'journal-2.jsonl');
    session.relocate(elsewhere, { durable: true });
    closeReal();
    expect(session.writeError).toBeUndefined();
    expect(told.at(-1)).toBe('ok');
    expect(lines(elsewhere)).toEqual(inMemory);
    session.send({ type: 'RESUME', wall: wall() });
    tick(3000);
    session.close();
    const moved = lines(elsewhere);
    expect(moved.slice(0, inMemory.length)).toEqual(inMemory);
    expect(moved.at(-1)?.type).not.toBe('paused');
    const replay = replayJournal(scenario, moved);
    expect(replay.ok).toBe(true);
    expect(readdirSync(dir)).toEqual([JOURNAL_FILE]);
  });

  it('treats a folder removed mid-drill as a write error (writes would vanish into a deleted file)', () => {
    const { dir, session, wall } = liveDrill();
    rmSync(dir, { recursive: true });
    session.send({ type: 'NOTE', text: 'after the folder went', by: 'Alex', wall: wall() });
    expect(session.writeError?.message).toMatch(/deleted/);
    expect(session.actor.getSnapshot().matches({ live: 'paused' })).toBe(true);
    const elsewhere = join(tmp(), 'journal.jsonl');
    session.relocate(elsewhere, { durable: true });
    session.close();
    expect(lines(elsewhere)).toEqual(session.records);
    expect(session.records.some((r) => r.type === 'note' && r.text === 'after the folder went')).toBe(true);
  });

  it('recovers by itself when the disk has room again, with no damage in the middle of the journal', () => {
    const { path, session, wall } = liveDrill();
    const writer = (session as unknown as { writer: { fd: number } }).writer;
    const real = writer.fd;
    writer.fd = openSync('/dev/full', 'w');
    session.send({ type: 'NOTE', text: 'lost for a moment', by: 'Alex', wall: wall() });
    expect(session.writeError).toBeDefined();
    closeSync(writer.fd);
    writer.fd = real; // space freed
    session.send({ type: 'RESUME', wall: wall() });
    expect(session.writeError).toBeUndefined();
    session.close();
    expect(lines(path)).toEqual(session.records);
  });

  it('refuses to relocate onto an existing file or into a missing folder, and stays paused with everything', () => {
    const { session, wall } = liveDrill();
    const closeReal = fillTheDisk(session);
    session.send({ type: 'NOTE', text: 'x', wall: wall() });
    const records = [...session.records];
    const taken = join(tmp(), 'taken.jsonl');
    writeFileSync(taken, 'someone else’s file\n');
    expect(() => session.relocate(taken, { durable: true })).toThrow(/EEXIST/);
    expect(readFileSync(taken, 'utf8')).toBe('someone else’s file\n');
    expect(() => session.relocate(join(tmp(), 'missing', 'j.jsonl'), { durable: true })).toThrow(/ENOENT/);
    expect(session.writeError).toBeDefined();
    expect(session.records).toEqual(records);
    closeReal();
  });

  it.skipIf(!hasPython())('drill play shows it on screen at once, and w saves the journal elsewhere', async () => {
    ensureBuilt();
    const root = tmp();
    const out = join(root, 'out');
    const play = startInPty(['play', 'scenarios/k8s-shrink.yaml', '--team', 'Alex:incident-commander', '--seed', '3', '--speed', '16', '--out', out]);
    try {
      await play.waitFor('Enter start the clock');
      await play.press('\r', 'The clock is running.');
      const before = lines(join(out, JOURNAL_FILE));
      rmSync(out, { recursive: true });
      await play.waitFor('JOURNAL NOT SAVED');
      play.keys('w');
      await play.waitFor('Save the journal somewhere else');
      // Replace the suggested path (in the removed folder) with one that exists.
      const elsewhere = join(root, 'saved.jsonl');
      for (let i = 0; i < 12; i++) play.keys('\u007f'.repeat(25));
      await waitUntil(() => !play.text().split('Save the journal somewhere else').at(-1)!.includes('-2.jsonl'), 'the suggested path to be erased');
      play.keys(elsewhere);
      await play.waitFor(elsewhere);
      play.keys('\r');
      await play.waitFor('The journal is now');
      await waitUntil(() => existsSync(elsewhere), 'the new journal');
      play.signal('SIGTERM');
      expect((await play.exited).raw).toBe(false);
      const moved = lines(elsewhere);
      expect(moved.slice(0, before.length)).toEqual(before);
      expect(play.text()).not.toMatch(/^\s+at /m);
    } finally {
      play.kill();
    }
  }, 60_000);
});
