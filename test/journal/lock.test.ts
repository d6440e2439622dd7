/**
 * One drill at a time per journal: a second `drill play --resume` of a journal that a live drill
 * holds is refused with one line (two writers would interleave two histories); a lock left by a
 * drill that died is taken over; closing gives the lock back.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalWriter } from '../../src/journal/writer.js';
import { JournalInUse } from '../../src/journal/lock.js';
import { DrillSession } from '../../src/session/session.js';
import { prepareResume } from '../../src/cli/play-setup.js';
import { loadScenarioFile } from '../../src/scenario/index.js';

const FIXTURE = 'test/fixtures/ui-mini.yaml';
const freshJournal = () => join(mkdtempSync(join(tmpdir(), 'drill-lock-')), 'journal.jsonl');

/** A pid that certainly belongs to no process now: one that has just exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

function startedDrill(journal: string): DrillSession {
  const loaded = loadScenarioFile(FIXTURE);
  if (!loaded.ok) throw new Error('fixture');
  const session = DrillSession.start({ scenario: loaded.scenario, seed: 'l', team: [{ name: 'Alex', role: 'ic' }], mode: 'play', wall: 1000 }, journal, { durable: true });
  session.send({ type: 'START', wall: 2000 });
  return session;
}

describe('journal lock', () => {
  it('holds the lock while a drill writes, and refuses a resume of that journal in one line', () => {
    const journal = freshJournal();
    const session = startedDrill(journal);
    expect(readFileSync(`${journal}.lock`, 'utf8')).toBe(`${process.pid} ${hostname()}\n`);
    const before = readFileSync(journal, 'utf8');
    const prepared = prepareResume(journal, FIXTURE, () => 5000);
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.lines).toEqual([`${journal}: this drill already writes that journal`]);
    // The refused resume cut nothing and wrote nothing.
    expect(readFileSync(journal, 'utf8')).toBe(before);
    session.close();
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });

  it('names another live process and says how to clear a lock it no longer needs', () => {
    const journal = freshJournal();
    startedDrill(journal).close();
    const livePid = process.ppid;
    writeFileSync(`${journal}.lock`, `${livePid} ${hostname()}\n`);
    expect(() => JournalWriter.append(journal, { durable: true, validBytes: readFileSync(journal).length })).toThrow(
      new JournalInUse(`${journal}: another drill (pid ${livePid}) has this journal open; finish or quit it first (if that drill is really gone, delete ${journal}.lock)`),
    );
    writeFileSync(`${journal}.lock`, `${livePid} some-other-host\n`);
    expect(() => JournalWriter.append(journal, { durable: true, validBytes: 0 })).toThrow(/another drill \(pid \d+ on some-other-host\)/);
    // Refused before the cut: the journal is whole.
    expect(readFileSync(journal, 'utf8').split('\n').length).toBeGreaterThan(2);
  });

  it('takes over the lock of a drill that died (kill -9 leaves it behind)', () => {
    const journal = freshJournal();
    startedDrill(journal).close();
    writeFileSync(`${journal}.lock`, `${deadPid()} ${hostname()}\n`);
    const prepared = prepareResume(journal, FIXTURE, () => 5000);
    expect(prepared.ok).toBe(true);
    expect(readFileSync(`${journal}.lock`, 'utf8')).toBe(`${process.pid} ${hostname()}\n`);
    if (prepared.ok) prepared.session!.close();
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });

  it('treats a lock cut short before its pid was written as stale', () => {
    const journal = freshJournal();
    writeFileSync(`${journal}.lock`, '');
    const writer = JournalWriter.create(journal, { durable: false });
    expect(readFileSync(`${journal}.lock`, 'utf8')).toBe(`${process.pid} ${hostname()}\n`);
    writer.close();
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });

  it('gives the lock back when the journal cannot be created', () => {
    const journal = freshJournal();
    writeFileSync(journal, 'already here\n');
    expect(() => JournalWriter.create(journal, { durable: true })).toThrow(/EEXIST/);
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });
});
