import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, loadScenarioText, formatProblem } from '../../src/scenario/index.js';
import { parseYamlFile } from '../../src/scenario/source/index.js';
import { validateCommand } from '../../src/cli/validate.js';
import { at, edit, errorLines, fixtureText, problemLines } from '../helpers/problem-lines.js';

const SMALL_PATH = fileURLToPath(new URL('../fixtures/small.yaml', import.meta.url));
const SMALL = fixtureText('small.yaml');

function loaded(text: string | Uint8Array = SMALL) {
  const result = loadScenarioText(text, 'small.yaml');
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

describe('compiling a valid scenario', () => {
  it('turns durations into milliseconds', () => {
    const s = loaded();
    expect(s.injectById.get('disk-alert')!.trigger.atMs).toBe(120_000);
    expect(s.injectById.get('disk-alert')!.effects).toEqual([{ kind: 'ramp', variable: 'disk_pct', to: 100, overMs: 300_000 }]);
    expect(s.injectById.get('vp-asks')!.trigger).toEqual({ after: 'triage', delayMs: 60_000 });
    const triage = s.decisionById.get('triage')!;
    expect(triage.timeoutMs).toBe(120_000);
    expect(triage.default).toBe('wait');
    expect(s.actionById.get('grow-volume')!.takesMs).toBe(240_000);
    expect(s.actionById.get('grow-volume')!.once).toBe(true);
    expect(s.end.limitMs).toBe(1_200_000);
  });

  it('parses every condition once, keeping their structure', () => {
    const s = loaded();
    expect(s.injectById.get('writes-failing')!.trigger.when).toMatchObject({ type: 'bin', op: '>=', left: { type: 'var', name: 'disk_pct' } });
    expect(s.actionById.get('grow-volume')!.available).toMatchObject({ type: 'not', arg: { type: 'call', fn: 'done' } });
    expect(Object.keys(s.milestones).sort()).toEqual(['acknowledged', 'resolved']);
    expect(s.impact.down).toMatchObject({ type: 'not' });
    expect(s.end.when).toMatchObject({ type: 'call', fn: 'reached' });
  });

  it('indexes by id with the same objects as the lists, and fills defaults', () => {
    const s = loaded();
    expect(s.injectById.get('writes-failing')).toBe(s.injects[1]);
    expect(s.decisionById.get('triage')).toBe(s.decisions[0]);
    expect(s.actionById.get('grow-volume')).toBe(s.actions[0]);
    expect(s.injects[0]!.fire).toEqual([]);
    expect(s.injects[0]!.trigger.delayMs).toBe(0);
    expect(s.factors.map((f) => f.id)).toEqual(['no-log-rotation']);
    expect(s.questions).toHaveLength(1);
  });

  it('records the source path and the sha256 of the exact bytes', () => {
    const bytes = readFileSync(SMALL_PATH);
    const fromFile = loadScenarioFile(SMALL_PATH);
    expect(fromFile.ok).toBe(true);
    if (!fromFile.ok) return;
    expect(fromFile.scenario.source).toEqual({ path: SMALL_PATH, hash: createHash('sha256').update(bytes).digest('hex') });
    // Text and bytes of the same file hash the same; one more byte changes the hash.
    expect(loaded(SMALL).source.hash).toBe(fromFile.scenario.source.hash);
    expect(loaded(`${SMALL}\n`).source.hash).not.toBe(fromFile.scenario.source.hash);
  });

  it('is immutable, and its world has no prototype for a variable name to find', () => {
    const s = loaded();
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.injects[0]!.effects[0])).toBe(true);
    expect(() => {
      (s.injects as unknown as unknown[]).push(1);
    }).toThrow();
    expect(s.world['toString']).toBeUndefined();
    expect(s.world['disk_pct']).toMatchObject({ initial: 70, max: 100 });
  });

  it('leaves out unset optional fields rather than setting them to undefined', () => {
    const s = loaded();
    expect('chance' in s.injects[0]!.trigger).toBe(false);
    expect('hint' in s.injects[1]!).toBe(false);
    expect(JSON.stringify(s.injects[0])).not.toContain('undefined');
  });
});

describe('reporting problems', () => {
  it('reports all three mistakes of a file at once, each with line and column', () => {
    const text = edit(
      SMALL,
      ['after: triage', 'after: triag'],
      ["resolved: reached('mitigated') and disk_pct < 80 and writes_ok", "resolved: reached('mitigated') and disk_pct < 80 and write_ok"],
      ['{add: disk_pct, by: -30}', '{add: writes_ok, by: -30}'],
    );
    expect(errorLines(text, 'three.yaml')).toEqual([
      `three.yaml:${at(text, 'triag\n')}: \`after\` names \`triag\`, which is no inject, decision or action; did you mean \`triage\`?`,
      `three.yaml:${at(text, 'writes_ok, by: -30')}: \`add\` needs a number, but \`writes_ok\` is true/false; write \`{set: writes_ok, to: true}\` (or false)`,
      `three.yaml:${at(text, 'write_ok')}: unknown variable \`write_ok\`; did you mean \`writes_ok\`?`,
    ]);
    // Exactly these three problems, at these positions (line 35, 49, 64 of the edited file), counted by hand.
    expect(errorLines(text, 'three.yaml').map((l) => l.split(':').slice(1, 3).join(':'))).toEqual(['35:12', '49:19', '64:56']);
  });

  it('reports three schema mistakes at once, with suggestions', () => {
    const text = edit(
      SMALL,
      ['title: The disk', 'tittle: The disk'],
      ['channel: chat', 'channel: slack'],
      ['{set: writes_ok, to: false}', '{sett: writes_ok, to: false}'],
    );
    expect(errorLines(text)).toEqual([
      't.yaml:1:1: missing `title:`',
      `t.yaml:${at(text, 'tittle')}: unknown key \`tittle\`; did you mean \`title\`?`,
      `t.yaml:${at(text, 'slack')}: \`slack\` is not a valid \`channel\`; use one of: page, alert, dashboard, chat, terminal, email, phone, ticket, news, note`,
      `t.yaml:${at(text, '{sett')}: an effect is one of {set, to, if?} / {add, by, if?} / {ramp, to, over, if?}; this one has {sett, to}`,
    ]);
  });

  it('reports what is wrong inside an effect that plainly meant one shape', () => {
    const text = edit(SMALL, ['{ramp: disk_pct, to: 100, over: 5m}', '{ramp: disk_pct, to: high, over: 5 minutes}']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'high')}: \`to\` must be a number, not \`high\``,
      `t.yaml:${at(text, '5 minutes')}: \`5 minutes\` is not a valid \`over\`; write a duration such as 90s, 4m or 1h30m`,
    ]);
  });

  it('names every missing key of a mapping in one line, at that mapping', () => {
    const text = edit(SMALL, ['    channel: phone\n    text: The VP wants an update.\n', '']);
    expect(errorLines(text)).toEqual([`t.yaml:${at(text, 'id: vp-asks')}: inject \`vp-asks\` is missing \`channel:\` and \`text:\``]);
  });

  it('explains a missing key with the schema’s description, and quoting for numbers given as text', () => {
    const text = edit(SMALL, ['    text: Customers cannot place orders.\n', ''], ['summary: Logs fill', 'summary: 42\nx: Logs fill']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, '42')}: \`summary\` must be text, not \`42\`; put it in quotes: "42"`,
      `t.yaml:${at(text, 'x: Logs')}: unknown key \`x\`; known keys here: $schema, id, title, summary, version, duration, difficulty, roles, briefing, world, injects, decisions, …`,
      `t.yaml:${at(text, 'id: writes-failing')}: inject \`writes-failing\` is missing \`text:\` (what the team sees)`,
    ]);
  });

  it('points an unknown key made by a comma in flow text at the fix', () => {
    const text = edit(SMALL, ["unit: '%'", 'unit: percent, of disk']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'of disk')}: unknown key \`of disk\`; if it is the end of the text before it, put that text in quotes (in \`{…}\` a comma ends a value)`,
    ]);
  });

  it('recognises an answers file passed as a scenario', () => {
    expect(errorLines(fixtureText('answers-small.yaml'))).toEqual([
      't.yaml:1:1: this looks like an answers file (team:, decisions: by id), not a scenario; pass it as `drill run <scenario.yaml> --answers <this file>`',
    ]);
  });

  it('never reports a stack trace, even for a file it cannot read', () => {
    const missing = loadScenarioFile('/no/such/dir/scenario.yaml');
    expect(problemLines(missing)).toEqual(['/no/such/dir/scenario.yaml: no such file; pass the path of a scenario .yaml file']);
    const folder = loadScenarioFile(tmpdir());
    expect(problemLines(folder)).toEqual([`${tmpdir()}: this is a folder, not a file; pass the path of a scenario .yaml file`]);
  });
});

describe('positions inside scalars', () => {
  it('maps an offset in a value back to its column for every scalar style', () => {
    const text = 'a: plain x here\nb: "dq x here"\nc: \'it\'\'s x here\'\nd: |\n  block\n  with x here\ne: folded\n  on x here\n';
    const read = parseYamlFile(text, 'p.yaml');
    if (!read.ok) throw new Error('parse failed');
    const { yaml } = read;
    const column = (key: string): string => {
      const value = yaml.value[key] as string;
      const p = yaml.positionInScalar([key], value.indexOf('x'));
      return `${p.line}:${p.col}`;
    };
    expect(column('a')).toBe(at(text, 'x here'));
    expect(column('b')).toBe(at(text, 'x here"'));
    expect(column('c')).toBe(at(text, "x here'"));
    expect(column('d')).toBe(at(text, 'x here\ne'));
    expect(column('e')).toBe(at(text, 'x here\n', text.lastIndexOf('x here') - text.indexOf('x here')));
  });

  it('gives the key of a missing path’s nearest parent, and the key itself with part: key', () => {
    const read = parseYamlFile('top:\n  inner: 1\n', 'p.yaml');
    if (!read.ok) throw new Error('parse failed');
    expect(read.yaml.positionOf(['top', 'inner'])).toEqual({ line: 2, col: 10 });
    expect(read.yaml.positionOf(['top', 'inner'], 'key')).toEqual({ line: 2, col: 3 });
    expect(read.yaml.positionOf(['top', 'absent'])).toEqual({ line: 2, col: 3 });
  });
});

describe('drill validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drill-validate-'));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const run = async (files: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await validateCommand(files, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  };

  it('prints one ok line per valid file and exits 0', async () => {
    const good = write('good.yaml', SMALL);
    expect(await run([good])).toEqual({ code: 0, out: [`${good}: ok (disk-full, 3 injects, 1 decision, 1 action)`], err: [] });
  });

  it('prints warnings with their count, still exiting 0', async () => {
    const weak = write('weak.yaml', edit(SMALL, ['    timeout: 2m\n    default: wait\n', '']));
    const result = await run([weak]);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([`${weak}:${at(SMALL, 'id: triage', 4)}: warning: decision \`triage\` has no \`timeout:\`, so the team can stall it forever; add \`timeout:\` and \`default:\` (no decision is a decision)`]);
    expect(result.out).toEqual([`${weak}: ok (disk-full, 3 injects, 1 decision, 1 action); 1 warning`]);
  });

  it('prints every problem of every file and exits 1 if any file has an error', async () => {
    const good = write('good2.yaml', SMALL);
    const bad = write('bad.yaml', edit(SMALL, ['after: triage', 'after: nowhere'], ['default: wait', 'default: later']));
    const empty = write('empty.yaml', '');
    const result = await run([bad, good, empty]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `${bad}:${at(SMALL, 'triage\n    delay', 0)}: \`after\` names \`nowhere\`, which is no inject, decision or action; known: disk-alert, writes-failing, vp-asks, triage, grow-volume`,
      `${bad}:${at(SMALL, 'wait\n    role', 0)}: \`default: later\` is not an option of decision \`triage\`; its options: rotate-logs, wait`,
      `${empty}:1:1: the file is empty; expected a scenario: a mapping with id:, title:, injects: and so on`,
    ]);
    expect(result.out).toEqual([`${good}: ok (disk-full, 3 injects, 1 decision, 1 action)`]);
  });
});
