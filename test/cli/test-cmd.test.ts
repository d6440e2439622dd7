// `drill test` on small folders built per test: discovery by name and by `scenario:`, the
// expect: checks at load and at the end, the limit explanation, exit codes and the reporters.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CommandIO } from '../../src/cli/io.js';

// The disk alert starts the incident here, so a team that rotates logs before users see anything
// still resolves it (without it, the incident begins only at the first impact).
const SMALL = readFileSync('test/fixtures/small.yaml', 'utf8').replace(
  '    milestone: detected\n    hint: Check which directory grew.',
  '    milestone: detected\n    starts_incident: true\n    hint: Check which directory grew.',
);
const WITH_MILESTONE = readFileSync('test/fixtures/answers-small.yaml', 'utf8');
/** The fixture marks `acknowledged` at the moment the scenario reaches it, which is refused (tested below). */
const ANSWERS = WITH_MILESTONE.replace('milestones:\n  - {at: 4m, mark: acknowledged, by: Alex}\n', '');

function capture(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

/** A folder with the small scenario and, in answers/ next to it, the given answers files. */
function library(answers: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'drill-test-cmd-'));
  writeFileSync(join(dir, 'disk-full.yaml'), SMALL);
  mkdirSync(join(dir, 'answers'));
  for (const [name, text] of Object.entries(answers)) writeFileSync(join(dir, 'answers', name), text);
  return dir;
}

async function test(...args: string[]) {
  const io = capture();
  const code = await main(['test', ...args], io);
  return { code, ...io };
}

describe('drill test', () => {
  it('finds a scenario’s answers files in answers/ next to it, and passes what holds', async () => {
    const dir = library({ 'disk-full.rotate.yaml': `${ANSWERS}expect:\n  - ended('condition')\n  - chose('triage', 'rotate-logs') and at('mitigated') <= 5m\n` });
    const run = await test(join(dir, 'disk-full.yaml'));
    expect(run.stdout[0]).toMatch(/^PASS .*disk-full\.rotate\.yaml: disk-full ended by condition at T\+\d\d:\d\d, 2 expectations hold$/);
    expect(run.stdout.at(-1)).toBe('1 passed, 0 failed, 0 skipped');
    expect(run.code).toBe(0);
  });

  it('fails at the line of each expectation that does not hold, naming the values seen', async () => {
    const dir = library({ 'disk-full.rotate.yaml': `${ANSWERS}expect:\n  - ended('condition')\n  - time_in('down') > 1h or disk_pct > 99\n` });
    const lines = ANSWERS.split('\n').length + 2;
    const run = await test(dir);
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toMatch(new RegExp(`^FAIL .*disk-full\\.rotate\\.yaml:${lines}:5: expected \`time_in\\('down'\\) > 1h or disk_pct > 99\`, but it was false: time_in\\('down'\\) = \\S+, disk_pct = \\d+`));
  });

  it('says why a drill that ran into its limit had not ended', async () => {
    const idle = 'decisions:\n  triage: {choose: wait}\nexpect:\n  - ended(\'condition\')\n';
    const run = await test(library({ 'disk-full.idle.yaml': idle }));
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toContain("but it was false: ended('condition') = false; ");
    expect(run.stdout[0]).toMatch(/ \(disk-full ended by limit at T\+20:00\)$/);
    expect(run.stdout[0]).toContain("`end.when: reached('resolved')` was still false: reached('resolved') = false; milestone resolved: `reached('mitigated') and disk_pct < 80 and writes_ok` was false: reached('mitigated') = false, disk_pct = 100, writes_ok = false");
  });

  it('refuses a bad expectation before playing, at its line and column', async () => {
    const dir = library({ 'disk-full.bad.yaml': `${ANSWERS}expect:\n  - chose('triage', 'rotate-log')\n` });
    const line = ANSWERS.split('\n').length + 1;
    const run = await test(dir);
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toMatch(new RegExp(`^FAIL .*disk-full\\.bad\\.yaml:${line}:21: unknown option 'rotate-log' of decision 'triage' in chose\\(\\); did you mean \`rotate-logs\`\\?$`));
  });

  it('fails an answers file with no expect:, and one that names no scenario it can find', async () => {
    const dir = library({ 'disk-full.empty.yaml': ANSWERS, 'nothing-here.x.yaml': `${ANSWERS}expect: [ended('limit')]\n` });
    const run = await test(dir);
    expect(run.code).toBe(1);
    expect(run.stdout.some((l) => /^FAIL .*disk-full\.empty\.yaml: has no `expect:`/.test(l))).toBe(true);
    expect(run.stdout.some((l) => /^FAIL .*nothing-here\.x\.yaml: no scenario with id `nothing-here`/.test(l))).toBe(true);
  });

  it('plays the scenario an answers file names with scenario:, and skips a scenario nothing plays', async () => {
    const dir = library({});
    const other = mkdtempSync(join(tmpdir(), 'drill-test-named-'));
    writeFileSync(join(other, 'any-name.yaml'), `scenario: ${join(dir, 'disk-full.yaml')}\n${ANSWERS}expect: [ended('condition')]\n`);
    expect((await test(join(other, 'any-name.yaml'))).stdout[0]).toMatch(/^PASS /);
    const skipped = await test(dir);
    expect(skipped.stdout[0]).toMatch(/^SKIP .*disk-full\.yaml: no answers files play it/);
    expect(skipped.code).toBe(1); // nothing was tested
  });

  it('writes JUnit XML with a failure per failing file', async () => {
    const dir = library({ 'disk-full.a.yaml': `${ANSWERS}expect: [ended('condition')]\n`, 'disk-full.b.yaml': `${ANSWERS}expect: [ended('limit')]\n` });
    const xml = join(dir, 'junit.xml');
    const run = await test(dir, '--reporter', 'junit', '--output', xml);
    expect(run.code).toBe(1);
    const text = readFileSync(xml, 'utf8');
    expect(text).toContain('tests="2" failures="1" skipped="0"');
    expect(text).toMatch(/<testcase classname="disk-full" name="[^"]*disk-full\.a\.yaml" time="[\d.]+"\/>/);
    expect(text).toMatch(/<failure message="[^"]*disk-full\.b\.yaml:\d+:\d+: expected `ended\('limit'\)`, but it was false: ended\('limit'\) = false">/);
  });

  it('names the line of a refused input, and why it was refused', async () => {
    const twice = `decisions:\n  triage: {choose: wait}\nmilestones:\n  - {at: 3m, mark: detected}\nexpect: [ended('limit')]\n`;
    const run = await test(library({ 'disk-full.twice.yaml': twice }));
    expect(run.stdout[0]).toMatch(
      /^FAIL .*disk-full\.twice\.yaml:4:5: T\+03:00: milestone detected was refused: it was already reached at T\+02:00; mark each milestone once, or leave it to the scenario \(/,
    );
    const again = `decisions:\n  triage: {choose: wait}\nactions:\n  - {do: grow-volume, at: 5m}\n  - {do: grow-volume, at: 6m}\nexpect: [ended('limit')]\n`;
    const run2 = await test(library({ 'disk-full.again.yaml': again }));
    expect(run2.stdout[0]).toMatch(/disk-full\.again\.yaml:5:5: T\+06:00: action `grow-volume` was refused: it was still in progress \(it lands at T\+09:00\)/);
    const early = `decisions:\n  triage: {choose: wait}\nhints:\n  - {at: 1m, for: disk-alert}\nexpect: [ended('limit')]\n`;
    const run3 = await test(library({ 'disk-full.early.yaml': early }));
    expect(run3.stdout[0]).toMatch(/disk-full\.early\.yaml:4:5: T\+01:00: the hint for `disk-alert` was refused: `disk-alert` has not happened yet; show a hint after its inject fired or its decision opened/);
  });

  it('exits 2 for a wrong command line', async () => {
    expect((await test('--reporter', 'tap')).code).toBe(2);
    expect((await test('--reporter', 'junit')).code).toBe(2);
    expect((await test('no/such/folder')).code).toBe(2);
  });

  it('writes no files while testing', async () => {
    const dir = library({ 'disk-full.a.yaml': `${ANSWERS}expect: [ended('condition')]\n` });
    copyFileSync(join(dir, 'disk-full.yaml'), join(dir, 'copy.yaml'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await test('disk-full.yaml');
    } finally {
      process.chdir(cwd);
    }
    expect(readFileSync(join(dir, 'answers', 'disk-full.a.yaml'), 'utf8')).toContain('expect:');
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).sort()).toEqual(['answers', 'copy.yaml', 'disk-full.yaml']);
  });
});
