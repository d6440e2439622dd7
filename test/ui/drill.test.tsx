/**
 * A whole short drill played through the keys, as a facilitator would: the team typed in during
 * the briefing, two injects, a decision answered by number, one answered off-script, a pause that
 * really stops scenario time, a note, a follow-up, the debrief, and the files written at the end.
 * Time is a hand-driven clock; the screen is read from Ink's frames.
 */
import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { PlayApp } from '../../src/ui/App.js';
import { prepareNewDrill } from '../../src/cli/play-setup.js';
import { DrillSession } from '../../src/session/session.js';
import { readJournalFile } from '../../src/journal/reader.js';
import { writeReports } from '../../src/report/write.js';
import type { DrillRecord, TeamMember } from '../../src/engine/records.js';
import type { JournalWriter } from '../../src/journal/writer.js';
import { drillMachine } from '../../src/engine/machine.js';
import { createActor } from 'xstate';
import { fixture } from '../helpers/load.js';
import { FakeTime } from '../helpers/fake-time.js';
import { plain, settle, waitFor } from '../helpers/ui.js';

afterEach(() => cleanup());

const ENTER = '\r';
const TAB = '\t';

function setup(initialSpeed?: number) {
  const scenario = fixture('ui-mini.yaml');
  const dir = mkdtempSync(join(tmpdir(), 'drill-ui-'));
  const journal = join(dir, 'journal.jsonl');
  const time = new FakeTime();
  let session: DrillSession | undefined;
  // `--speed` is applied where drill play applies it: as the new drill's journal is made.
  const prepared = initialSpeed === undefined ? undefined : prepareNewDrill({ file: 'test/fixtures/ui-mini.yaml', seed: 'ui', out: dir, speed: initialSpeed, wallNow: () => time.wallNow() });
  if (prepared && !prepared.ok) throw new Error(prepared.lines.join('\n'));
  const startSession = (team: TeamMember[], facilitator?: string) =>
    (session = prepared ? prepared.startSession(team, facilitator) : DrillSession.start({ scenario, seed: 'ui', team, facilitator, mode: 'play', wall: time.wallNow() }, journal, { durable: true }));
  const ui = render(<PlayApp scenario={scenario} theme={{ color: false }} time={time} startSession={startSession} writeReports={writeReports} />);
  const frame = () => plain(ui.lastFrame());
  const shows = (text: string | RegExp) => waitFor(() => (typeof text === 'string' ? frame().includes(text) : text.test(frame())), frame);
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      await settle(); // a view that just appeared subscribes to input in an effect
      ui.stdin.write(key);
      await settle();
    }
  };
  /** Real time passes for the screen in steps, as the clock driver would see it. */
  const advance = async (ms: number) => {
    for (let done = 0; done < ms; done += 250) {
      time.advance(Math.min(250, ms - done));
      await settle();
    }
  };
  const onDisk = (): DrillRecord[] => {
    const read = readJournalFile(journal);
    if (!read.ok) throw new Error(read.message);
    return read.records;
  };
  return { ui, frame, shows, press, advance, onDisk, time, dir, journal, session: () => session! };
}

describe('drill play, driven by keys', () => {
  it('plays a short drill from the briefing to the written report', async () => {
    const d = setup();

    // Briefing: the team is entered line by line (Tab completes the role), then the clock starts.
    // The facilitator is asked first, since --facilitator was not given.
    await d.shows('Who is facilitating?');
    await d.press('Morgan', ENTER);
    await d.shows('Who is playing?');
    await d.press('Alex: i', TAB, ENTER, 'Julie: ops', ENTER, ENTER);
    await d.shows('Enter start the clock');
    expect(d.frame()).toContain('Alex (ic)');
    expect(d.session().records[0]).toMatchObject({ type: 'drill-started', facilitator: 'Morgan', team: [{ name: 'Alex', role: 'ic' }, { name: 'Julie', role: 'ops' }] });
    await d.press(ENTER);
    await d.shows('RUNNING');

    // First inject at 10 s; the decision opens 5 s later, with its role's player speaking.
    await d.advance(10_000);
    await d.shows('QueueBacklogHigh: jobs waiting > 500');
    await d.advance(5_000);
    await d.shows('The backlog is growing. What do you do first?');
    await d.shows(/answered by the team/);

    // Answered by number: on disk at once; then Tab gives Alex the word and the reason is added.
    await d.press('1');
    await d.shows('Why? (optional, one line)');
    expect(d.onDisk().find((r) => r.type === 'decision-made')).toMatchObject({ id: 'first-call', option: 'rollback' });
    await d.press('fastest way back', ENTER);
    await d.shows('Reason added to the answer.');
    expect(d.onDisk().find((r) => r.type === 'rationale')).toMatchObject({ id: 'first-call', text: 'fastest way back' });
    await d.press(TAB);
    await d.shows('Speaking for the team: Alex');

    // Second inject: terminal output as a block, lines kept, the tail behind a marker if too tall.
    await d.advance(25_000);
    await d.shows('$ kubectl logs deploy/billing-worker --tail 20');
    expect(d.frame()).toMatch(/\| 2026-01-15T14:02:11Z ERROR cannot connect to queue/);

    // A pause stops scenario time: a minute of real time later, the clock shows the same second.
    await d.press(' ');
    await d.shows('‖ PAUSED');
    const pausedAt = d.session().actor.getSnapshot().context.core.t;
    const clock = d.frame().match(/T\+\d\d:\d\d/)![0];
    await d.advance(60_000);
    expect(d.session().actor.getSnapshot().context.core.t).toBe(pausedAt);
    expect(d.frame().match(/T\+\d\d:\d\d/)![0]).toBe(clock);
    await d.press(' ');
    await d.shows('RUNNING');
    await d.advance(2_000);
    expect(d.session().actor.getSnapshot().context.core.t).toBeGreaterThan(pausedAt);

    // A note: keys typed into it (space, q, e, 1) never reach the drill.
    await d.press('n');
    await d.shows('Note:');
    await d.press('queue empty? 1 e q', ENTER);
    await d.shows('Note recorded.');
    expect(d.frame()).toContain('▶ RUNNING');
    expect(d.onDisk().filter((r) => r.type === 'note')).toEqual([expect.objectContaining({ text: 'queue empty? 1 e q' })]);
    expect(d.onDisk().filter((r) => r.type === 'paused')).toHaveLength(1);

    // A follow-up: text, owner (Tab completes a team name), type by number.
    await d.press('f', 'Alert when consumers drop to zero', ENTER, 'Ju', TAB, ENTER, '2', ENTER);
    await d.shows('Follow-up recorded.');
    expect(d.onDisk().find((r) => r.type === 'followup')).toMatchObject({ text: 'Alert when consumers drop to zero', owner: 'Julie', kind: 'detect' });

    // The status-page decision is for ops, but Alex keeps the word until Tab passes it to Julie.
    await d.advance(20_000);
    await d.shows('Do we post on the status page?');
    await d.shows(/answered by Alex/);
    await d.press(TAB);
    await d.shows(/answered by Julie/);
    await d.press('o', 'Post nothing until we know the cause', ENTER);
    await d.shows('Recorded the off-script answer.');
    await d.press(ENTER); // no reason given
    expect(d.onDisk().filter((r) => r.type === 'decision-made')[1]).toEqual(
      expect.objectContaining({ id: 'tell-customers', text: 'Post nothing until we know the cause', by: 'Julie' }),
    );
    expect(d.onDisk().filter((r) => r.type === 'decision-made')[1]).not.toHaveProperty('option');

    // The drill ends by itself (here at its limit: the backlog never grew past what counts as
    // impact, so the incident never began and nothing can be resolved); keys pressed then do not
    // reach the debrief.
    await d.advance(600_000);
    await d.shows('The drill is over');
    await d.press('a', '3');
    expect(d.onDisk().some((r) => r.type === 'debrief')).toBe(false);
    await d.press(ENTER);
    await d.shows('What contributed to this incident?');

    // Debrief: a cause linked to a planted factor, then one entry for some questions, none for others.
    await d.press('The queue password rotated under the workers', ENTER);
    await d.shows('Is it one of the planted factors?');
    await d.press('1', ENTER);
    await d.shows('✓ The queue password rotated under the workers → The queue password was rotated');
    await d.press(ENTER); // next: went well
    await d.shows('What went well?');
    await d.press('The rollback was quick', ENTER, ENTER);
    await d.shows('What went poorly?');
    await d.press(ENTER); // nothing went poorly, apparently
    await d.shows('Where did we get lucky?');
    await d.press('It was a quiet hour', ENTER, ENTER);
    await d.shows('Follow-up actions');
    await d.press('Rotate credentials with a restart', ENTER, 'Alex', ENTER, '1', ENTER);
    await d.shows('Action recorded.');
    await d.press(ENTER);
    // Last, the team's own summary, which opens the report.
    await d.shows('what happened? (it opens the report)');
    await d.press('The queue stopped when its password rotated; a restart brought it back', ENTER, ENTER);
    await d.shows('Enter writes the report');
    await d.press(ENTER);
    await d.shows('The drill is finished. Files written:');

    // Files: the journal holds the whole drill; every path shown exists.
    const records = d.onDisk();
    const types = records.map((r) => r.type);
    expect(types.filter((t) => t === 'inject-fired')).toHaveLength(2);
    expect(types).toEqual(expect.arrayContaining(['clock-started', 'paused', 'resumed', 'note', 'followup', 'drill-ended', 'drill-finished']));
    const debrief = records.filter((r) => r.type === 'debrief');
    expect(debrief).toEqual([
      expect.objectContaining({ section: 'cause', text: 'The queue password rotated under the workers' }),
      expect.objectContaining({ section: 'went-well', text: 'The rollback was quick' }),
      expect.objectContaining({ section: 'lucky', text: 'It was a quiet hour' }),
      expect.objectContaining({ section: 'action', text: 'Rotate credentials with a restart', owner: 'Alex', kind: 'prevent' }),
      expect.objectContaining({ section: 'summary', text: 'The queue stopped when its password rotated; a restart brought it back' }),
    ]);
    // The factor picked after the cause was recorded is a record of its own, and the report links them.
    const cause = debrief[0]!;
    expect(records.find((r) => r.type === 'cause-factors')).toMatchObject({ of: cause.seq, factors: ['rotated-credentials'] });
    expect(JSON.parse(readFileSync(join(d.dir, 'report.json'), 'utf8')).causes).toEqual([
      { text: 'The queue password rotated under the workers', factors: ['rotated-credentials'] },
    ]);
    expect(readFileSync(join(d.dir, 'report.md'), 'utf8')).toContain('## In the team’s words\n\n> The queue stopped when its password rotated; a restart brought it back');
    const shown = d.frame().split('\n').map((l) => l.trim()).filter((l) => l.startsWith(d.dir));
    expect(shown).toContain(d.journal);
    for (const path of shown) expect(existsSync(path)).toBe(true);
  });
});

describe('--speed', () => {
  it('shows in the briefing the speed the clock will start at, and applies it when it starts', async () => {
    const d = setup(8);
    await d.shows('Who is facilitating?');
    await d.press(ENTER, 'Alex: ic', ENTER, ENTER);
    await d.shows('Enter start the clock');
    expect(d.frame().split('\n')[0]).toMatch(/T\+00:00 BRIEFING ×8 /);
    await d.press(ENTER);
    await d.shows('RUNNING');
    await d.advance(1000);
    // One real second at ×8 is eight seconds of scenario time.
    await d.shows(/T\+00:08 ▶ RUNNING ×8 /);
    expect(d.session().actor.getSnapshot().context.core.speed).toBe(8);
  });
});

describe('a journal that cannot be written', () => {
  it('pauses the drill, says so, marks what is not saved, and recovers on retry', async () => {
    const scenario = fixture('ui-mini.yaml');
    const time = new FakeTime();
    const saved: DrillRecord[] = [];
    let failing = false;
    // Stands in for a disk that fills up and is then freed.
    const writer = {
      path: '/drills/full/journal.jsonl',
      write(records: readonly DrillRecord[]) {
        if (failing) throw new Error('ENOSPC: no space left on device, write');
        saved.push(...records);
      },
      close() {},
    } as unknown as JournalWriter;
    const actor = createActor(drillMachine, { input: { scenario, seed: 'w', team: [], mode: 'play', wall: time.wallNow() } }).start();
    const session = new DrillSession(actor, writer);
    const ui = render(<PlayApp scenario={scenario} theme={{ color: false }} time={time} session={session} startSession={() => session} writeReports={() => []} />);
    const frame = () => plain(ui.lastFrame());
    const shows = (text: string) => waitFor(() => frame().includes(text), frame);
    const press = async (...keys: string[]) => {
      for (const key of keys) {
        await settle();
        ui.stdin.write(key);
        await settle();
      }
    };
    await press(ENTER);
    for (let i = 0; i < 40; i++) time.advance(250);
    await shows('QueueBacklogHigh');

    failing = true;
    await press('n', 'written while the disk was full', ENTER);
    await shows('JOURNAL NOT SAVED: ENOSPC: no space left on device');
    await shows('NOT saved yet');
    expect(frame()).toContain('‖ PAUSED');
    expect(frame()).toMatch(/NOTE +NOT SAVED +written while the disk was full/);
    expect(saved.some((r) => r.type === 'note')).toBe(false);

    failing = false;
    await press(' '); // retry: resuming writes what was kept
    await shows('▶ RUNNING');
    await waitFor(() => !frame().includes('NOT SAVED'), frame);
    expect(saved.find((r) => r.type === 'note')).toMatchObject({ text: 'written while the disk was full' });
  });
});
