/**
 * `drill report` as a user meets it: where it looks for the scenario, what it says when the
 * scenario changed or is missing, formats, and that no report file is ever overwritten unless
 * asked. And `writeReports` after a drill never overwrites either.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { writeReports } from '../../src/report/write.js';
import { fixture } from '../helpers/load.js';
import { capture, playDrill, type PlayedDrill } from '../helpers/report-drill.js';

let drill: PlayedDrill;
beforeAll(async () => {
  drill = await playDrill('test/fixtures/report-mini.yaml', 'test/answers/report-mini.yaml');
});

/** A copy of the drill's journal whose drill-started record names another scenario path. */
function journalNaming(path: string, name: string): string {
  const lines = readFileSync(drill.journal, 'utf8').split('\n');
  const started = JSON.parse(lines[1]!);
  started.scenario.path = path;
  lines[1] = JSON.stringify(started);
  const file = join(drill.dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('drill report --format issues', () => {
  it('writes each follow-up as a file whose first line is its title, never over a file without --force', async () => {
    const dir = join(drill.dir, 'issues');
    const io = capture();
    expect(await main(['report', drill.journal, '--format', 'issues', '--output', dir], io)).toBe(0);
    expect(io.stdout[0]).toBe(`wrote 3 issues to ${dir}; each file's first line is its title:`);
    expect(readdirSync(dir)).toEqual(['01-alert-on-queue-growth-rate-not.md', '02-require-review-for-pool-size-changes.md', '03-be-more-careful-with-config-pushes.md']);
    const first = readFileSync(join(dir, '01-alert-on-queue-growth-rate-not.md'), 'utf8').split('\n');
    expect(first.slice(0, 3)).toEqual(['Alert on queue growth rate, not size', '', 'Alert on queue growth rate, not size']);
    expect(first).toContain('- **Owner:** Tom');
    expect(first.join('\n')).toContain('raised during play at T+04:00');
    expect(readFileSync(join(dir, '03-be-more-careful-with-config-pushes.md'), 'utf8')).toContain('- **Owner:** _unassigned_');
    const again = capture();
    expect(await main(['report', drill.journal, '--format', 'issues', '--output', dir], again)).toBe(1);
    expect(again.stderr[0]).toMatch(/01-alert-on-queue-growth-rate-not\.md: already exists; pass --force/);
    expect(await main(['report', drill.journal, '--format', 'issues', '--output', dir, '--force'], capture())).toBe(0);
  });

  it('needs a folder to write into', async () => {
    const io = capture();
    expect(await main(['report', drill.journal, '--format', 'issues'], io)).toBe(2);
    expect(io.stderr).toEqual(['--format issues writes one file per follow-up action; give the folder with --output DIR']);
  });
});

describe('drill report', () => {
  it('never overwrites an existing file unless --force', async () => {
    const out = join(drill.dir, 'report.md');
    const before = readFileSync(out, 'utf8');
    writeFileSync(out, 'my edits');
    const io = capture();
    expect(await main(['report', drill.journal, '--output', out], io)).toBe(1);
    expect(io.stderr).toEqual([`${out}: already exists; pass --force to overwrite it, or choose another --output`]);
    expect(readFileSync(out, 'utf8')).toBe('my edits');
    expect(await main(['report', drill.journal, '--output', out, '--force'], capture())).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('prints JSON with --format json, and picks JSON for an --output ending in .json', async () => {
    const io = capture();
    expect(await main(['report', drill.journal, '--format', 'json'], io)).toBe(0);
    expect(`${io.stdout.join('\n')}\n`).toBe(drill.json);
    const bad = capture();
    expect(await main(['report', drill.journal, '--format', 'pdf'], bad)).toBe(2);
    expect(bad.stderr).toEqual(["--format: 'pdf' is not a report format; write --format md, --format json or --format issues"]);
  });

  it('warns when the scenario file differs from the one the drill was played with, and says so in the report', async () => {
    const changed = join(drill.dir, 'changed.yaml');
    writeFileSync(changed, `${readFileSync('test/fixtures/report-mini.yaml', 'utf8')}\n# edited after the drill\n`);
    const io = capture();
    expect(await main(['report', drill.journal, '--scenario', changed], io)).toBe(0);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(new RegExp(`^${changed}: warning: this file's sha256 \\([0-9a-f]{12}…\\) differs from the scenario the drill was played with`));
    expect(io.stdout.join('\n')).toContain('- **Warning:** this report was built with a scenario file whose sha256 is');
  });

  it('finds the recorded scenario next to the journal when it is not in the current folder', async () => {
    mkdirSync(join(drill.dir, 'copy'), { recursive: true });
    copyFileSync('test/fixtures/report-mini.yaml', join(drill.dir, 'copy', 'mini.yaml'));
    const journal = journalNaming('copy/mini.yaml', 'moved.jsonl');
    const io = capture();
    expect(await main(['report', journal], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout.join('\n')).toContain('(`copy/mini.yaml`)');
  });

  it('says where it looked when the scenario cannot be found', async () => {
    const journal = journalNaming('gone/nowhere.yaml', 'lost.jsonl');
    const io = capture();
    expect(await main(['report', journal], io)).toBe(1);
    expect(io.stderr).toEqual([
      `${journal}: the drill's scenario 'gone/nowhere.yaml' is not in the current folder or next to the journal, and no scenario has its id 'report-mini'; pass --scenario FILE`,
    ]);
  });

  it('refuses a file that is not a journal in one line', async () => {
    const notJournal = join(drill.dir, 'notes.txt');
    writeFileSync(notJournal, 'hello\n');
    const io = capture();
    expect(await main(['report', notJournal], io)).toBe(1);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/^.*notes\.txt:1:1: not a drill journal/);
  });

  it('reports a drill cut short (a journal without its end) and says the journal stops early', async () => {
    const lines = readFileSync(drill.journal, 'utf8').split('\n').slice(0, 12);
    const cut = join(drill.dir, 'cut.jsonl');
    writeFileSync(cut, `${lines.join('\n')}\n`);
    const io = capture();
    expect(await main(['report', cut], io)).toBe(0);
    const md = io.stdout.join('\n');
    expect(md).toMatch(/the journal stops at T\+\d\d:\d\d of scenario time, before the drill ended; the debrief was not completed/);
    expect(md).toMatch(/- \*\*Resolved:\*\* not reached; the journal stops at T\+\d\d:\d\d first\./);
  });
});

describe('writeReports', () => {
  it('writes report.md and report.json, and a second time report-2.*, never over the first', () => {
    const scenario = fixture('report-mini.yaml');
    const dir = join(drill.dir, 'again');
    mkdirSync(dir);
    const first = writeReports(dir, scenario, drill.records);
    const second = writeReports(dir, scenario, drill.records);
    expect(first).toEqual([join(dir, 'report.md'), join(dir, 'report.json')]);
    expect(second).toEqual([join(dir, 'report-2.md'), join(dir, 'report-2.json')]);
    expect(readFileSync(second[0]!, 'utf8')).toBe(readFileSync(first[0]!, 'utf8'));
  });
});
