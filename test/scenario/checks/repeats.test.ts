import { describe, expect, it } from 'vitest';
import { at, edit, errorLines, fixtureText, warningLines } from '../../helpers/problem-lines.js';
import { fixture } from '../../helpers/load.js';

const SMALL = fixtureText('small.yaml');
const VP = '    delay: 1m\n    audience: incident-commander\n';
const repeatVp = (fields: string) => edit(SMALL, [VP, `${VP}${fields}`]);

describe('recurring injects at load', () => {
  it('compiles `every`, `times` and `until` into the inject', () => {
    const vp = fixture('recurring.yaml').injectById.get('status-nag')!;
    expect(vp.repeat?.everyMs).toBe(5 * 60_000);
    expect(vp.repeat?.until).toBeDefined();
    expect(fixture('recurring.yaml').injectById.get('alert-refire')!.repeat).toEqual({ everyMs: 60_000, times: 3 });
    expect(fixture('recurring.yaml').injectById.get('outage')!.repeat).toBeUndefined();
  });

  it('draws no warning for a series that stops by `times`, `until` or a `cancel:`', () => {
    // The fixture is no full drill (no factors, no impact): only warnings about its series count here.
    expect(warningLines(fixtureText('recurring.yaml'), 'r.yaml').filter((w) => /repeat|every|times/.test(w))).toEqual([]);
  });

  it('`times` and `until` without `every` are errors at their key', () => {
    const text = repeatVp('    times: 3\n    until: writes_ok\n');
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'times: 3')}: \`times\` only applies with \`every:\`; add \`every: 5m\` (how often it repeats) or remove \`times\``,
      `t.yaml:${at(text, 'until: writes_ok')}: \`until\` only applies with \`every:\`; add \`every: 5m\` (how often it repeats) or remove \`until\``,
    ]);
  });

  it('`every` under a second is an error', () => {
    const text = repeatVp('    every: 0.5s\n    times: 3\n');
    expect(errorLines(text)).toEqual([`t.yaml:${at(text, '0.5s')}: \`every: 0.5s\` is shorter than 1s; a recurring inject repeats at most once a second`]);
  });

  it('`every` that is no duration is an error at its value', () => {
    const text = repeatVp('    every: often\n    times: 3\n');
    expect(errorLines(text).join('\n')).toContain(`t.yaml:${at(text, 'often')}:`);
  });

  it('`until` is a condition, checked at its line and column', () => {
    const text = repeatVp('    every: 5m\n    until: writes_okk\n');
    expect(errorLines(text)).toEqual([`t.yaml:${at(text, 'writes_okk')}: unknown variable \`writes_okk\`; did you mean \`writes_ok\`?`]);
    const broken = repeatVp('    every: 5m\n    until: writes_ok and\n');
    expect(errorLines(broken)).toHaveLength(1);
    expect(errorLines(broken)[0]).toMatch(/^t\.yaml:\d+:\d+: /);
  });

  it('`times: 1` is a warning: it never repeats', () => {
    const text = repeatVp('    every: 5m\n    times: 1\n');
    expect(warningLines(text)).toEqual([
      `t.yaml:${at(text, 'times: 1', 7)}: warning: \`times: 1\` means it happens once and never repeats; remove \`every\` and \`times\`, or raise \`times\``,
    ]);
  });

  it('a series that nothing stops but the end of the drill is a warning at `every`', () => {
    const text = repeatVp('    every: 5m\n');
    expect(errorLines(text)).toEqual([]);
    expect(warningLines(text)).toEqual([
      `t.yaml:${at(text, 'every: 5m')}: warning: \`vp-asks\` repeats every 5m until the drill ends (up to 4 times in 20m); add \`until:\` or \`times:\` to say when it stops, or \`cancel: [vp-asks]\` on what stops it`,
    ]);
  });

  it('`every` is for injects only', () => {
    const text = edit(SMALL, ['    timeout: 2m\n', '    timeout: 2m\n    every: 5m\n']);
    expect(errorLines(text).join('\n')).toContain('every');
  });
});
