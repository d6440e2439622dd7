/**
 * `drill play` before the screen opens: usage errors, no terminal (exit 2, pointing to `drill
 * run`, never Ink's raw-mode error), and resuming a drill from a journal left by a kill: the cut
 * last line dropped, the drill replayed, paused, and appended to the same journal.
 */
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { playCommand, removeUnusedFolders, type Terminal } from '../../src/cli/play.js';
import { prepareNewDrill, prepareResume } from '../../src/cli/play-setup.js';
import { DrillSession } from '../../src/session/session.js';
import { readJournalFile } from '../../src/journal/reader.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import type { CommandIO } from '../../src/cli/io.js';
import { FakeTime } from '../helpers/fake-time.js';

const FIXTURE = 'test/fixtures/ui-mini.yaml';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const sink: CommandIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  return { sink, out, err };
}

function terminal(tty: boolean): Terminal {
  const stream = { isTTY: tty, setRawMode: tty ? () => {} : undefined } as unknown as NodeJS.ReadStream & NodeJS.WriteStream;
  return { stdin: stream, stdout: stream, stderr: stream, env: {}, time: new FakeTime() };
}

describe('drill play: before the screen', () => {
  it('without a terminal, exits 2 and points to drill run', async () => {
    const { sink, err } = io();
    expect(await playCommand({}, [FIXTURE], sink, terminal(false))).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^drill play: needs an interactive terminal .* use: drill run test\/fixtures\/ui-mini\.yaml --answers/);
    expect(err[0]).not.toMatch(/Raw mode/);
  });

  it('refuses a speed out of range, a missing scenario, and flags a resumed drill cannot change', async () => {
    const cases: [Record<string, string>, string[], RegExp][] = [
      [{ speed: '100' }, [FIXTURE], /--speed '100' is not a speed; write a number from 0.25 to 64/],
      [{ speed: 'fast' }, [FIXTURE], /--speed 'fast'/],
      [{}, [], /missing the scenario file; write drill play <scenario.yaml>/],
      [{ resume: 'j.jsonl', seed: 'x' }, [], /--seed cannot change a drill being resumed/],
    ];
    for (const [values, positionals, message] of cases) {
      const { sink, err } = io();
      expect(await playCommand(values, positionals, sink, terminal(true))).toBe(2);
      expect(err.join('\n')).toMatch(message);
    }
  });

  it('--serve: a port in use, an address of another machine or --listen alone is one line before anything is made', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'drill-play-'));
    const cases: [Record<string, string | boolean>, RegExp][] = [
      [{ serve: true, listen: `127.0.0.1:${port}` }, new RegExp(`^drill play: --serve: 127\\.0\\.0\\.1:${port}: the port is already in use`)],
      [{ serve: true, listen: '8.8.8.8:8080' }, /^drill play: --listen '8\.8\.8\.8:8080': 8\.8\.8\.8 is not an address of this machine/],
      [{ listen: '127.0.0.1:0' }, /^drill play: --listen says where to serve the participants’ pages; add --serve$/],
    ];
    try {
      for (const [values, message] of cases) {
        const { sink, err } = io();
        expect(await playCommand({ ...values, out: join(dir, 'out'), team: 'Alex:ic' }, [FIXTURE], sink, terminal(true))).toBe(2);
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(message);
      }
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      busy.close();
    }
  });

  it('reports a broken scenario with its place, before any screen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-play-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'id: x\ntitle: [unclosed\n');
    const { sink, err } = io();
    expect(await playCommand({ out: join(dir, 'out') }, [file], sink, terminal(true))).toBe(1);
    expect(err[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: `));
  });

  it('removes the folders made for a drill that never started, and only those', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-play-'));
    mkdirSync(join(dir, 'drills', 'earlier'), { recursive: true });
    const fresh = prepareNewDrill({ file: FIXTURE, out: join(dir, 'new', 'drill'), wallNow: () => 0 });
    const beside = prepareNewDrill({ file: FIXTURE, out: join(dir, 'drills', 'this'), wallNow: () => 0 });
    if (!fresh.ok || !beside.ok) throw new Error('prepare failed');
    expect(fresh.madeDirs).toEqual([join(dir, 'new', 'drill'), join(dir, 'new')]);
    expect(beside.madeDirs).toEqual([join(dir, 'drills', 'this')]);
    removeUnusedFolders(fresh.madeDirs!);
    removeUnusedFolders(beside.madeDirs!);
    expect(readdirSync(dir).sort()).toEqual(['drills']);
    expect(readdirSync(join(dir, 'drills'))).toEqual(['earlier']);
  });

  it('refuses a --team with a role the scenario does not have', async () => {
    const { sink, err } = io();
    const out = join(mkdtempSync(join(tmpdir(), 'drill-play-')), 'out');
    expect(await playCommand({ team: 'Alex:boss', out }, [FIXTURE], sink, terminal(true))).toBe(2);
    expect(err[0]).toBe('--team: unknown role `boss` for Alex; the roles are ic, ops');
  });
});

/** A drill played a little way in, then killed while writing a line. */
function interruptedJournal() {
  const loaded = loadScenarioFile(FIXTURE);
  if (!loaded.ok) throw new Error('fixture');
  const journal = join(mkdtempSync(join(tmpdir(), 'drill-resume-')), 'journal.jsonl');
  const session = DrillSession.start({ scenario: loaded.scenario, seed: 'r', team: [{ name: 'Alex', role: 'ic' }], mode: 'play', wall: 1000 }, journal, { durable: true });
  session.send({ type: 'START', wall: 2000 });
  session.send({ type: 'TICK', wallMs: 20_000, wall: 22_000 });
  session.send({ type: 'NOTE', text: 'before the kill', wall: 23_000 });
  session.send({ type: 'TICK', wallMs: 3_000, wall: 26_000 });
  const t = session.actor.getSnapshot().context.core.t;
  session.close();
  appendFileSync(journal, '{"seq":99,"t":12,"wall":');
  return { journal, t, lines: readFileSync(journal, 'utf8').split('\n').length - 1 };
}

describe('drill play --resume', () => {
  it('rebuilds the drill, drops the cut line, and goes on paused in the same journal', () => {
    const { journal, t, lines } = interruptedJournal();
    const prepared = prepareResume(journal, undefined, () => 99_000);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    const { session, notices } = prepared;
    expect(notices[0]).toMatch(/the last line was cut short/);
    // Scenario time comes back to the last recorded moment: the 3 s that passed after it left no
    // record (ticks are not journaled), so the drill picks up from T+00:20, not T+00:23.
    expect(t).toBe(23_000);
    expect(notices.at(-1)).toMatch(/^Resumed .* at T\+00:20, paused\. Press space to go on\.$/);
    const snapshot = session!.actor.getSnapshot();
    expect(snapshot.matches({ live: 'paused' })).toBe(true);
    expect(snapshot.context.core.t).toBe(20_000);
    session!.send({ type: 'NOTE', text: 'after the resume', wall: 100_000 });
    session!.close();
    const read = readJournalFile(journal);
    expect(read.ok && read.warnings).toEqual([]);
    if (!read.ok) return;
    expect(read.records.map((r) => r.type).slice(-4)).toEqual(['note', 'session-resumed', 'paused', 'note']);
    expect(read.records.length).toBe(lines - 1 + 3); // header line not a record; three new records
  });

  it('refuses a journal the scenario no longer reproduces, naming the line', () => {
    const { journal } = interruptedJournal();
    const changed = join(mkdtempSync(join(tmpdir(), 'drill-resume-')), 'changed.yaml');
    copyFileSync(FIXTURE, changed);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('at: 10s', 'at: 5s'));
    const prepared = prepareResume(journal, changed, () => 0);
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.lines[0]).toMatch(new RegExp(`^${journal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:1: replay differs from the journal`));
  });

  it('keeps --speed given for a drill killed in the briefing, before the clock started', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'drill-resume-')), 'd');
    const first = prepareNewDrill({ file: FIXTURE, seed: 's', team: 'Alex:ic', out, speed: 16, wallNow: () => 1000 });
    if (!first.ok) throw new Error(first.lines.join('\n'));
    expect(first.session!.actor.getSnapshot().matches('briefing')).toBe(true);
    first.session!.close(); // killed here: nothing more was written
    const resumed = prepareResume(join(out, 'journal.jsonl'), undefined, () => 5000);
    if (!resumed.ok) throw new Error(resumed.lines.join('\n'));
    const snapshot = resumed.session!.actor.getSnapshot();
    expect(snapshot.matches('briefing')).toBe(true);
    expect(snapshot.context.core.speed).toBe(16);
    resumed.session!.send({ type: 'START', wall: 6000 });
    resumed.session!.send({ type: 'TICK', wallMs: 1000, wall: 7000 });
    expect(resumed.session!.actor.getSnapshot().context.core.t).toBe(16_000);
    resumed.session!.close();
  });

  it('says plainly when there is no journal', () => {
    const prepared = prepareResume('/nonexistent/journal.jsonl', undefined, () => 0);
    expect(prepared).toEqual({ ok: false, code: 1, lines: ['/nonexistent/journal.jsonl: no such journal file'] });
  });
});

describe('the report drill play writes', () => {
  it('is byte for byte the report `drill report` rebuilds from the journal, also after a resume', async () => {
    const { buildReport } = await import('../../src/report/model.js');
    const { markdownParts } = await import('../../src/report/markdown.js');
    const { jsonParts } = await import('../../src/report/json.js');
    const loaded = loadScenarioFile(FIXTURE);
    if (!loaded.ok) throw new Error('fixture');
    const documents = (records: Parameters<typeof buildReport>[1]) => {
      const report = buildReport(loaded.scenario, records);
      return [[...markdownParts(report)].join(''), [...jsonParts(report)].join('')];
    };
    const { journal } = interruptedJournal();
    const prepared = prepareResume(journal, undefined, () => 99_000);
    if (!prepared.ok) throw new Error('resume');
    const session = prepared.session!;
    session.send({ type: 'RESUME', wall: 100_000 });
    // Scenario-driven records between ticks, and between the inputs replayed on resume.
    for (let wall = 101_000; wall <= 400_000; wall += 1000) session.send({ type: 'TICK', wallMs: 1000, wall });
    session.send({ type: 'END', wall: 401_000 });
    const played = documents(session.records);
    session.close();
    const read = readJournalFile(journal);
    if (!read.ok) throw new Error(read.message);
    expect(played).toEqual(documents(read.records));
  });
});
