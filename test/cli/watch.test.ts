/**
 * `drill watch`: a role's view of a journal, read-only. Piped, it prints the feed and exits at the
 * journal's end; followed, it prints what is appended (a line written in two pieces included)
 * until the drill is finished or it is stopped. What it prints holds no spoiler for that role and
 * no terminal escape; what a user can get wrong is one line and a non-zero exit.
 */
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { watchCommand } from '../../src/cli/watch.js';
import { journalHeader } from '../../src/journal/writer.js';
import type { DrillRecord } from '../../src/engine/records.js';
import { capture } from '../helpers/report-drill.js';
import { SpoilerCheck } from '../helpers/spoilers.js';
import { viewMiniDrill } from '../helpers/view-drills.js';

const drill = viewMiniDrill();
const SCENARIO = 'test/fixtures/view-mini.yaml';
const lineOf = (r: DrillRecord) => `${JSON.stringify(r)}\n`;

function journalWith(records: readonly DrillRecord[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'drill-watch-')), 'journal.jsonl');
  writeFileSync(path, journalHeader() + '\n' + records.map(lineOf).join(''));
  return path;
}

describe('drill watch', () => {
  it('piped, prints a role’s feed as plain lines and exits at the end, with no spoiler and no escape', async () => {
    const journal = journalWith(drill.records);
    for (const role of ['lead', 'ops', undefined]) {
      const io = capture();
      const code = await main(['watch', journal, '--scenario', SCENARIO, ...(role ? ['--role', role] : [])], io);
      expect(code).toBe(0);
      const out = io.stdout.join('\n');
      const spoilers = new SpoilerCheck(drill.scenario, role ? { role } : 'room');
      for (const r of drill.records) spoilers.advance(r);
      expect(spoilers.leaks(io.stdout), String(role)).toEqual([]);
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(out).toContain('Errors up ␛[31mRED␛[0m ␛]52;c;ZXZpbA==␇');
      expect(out.includes('OPS-ONLY-TEXT'), String(role)).toBe(role === 'ops');
      expect(out.includes('LEAD-ONLY-TEXT'), String(role)).toBe(role === 'lead');
      expect(out).toContain('DECIDED   What now?');
      expect(out).toContain('votes: 3 people; 2 for “Warm the cache');
      expect(io.stdout.at(-1)).toMatch(/FINISHED/);
    }
  });

  it('followed, prints what is appended, a line written in two pieces once, and stops when the drill is finished', async () => {
    const half = drill.records.findIndex((r) => r.type === 'decision-opened');
    const journal = journalWith(drill.records.slice(0, half));
    const io = capture();
    const done = watchCommand({ role: 'lead', scenario: SCENARIO }, [journal], io, { follow: true, pollMs: 5 });
    const waitFor = async (text: string) => {
      for (let i = 0; i < 400 && !io.stdout.join('\n').includes(text); i++) await new Promise((r) => setTimeout(r, 5));
      expect(io.stdout.join('\n')).toContain(text);
    };
    await waitFor('LEAD-ONLY-TEXT');
    expect(io.stdout.join('\n')).not.toContain('What now?');
    const next = lineOf(drill.records[half]!);
    appendFileSync(journal, next.slice(0, 20));
    await new Promise((r) => setTimeout(r, 30));
    expect(io.stdout.join('\n')).not.toContain('What now?');
    appendFileSync(journal, next.slice(20));
    await waitFor('What now?');
    appendFileSync(
      journal,
      drill.records
        .slice(half + 1)
        .map(lineOf)
        .join(''),
    );
    expect(await done).toBe(0);
    expect(io.stdout.filter((l) => l.includes('DECISION  for Lead')).length).toBe(1);
    expect(io.stdout.at(-1)).toMatch(/FINISHED/);
  });

  it('followed, stops when told (Ctrl-C) with 130, and never writes to the journal', async () => {
    const journal = journalWith(drill.records.slice(0, 10));
    const before = readFileSync(journal, 'utf8');
    const mtime = statSync(journal).mtimeMs;
    const stop = new AbortController();
    const io = capture();
    const done = watchCommand({}, [journal], io, { follow: true, pollMs: 5, stop: stop.signal });
    await new Promise((r) => setTimeout(r, 30));
    stop.abort();
    expect(await done).toBe(130);
    expect(readFileSync(journal, 'utf8')).toBe(before);
    expect(statSync(journal).mtimeMs).toBe(mtime);
  });

  it('refuses what a user can get wrong in one line, with a non-zero exit', async () => {
    const journal = journalWith(drill.records);
    const started = drill.records[0] as Extract<DrillRecord, { type: 'drill-started' }>;
    const gone = { ...started, scenario: { ...started.scenario, path: 'gone.yaml', id: 'gone' } };
    const cases: [string[], number, RegExp][] = [
      [['watch', '/nonexistent/journal.jsonl'], 1, /^\/nonexistent\/journal\.jsonl: no such journal file$/],
      [
        ['watch', journal, '--scenario', SCENARIO, '--role', 'nobody'],
        2,
        /--role 'nobody' is not a role of scenario view-mini; write one of: lead, ops/,
      ],
      [
        ['watch', journalWith([gone, ...drill.records.slice(1)])],
        1,
        /the drill's scenario 'gone\.yaml' is not here, next to the journal or by its id 'gone'; pass --scenario FILE/,
      ],
      [['watch', journalWith([])], 1, /journal\.jsonl:2:1: the journal has no drill-started record$/],
      [['watch', tmpdir()], 1, /not a journal file \(a folder\)/],
    ];
    for (const [args, code, message] of cases) {
      const io = capture();
      expect(await main(args, io), args.join(' ')).toBe(code);
      expect(io.stderr, args.join(' ')).toHaveLength(1);
      expect(io.stderr[0]).toMatch(message);
    }
    const damaged = journalWith(drill.records.slice(0, 3));
    appendFileSync(damaged, '{"not":"a record"}\n');
    const io = capture();
    expect(await main(['watch', damaged, '--scenario', SCENARIO], io)).toBe(1);
    expect(io.stderr).toEqual([expect.stringMatching(/journal\.jsonl:5:1: damaged journal line/)]);
  });
});
