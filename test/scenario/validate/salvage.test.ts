import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../../src/cli/validate.js';
import { loadScenarioText } from '../../../src/scenario/index.js';
import { at, edit, errorLines, fixtureText, problemLines } from '../../helpers/problem-lines.js';

// A valid scenario with no warnings: every problem below comes from the edits made to it.
const SMALL = fixtureText('small.yaml');

/** Every line (errors and warnings) of loading `text`. */
const allLines = (text: string, file = 't.yaml'): string[] => problemLines(loadScenarioText(text, file));

describe('schema errors and semantic errors, reported together', () => {
  const THREE_MISTAKES = [
    'id: bad',
    'title: Bad',
    'summary: x',
    'version: 1',
    'duration: 10m',
    'difficulty: easy',
    'roles: [{id: ic}]',
    'briefing: hi',
    'world:',
    '  nodes: {initial: 100}',
    'injects:',
    '  - id: a',
    '    channel: pager',
    '    text: hello',
    '    at: 1m',
    '  - id: b',
    '    channel: chat',
    '    text: hi',
    '    when: node < 50',
    '  - id: c',
    '    channel: chat',
    '    text: hi',
    '    after: zzz',
    'end:',
    '  limit: 10m',
    '',
  ].join('\n');

  it('reports all three mistakes of a file, one schema and two semantic, each at its line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-salvage-'));
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, THREE_MISTAKES);
    const err: string[] = [];
    const out: string[] = [];
    const code = await validateCommand([path], { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    // Counted by hand: `pager` is at line 13 column 14, `node` at 19:11, `zzz` at 23:12.
    expect(err).toEqual([
      `${path}:13:14: \`pager\` is not a valid \`channel\`; did you mean \`page\`?`,
      `${path}:19:11: unknown variable \`node\`; did you mean \`nodes\`?`,
      `${path}:23:12: \`after\` names \`zzz\`, which is no inject, decision or action; known: b, c, a`,
    ]);
  });

  it('gives a schema error in an inject and an unknown reference elsewhere, both', () => {
    const text = edit(SMALL, ['channel: phone', 'channel: telephone'], ["decided('triage')", "decided('triag')"]);
    expect(allLines(text)).toEqual([
      `t.yaml:${at(text, 'telephone')}: \`telephone\` is not a valid \`channel\`; use one of: page, alert, dashboard, chat, terminal, email, phone, ticket, news, note`,
      `t.yaml:${at(text, "'triag'")}: unknown decision 'triag' in decided(); did you mean \`triage\`?`,
    ]);
  });

  it('places problems of items after a dropped one at their own lines', () => {
    // disk-alert (the first inject) is dropped; writes-failing becomes the first kept inject.
    const text = edit(SMALL, ['channel: alert', 'channel: alarm'], ['when: disk_pct >= 99', 'when: disk_pc >= 99'], ['{set: writes_ok, to: false}', '{set: writes_okay, to: false}']);
    expect(allLines(text)).toEqual([
      `t.yaml:${at(text, 'alarm')}: \`alarm\` is not a valid \`channel\`; use one of: page, alert, dashboard, chat, terminal, email, phone, ticket, news, note`,
      `t.yaml:${at(text, 'disk_pc >=')}: unknown variable \`disk_pc\`; did you mean \`disk_pct\`?`,
      `t.yaml:${at(text, 'writes_okay')}: unknown variable \`writes_okay\`; did you mean \`writes_ok\`?`,
    ]);
  });

  it('still checks the condition of a dropped item', () => {
    const text = edit(SMALL, ['timeout: 2m', 'timeout: soon'], ['    at: 3m\n', "    when: fired('disk-alrt')\n"]);
    expect(allLines(text)).toEqual([
      `t.yaml:${at(text, "'disk-alrt'")}: unknown inject 'disk-alrt' in fired(); did you mean \`disk-alert\`?`,
      `t.yaml:${at(text, 'soon')}: \`soon\` is not a valid \`timeout\`; write a duration such as 90s, 4m or 1h30m`,
    ]);
  });

  it('reports a bad top-level field along with a semantic error', () => {
    const text = edit(SMALL, ['version: 1', 'version: [1]'], ['after: triage', 'after: triag']);
    expect(allLines(text)).toEqual([
      `t.yaml:${at(text, '[1]')}: \`version\` must be text or a number, not a list`,
      `t.yaml:${at(text, 'triag\n')}: \`after\` names \`triag\`, which is no inject, decision or action; did you mean \`triage\`?`,
    ]);
  });
});

describe('no false positives from what the schema dropped', () => {
  it('a dropped item named by `after:`, a condition or `fire:` is still known, and still happens', () => {
    // The decision `triage` is dropped (bad timeout); vp-asks comes after it, a milestone reads it.
    const text = edit(SMALL, ['timeout: 2m', 'timeout: soon'], ['    milestone: detected\n', '    milestone: detected\n    cancel: [triage]\n']);
    expect(allLines(text)).toEqual([`t.yaml:${at(text, 'soon')}: \`soon\` is not a valid \`timeout\`; write a duration such as 90s, 4m or 1h30m`]);
  });

  it('what only a dropped item opens is not reported as never happening', () => {
    // triage loses its `at:`; only disk-alert opens it, and disk-alert is dropped.
    const text = edit(SMALL, ['channel: alert', 'channel: alarm'], ['    at: 3m\n', ''], ['    milestone: detected\n', '    milestone: detected\n    open: [triage]\n']);
    expect(allLines(text)).toHaveLength(1);
    // The same file without the schema error does report it, so the test above means something.
    const valid = edit(SMALL, ['    at: 3m\n', '']);
    expect(errorLines(valid).some((l) => l.includes('can never open'))).toBe(true);
  });

  it('an end condition on a variable only a dropped action changes is not reported as dead', () => {
    const variable = ['  writes_ok: {initial: true}\n', '  writes_ok: {initial: true}\n  region_up: {initial: false}\n'] as const;
    const end = ["  when: reached('resolved')", '  when: region_up'] as const;
    const action = ['      - {set: writes_ok, to: true}\n', '      - {set: writes_ok, to: true}\n      - {set: region_up, to: true}\n'] as const;
    expect(errorLines(edit(SMALL, variable, end, action))).toEqual([]);
    const dropped = edit(SMALL, variable, end, action, ['    once: true\n', '    once: yes please\n']);
    expect(allLines(dropped)).toEqual([`t.yaml:${at(dropped, 'yes please')}: \`once\` must be true or false, not \`yes please\``]);
  });

  it('names from a whole unreadable list are not reported as unknown', () => {
    const world = "world:\n  disk_pct: {initial: 70, unit: '%', metric: true, min: 0, max: 100}\n  writes_ok: {initial: true}\n";
    const roles = 'roles:\n  - id: incident-commander\n    title: Incident commander\n  - id: ops\n';
    const noWorld = edit(SMALL, [world, 'world: [disk_pct, writes_ok]\n']);
    expect(allLines(noWorld)).toEqual([`t.yaml:${at(noWorld, '[disk_pct')}: \`world\` must be a mapping (\`key: value\` lines), not a list`]);
    const noRoles = edit(SMALL, [roles, 'roles: incident-commander\n']);
    expect(allLines(noRoles)).toEqual([`t.yaml:${at(noRoles, 'incident-commander')}: \`roles\` must be a list (\`- item\` lines, or \`[a, b]\`), not \`incident-commander\``]);
    const noInjects = SMALL.replace(/injects:\n[\s\S]*?decisions:/, 'injects: {a: 1}\ndecisions:');
    expect(allLines(noInjects)).toEqual([`t.yaml:${at(noInjects, '{a: 1}')}: \`injects\` must be a list (\`- item\` lines, or \`[a, b]\`), not a mapping`]);
    expect(allLines(edit(SMALL, [world, '']))).toEqual(['t.yaml:1:1: missing `world:` (named state of the simulated system)']);
  });

  it('a bare name where an item with an id belongs counts as that id', () => {
    const text = edit(SMALL, ['roles:\n  - id: incident-commander\n    title: Incident commander\n  - id: ops\n', 'roles: [incident-commander, ops]\n']);
    // Both `role: incident-commander` and `audience: incident-commander` name it; neither is reported.
    expect(allLines(text)).toEqual([
      `t.yaml:${at(text, 'incident-commander,')}: item 1 of \`roles\` must be a mapping (\`key: value\` lines), not \`incident-commander\`; write \`{id: incident-commander}\``,
      `t.yaml:${at(text, 'ops]')}: item 2 of \`roles\` must be a mapping (\`key: value\` lines), not \`ops\`; write \`{id: ops}\``,
    ]);
  });

  it('an unknown key anywhere in the fixture gives that one line and nothing else', () => {
    // Sweeps every list item, variable and section: dropping any one of them must not make
    // the checks blame the rest of the file.
    const lines = SMALL.split('\n');
    const variants: { text: string; line: number; col: number }[] = [];
    lines.forEach((line, i) => {
      const item = /^(\s*)- id: /.exec(line);
      const mapping = /^(?:milestones|impact|end|debrief):$/.test(line);
      if (item || mapping) {
        const indent = item ? `${item[1]}  ` : '  ';
        variants.push({ text: [...lines.slice(0, i + 1), `${indent}zzz: 1`, ...lines.slice(i + 1)].join('\n'), line: i + 2, col: indent.length + 1 });
      }
      if (line.includes('{initial:')) {
        variants.push({ text: [...lines.slice(0, i), line.replace('{initial:', '{zzz: 1, initial:'), ...lines.slice(i + 1)].join('\n'), line: i + 1, col: line.indexOf('{') + 2 });
      }
    });
    variants.push({ text: `zzz: 1\n${SMALL}`, line: 1, col: 1 });
    expect(variants.length).toBeGreaterThan(15);
    for (const { text, line, col } of variants) {
      const found = allLines(text);
      expect(found, text).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^t\\.yaml:${line}:${col}: unknown key \`zzz\``));
    }
  });

  it('never fails inside drill, whatever part of a real scenario is damaged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SMALL.length - 1 }), fc.integer({ min: 1, max: 20 }), fc.string({ maxLength: 8 }), (start, cut, insert) => {
        const damaged = SMALL.slice(0, start) + insert + SMALL.slice(start + cut);
        for (const line of allLines(damaged)) expect(line).not.toContain('internal error');
      }),
      { numRuns: 150 },
    );
  });
});

describe('YAML errors', () => {
  it('are all reported at once, and stop the checks after them', () => {
    const text = 'id: x\n__proto__: 1\ntitle: Error: disk full\n? [a]\n: 1\nsummary: a: b\n';
    const lines = errorLines(text);
    expect(lines.map((l) => l.split(':').slice(1, 3).join(':'))).toEqual(['2:1', at(text, 'Error:'), '4:3', at(text, 'a: b')]);
    expect(lines[0]).toContain('`__proto__` cannot be used as a key');
    expect(lines[2]).toContain('a key must be a plain name');
    // No schema problems (missing `injects:` and so on) for data that could not be read.
    expect(lines).toHaveLength(4);
  });
});
