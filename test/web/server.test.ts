/**
 * The served drill over plain HTTP on loopback: the secret guards every path, every response
 * carries a strict CSP, every byte a role's page is sent (page, script, stylesheet, every streamed
 * event) holds no spoiler for that role at the record it was sent for, a page that reconnects gets
 * exactly what it missed, votes come back through the session into the journal, and the drill
 * never waits on the pages.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { DrillEvent } from '../../src/engine/machine.js';
import type { DrillRecord } from '../../src/engine/records.js';
import { loadAnswersFile } from '../../src/session/answers/answers.js';
import { loadScenarioFile, type Scenario } from '../../src/scenario/index.js';
import { playHeadless } from '../../src/session/headless.js';
import { parseJournal } from '../../src/journal/reader.js';
import { AudienceChannel } from '../../src/web/channel.js';
import type { Audience } from '../../src/view/items.js';
import { keysIn, SpoilerCheck, stringsIn } from '../helpers/spoilers.js';
import { viewMiniInput, viewMiniSteps } from '../helpers/view-drills.js';
import {
  fetchRaw,
  nextTurn,
  openStream,
  serveSession,
  type Frame,
  type Served,
  type Stream,
} from '../helpers/served.js';

let current: Served | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const serve = async (...args: Parameters<typeof serveSession>) => (current = await serveSession(...args));
const pathOf = (a: Audience) => (a === 'room' ? 'room' : `role/${a.role}`);
const audiences = (s: Scenario): Audience[] => ['room', ...s.file.roles.map((r) => ({ role: r.id }))];
const send = (s: Served, events: readonly DrillEvent[]) => events.forEach((e) => s.session.send(e));
const finished = (frames: readonly Frame[]) =>
  frames.some((f) => (f.data as { items?: { kind: string }[] }).items?.some((i) => i.kind === 'finished'));

/** Checks what one role's page was sent over a whole drill, record by record. */
function expectNoSpoilers(
  scenario: Scenario,
  records: readonly DrillRecord[],
  audience: Audience,
  stream: Stream,
  staticBytes: string,
): void {
  const where = (f: Frame) => `${scenario.id}, ${pathOf(audience)}, frame ${f.id ?? '(state)'}`;
  const spoilers = new SpoilerCheck(scenario, audience);
  let taken = 0;
  const shownDecisions = new Set<string>();
  for (const frame of stream.frames) {
    if (frame.id !== undefined) while (taken <= frame.id) spoilers.advance(records[taken++]!);
    expect(spoilers.leaks(stringsIn(frame.data)), where(frame)).toEqual([]);
    expect(
      [...keysIn(frame.data)].filter((k) =>
        ['default', 'isDefault', 'hint', 'ramps', 'until', 'factor', 'audience'].includes(k),
      ),
      where(frame),
    ).toEqual([]);
    const state =
      (frame.data as { state?: { open: { id: string }[] }; open?: { id: string }[] }).state ??
      (frame.data as { open: { id: string }[] });
    for (const item of (frame.data as { items?: { kind: string; decision?: { id: string } }[] }).items ?? [])
      if (item.decision) shownDecisions.add(item.decision.id);
    for (const d of state.open) expect(shownDecisions.has(d.id), where(frame)).toBe(true);
  }
  const ids = stream.frames.flatMap((f) => (f.id === undefined ? [] : [f.id]));
  expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
  // The page itself is the same for everyone and holds nothing of the scenario.
  const end = new SpoilerCheck(scenario, audience);
  for (const r of records) end.advance(r);
  expect(end.leaks([staticBytes, stream.raw()])).toEqual([]);
  for (const text of [scenario.title, scenario.file.briefing.split('\n')[0]!]) expect(staticBytes).not.toContain(text);
}

describe('a served drill', () => {
  it('answers 403 without its secret or with a wrong one, on every path, and shows nothing else', async () => {
    const s = await serve(viewMiniInput());
    const origin = s.base.replace(/\/[^/]+$/, '');
    const secret = s.served.secret;
    // The first character changed to another: a random secret may itself begin with `x`.
    const wrong = [`${secret.startsWith('x') ? 'y' : 'x'}${secret.slice(1)}`, secret.slice(0, -1), `${secret}x`, secret.toUpperCase(), 'a'.repeat(5000)];
    const paths = ['', '/room', '/role/ops', '/room/events', '/page.js', '/page.css', '/room/report'];
    const urls = [
      `${origin}/`,
      `${origin}/room`,
      `${origin}/page.js`,
      ...wrong.flatMap((w) => paths.map((p) => `${origin}/${w}${p}`)),
    ];
    for (const url of urls) {
      const r = await fetchRaw(url);
      expect(r.status, url).toBe(403);
      expect(r.body).toBe('Forbidden: this page needs the link of a drill, with its secret.');
    }
    const vote = await fetchRaw(`${origin}/${wrong[0]}/role/ops/vote`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(vote.status).toBe(403);
    expect((await fetchRaw(`${s.base}/role/nobody`)).status).toBe(404);
    expect((await fetchRaw(`${s.base}/role/ops`)).status).toBe(200);
  });

  it('a vote with another drill’s secret is refused', async () => {
    const other = await serveSession(viewMiniInput());
    try {
      const s = await serve(viewMiniInput());
      send(s, viewMiniSteps().slice(0, 5).flat());
      const url = `${s.base.replace(s.served.secret, other.served.secret)}/role/ops/vote`;
      const r = await fetchRaw(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision: 'first', option: 'warm', name: 'Eve', confidence: 'high' }),
      });
      expect(r.status).toBe(403);
      expect(s.session.records.some((r) => r.type === 'vote')).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('sends a Content-Security-Policy with no inline script, and no-store, nosniff and no-referrer, on every response', async () => {
    const s = await serve(viewMiniInput());
    for (const path of ['/room', '/role/ops', '/page.js', '/page.css', '/room/report', '/nowhere']) {
      const r = await fetchRaw(s.base + path);
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['cache-control']).toBe('no-store');
    }
    // Each asset is there in full (a stylesheet imported as text once came through empty).
    expect((await fetchRaw(`${s.base}/page.css`)).body).toMatch(/^\/\* A participant's page[\s\S]*prefers-color-scheme: dark/);
    expect((await fetchRaw(`${s.base}/page.js`)).body).toMatch(/new EventSource/);
    expect((await fetchRaw(`${s.base}/icon.svg`)).body).toMatch(/^<svg /);
    const page = await fetchRaw(`${s.base}/room`);
    expect(page.body).not.toMatch(/<script>|<script(?![^>]*\bsrc=)|\bon[a-z]+=|style=/i);
    expect(
      page.body.length +
        (await fetchRaw(`${s.base}/page.js`)).body.length +
        (await fetchRaw(`${s.base}/page.css`)).body.length,
    ).toBeLessThan(100_000);
  });

  it('sends no spoiler in any byte to any role’s page, over view-mini’s scripted drill', async () => {
    const input = viewMiniInput();
    const s = await serve(input);
    const statics = (await Promise.all(['/room', '/page.js', '/page.css'].map((p) => fetchRaw(s.base + p))))
      .map((r) => r.body)
      .join('\n');
    const streams = audiences(input.scenario).map((a) => [a, openStream(`${s.base}/${pathOf(a)}/events`)] as const);
    for (const step of viewMiniSteps()) {
      send(s, step);
      await nextTurn();
    }
    for (const [a, stream] of streams) {
      await stream.waitFor(finished, `the end of the drill on ${pathOf(a)}`);
      expectNoSpoilers(input.scenario, s.session.records, a, stream, statics);
      stream.close();
    }
  });

  it('sends no spoiler to any role’s page over a whole scripted k8s-shrink drill with votes', async () => {
    const loaded = loadScenarioFile('scenarios/k8s-shrink.yaml');
    const answers = loadAnswersFile('test/answers/k8s-shrink.restart-pods.yaml');
    if (!loaded.ok || !answers.ok) throw new Error('does not load');
    const s = await serve({
      scenario: loaded.scenario,
      seed: '1',
      team: answers.answers.team ?? [],
      mode: 'run',
      wall: 0,
    });
    const statics = (await fetchRaw(`${s.base}/room`)).body;
    const streams = audiences(loaded.scenario).map((a) => [a, openStream(`${s.base}/${pathOf(a)}/events`)] as const);
    await nextTurn();
    expect(playHeadless(s.session, loaded.scenario, answers.answers, 0).errors).toEqual([]);
    for (const [a, stream] of streams) {
      await stream.waitFor(finished, `the end of the drill on ${pathOf(a)}`);
      expectNoSpoilers(loaded.scenario, s.session.records, a, stream, statics);
      stream.close();
    }
  });

  it('a page that reconnects with the last event id it got gets exactly what it missed', async () => {
    const s = await serve(viewMiniInput());
    const steps = viewMiniSteps();
    const first = openStream(`${s.base}/role/ops/events`);
    send(s, steps.slice(0, 4).flat());
    await first.waitFor((f) => f.some((x) => x.id !== undefined), 'some events');
    await nextTurn();
    first.close();
    const lastId = first.frames.filter((f) => f.id !== undefined).at(-1)!.id!;
    send(s, steps.slice(4).flat());
    const again = openStream(`${s.base}/role/ops/events`, lastId);
    await again.waitFor(finished, 'the rest of the drill');
    const whole = openStream(`${s.base}/role/ops/events`);
    await whole.waitFor(finished, 'the whole drill');
    const changes = (frames: readonly Frame[]) => frames.filter((f) => f.id !== undefined);
    expect([...changes(first.frames), ...changes(again.frames)]).toEqual(changes(whole.frames));
    expect(changes(again.frames)[0]!.id).toBeGreaterThan(lastId);
    expect(again.raw()).toMatch(/^retry: 1000\n\n/);
    again.close();
    whole.close();
  });

  it('takes a vote from a page through the session into the journal, and refuses what is not a vote on an open decision', async () => {
    const s = await serve(viewMiniInput());
    const steps = viewMiniSteps();
    send(s, steps.slice(0, 5).flat()); // up to the moment `first` opens
    const vote = (
      body: unknown,
      headers: Record<string, string> = { 'Content-Type': 'application/json' },
      path = 'role/ops',
    ) =>
      fetchRaw(`${s.base}/${path}/vote`, {
        method: 'POST',
        headers,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const ok = await vote({ decision: 'first', option: 'wait', name: ' Tom\u001b[31m ', confidence: 'high' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).ok).toMatch(/Your vote is in/);
    const refused: [unknown, Record<string, string> | undefined, number, RegExp][] = [
      [{ decision: 'slow', option: 'tell', name: 'Tom', confidence: 'high' }, undefined, 409, /no longer open/],
      [{ decision: 'first', option: 'nope', name: 'Tom', confidence: 'high' }, undefined, 409, /no longer open/],
      [{ decision: 'first', option: 'warm', name: '', confidence: 'high' }, undefined, 400, /Write your name/],
      [{ decision: 'first', option: 'warm', name: 'Tom', confidence: 'sure' }, undefined, 400, /confident/],
      ['not json', undefined, 400, /not understood/],
      [
        { decision: 'first', option: 'warm', name: 'Tom', confidence: 'high' },
        { 'Content-Type': 'text/plain' },
        415,
        /JSON/,
      ],
      [
        { decision: 'first', option: 'warm', name: 'Tom', confidence: 'high' },
        { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
        403,
        /own pages/,
      ],
      [{ decision: 'first', option: 'warm', name: 'x'.repeat(3000), confidence: 'high' }, undefined, 413, /too long/],
    ];
    for (const [body, headers, status, message] of refused) {
      const r = await vote(body, headers);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(JSON.parse(r.body).error).toMatch(message);
    }
    await s.close();
    current = undefined;
    const journal = parseJournal(readFileSync(s.journal, 'utf8'), s.journal);
    if (!journal.ok) throw new Error(journal.message);
    expect(journal.records.filter((r) => r.type === 'vote')).toEqual([
      expect.objectContaining({ id: 'first', option: 'wait', name: 'Tom [31m', confidence: 'high', role: 'ops' }),
    ]);
  });

  it('never waits on the pages: nothing is sent to a page while the drill handles an event', async () => {
    const s = await serve(viewMiniInput());
    const streams = Array.from({ length: 5 }, () => openStream(`${s.base}/room/events`));
    await nextTurn();
    const take = vi.spyOn(AudienceChannel.prototype, 'take');
    try {
      for (const event of viewMiniSteps().flat()) {
        s.session.send(event);
        expect(take).not.toHaveBeenCalled();
      }
      await nextTurn();
      expect(take).toHaveBeenCalled();
    } finally {
      take.mockRestore();
    }
    for (const stream of streams) {
      await stream.waitFor(finished, 'the end');
      stream.close();
    }
  });
});
