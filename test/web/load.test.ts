/**
 * Load, on loopback and bounded in time: a whole k8s-shrink drill (with votes) played event by
 * event, yielding to the event loop between events as a live drill does, while 40 streams, 10
 * Chromium pages and one client that never reads are connected. Every page ends with the full
 * feed of its role. And a page that stops reading for good is dropped once its buffer passes the
 * bound, while the one beside it gets everything.
 *
 * How long the facilitator's events take with and without the pages is printed, not asserted:
 * speed is measured by `npm run bench`, never asserted in a unit test.
 */
import { connect, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DrillEvent, DrillInput } from '../../src/engine/machine.js';
import type { DrillRecord } from '../../src/engine/records.js';
import { loadScenarioFile, loadScenarioText, type Scenario } from '../../src/scenario/index.js';
import { loadAnswersFile } from '../../src/session/answers/answers.js';
import { playHeadless } from '../../src/session/headless.js';
import { DrillSession } from '../../src/session/session.js';
import { replayEvents } from '../../src/engine/replay.js';
import type { Audience } from '../../src/view/items.js';
import { ParticipantFeed, participantView } from '../../src/view/participant.js';
import { inChromium, launchChromium, skipBrowserTests } from '../helpers/chromium.js';
import { nextTurn, openStream, serveSession, type Served, type Stream } from '../helpers/served.js';

const skipBrowser = skipBrowserTests();
const turn = () => new Promise((r) => setImmediate(r));

/**
 * A drill as the facilitator's screen plays it: the inputs a headless run of an answers file
 * recorded, with scenario time moved a second at a time between them, as the clock does live.
 */
function liveEvents(scenario: Scenario, answersFile: string): { input: DrillInput; events: DrillEvent[] } {
  const answers = loadAnswersFile(answersFile);
  if (!answers.ok) throw new Error(`${answersFile} does not load`);
  const input: DrillInput = { scenario, seed: '1', team: answers.answers.team ?? [], mode: 'play', wall: 0 };
  const session = DrillSession.start(input, join(mkdtempSync(join(tmpdir(), 'drill-load-')), 'journal.jsonl'), { durable: false });
  playHeadless(session, scenario, answers.answers, 0);
  session.close();
  const events: DrillEvent[] = [];
  let t = 0;
  for (const event of replayEvents(session.records)) {
    if (event.type === 'ADVANCE') {
      for (; t + 1000 < event.to; t += 1000) events.push({ type: 'ADVANCE', to: t + 1000, wall: t + 1000 });
      t = Math.max(t, event.to);
    }
    events.push(event);
  }
  return { input, events };
}

/**
 * Sends the events one by one; for each, how long until the facilitator's next input could be
 * handled (ms): the send itself and the turn of the event loop after it, where the pages are fed.
 */
async function play(session: DrillSession, events: readonly DrillEvent[]): Promise<number[]> {
  const took: number[] = [];
  for (const event of events) {
    const start = performance.now();
    session.send(event);
    await turn();
    took.push(performance.now() - start);
  }
  return took;
}

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(3);
  return `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms over ${ms.length} events`;
};

/** A client that sends its request and never reads a byte of the answer. */
function neverReads(url: string): Socket {
  const u = new URL(url);
  const socket = connect(Number(u.port), u.hostname, () => {
    socket.write(`GET ${u.pathname} HTTP/1.1\r\nHost: ${u.host}\r\n\r\n`);
    socket.pause();
  });
  socket.on('error', () => {});
  return socket;
}

/** Polls (never a fixed sleep) until `done` holds, for at most a few seconds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !done(); i++) await nextTurn();
}

const changeIds = (stream: Stream) => stream.frames.flatMap((f) => (f.id === undefined ? [] : [f.id]));
const expectedIds = (scenario: Scenario, records: readonly DrillRecord[], audience: Audience) => {
  const feed = new ParticipantFeed(scenario, audience);
  return records.flatMap((r) => feed.push(r)?.seq ?? []);
};

describe(inChromium('under load'), () => {
  it('40 streams, 10 Chromium pages and one that never reads: every page ends with its full feed', async () => {
    const loaded = loadScenarioFile('scenarios/k8s-shrink.yaml');
    if (!loaded.ok) throw new Error('k8s-shrink does not load');
    const scenario = loaded.scenario;
    const { input, events } = liveEvents(scenario, 'test/answers/k8s-shrink.restart-pods.yaml');
    const audiences: Audience[] = ['room', ...scenario.file.roles.map((r) => ({ role: r.id }))];
    const pathOf = (a: Audience) => (a === 'room' ? 'room' : `role/${a.role}`);

    const alone = DrillSession.start(input, join(mkdtempSync(join(tmpdir(), 'drill-load-')), 'journal.jsonl'), { durable: false });
    const baseline = await play(alone, events);
    alone.close();

    const s: Served = await serveSession(input);
    const browser = skipBrowser ? undefined : await launchChromium();
    try {
      const streams = Array.from({ length: 40 }, (_, i) => {
        const audience = audiences[i % audiences.length]!;
        return { audience, stream: openStream(`${s.base}/${pathOf(audience)}/events`) };
      });
      const stuck = neverReads(`${s.base}/room/events`);
      const pages = await Promise.all(
        Array.from({ length: browser ? 10 : 0 }, async (_, i) => {
          const audience = audiences[i % audiences.length]!;
          const page = await browser!.newPage();
          await page.goto(`${s.base}/${pathOf(audience)}`);
          return { audience, page };
        }),
      );
      await until(() => s.served.connected() === 40 + 1 + pages.length);
      expect(s.served.connected()).toBe(40 + 1 + pages.length);
      const loaded = await play(s.session, events);
      console.log(`facilitator's events alone: ${summary(baseline)}; with ${s.served.connected()} pages: ${summary(loaded)}`);

      const records = s.session.records;
      expect(records.at(-1)!.type).toBe('drill-finished');
      for (const { audience, stream } of streams) {
        const want = expectedIds(scenario, records, audience);
        await stream.waitFor((f) => f.filter((x) => x.id !== undefined).length >= want.length, `the whole feed on ${pathOf(audience)}`);
        expect(changeIds(stream)).toEqual(want);
        stream.close();
      }
      for (const { audience, page } of pages) {
        const items = participantView(scenario, records, audience).items.filter((i) => i.kind !== 'briefing').length;
        await page.locator('#feed').getByText('The debrief is over').waitFor();
        expect(await page.locator('#feed > li').count()).toBe(items);
      }
      stuck.destroy();
    } finally {
      await browser?.close();
      await s.close();
    }
  }, 180_000);

  it('drops a page that never reads once its buffer passes the bound; the page beside it gets everything', async () => {
    // One role, 400 injects of 16 KB: 6.4 MB for each page, more than loopback's socket buffers hold.
    const block = Array.from({ length: 200 }, (_, i) => `      line ${i} ${'x'.repeat(70)}`).join('\n');
    const injects = Array.from({ length: 400 }, (_, i) => `  - id: i${i}\n    at: ${i + 1}s\n    channel: terminal\n    text: |\n${block}\n`).join('');
    const yaml = `id: big\ntitle: Big\nsummary: s\nversion: 1\nduration: 10m\ndifficulty: easy\nroles:\n  - id: solo\nbriefing: b\nworld: {}\ninjects:\n${injects}end:\n  limit: 10m\n`;
    const loaded = loadScenarioText(yaml, 'big.yaml');
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    const s = await serveSession({ scenario: loaded.scenario, seed: '1', team: [], mode: 'play', wall: 0 }, { maxBufferedBytes: 256 * 1024 });
    try {
      const reader = openStream(`${s.base}/role/solo/events`);
      const stuck = neverReads(`${s.base}/role/solo/events`);
      let closed = false;
      stuck.on('close', () => (closed = true));
      await until(() => s.served.connected() === 2);
      expect(s.served.connected()).toBe(2);
      s.session.send({ type: 'START', wall: 0 });
      for (let t = 10_000; t <= 410_000; t += 10_000) {
        s.session.send({ type: 'ADVANCE', to: t, wall: t });
        await turn();
      }
      await reader.waitFor((f) => f.filter((x) => x.id !== undefined).length >= 402, 'every inject');
      expect(changeIds(reader)).toEqual(expectedIds(loaded.scenario, s.session.records, { role: 'solo' }));
      await until(() => s.served.connected() === 1);
      expect(s.served.connected()).toBe(1);
      stuck.resume(); // reading now drains what the kernel held, then the end the server sent
      await until(() => closed);
      expect(closed).toBe(true);
      reader.close();
    } finally {
      await s.close();
    }
  }, 120_000);
});
