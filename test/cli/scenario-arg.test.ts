/**
 * Scenarios by id, from a folder that is not the repository (as after `npm install -g`): the
 * built-in library answers to its ids in play, run, validate, report and list; the user's own
 * `scenarios/<id>.yaml` wins and `drill list` says so; a path still works; an unknown id is one
 * line naming the ids there are.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { capture } from '../helpers/report-drill.js';
import { libraryScenario } from '../helpers/load.js';

const REPO = process.cwd();
const BUILTIN = join(REPO, 'scenarios');
const BUILTIN_IDS = ['k8s-shrink', 'latency-slo', 'leaked-credential', 'slow-third-party', 'thundering-herd', 'zone-loss'];
const ANSWERS = join(REPO, 'test/answers/k8s-shrink.rollback.yaml');
const START = '2026-01-15T14:00:00Z';
/** What `drill validate` says of k8s-shrink, counted from the file so that an edit to it does not break these tests. */
const K8S_SUMMARY = (() => {
  const s = libraryScenario('k8s-shrink');
  return `ok (k8s-shrink, ${s.injects.length} injects, ${s.decisions.length} decisions, ${s.actions.length} actions)`;
})();

/** A copy of a built-in scenario under the user's scenarios/, with its title changed so it can be told apart. */
function ownCopy(id: string, title: string): string {
  mkdirSync('scenarios', { recursive: true });
  const file = join('scenarios', `${id}.yaml`);
  writeFileSync(file, readFileSync(join(BUILTIN, `${id}.yaml`), 'utf8').replace(/^title: .*$/m, `title: "${title}"`));
  return file;
}

describe('scenarios by id, away from the repository', () => {
  beforeEach(() => process.chdir(mkdtempSync(join(tmpdir(), 'drill-ids-'))));
  afterEach(() => process.chdir(REPO));

  it('validates a built-in scenario by its id, naming the built-in file', async () => {
    const io = capture();
    expect(await main(['validate', 'k8s-shrink'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout).toEqual([`${join(BUILTIN, 'k8s-shrink.yaml')}: ${K8S_SUMMARY}`]);
  });

  it('runs a built-in scenario by its id, and reports it again by the id the journal recorded', async () => {
    const io = capture();
    expect(await main(['run', 'k8s-shrink', '--answers', ANSWERS, '--seed', '1', '--start', START, '--out', 'out'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    const lines = readFileSync(join('out', 'journal.jsonl'), 'utf8').split('\n');
    const started = JSON.parse(lines[1]!);
    expect(started.scenario.path).toBe(join(BUILTIN, 'k8s-shrink.yaml'));
    const md = readFileSync(join('out', 'report.md'), 'utf8');

    // drill reinstalled elsewhere: the recorded path is gone, and the id finds the library again.
    started.scenario.path = '/gone/drill/scenarios/k8s-shrink.yaml';
    lines[1] = JSON.stringify(started);
    writeFileSync(join('out', 'moved.jsonl'), lines.join('\n'));
    const again = capture();
    expect(await main(['report', join('out', 'moved.jsonl')], again)).toBe(0);
    expect(again.stderr).toEqual([]);
    expect(`${again.stdout.join('\n')}\n`).toBe(md.replaceAll(join(BUILTIN, 'k8s-shrink.yaml'), '/gone/drill/scenarios/k8s-shrink.yaml'));

    const byFlag = capture();
    expect(await main(['report', join('out', 'moved.jsonl'), '--scenario', 'k8s-shrink'], byFlag)).toBe(0);
    expect(byFlag.stdout).toEqual(again.stdout);
  });

  it('lists the built-in library when there is no scenarios/ here, and says where its files are', async () => {
    const io = capture();
    expect(await main(['list'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout[0]).toMatch(/^ID\s+TITLE\s+DURATION\s+DIFFICULTY\s+FILE$/);
    const rows = io.stdout.slice(1, 1 + BUILTIN_IDS.length);
    expect(rows.map((r) => r.split(' ')[0])).toEqual(BUILTIN_IDS);
    for (const row of rows) expect(row).toMatch(/ built in$/);
    expect(io.stdout.slice(1 + BUILTIN_IDS.length)).toEqual(['', `Play one with: drill play <id>. The built-in files are in ${BUILTIN}; copy one to scenarios/ to change it.`]);
  });

  it('prefers the user’s scenarios/<id>.yaml to the built-in one, and drill list marks it', async () => {
    const mine = ownCopy('k8s-shrink', 'Our own shrink');
    copyFileSync(join(BUILTIN, 'zone-loss.yaml'), join('scenarios', 'zone-loss-copy.yml'));
    const validated = capture();
    expect(await main(['validate', 'k8s-shrink'], validated)).toBe(0);
    expect(validated.stdout).toEqual([`${mine}: ${K8S_SUMMARY}`]);

    const io = capture();
    expect(await main(['run', 'k8s-shrink', '--answers', ANSWERS, '--seed', '1', '--start', START, '--out', 'out'], io)).toBe(0);
    expect(readFileSync(join('out', 'report.md'), 'utf8')).toMatch(/^# Our own shrink — practice post-mortem/);

    const listed = capture();
    expect(await main(['list'], listed)).toBe(0);
    const row = (id: string) => listed.stdout.find((line) => line.startsWith(`${id} `));
    expect(row('k8s-shrink')).toMatch(/^k8s-shrink\s+Our own shrink\s+45m\s+hard\s+scenarios\/k8s-shrink\.yaml \(yours, used instead of the built-in one\)$/);
    // The id a file answers to is its name; the row shows the id written inside it.
    expect(listed.stdout.filter((line) => line.includes('scenarios/zone-loss-copy.yml (yours)'))).toHaveLength(1);
    expect(row('zone-loss')).toMatch(/ built in$/);
    expect(listed.stdout.filter((line) => / built in$/.test(line))).toHaveLength(BUILTIN_IDS.length - 1);
  });

  it('takes a path as a path, even one that looks like an id', async () => {
    ownCopy('k8s-shrink', 'Our own shrink');
    const io = capture();
    expect(await main(['validate', join(BUILTIN, 'k8s-shrink.yaml'), './scenarios/k8s-shrink.yaml'], io)).toBe(0);
    expect(io.stdout.map((l) => l.split(': ')[0])).toEqual([join(BUILTIN, 'k8s-shrink.yaml'), './scenarios/k8s-shrink.yaml']);
    writeFileSync('zone-loss', 'not: a scenario\n');
    const file = capture();
    expect(await main(['validate', 'zone-loss'], file)).toBe(1);
    expect(file.stderr[0]).toMatch(/^zone-loss:\d+:\d+: /);
  });

  it('refuses an unknown id in one line naming the ids there are, with a guess', async () => {
    expect(await main(['new', 'my-drill'], capture())).toBe(0);
    expect(await main(['run', 'k8s-shrink', '--seed', '1', '--start', START, '--out', 'out'], capture())).toBe(0);
    const commands = [['validate', 'k8s-shrnk'], ['run', 'k8s-shrnk'], ['play', 'k8s-shrnk'], ['report', join('out', 'journal.jsonl'), '--scenario', 'k8s-shrnk']];
    for (const command of commands) {
      const io = capture();
      expect(await main(command, io), command.join(' ')).toBe(1);
      expect(io.stdout).toEqual([]);
      expect(io.stderr).toEqual([
        `k8s-shrnk: no scenario by that id, in scenarios/ or built in; did you mean k8s-shrink? the ids are my-drill (yours), ${BUILTIN_IDS.join(', ')}; or give the path of a .yaml file`,
      ]);
    }
    const far = capture();
    expect(await main(['validate', 'payroll'], far)).toBe(1);
    expect(far.stderr).toHaveLength(1);
    expect(far.stderr[0]).not.toContain('did you mean');
  });

  it('drill new writes into this folder and says what to run next', async () => {
    const io = capture();
    expect(await main(['new', 'disk-full'], io)).toBe(0);
    expect(io.stdout.slice(0, 2)).toEqual([`wrote ${join('scenarios', 'disk-full.yaml')}`, `next: drill validate ${join('scenarios', 'disk-full.yaml')}`]);
    expect(io.stdout[2]).toContain(join(REPO, 'docs', 'scenario-format.md'));
    const validated = capture();
    expect(await main(['validate', 'disk-full'], validated)).toBe(0);
    expect(validated.stdout).toEqual([`${join('scenarios', 'disk-full.yaml')}: ok (disk-full, 7 injects, 1 decision, 3 actions)`]);

    const shadow = capture();
    expect(await main(['new', 'zone-loss'], shadow)).toBe(0);
    expect(shadow.stdout).toContain('note: zone-loss is also a built-in scenario; in this folder, drill play zone-loss now plays yours');
    expect(io.stdout.join('\n')).not.toContain('note:');
  });
});
