/**
 * `drill new`: the starter scenario it writes validates without a warning, plays to its end
 * headlessly (and to resolution when a team does the right things), and the command refuses to
 * overwrite a file or to take an id the format would reject.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CommandIO } from '../../src/cli/io.js';
import { parseJournal } from '../../src/journal/reader.js';

function capture(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

const fresh = () => mkdtempSync(join(tmpdir(), 'drill-new-'));

async function writeStarter(id = 'disk-full'): Promise<string> {
  const file = join(fresh(), `${id}.yaml`);
  const io = capture();
  expect(await main(['new', id, '--out', file], io)).toBe(0);
  expect(io.stderr).toEqual([]);
  expect(io.stdout[0]).toBe(`wrote ${file}`);
  return file;
}

async function play(file: string, answers?: string) {
  const out = join(fresh(), 'out');
  const io = capture();
  const code = await main(['run', file, ...(answers ? ['--answers', answers] : []), '--seed', '1', '--start', '2026-01-15T14:00:00Z', '--out', out], io);
  const read = parseJournal(readFileSync(join(out, 'journal.jsonl'), 'utf8'), 'journal.jsonl');
  if (!read.ok) throw new Error(read.message);
  return { code, stderr: io.stderr, records: read.records };
}

describe('drill new', () => {
  it('writes a starter that validates with no errors and no warnings', async () => {
    const file = await writeStarter();
    const io = capture();
    expect(await main(['validate', file], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout).toEqual([`${file}: ok (disk-full, 7 injects, 1 decision, 3 actions)`]);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\S+scenario\.schema\.json\n/);
    expect(text).toContain('\nid: disk-full ');
    expect(text).toContain('\ntitle: "Disk full"\n');
  });

  it('writes a starter that plays to its end with nobody answering', async () => {
    const { code, stderr, records } = await play(await writeStarter());
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    expect(records.find((r) => r.type === 'drill-ended')).toMatchObject({ reason: 'limit', t: 30 * 60_000 });
    expect(records.filter((r) => r.type === 'decision-timed-out').map((r) => r.type === 'decision-timed-out' && r.option)).toEqual(['wait']);
  });

  it('writes a starter that a team can resolve', async () => {
    const file = await writeStarter();
    const answers = join(fresh(), 'answers.yaml');
    writeFileSync(
      answers,
      [
        'team: [{name: Alex, role: ops}]',
        'decisions:',
        '  first-move: {choose: look-at-disk, by: Alex, after: 20s}',
        'actions:',
        '  - {do: turn-off-statement-logging, at: 5m, by: Alex}',
        '  - {do: clear-old-logs, at: 6m, by: Alex}',
      ].join('\n'),
    );
    const { code, stderr, records } = await play(file, answers);
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    expect(records.find((r) => r.type === 'drill-ended')).toMatchObject({ reason: 'condition' });
    const reached = records.flatMap((r) => (r.type === 'milestone' ? [r.name] : []));
    expect(reached).toEqual(['started', 'detected', 'acknowledged', 'mitigated', 'resolved']);
  });

  it('refuses to overwrite an existing file', async () => {
    const file = await writeStarter();
    writeFileSync(file, 'mine\n');
    const io = capture();
    expect(await main(['new', 'disk-full', '--out', file], io)).toBe(1);
    expect(io.stderr).toEqual([`${file}: already exists, and drill new never overwrites; choose another id or --out FILE`]);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it.each(['My Drill', 'disk.full', '_hidden', 'é-accent'])('refuses the id %j, in one line, and writes nothing', async (id) => {
    const out = join(fresh(), 'x.yaml');
    const io = capture();
    expect(await main(['new', id, '--out', out], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/is not a valid scenario id; use letters, digits, - and _/);
    expect(existsSync(out)).toBe(false);
  });

  it('points the schema comment at docs/ relative to where the file is written', async () => {
    const file = join(fresh(), 'a', 'b', 'deep.yaml');
    expect(await main(['new', 'deep', '--out', file], capture())).toBe(0);
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    // Resolved from the file's folder, the path lands on <cwd>/docs/scenario.schema.json.
    const target = first.replace('# yaml-language-server: $schema=', '');
    expect(join(file, '..', target)).toBe(join(process.cwd(), 'docs', 'scenario.schema.json'));
  });

  describe('without --out', () => {
    const home = process.cwd();
    afterEach(() => process.chdir(home));

    it('writes scenarios/<id>.yaml in the current folder, creating scenarios/', async () => {
      process.chdir(fresh());
      const io = capture();
      expect(await main(['new', 'first-drill'], io)).toBe(0);
      expect(io.stdout[0]).toBe(`wrote ${join('scenarios', 'first-drill.yaml')}`);
      expect(readFileSync(join('scenarios', 'first-drill.yaml'), 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=../docs/scenario.schema.json',
      );
    });
  });
});
