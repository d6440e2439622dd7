/**
 * `drill play` loads the report code after the first frame, to start sooner. The writer it hands
 * the screen must write the same reports once loaded, and before that fail with a message (which
 * the screen shows, pointing to `drill report`) rather than write nothing silently.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyReportWriter } from '../../src/cli/play.js';
import { writeReports } from '../../src/report/write.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { DrillSession } from '../../src/session/session.js';

function finishedDrill(dir: string) {
  const loaded = loadScenarioFile('test/fixtures/ui-mini.yaml');
  if (!loaded.ok) throw new Error('fixture does not load');
  const session = DrillSession.start({ scenario: loaded.scenario, seed: '1', team: [], mode: 'play', wall: 0 }, join(dir, 'journal.jsonl'), { durable: false });
  session.send({ type: 'START', wall: 0 });
  session.send({ type: 'FINISH', wall: 1000 });
  const records = session.actor.getSnapshot().context.core.records;
  session.close();
  return { scenario: loaded.scenario, records };
}

describe('drill play: the report writer loaded after the first frame', () => {
  it('refuses to write before it is loaded, with a message', () => {
    const reports = lazyReportWriter();
    const dir = mkdtempSync(join(tmpdir(), 'drill-lazy-'));
    const { scenario, records } = finishedDrill(dir);
    expect(() => reports.write(dir, scenario, records)).toThrow(/not loaded yet/);
    expect(readdirSync(dir)).toEqual(['journal.jsonl']);
  });

  it('once loaded, writes exactly what writeReports writes', async () => {
    const reports = lazyReportWriter();
    reports.load();
    const lazyDir = mkdtempSync(join(tmpdir(), 'drill-lazy-'));
    const directDir = mkdtempSync(join(tmpdir(), 'drill-direct-'));
    const { scenario, records } = finishedDrill(lazyDir);
    await expect.poll(() => {
      try {
        return reports.write(lazyDir, scenario, records).length;
      } catch {
        return 0;
      }
    }).toBe(2);
    const direct = writeReports(directDir, scenario, records);
    for (const file of direct) {
      const name = file.slice(directDir.length + 1);
      expect(readFileSync(join(lazyDir, name), 'utf8')).toBe(readFileSync(file, 'utf8'));
    }
  });
});
