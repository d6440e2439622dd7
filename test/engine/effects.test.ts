/**
 * Conditional effects (`if:` on an effect) and options that take time (`takes:` on an option):
 * what the engine records, what a replay rebuilds, and what the report says of an option that
 * had or had not taken effect when the drill ended.
 */
import { describe, expect, it } from 'vitest';
import { drill, fixture } from '../helpers/load.js';
import type { DrillRecord } from '../../src/engine/records.js';
import { replayJournal } from '../../src/engine/replay.js';
import { buildReport } from '../../src/report/model.js';
import { at, edit, errorLines, fixtureText, warningLines } from '../helpers/problem-lines.js';

const scenario = fixture('effects-mini.yaml');
const MIN = 60_000;

const ofType = <T extends DrillRecord['type']>(records: readonly DrillRecord[], type: T) =>
  records.filter((r): r is Extract<DrillRecord, { type: T }> => r.type === type);

function played(steps: (actor: ReturnType<typeof drill>) => void) {
  const actor = drill(scenario);
  actor.send({ type: 'START', wall: 0 });
  steps(actor);
  return actor.getSnapshot().context.core;
}

describe('an effect with `if:`', () => {
  it('applies only if its condition holds, checked before any effect of the list applies', () => {
    const core = played((a) => a.send({ type: 'ADVANCE', to: MIN, wall: 0 }));
    // `add load 30` comes first, yet `load < 70` was checked on load 50: nodes +5, spare untouched.
    expect(core.world.get('load')).toBe(80);
    expect(core.world.get('nodes')).toBe(15);
    expect(core.world.get('spare')).toBe(0);
    const worlds = ofType(core.records, 'world').filter((r) => r.t === MIN);
    expect(worlds).toEqual([expect.objectContaining({ values: { load: 80, nodes: 15 } })]);
  });

  it('reads the world and history as they are when its consequences run', () => {
    const core = played((a) => a.send({ type: 'ADVANCE', to: 2 * MIN, wall: 0 }));
    // At 2m load is 80: the `load < 70` effect is skipped, the other applies.
    expect(core.world.get('nodes')).toBe(15);
    expect(core.world.get('spare')).toBe(9);
    expect(ofType(core.records, 'world').filter((r) => r.t === 2 * MIN)).toEqual([expect.objectContaining({ values: { spare: 9 } })]);
  });
});

describe('an option with `takes:`', () => {
  it('records the decision at once and lands its consequences `takes` later', () => {
    const core = played((a) => {
      a.send({ type: 'ADVANCE', to: 3 * MIN + 30_000, wall: 0 });
      a.send({ type: 'DECIDE', id: 'respond', option: 'roll-back', wall: 0 });
      a.send({ type: 'ADVANCE', to: 7 * MIN, wall: 0 });
    });
    expect(core.decided.get('respond')).toBe('roll-back');
    expect(ofType(core.records, 'decision-made')[0]).toMatchObject({ t: 3 * MIN + 30_000, option: 'roll-back' });
    expect(core.world.get('load')).toBe(80); // not yet: it lands at 7m30s
    expect(ofType(core.records, 'option-landed')).toEqual([]);
    expect(core.landingOptions.get('respond')?.at).toBe(7 * MIN + 30_000);

    const later = played((a) => {
      a.send({ type: 'ADVANCE', to: 3 * MIN + 30_000, wall: 0 });
      a.send({ type: 'DECIDE', id: 'respond', option: 'roll-back', wall: 0 });
      a.send({ type: 'ADVANCE', to: 8 * MIN, wall: 0 });
    });
    const landed = ofType(later.records, 'option-landed');
    expect(landed).toEqual([expect.objectContaining({ t: 7 * MIN + 30_000, id: 'respond', option: 'roll-back' })]);
    expect(later.world.get('load')).toBe(10);
    // Its milestone is reached when it lands, right after the landing.
    const next = later.records.slice(landed[0]!.seq + 1);
    expect(next.find((r) => r.type === 'milestone')).toMatchObject({ name: 'mitigated', t: 7 * MIN + 30_000 });
    expect(later.milestones.get('mitigated')).toBe(7 * MIN + 30_000);
  });

  it('an option without `takes` still applies at once', () => {
    const core = played((a) => {
      a.send({ type: 'ADVANCE', to: 3 * MIN, wall: 0 });
      a.send({ type: 'DECIDE', id: 'respond', option: 'scale', wall: 0 });
    });
    expect(core.world.get('nodes')).toBe(18);
    expect(ofType(core.records, 'option-landed')).toEqual([]);
  });

  it('a default taken on timeout lands `takes` after the timeout', () => {
    const core = played((a) => a.send({ type: 'ADVANCE', to: 10 * MIN, wall: 0 }));
    expect(ofType(core.records, 'decision-timed-out')[0]).toMatchObject({ t: 5 * MIN, option: 'wait' });
    expect(ofType(core.records, 'option-landed')).toEqual([expect.objectContaining({ t: 6 * MIN, option: 'wait' })]);
    expect(core.world.get('load')).toBe(90);
  });

  it('never lands if the drill ends first, and the report says it had not taken effect', () => {
    const core = played((a) => {
      a.send({ type: 'ADVANCE', to: 3 * MIN + 30_000, wall: 0 });
      a.send({ type: 'DECIDE', id: 'respond', option: 'roll-back', wall: 0 });
      a.send({ type: 'ADVANCE', to: 5 * MIN, wall: 0 });
      a.send({ type: 'END', wall: 0 });
    });
    expect(ofType(core.records, 'option-landed')).toEqual([]);
    expect(core.world.get('load')).toBe(80);
    const report = buildReport(scenario, core.records);
    expect(report.decisions.find((d) => d.id === 'respond')).toMatchObject({ option: 'roll-back', takesEffectMs: null });
    const row = report.timeline.find((e) => e.source === 'decision' && e.what.includes('Roll back'));
    expect(row?.what).toContain('had not taken effect when the drill ended');
    expect(row?.what).not.toContain('marks');
    expect(report.milestones.find((m) => m.name === 'mitigated')?.reachedMs).toBeNull();
  });

  it('the report gives when it took effect, and marks its milestone on the landing', () => {
    const core = played((a) => {
      a.send({ type: 'ADVANCE', to: 3 * MIN + 30_000, wall: 0 });
      a.send({ type: 'DECIDE', id: 'respond', option: 'roll-back', wall: 0 });
      a.send({ type: 'ADVANCE', to: 9 * MIN, wall: 0 });
      a.send({ type: 'END', wall: 0 });
    });
    const report = buildReport(scenario, core.records);
    expect(report.decisions.find((d) => d.id === 'respond')).toMatchObject({ takesEffectMs: 7 * MIN + 30_000 });
    const landedRow = report.timeline.find((e) => e.tMs === 7 * MIN + 30_000 && e.what.includes('took effect'));
    expect(landedRow?.what).toBe('“Roll back, or wait?”: “Roll back” took effect — marks mitigated');
    const mitigated = report.milestones.find((m) => m.name === 'mitigated');
    expect(mitigated).toMatchObject({ reachedMs: 7 * MIN + 30_000 });
    expect(mitigated?.how).toContain('took effect');
  });

  it('a replay of a journal cut before the landing rebuilds it, and it lands on time', () => {
    const cut = played((a) => {
      a.send({ type: 'ADVANCE', to: 3 * MIN + 30_000, wall: 0 });
      a.send({ type: 'DECIDE', id: 'respond', option: 'roll-back', wall: 0 });
      a.send({ type: 'ADVANCE', to: 5 * MIN, wall: 0 });
      a.send({ type: 'CHECKPOINT', wall: 0 });
    }).records;
    const replay = replayJournal(scenario, cut);
    if (!replay.ok) throw new Error(replay.message);
    replay.actor.send({ type: 'ADVANCE', to: 8 * MIN, wall: 0 });
    const core = replay.actor.getSnapshot().context.core;
    expect(ofType(core.records, 'option-landed')).toEqual([expect.objectContaining({ t: 7 * MIN + 30_000, option: 'roll-back' })]);
    expect(core.world.get('load')).toBe(10);
  });
});

describe('checks at load', () => {
  const text = fixtureText('effects-mini.yaml');

  it('an `if:` that does not type-check is an error at its place', () => {
    const bad = edit(text, ['if: "load < 70"}', 'if: "lod < 70"}']);
    expect(errorLines(bad)).toEqual([expect.stringMatching(new RegExp(`^t\\.yaml:${at(bad, 'lod < 70')}: .*unknown variable \`lod\``))]);
    const notBoolean = edit(text, ['if: "load < 70"}', 'if: "load + 1"}']);
    expect(errorLines(notBoolean)).toHaveLength(1);
    expect(errorLines(notBoolean)[0]).toMatch(new RegExp(`^t\\.yaml:${at(notBoolean, 'load + 1').split(':')[0]}:`));
  });

  it('an `if:` that does not parse is an error at its place', () => {
    const bad = edit(text, ['if: "load < 70"}', 'if: "load <"}']);
    expect(errorLines(bad)).toEqual([expect.stringMatching(new RegExp(`^t\\.yaml:${at(bad, 'load <"').split(':')[0]}:`))]);
  });

  it('warns of an `if:` that nothing can ever change, and of none that something can', () => {
    const ifWarnings = (t: string) => warningLines(t).filter((w) => w.includes('`if`'));
    expect(ifWarnings(text)).toEqual([]);
    // Nothing changes `spare` once `surge` and `again` no longer do.
    const never = edit(text, ['{add: spare, by: 1, if: "load >= 70"}', '{add: nodes, by: 1}'], ["{set: spare, to: 9, if: \"load >= 70 and fired('surge')\"}", '{add: nodes, by: 1, if: "spare > 5"}']);
    expect(ifWarnings(never)).toEqual([`t.yaml:${at(never, '"spare > 5"')}: warning: this \`if\` can never be true (nothing changes \`spare\`), so the effect never applies`]);
  });

  it('an option’s `takes:` must be a duration', () => {
    const bad = edit(text, ['takes: 4m', 'takes: soon']);
    expect(errorLines(bad)).toEqual([expect.stringMatching(new RegExp(`^t\\.yaml:${at(bad, 'soon')}: `))]);
  });
});
