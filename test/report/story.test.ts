/**
 * The pieces that keep the report true to the drill it describes: numbers printed precisely
 * enough for their conditions, durations in whole seconds, the people a scenario names, inject
 * texts kept whole in the full log, and the incident timeline folding runs of the same action.
 */
import { describe, expect, it } from 'vitest';
import { comparedValues, preciseNumber } from '../../src/report/compared.js';
import { seconds, span, withUnit } from '../../src/report/md-format.js';
import { scenarioPeople } from '../../src/report/people.js';
import { textBlock } from '../../src/report/md-appendix.js';
import { applicableQuestions, causeFactors } from '../../src/report/end-state.js';
import { playDrill } from '../helpers/report-drill.js';
import { loadScenarioFile, type Scenario } from '../../src/scenario/index.js';

function scenarioAt(path: string): Scenario {
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.scenario;
}

describe('numbers next to their conditions', () => {
  it('prints a value precisely enough that it never seems to contradict a condition', () => {
    // Before: one decimal everywhere, so 0.987 read "1%" beside `error_rate < 1`.
    expect(withUnit(0.987, '%')).toBe('1%');
    expect(withUnit(0.987, '%', [1])).toBe('0.99%');
    expect(withUnit(0.9996, '%', [1])).toBe('0.9996%');
    expect(preciseNumber(0.3, [1])).toBe('0.3');
    expect(preciseNumber(64, [1, 5])).toBe('64');
    expect(preciseNumber(99.96, [100])).toBe('99.96');
    expect(preciseNumber(100, [100])).toBe('100');
    expect(preciseNumber(40.0004, [40])).toBe('40.0004');
  });

  it('finds the numbers each variable is compared with, in every kind of condition', () => {
    const compared = comparedValues(scenarioAt('scenarios/k8s-shrink.yaml'));
    expect(compared.get('nodes')).toEqual(expect.arrayContaining([25, 40, 45, 60, 80]));
    expect(compared.get('registry_load')).toEqual(expect.arrayContaining([40, 70, 100]));
    expect(compared.get('status_updates')).toEqual([0]);
  });
});

describe('durations', () => {
  it('are whole seconds in prose and tables', () => {
    expect(seconds(211_825)).toBe('3m32s');
    expect(seconds(2_066_781)).toBe('34m27s');
    expect(seconds(400)).toBe('0s');
  });

  it('between two times agree with the T+ clocks printed beside them', () => {
    // T+02:06 (126.6 s) − T+00:20 reads 1m46s; rounding the difference gave 1m47s.
    expect(seconds(106_600)).toBe('1m47s');
    expect(span(20_000, 126_600)).toBe('1m46s');
    expect(span(150_400, 153_900)).toBe('3s');
  });
});

describe('the people a scenario names', () => {
  it('takes speakers of chat lines and owners in `from:`, never tools', () => {
    const names = scenarioPeople(scenarioAt('scenarios/k8s-shrink.yaml')).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Dana', 'Kai', 'Maya', 'Lee']));
    for (const tool of ['Grafana', 'PagerDuty', 'Alertmanager', 'Registry', 'Tally']) expect(names).not.toContain(tool);
  });
});

describe('inject texts in the full log', () => {
  it('keep every line, in a fence longer than any backticks inside, with controls made visible', () => {
    const text = 'Dana: wait.\nDana: ```\nusage: scale.sh CLUSTER SIZE\n```\n\x1b[31mred\ttab   \n';
    expect(textBlock(text)).toBe(['  ````text', '  Dana: wait.', '  Dana: ```', '  usage: scale.sh CLUSTER SIZE', '  ```', '  ␛[31mred  tab', '  ````'].join('\n'));
    expect(textBlock('one\n\ntwo')).toBe(['  ```text', '  one', '', '  two', '  ```'].join('\n'));
  });
});

describe('the live debrief', () => {
  it('asks only the questions that apply to the drill as it ended', async () => {
    const scenario = scenarioAt('scenarios/k8s-shrink.yaml');
    const herd = await playDrill('scenarios/k8s-shrink.yaml', 'test/answers/k8s-shrink.restart-pods.yaml');
    const frozen = await playDrill('scenarios/k8s-shrink.yaml', 'test/answers/k8s-shrink.freeze-first.yaml');
    const asked = (records: Parameters<typeof applicableQuestions>[1]) => applicableQuestions(scenario, records).map((q) => q.text.slice(0, 40));
    expect(asked(herd.records)).toContain('When did you first know the registry was');
    expect(asked(herd.records)).toContain('Autoscaling was there to make the cluste');
    // The autoscaler was frozen first: no registry trouble to ask about, and another autoscaling question.
    expect(asked(frozen.records)).not.toContain('When did you first know the registry was');
    expect(asked(frozen.records)).toContain('The autoscaler was suspended before it l');
    expect(asked(frozen.records)).toHaveLength(6);
  });
});

describe('causes', () => {
  it('link to several planted factors, or to one in journals written before that', () => {
    const base = { type: 'debrief', seq: 1, t: 0, wall: 0, section: 'cause', text: 'x' } as const;
    expect(causeFactors({ ...base, factors: ['a', 'b', 'c'] })).toEqual(['a', 'b', 'c']);
    expect(causeFactors({ ...base, factor: 'a' })).toEqual(['a']);
    expect(causeFactors(base)).toEqual([]);
  });
});
