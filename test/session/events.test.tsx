/**
 * Events are plain data. Every event the headless driver, the screen, the session and a replay
 * send to the machine survives JSON and `structuredClone` unchanged (nothing in it is a function
 * or a class), and the list of events a drill received, sent again into a fresh machine after a
 * round trip through JSON, gives the same journal. So an event can be logged, compared, sent to
 * another process and replayed.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { createActor } from 'xstate';
import { drillMachine, type DrillEvent, type DrillInput } from '../../src/engine/machine.js';
import { replayEvents } from '../../src/engine/replay.js';
import type { DrillRecord, TeamMember } from '../../src/engine/records.js';
import { DrillSession } from '../../src/session/session.js';
import { playHeadless } from '../../src/session/headless.js';
import { loadAnswersFile } from '../../src/session/answers/answers.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { prepareResume } from '../../src/cli/play-setup.js';
import { PlayApp } from '../../src/ui/App.js';
import { writeReports } from '../../src/report/write.js';
import { fixture } from '../helpers/load.js';
import { FakeTime } from '../helpers/fake-time.js';
import { playSampleDrill } from '../helpers/sample-drill.js';
import { plain, settle, waitFor } from '../helpers/ui.js';

afterEach(() => cleanup());

/** Every event type of the machine; the compiler fails here when one is added and not listed. */
const EVENT_TYPES = {
  START: true,
  TICK: true,
  ADVANCE: true,
  RUN_TO: true,
  SKIP: true,
  PAUSE: true,
  RESUME: true,
  SET_SPEED: true,
  DECIDE: true,
  EXPLAIN: true,
  EXTEND: true,
  SET_SPEAKER: true,
  CORRECT: true,
  TAKE_ACTION: true,
  LOOKUP: true,
  IMPROVISE: true,
  NOTE: true,
  FOLLOWUP: true,
  MARK_MILESTONE: true,
  SHOW_HINT: true,
  VOTE: true,
  END: true,
  DEBRIEF: true,
  LINK_FACTORS: true,
  FINISH: true,
  SESSION_RESUMED: true,
  CHECKPOINT: true,
} satisfies Record<DrillEvent['type'], true>;

const isDrillEvent = (e: { type: string }): e is DrillEvent => Object.hasOwn(EVENT_TYPES, e.type);

/** A session whose machine events are logged as they arrive, whoever sends them. */
function recordedSession(input: DrillInput, journal: string): { session: DrillSession; events: DrillEvent[] } {
  const session = DrillSession.start(input, journal, { durable: false });
  const events: DrillEvent[] = [];
  session.actor.system.inspect((i) => {
    if (i.type === '@xstate.event' && i.actorRef === session.actor && isDrillEvent(i.event)) events.push(i.event);
  });
  return { session, events };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'drill-events-'));

function expectPlainData(events: readonly DrillEvent[]): void {
  for (const event of events) {
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
    expect(structuredClone(event)).toStrictEqual(event);
  }
}

/** Sends the events, after a round trip through JSON, into a fresh machine: the records it makes. */
function replayedRecords(input: DrillInput, events: readonly DrillEvent[]) {
  const wire = JSON.parse(JSON.stringify(events)) as DrillEvent[];
  const actor = createActor(drillMachine, { input }).start();
  for (const event of wire) actor.send(event);
  return actor.getSnapshot().context.core.records;
}

/** What a drill received: its input and events, and the records it made from them. */
interface Received {
  readonly name: string;
  readonly input: DrillInput;
  readonly events: readonly DrillEvent[];
  readonly records: readonly DrillRecord[];
}

/** Each source is played once, whichever test asks first. */
const once = <T,>(make: () => T): (() => T) => {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
};

/** Every answers drill, played by the headless driver. */
const headlessDrills = once((): Received[] => {
  const answersFiles = readdirSync('test/answers').filter((f) => f.endsWith('.yaml'));
  return answersFiles.map((file) => {
    const id = file.split('.')[0]!;
    const loaded = loadScenarioFile(id === 'report-mini' ? `test/fixtures/${id}.yaml` : `scenarios/${id}.yaml`);
    const answers = loadAnswersFile(`test/answers/${file}`);
    if (!loaded.ok || !answers.ok) throw new Error(`${file} does not load`);
    const input: DrillInput = { scenario: loaded.scenario, seed: '1', team: answers.answers.team ?? [], facilitator: answers.answers.facilitator, mode: 'run', wall: 0 };
    const { session, events } = recordedSession(input, join(tmp(), 'journal.jsonl'));
    const outcome = playHeadless(session, loaded.scenario, answers.answers, 0);
    session.close();
    if (outcome.errors.length) throw new Error(`${file}: ${outcome.errors.join('; ')}`);
    return { name: file, input, events, records: session.records };
  });
});

/** A short drill played through the keys on the screen, from the briefing to the report. */
const screenDrill = once(async (): Promise<Received> => {
  const scenario = fixture('ui-mini.yaml');
  const dir = tmp();
  const time = new FakeTime();
  let recorded: { session: DrillSession; events: DrillEvent[]; input: DrillInput } | undefined;
  const startSession = (team: TeamMember[], facilitator?: string) => {
    const input: DrillInput = { scenario, seed: 'ui', team, facilitator, mode: 'play', wall: time.wallNow() };
    recorded = { ...recordedSession(input, join(dir, 'journal.jsonl')), input };
    return recorded.session;
  };
  const ui = render(<PlayApp scenario={scenario} theme={{ color: false }} time={time} startSession={startSession} writeReports={writeReports} />);
  const frame = () => plain(ui.lastFrame());
  const shows = (text: string) => waitFor(() => frame().includes(text), frame);
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      await settle();
      ui.stdin.write(key);
      await settle();
    }
  };
  const advance = async (ms: number) => {
    for (let done = 0; done < ms; done += 250) {
      time.advance(Math.min(250, ms - done));
      await settle();
    }
  };

  await shows('Who is facilitating?');
  await press('Morgan', '\r', 'Alex: ic', '\r', '\r');
  await shows('Enter start the clock');
  await press('\r');
  await shows('RUNNING');
  await press('+', '-');
  await advance(10_000);
  await shows('QueueBacklogHigh');
  await press('h');
  await shows('Hint revealed.');
  await advance(5_000);
  await shows('What do you do first?');
  await press('x');
  await shows('more for this decision');
  await press('\t');
  await shows('Speaking for the team: Alex');
  await press('1');
  await shows('Recorded:');
  await press('because', '\r');
  await shows('Reason added');
  await press('a', '1', '\r');
  await shows('Under way');
  await press('i', '\r', 'Kai', '\r', 'registry logs: 503s', '\r', '\r');
  await shows('Improvised inject shown.');
  await press('m', '1', '\r');
  await shows('Milestone recorded');
  await press(' ');
  await shows('PAUSED');
  await press(' ', 'n', 'a note', '\r');
  await shows('Note recorded.');
  await press('c', '1', '\r', '2', '\r', 'a better note', '\r');
  await shows('Amended');
  await press('f', 'a follow-up', '\r', '\r', '\r');
  await shows('Follow-up recorded.');
  await advance(12_000); // quiet for longer than a checkpoint's period
  await press('s');
  await shows('Skipped ahead.');
  await press('e', 'y');
  await shows('The drill is over');
  await press('\r', 'A cause', '\r');
  await shows('Is it one of the planted factors?');
  await press('1', '\r', '\r', '\r', '\r', '\r', '\r', '\r');
  await shows('Enter writes the report');
  await press('\r');
  await shows('The drill is finished.');
  ui.unmount();
  const { session, events, input } = recorded!;
  return { name: 'screen', input, events, records: session.records };
});

/** The events a resume replays from a journal that was itself resumed once. */
const replayedEventsOfResumedJournal = once((): DrillEvent[] => {
  const journal = join(tmp(), 'journal.jsonl');
  playSampleDrill(fixture('engine-mini.yaml'), journal, { durable: true, note: 'before the kill' }).close();
  const resumed = prepareResume(journal, 'test/fixtures/engine-mini.yaml', () => Date.UTC(2026, 0, 15, 15, 0, 0));
  if (!resumed.ok || !resumed.session) throw new Error('the journal does not resume');
  const records = resumed.session.records;
  resumed.session.close();
  return [...replayEvents(records)];
});

describe('events are plain data', () => {
  it('from the headless driver, for every answers drill: cloned, and replayed into the same journal', () => {
    const drills = headlessDrills();
    expect(drills.length).toBeGreaterThan(10);
    for (const drill of drills) {
      expect(drill.events.length, drill.name).toBeGreaterThan(2);
      expectPlainData(drill.events);
      expect(replayedRecords(drill.input, drill.events), drill.name).toEqual(drill.records);
    }
  });

  it('from the screen, keys and clock alike: cloned, and replayed into the same journal', async () => {
    const drill = await screenDrill();
    expectPlainData(drill.events);
    expect(replayedRecords(drill.input, drill.events)).toEqual(drill.records);
  });

  it('from a replay of a resumed journal', () => {
    const events = replayedEventsOfResumedJournal();
    expect(events.map((e) => e.type)).toContain('SESSION_RESUMED');
    expectPlainData(events);
  });

  it('covers every event type the machine takes', async () => {
    const all = [...headlessDrills().flatMap((d) => d.events), ...(await screenDrill()).events, ...replayedEventsOfResumedJournal()];
    expect([...new Set(all.map((e) => e.type))].sort()).toEqual(Object.keys(EVENT_TYPES).sort());
  });
});
