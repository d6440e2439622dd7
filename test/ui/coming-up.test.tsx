/**
 * The facilitator's console on a wide screen: what is coming with the scenario's notes for the
 * facilitator, the world variables the players' metrics leave out, and the open decision's note.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlayApp } from '../../src/ui/App.js';
import { DrillSession } from '../../src/session/session.js';
import { writeReports } from '../../src/report/write.js';
import { FakeTime } from '../helpers/fake-time.js';
import { plain, waitFor } from '../helpers/ui.js';
import { renderScreen } from '../helpers/screen.js';
import { viewMiniInput, viewMiniSteps } from '../helpers/view-drills.js';

describe('the facilitator’s console', () => {
  it('shows what is coming with its notes, the variables players do not see, and the decision’s note', async () => {
    const input = viewMiniInput();
    const session = DrillSession.start(input, join(mkdtempSync(join(tmpdir(), 'drill-ui-console-')), 'journal.jsonl'), { durable: false });
    const steps = viewMiniSteps();
    for (const event of steps[0]!) session.send(event);
    session.send({ type: 'PAUSE', wall: input.wall });
    const screen = renderScreen(
      <PlayApp scenario={input.scenario} theme={{ color: false }} time={new FakeTime()} session={session} startSession={() => session} writeReports={writeReports} />,
      140,
      45,
    );
    const frame = () => plain(screen.stdout.lastFrame());
    // The console is a narrow column: its lines wrap, so it is read with runs of blanks as one space.
    const flat = () => frame().replace(/\s+/g, ' ');
    await waitFor(() => frame().includes('COMING UP'), frame);
    expect(frame()).toMatch(/T\+00:10 \(in 10s\) alert: Errors up ␛/);
    expect(flat()).toContain('note: FACILITATOR-NOTE-ALERT if asked, the cache was flushed by the deploy.');
    expect(frame()).toMatch(/T\+00:20 \(in 20s\) terminal: ops shell/);
    expect(flat()).toContain("Not on the players' metrics: SECRET-VARIABLE-LABEL cache warmed by hand no");
    session.send({ type: 'RESUME', wall: input.wall });
    for (const step of steps.slice(1, 5)) for (const event of step) session.sendFromOutside(event);
    await waitFor(() => flat().includes('NOTE for you: FACILITATOR-NOTE-DECISION warming is the answer'), frame);
    expect(flat()).not.toContain('alert: Errors up'); // it has fired: no longer coming
    screen.instance.unmount();
    session.close();
  });
});
