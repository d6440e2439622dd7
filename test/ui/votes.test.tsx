/**
 * The facilitator's screen shows votes from the participants' pages as they come in, even while
 * the drill is paused (no clock tick to redraw it): a line in the feed for each, and the tally
 * under the decision's options.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { PlayApp } from '../../src/ui/App.js';
import { DrillSession } from '../../src/session/session.js';
import { writeReports } from '../../src/report/write.js';
import { FakeTime } from '../helpers/fake-time.js';
import { plain, waitFor } from '../helpers/ui.js';
import { viewMiniInput, viewMiniSteps } from '../helpers/view-drills.js';

afterEach(() => cleanup());

describe('votes on the facilitator’s screen', () => {
  it('appear as they come in, in the feed and under the decision, while the drill is paused', async () => {
    const input = viewMiniInput();
    const session = DrillSession.start(input, join(mkdtempSync(join(tmpdir(), 'drill-ui-votes-')), 'journal.jsonl'), { durable: false });
    for (const event of viewMiniSteps().slice(0, 5).flat()) session.send(event);
    session.send({ type: 'PAUSE', wall: input.wall + 30_000 });
    const time = new FakeTime();
    const ui = render(<PlayApp scenario={input.scenario} theme={{ color: false }} time={time} session={session} startSession={() => session} writeReports={writeReports} />);
    const frame = () => plain(ui.lastFrame());
    await waitFor(() => frame().includes('What now?'), frame);
    expect(frame()).not.toContain('Votes from the pages');
    session.sendFromOutside({ type: 'VOTE', id: 'first', option: 'wait', name: 'Tom', confidence: 'high', role: 'ops', wall: input.wall + 30_000 });
    await waitFor(() => frame().includes('Votes from the pages (1): 1 for 2 “Wait and see”'), frame);
    session.sendFromOutside({ type: 'VOTE', id: 'first', option: 'warm', name: 'Ana', confidence: 'low', wall: input.wall + 30_000 });
    await waitFor(() => frame().includes('Votes from the pages (2)'), frame);
    expect(frame()).toMatch(/VOTE\s+Tom, ops's page: Wait and see \(high confidence\)/);
    ui.unmount();
    session.close();
  });
});
