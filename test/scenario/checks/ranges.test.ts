import { describe, expect, it } from 'vitest';
import { at, edit, errorLines, fixtureText, warningLines } from '../../helpers/problem-lines.js';

// disk_pct: initial 70, min 0, max 100; ramps to 100 and 50, and an option adds -30.
const SMALL = fixtureText('small.yaml');
const line = (text: string, needle: string): string => at(text, needle).split(':')[0]!;
// None of the edits below moves a line, so the effects on disk_pct stay where the fixture has them.
const DISK_EFFECTS = ['{ramp: disk_pct, to: 100', '{add: disk_pct', '{ramp: disk_pct, to: 50'].map((needle) => line(SMALL, needle)).join(', ');

describe('a condition that can never become true', () => {
  it('names what it compares, the range its variable stays in, and the effects that make it', () => {
    const text = edit(SMALL, ["resolved: reached('mitigated') and disk_pct < 80", "resolved: reached('mitigated') and disk_pct >= 200"]);
    expect(errorLines(text)).toEqual([]);
    expect(warningLines(text)).toEqual([
      `t.yaml:${at(text, 'disk_pct >= 200')}: warning: milestone \`resolved\` can never become true: \`disk_pct >= 200\`, but \`disk_pct\` stays within 0–100 (initial 70, min 0, max 100; effects on lines ${DISK_EFFECTS}), so only an inject, option or the facilitator can mark it`,
    ]);
  });

  it('does not warn when the range reaches the value', () => {
    const text = edit(SMALL, ["resolved: reached('mitigated') and disk_pct < 80", "resolved: reached('mitigated') and disk_pct >= 100"]);
    expect(warningLines(text)).toEqual([]);
  });

  it('warns for `end.when`, saying the drill then runs to its limit', () => {
    const text = edit(SMALL, ["  when: reached('resolved')\n  limit", "  when: reached('resolved') and disk_pct > 100\n  limit"]);
    expect(errorLines(text)).toEqual([]);
    expect(warningLines(text)).toEqual([
      `t.yaml:${at(text, 'disk_pct > 100')}: warning: \`end.when\` can never become true: \`disk_pct > 100\`, but \`disk_pct\` stays within 0–100 (initial 70, min 0, max 100; effects on lines ${DISK_EFFECTS}), so the drill runs to \`end.limit\` unless the facilitator ends it`,
    ]);
  });

  it('follows an unbounded add: a variable without max that something adds to can reach anything above', () => {
    const text = edit(
      SMALL,
      ["disk_pct: {initial: 70, unit: '%', metric: true, min: 0, max: 100}", "disk_pct: {initial: 70, unit: '%', metric: true, min: 0}"],
      ['{add: disk_pct, by: -30}', '{add: disk_pct, by: 30}'],
      ["resolved: reached('mitigated') and disk_pct < 80", "resolved: reached('mitigated') and disk_pct >= 200"],
    );
    expect(warningLines(text)).toEqual([]);
  });

  it('warns for a true/false variable that is never set to the value wanted, shown with its `not`', () => {
    const text = edit(SMALL, ['{set: writes_ok, to: false}', '{set: writes_ok, to: true}'], ["acknowledged: decided('triage')", "acknowledged: decided('triage') and not writes_ok"]);
    expect(warningLines(text)).toEqual([
      `t.yaml:${at(text, 'not writes_ok')}: warning: milestone \`acknowledged\` can never become true: \`not writes_ok\`, but \`writes_ok\` is always true (initial true; effects on lines ${line(SMALL, '{set: writes_ok, to: false}')}, ${line(SMALL, '{set: writes_ok, to: true}')}), so only an inject, option or the facilitator can mark it`,
    ]);
  });

  it('warns for an inject’s `when`, and not for one the range reaches', () => {
    const text = edit(SMALL, ['when: disk_pct >= 99', 'when: disk_pct > 100']);
    expect(warningLines(text)).toEqual([
      `t.yaml:${at(text, 'disk_pct > 100')}: warning: this \`when\` can never become true: \`disk_pct > 100\`, but \`disk_pct\` stays within 0–100 (initial 70, min 0, max 100; effects on lines ${DISK_EFFECTS}), so this \`when\` never fires it`,
    ]);
    expect(warningLines(edit(SMALL, ['when: disk_pct >= 99', 'when: disk_pct == 100']))).toEqual([]);
  });

  it('an `or` is impossible only when both sides are, and names both', () => {
    const either = edit(SMALL, ["resolved: reached('mitigated') and disk_pct < 80 and writes_ok", "resolved: disk_pct < 0 or disk_pct + 10 > 110"]);
    expect(warningLines(either)).toEqual([
      `t.yaml:${at(either, 'disk_pct < 0')}: warning: milestone \`resolved\` can never become true: \`disk_pct < 0\` or \`disk_pct + 10 > 110\`, but \`disk_pct\` stays within 0–100 (initial 70, min 0, max 100; effects on lines ${DISK_EFFECTS}), so only an inject, option or the facilitator can mark it`,
    ]);
    const one = edit(SMALL, ["resolved: reached('mitigated') and disk_pct < 80 and writes_ok", "resolved: disk_pct < 0 or disk_pct + 10 >= 110"]);
    expect(warningLines(one)).toEqual([]);
  });

  it('tells a condition that reads only what never changes once, as the reachability error', () => {
    const text = edit(SMALL, ['{ramp: disk_pct, to: 100, over: 5m}', '{set: writes_ok, to: false}'], ['{add: disk_pct, by: -30}', '{set: writes_ok, to: false}'], ['{ramp: disk_pct, to: 50, over: 2m}', '{set: writes_ok, to: false}']);
    const all = [...errorLines(text), ...warningLines(text)].filter((line) => line.includes('can never become true'));
    expect(all).toHaveLength(1);
    expect(all[0]).toContain('nothing changes `disk_pct`');
  });
});
