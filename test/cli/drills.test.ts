/**
 * The drills played here: `drill list --drills` with each drill's state and the command that
 * goes on with it, and the unfinished drill `drill play <scenario>` offers to resume.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { latestUnfinished, listDrills } from '../../src/cli/drills.js';
import { resumeQuestion, wantsResume } from '../../src/cli/resume-offer.js';

/** A drills/ folder with a finished k8s-shrink drill and, begun later, one killed at T+00:20. */
async function drillsFolder() {
  const folder = join(mkdtempSync(join(tmpdir(), 'drill-list-')), 'drills');
  const quiet = { out: () => {}, err: () => {} };
  await main(['run', 'scenarios/k8s-shrink.yaml', '--seed', '1', '--start', '2026-01-15T14:00:00Z', '--out', join(folder, 'done')], quiet);
  await main(['run', 'scenarios/k8s-shrink.yaml', '--seed', '1', '--start', '2026-01-15T15:00:00Z', '--out', join(folder, 'full')], quiet);
  // Killed early: the first lines of a journal, with a stale lock of a process long gone.
  mkdirSync(join(folder, 'killed'));
  const lines = readFileSync(join(folder, 'full', 'journal.jsonl'), 'utf8').split('\n').slice(0, 6);
  writeFileSync(join(folder, 'killed', 'journal.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(join(folder, 'killed', 'journal.jsonl.lock'), `999999999 ${hostname()}\n`);
  return folder;
}

describe('drill list --drills', () => {
  it('lists each drill with its scenario, start, how far it got, its state and the command that goes on', async () => {
    const folder = await drillsFolder();
    const out: string[] = [];
    expect(listDrills(folder, { out: (l) => out.push(l), err: () => {} })).toBe(0);
    expect(out[0]).toMatch(/^SCENARIO\s+STARTED\s+REACHED\s+STATE\s+JOURNAL$/);
    expect(out.find((l) => l.includes('/done/'))).toMatch(/^k8s-shrink\s+2026-01-15T14:00:00Z\s+\S+\s+finished\s+drill report .*done\/journal\.jsonl$/);
    expect(out.find((l) => l.includes('/killed/'))).toMatch(/^k8s-shrink\s+2026-01-15T15:00:00Z\s+T\+00:\d\d\s+unfinished\s+drill play --resume .*killed\/journal\.jsonl$/);
  });
});

describe('the resume drill play offers', () => {
  it('is the latest unfinished drill of that scenario, a stale lock being no obstacle', async () => {
    const folder = await drillsFolder();
    const offered = latestUnfinished('k8s-shrink', folder);
    expect(offered?.journal).toBe(join(folder, 'killed', 'journal.jsonl'));
    expect(latestUnfinished('zone-loss', folder)).toBeUndefined();
    expect(resumeQuestion(offered!)).toMatch(/^An unfinished k8s-shrink drill \(started 2026-01-15 15:00 UTC, stopped at T\+00:\d\d\) is in .*killed\/journal\.jsonl\. Resume it\? \[Y\/n\] $/);
  });

  it('resumes on Enter or yes, and starts anew on anything else', () => {
    expect(['', 'y', 'Yes', ' y '].map(wantsResume)).toEqual([true, true, true, true]);
    expect(['n', 'no', 'new'].map(wantsResume)).toEqual([false, false, false]);
  });
});
