/**
 * "Resolved" declared while the scenario's own condition for it is false: the milestone picker
 * says so before Enter, the journal keeps the condition that was unmet, and the report states it.
 */
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { drillMachine } from '../../src/engine/machine.js';
import { milestoneForm } from '../../src/ui/flows.js';
import { buildReport } from '../../src/report/model.js';

function k8sAtFiveSeconds() {
  const loaded = loadScenarioFile('scenarios/k8s-shrink.yaml');
  if (!loaded.ok) throw new Error('k8s-shrink does not load');
  const actor = createActor(drillMachine, { input: { scenario: loaded.scenario, seed: '1', team: [{ name: 'Priya', role: 'incident-commander' }], mode: 'play', wall: 0 } }).start();
  actor.send({ type: 'START', wall: 1 });
  actor.send({ type: 'ADVANCE', to: 5000, wall: 2 });
  actor.send({ type: 'MARK_MILESTONE', name: 'detected', by: 'Priya', wall: 3 });
  return { scenario: loaded.scenario, actor };
}

describe('a milestone declared while its condition is unmet', () => {
  it('is flagged in the picker with the condition still unmet', () => {
    const { actor } = k8sAtFiveSeconds();
    const core = actor.getSnapshot().context.core;
    expect(actor.getSnapshot().matches('live')).toBe(true); // "detected" this early does not end the drill
    const form = milestoneForm(core.milestones, 'Priya', (m) => core.unmetCondition(m));
    const labels = form.fields[0]!.choices!.map((c) => c.label);
    expect(labels.find((l) => l.startsWith('resolved'))).toMatch(/^resolved {2}⚠ the scenario's condition is not met: .*nodes >= 80.*\(and the incident has not begun\)$/);
    expect(labels.find((l) => l.startsWith('acknowledged'))).toBe('acknowledged');
  });

  it('is journaled with that condition, and the report states it', () => {
    const { scenario, actor } = k8sAtFiveSeconds();
    actor.send({ type: 'MARK_MILESTONE', name: 'resolved', by: 'Priya', wall: 4 });
    const records = actor.getSnapshot().context.core.records;
    const declared = records.find((r) => r.type === 'milestone' && r.name === 'resolved');
    expect(declared).toMatchObject({ source: 'facilitator', unmet: expect.stringContaining('nodes >= 80') });
    const resolved = buildReport(scenario, records).milestones.find((m) => m.name === 'resolved');
    expect(resolved?.how).toMatch(/^marked by the facilitator while the scenario's own condition was still unmet: .*nodes >= 80/);
  });
});
