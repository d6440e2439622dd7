import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, outcomes } from '../helpers/load.js';
import { playSampleDrill } from '../helpers/sample-drill.js';
import { DrillSession } from '../../src/session/session.js';
import { JournalWriter } from '../../src/journal/writer.js';
import { readJournalFile } from '../../src/journal/reader.js';
import { replayJournal } from '../../src/engine/replay.js';

const scenario = fixture('engine-mini.yaml');

/** A drill with every kind of input, written to a journal in a fresh folder. */
function recordedDrill() {
  const dir = mkdtempSync(join(tmpdir(), 'drill-journal-'));
  const path = join(dir, 'journal.jsonl');
  const session = playSampleDrill(scenario, path, { durable: true, note: 'error rate climbing' });
  return { session, path };
}

describe('journal', () => {
  it('writes a header line and one record per line, as they happen', () => {
    const { session, path } = recordedDrill();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ format: 'drill-journal', version: 1 });
    expect(lines.length - 1).toBe(session.records.length);
    session.close();
  });

  it('replays to the same records and state', () => {
    const { session, path } = recordedDrill();
    session.close();
    const read = readJournalFile(path);
    if (!read.ok) throw new Error(read.message);
    const replay = replayJournal(scenario, read.records);
    if (!replay.ok) throw new Error(replay.message);
    const a = session.actor.getSnapshot();
    const b = replay.actor.getSnapshot();
    expect(outcomes(b.context.core.records)).toEqual(outcomes(a.context.core.records));
    expect(b.value).toEqual(a.value);
    expect(b.context.core.t).toBe(a.context.core.records.at(-1)!.t);
    expect(Object.fromEntries(b.context.core.world.entries())).toEqual(Object.fromEntries(a.context.core.world.entries()));
    expect([...b.context.core.milestones]).toEqual([...a.context.core.milestones]);
  });

  it('writes the debrief as a drill reads it back: a cause with one factor as `factor` (as before), with several as `factors`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-journal-'));
    const path = join(dir, 'journal.jsonl');
    const session = DrillSession.start({ scenario, seed: 's1', team: [], mode: 'run', wall: 0 }, path, { durable: true });
    session.send({ type: 'START', wall: 0 });
    session.send({ type: 'END', wall: 0 });
    session.send({ type: 'DEBRIEF', section: 'cause', text: 'one', factors: ['a'], wall: 0 });
    session.send({ type: 'DEBRIEF', section: 'cause', text: 'three', factors: ['a', 'b', 'c'], wall: 0 });
    session.send({ type: 'DEBRIEF', section: 'action', text: 'fix it', owner: 'Alex', kind: 'prevent', due: '2026-02-01', priority: 'high', wall: 0 });
    session.send({ type: 'DEBRIEF', section: 'summary', text: 'It broke; we fixed it.', wall: 0 });
    session.close();
    const read = readJournalFile(path);
    if (!read.ok) throw new Error(read.message);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n').filter((l) => l.includes('"debrief"'));
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>).map(({ seq: _s, t: _t, wall: _w, ...rest }) => rest)).toEqual([
      { type: 'debrief', section: 'cause', text: 'one', factor: 'a' },
      { type: 'debrief', section: 'cause', text: 'three', factors: ['a', 'b', 'c'] },
      { type: 'debrief', section: 'action', text: 'fix it', owner: 'Alex', kind: 'prevent', due: '2026-02-01', priority: 'high' },
      { type: 'debrief', section: 'summary', text: 'It broke; we fixed it.' },
    ]);
    expect(replayJournal(scenario, read.records).ok).toBe(true);
  });

  it('checkpoints quiet scenario time, so a replay after a hard kill loses at most a few seconds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-journal-'));
    const path = join(dir, 'journal.jsonl');
    const session = DrillSession.start({ scenario, seed: 's1', team: [], mode: 'play', wall: 0 }, path, { durable: true });
    session.send({ type: 'START', wall: 0 });
    // 50 s in which nothing is scheduled (the first inject is at 1m): only checkpoints are written.
    for (let wall = 1000; wall <= 50_000; wall += 1000) session.send({ type: 'TICK', wallMs: 1000, wall });
    // No close(): as after kill -9, only what was written counts.
    const read = readJournalFile(path);
    if (!read.ok) throw new Error(read.message);
    expect(read.records.filter((r) => r.type === 'checkpoint').map((r) => r.t)).toEqual([10_000, 20_000, 30_000, 40_000, 50_000]);
    const replay = replayJournal(scenario, read.records);
    if (!replay.ok) throw new Error(replay.message);
    expect(replay.actor.getSnapshot().context.core.t).toBe(50_000);
    session.close();
  });

  it('refuses a replay that no longer matches (scenario edited since)', () => {
    const { session, path } = recordedDrill();
    session.close();
    const read = readJournalFile(path);
    if (!read.ok) throw new Error(read.message);
    const tampered = read.records.map((r) => (r.type === 'inject-fired' && r.id === 'chat' ? { ...r, t: r.t + 1 } : r));
    const replay = replayJournal(scenario, tampered);
    expect(replay.ok).toBe(false);
    if (!replay.ok) expect(replay.message).toMatch(/replay differs from the journal at record \d+/);
  });

  it('reads a journal whose last line was cut, with a warning, and resumes after truncating it', () => {
    const { session, path } = recordedDrill();
    session.close();
    const whole = readFileSync(path, 'utf8');
    appendFileSync(path, '{"seq":999,"t":1,"wa');
    const read = readJournalFile(path);
    if (!read.ok) throw new Error(read.message);
    expect(read.warnings[0]).toMatch(/journal\.jsonl:\d+:1: the last line was cut short/);
    expect(read.validBytes).toBe(Buffer.byteLength(whole));
    const writer = JournalWriter.append(path, { durable: true, validBytes: read.validBytes });
    writer.close();
    expect(readFileSync(path, 'utf8')).toBe(whole);
  });

  it('refuses a journal damaged in the middle, naming the line', () => {
    const { session, path } = recordedDrill();
    session.close();
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[3] = '{"seq": "oops"}';
    writeFileSync(path, lines.join('\n'));
    const read = readJournalFile(path);
    expect(read).toMatchObject({ ok: false });
    if (!read.ok) expect(read.message).toMatch(/journal\.jsonl:4:1: damaged journal line/);
  });

  it('never overwrites an existing journal', () => {
    const { session, path } = recordedDrill();
    session.close();
    expect(() => JournalWriter.create(path, { durable: false })).toThrow(/EEXIST/);
  });
});
