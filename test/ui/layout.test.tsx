/**
 * The screen at the smallest supported size (80×24), after a resize, and without colour: it must
 * fit (no row wider than the terminal, no more rows than it has), keep what the team needs in
 * view, and say everything in words when NO_COLOR is set.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Chalk decides at import whether it may colour; these tests must see colour when it is allowed.
vi.hoisted(() => {
  process.env['FORCE_COLOR'] = '1';
  delete process.env['NO_COLOR'];
});

import { PlayApp, type PlayResult } from '../../src/ui/App.js';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary.js';
import { DrillSession } from '../../src/session/session.js';
import { themeFromEnv, type Theme } from '../../src/ui/theme.js';
import { textWidth } from '../../src/ui/wrap.js';
import { fixture } from '../helpers/load.js';
import { FakeTime } from '../helpers/fake-time.js';
import { plain, settle, waitFor } from '../helpers/ui.js';
import { renderScreen, type Screen } from '../helpers/screen.js';
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../../src/scenario/index.js';

const screens: Screen[] = [];
afterEach(() => {
  for (const s of screens.splice(0)) s.instance.unmount();
});

function start(columns: number, rows: number, theme: Theme = { color: false }, scenario = fixture('ui-mini.yaml')) {
  const time = new FakeTime();
  const journal = join(mkdtempSync(join(tmpdir(), 'drill-layout-')), 'journal.jsonl');
  const team = [
    { name: 'Alex', role: 'ic' },
    { name: 'Julie', role: 'ops' },
  ];
  const session = DrillSession.start({ scenario, seed: 'layout', team, mode: 'play', wall: time.wallNow() }, journal, { durable: true });
  const screen = renderScreen(
    <PlayApp scenario={scenario} theme={theme} time={time} session={session} startSession={() => session} writeReports={() => []} />,
    columns,
    rows,
  );
  screens.push(screen);
  const raw = () => screen.stdout.lastFrame();
  const frame = () => plain(raw());
  return {
    screen,
    raw,
    frame,
    lines: () => frame().split('\n'),
    shows: (text: string) => waitFor(() => frame().includes(text), frame),
    press: async (...keys: string[]) => {
      for (const key of keys) {
        await settle();
        screen.stdin.write(key);
        await settle();
      }
    },
    advance: async (ms: number) => {
      for (let done = 0; done < ms; done += 250) {
        time.advance(Math.min(250, ms - done));
        await settle();
      }
    },
  };
}

/** Every frame row fits the terminal, and the frame leaves the last row free (Ink's cursor row). */
function expectFits(lines: string[], columns: number, rows: number): void {
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(textWidth(line), line).toBeLessThanOrEqual(columns);
}

/** SGR parameters that set a colour (30–38, 40–48, 90–97, 100–107); 39/49 only reset it. */
function colourCodes(raw: string): string[] {
  const found: string[] = [];
  for (const m of raw.matchAll(/\u001b\[([0-9;]*)m/g)) {
    for (const p of m[1]!.split(';').map(Number)) {
      if ((p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107)) found.push(String(p));
    }
  }
  return found;
}

describe('the screen at 80×24', () => {
  it('fits, with the feed, metrics, the open decision and the help line in view', async () => {
    const d = start(80, 24);
    await d.shows('Enter start the clock');
    expectFits(d.lines(), 80, 24);
    await d.press('\r');
    await d.advance(41_000);
    await d.shows('DECISION for ic');
    await d.shows('ops terminal');
    const lines = d.lines();
    expectFits(lines, 80, 24);
    expect(lines[0]).toMatch(/^The queue that stopped +T\+00:41 ▶ RUNNING ×1 \d\d:\d\d$/);
    expect(d.frame()).toContain('Jobs waiting in the queue');
    expect(d.frame()).toContain(' 1  Roll back the worker deploy');
    expect(d.frame()).toContain(' 3  Watch it for a while (taken if time runs out)');
    expect(lines.at(-1)).toMatch(/^1-9 answer · .* · \? help$/);
    // The terminal block is taller than the room left: its head is shown, and a marker says so.
    expect(d.frame()).toMatch(/\| \$ kubectl logs deploy\/billing-worker --tail 20/);
    expect(d.frame()).toMatch(/\| … \d+ more lines · v shows them all/);
    expect(d.frame()).not.toContain('line 20 (the last line)');

    // `v` shows the whole output, scrolled with the arrows.
    await d.press('v');
    await d.shows('lines 1–');
    await d.press('\u001b[6~'); // PgDn
    await d.shows('line 20 (the last line)');
    expectFits(d.lines(), 80, 24);
    expect(d.frame().split('Esc closes').length - 1).toBe(1); // the keys are said once, on the help line
    await d.press('\u001b');
    await d.shows('DECISION for ic');
  });

  it('lays out again on resize: metrics beside the feed when wide, a plain message when too small', async () => {
    const d = start(80, 24);
    await d.press('\r');
    await d.advance(12_000);
    await d.shows('QueueBacklogHigh');

    d.screen.stdout.resize(130, 30);
    await waitFor(() => textWidth(d.lines()[0]!) === 130, d.frame);
    expectFits(d.lines(), 130, 30);
    const metricRow = d.lines().find((l) => l.includes('Jobs waiting in the queue'))!;
    expect(metricRow.indexOf('Jobs waiting')).toBeGreaterThan(80); // in the right-hand column

    d.screen.stdout.resize(50, 12);
    await d.shows('The terminal is 50×12; drill play needs at least');

    d.screen.stdout.resize(80, 24);
    await d.shows('QueueBacklogHigh');
    expectFits(d.lines(), 80, 24);
  });
});

describe('colour', () => {
  it('is used when allowed, and never with NO_COLOR, where PAUSED is still a word', async () => {
    const coloured = start(100, 30, themeFromEnv({}));
    await coloured.press('\r');
    await coloured.advance(16_000);
    await coloured.press(' ');
    await coloured.shows('PAUSED');
    expect(colourCodes(coloured.raw()).length).toBeGreaterThan(0);

    const plainScreen = start(100, 30, themeFromEnv({ NO_COLOR: '1' }));
    await plainScreen.press('\r');
    await plainScreen.advance(16_000);
    await plainScreen.press(' ');
    await plainScreen.shows('‖ PAUSED');
    await plainScreen.shows('DECISION for ic');
    expect(colourCodes(plainScreen.raw())).toEqual([]);
    expect(plainScreen.frame()).toContain('ALERT Alertmanager'); // the channel is a word, not a colour
  });

  it('treats an empty NO_COLOR as unset, as no-color.org says', () => {
    expect(themeFromEnv({ NO_COLOR: '' }).color).toBe(true);
    expect(themeFromEnv({ NO_COLOR: '0' }).color).toBe(false);
  });
});

describe('leaving the screen', () => {
  it('asks before quitting, and says why it closed', async () => {
    const d = start(80, 24);
    const exited = d.screen.instance.waitUntilExit(); // before the exit: Ink creates the promise lazily
    await d.shows('Enter start the clock');
    await d.press('q');
    await d.shows('Leave drill play?');
    await d.press('n');
    await d.shows('Carrying on.');
    await d.press('q', 'y');
    expect(await exited).toEqual({ reason: 'quit' } satisfies PlayResult);
  });

  it('leaves at once on Ctrl-C, even while a field has the keys', async () => {
    const d = start(80, 24);
    const exited = d.screen.instance.waitUntilExit();
    await d.press('\r', 'n');
    await d.shows('Note:');
    await d.press('\u0003');
    expect(await exited).toEqual({ reason: 'interrupted' } satisfies PlayResult);
  });
});

describe('a bug in a view', () => {
  it('ends the screen with the error and one line, not a stack trace', async () => {
    const Boom = (): never => {
      throw new Error('view exploded');
    };
    const errors: Error[] = [];
    const silence = vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports caught errors
    const screen = renderScreen(
      <ErrorBoundary onError={(e) => errors.push(e)}>
        <Boom />
      </ErrorBoundary>,
      80,
      24,
    );
    screens.push(screen);
    await waitFor(() => errors.length > 0, () => screen.stdout.lastFrame());
    silence.mockRestore();
    expect(errors[0]!.message).toBe('view exploded');
    expect(plain(screen.stdout.lastFrame())).toBe('drill play stopped on an internal error; the journal is saved.');
  });

  it('shows k8s-shrink’s metrics uncut at 100 and 80 columns, counts as whole numbers', async () => {
    const loaded = loadScenarioText(readFileSync('scenarios/k8s-shrink.yaml'), 'scenarios/k8s-shrink.yaml');
    if (!loaded.ok) throw new Error('k8s-shrink does not load');
    for (const columns of [100, 80]) {
      const s = start(columns, 30, { color: false }, loaded.scenario);
      await s.shows('Enter start the clock');
      await s.press('\r');
      await s.advance(3000);
      await s.press('+', '+', '+', '+', '+', '+');
      await s.advance(4000); // the shrink lands and the nodes ramp
      const frame = s.frame();
      // At 100 columns the label fits on its line; at 80 it wraps onto a second one, whole.
      if (columns === 100) expect(frame, frame).toContain('Nodes launched but NotReady');
      expect(frame, frame).toMatch(/Nodes launched but[^\n]*\n[^\n]*NotReady|Nodes launched but NotReady/);
      expect(frame).not.toContain('…    ');
      expect(frame).not.toMatch(/\d+\.\d nodes/);
      s.screen.instance.unmount();
    }
  });
});
