/**
 * `drill play --serve` around the screen: the links (printed, and in `<out>/links.txt` that only
 * the facilitator's account can read), the warning when other machines can reach them, the drill
 * attached when its session starts, and the server gone when the drill ends.
 */
import { mkdtempSync, readFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServePort, startServing } from '../../src/cli/play-serve.js';
import { DrillSession } from '../../src/session/session.js';
import { fetchRaw } from '../helpers/served.js';
import { viewMiniInput } from '../helpers/view-drills.js';

describe('drill play --serve', () => {
  it('prints a link per role and the room, writes them to links.txt for the facilitator only, and stops with the drill', async () => {
    const opened = await openServePort({ serve: true });
    if (!('port' in opened) || !opened.port) throw new Error('no port');
    expect(opened.port.address.host).toBe('127.0.0.1');
    const out = mkdtempSync(join(tmpdir(), 'drill-serve-'));
    const input = viewMiniInput();
    const serving = startServing(opened.port, input.scenario, out, () => input.wall);
    const links = serving.lines.filter((l) => l.includes('http://'));
    expect(links.map((l) => l.replace(/http:\S+/, 'URL').trim())).toEqual(['Lead <b>bold</b> (lead): URL', 'Operator (ops): URL', 'the room (a projector): URL']);
    expect(serving.lines.join('\n')).not.toContain('only protection');
    expect(readFileSync(join(out, 'links.txt'), 'utf8')).toBe(`${serving.lines.join('\n')}\n`);
    expect(statSync(join(out, 'links.txt')).mode & 0o777).toBe(0o600);
    const room = links[2]!.replace(/^.*(http:\S+)$/, '$1');
    const session = DrillSession.start(input, join(out, 'journal.jsonl'), { durable: false });
    serving.attach(session);
    await new Promise((r) => setTimeout(r, 20));
    const events = await fetchRaw(`${room}/report`);
    expect(events.status).toBe(404); // there, and not finished
    await serving.close();
    session.close();
    await expect(fetchRaw(room)).rejects.toThrow(/ECONNREFUSED/);
    serving.removeLinks();
    expect(existsSync(join(out, 'links.txt'))).toBe(false);
  });

  it('says that the secret is the only protection when other machines can reach the pages', async () => {
    const opened = await openServePort({ serve: true, listen: '0.0.0.0:0' });
    if (!('port' in opened) || !opened.port) throw new Error('no port');
    const serving = startServing(opened.port, viewMiniInput().scenario, mkdtempSync(join(tmpdir(), 'drill-serve-')), () => 0);
    try {
      expect(serving.lines.at(-1)).toMatch(/^Serving on 0\.0\.0\.0:\d+, beyond this machine: the secret in each link is the only protection\.$/);
      expect(serving.lines.some((l) => l.includes('http://0.0.0.0'))).toBe(false);
    } finally {
      await serving.close();
    }
  });
});
