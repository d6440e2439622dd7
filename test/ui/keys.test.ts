/**
 * The key table: what a key does depends on the moment, asked of the machine, and the help line
 * and the overlay are drawn from the same rows, so the help never offers a key that does nothing.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { Key } from 'ink';
import { drillMachine } from '../../src/engine/machine.js';
import { bindingFor, KEY_TABLE } from '../../src/ui/keys.js';
import { helpLine, helpRows } from '../../src/ui/help.js';
import { envOf, initialUi, type KeyEnv } from '../../src/ui/model.js';
import type { ShownDrill } from '../../src/ui/store.js';
import { fixture } from '../helpers/load.js';
import { edit, fixtureText } from '../helpers/problem-lines.js';
import { loadScenarioText, type Scenario } from '../../src/scenario/index.js';
import { hintFor } from '../../src/ui/key-targets.js';

const NONE = { return: false, tab: false, ctrl: false, meta: false, upArrow: false, downArrow: false } as unknown as Key;

function drill(scenario: Scenario = fixture('ui-mini.yaml')) {
  const actor = createActor(drillMachine, { input: { scenario, seed: 'k', team: [{ name: 'Alex', role: 'ic' }], mode: 'play', wall: 0 } }).start();
  const env = (): KeyEnv => {
    const snapshot = actor.getSnapshot();
    const shown: ShownDrill = { snapshot, core: snapshot.context.core, version: 0, savedCount: 0, writeError: undefined, notice: undefined, feed: [], journalPath: 'j.jsonl' };
    return envOf({ setup: { scenario, team: [{ name: 'Alex', role: 'ic' }] }, drill: shown, ui: initialUi(10) });
  };
  return { actor, env };
}

/** ui-mini with a hint on every inject and on the decision: backlog-alert fires at 10s, first-call opens at 15s, worker-logs fires at 40s. */
function hintedEverywhere(): Scenario {
  const text = edit(
    fixtureText('ui-mini.yaml'),
    ['    from: ops terminal\n', '    from: ops terminal\n    hint: Read the first error line.\n'],
    ['    role: ic\n    prompt: The backlog', '    role: ic\n    hint: What changed last?\n    prompt: The backlog'],
  );
  const loaded = loadScenarioText(text, 'ui-mini-hinted.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.scenario;
}

const available = (env: KeyEnv) => KEY_TABLE.filter((b) => b.phases.includes(env.phase) && b.available(env)).map((b) => b.keys);

describe('the key table', () => {
  it('offers only what the machine would take at each moment', () => {
    const { actor, env } = drill();
    expect(available(env())).toEqual(['Enter', '↑ ↓', '?', 'q', 'Ctrl-C']);

    actor.send({ type: 'START', wall: 0 });
    expect(available(env())).not.toContain('1-9'); // no decision open yet
    expect(available(env())).toContain('space');
    expect(helpLine(env(), 200)).toContain('space pause');

    actor.send({ type: 'ADVANCE', to: 16_000, wall: 0 });
    expect(available(env())).toEqual(expect.arrayContaining(['1-9', 'o', 'h', 's']));

    actor.send({ type: 'PAUSE', wall: 0 });
    expect(helpLine(env(), 200)).toContain('space resume');
    expect(available(env())).not.toContain('s'); // skipping needs running time

    actor.send({ type: 'END', wall: 0 });
    expect(env().phase).toBe('debrief');
    expect(available(env())).toContain('Enter');
    expect(helpLine(env(), 200)).toMatch(/^Enter begin the debrief/);
  });

  it('keeps `? help` in the help line however narrow, and never exceeds the width', () => {
    const { actor, env } = drill();
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 16_000, wall: 0 });
    for (const width of [20, 40, 80, 120]) {
      const line = helpLine(env(), width);
      expect(line.length).toBeLessThanOrEqual(width);
      expect(line.endsWith('? help')).toBe(true);
    }
  });

  it('lists every key of the phase in the overlay, marking those that do nothing now', () => {
    const { actor, env } = drill();
    actor.send({ type: 'START', wall: 0 });
    const rows = helpRows(env());
    expect(rows.map((r) => r.keys)).toEqual(expect.arrayContaining(['1-9', 'o', 'Tab', 'a', 'space', 'h', 'n', 'f', 'm', 's', '+ -', 'e', '?', 'q', 'Ctrl-C']));
    expect(rows.find((r) => r.keys === '1-9')?.available).toBe(false);
    expect(rows.find((r) => r.keys === 'n')?.available).toBe(true);
  });

  it('maps keys to rows by phase: Enter starts in the briefing and means nothing live', () => {
    const enter = { ...NONE, return: true } as Key;
    expect(bindingFor('briefing', '', enter)?.name).toBe('start the clock');
    expect(bindingFor('live', '', enter)).toBeUndefined();
    expect(bindingFor('live', '3', NONE)?.keys).toBe('1-9');
    expect(bindingFor('live', 'c', { ...NONE, ctrl: true } as Key)?.keys).toBe('Ctrl-C');
  });

  it('answers a decision at once with its option, credited to the recorded speaker', () => {
    const { actor, env } = drill();
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 16_000, wall: 0 });
    actor.send({ type: 'SET_SPEAKER', name: 'Alex', wall: 0 });
    const e = env();
    expect(bindingFor('live', '1', NONE)!.command(e, '1', NONE)).toMatchObject({
      kind: 'send',
      event: { type: 'DECIDE', id: 'first-call', option: 'rollback', by: 'Alex' },
    });
    expect(bindingFor('live', '7', NONE)!.command(e, '7', NONE)).toMatchObject({ kind: 'warn' }); // no option 7: a message
  });

  it('changes the speed by steps within the engine’s limits, and says so at either end instead of recording a change', () => {
    const { actor, env } = drill();
    actor.send({ type: 'START', wall: 0 });
    const key = (input: string) => bindingFor('live', input, NONE)!.command(env(), input, NONE);
    expect(key('+')).toMatchObject({ kind: 'send', event: { type: 'SET_SPEED', speed: 2 } });
    actor.send({ type: 'SET_SPEED', speed: 64, wall: 0 });
    expect(key('+')).toEqual({ kind: 'warn', text: 'Already at ×64, the fastest speed.' });
    expect(key('-')).toMatchObject({ kind: 'send', event: { type: 'SET_SPEED', speed: 32 } });
    actor.send({ type: 'SET_SPEED', speed: 0.25, wall: 0 });
    expect(key('-')).toEqual({ kind: 'warn', text: 'Already at ×0.25, the slowest speed.' });
    expect(key('+')).toMatchObject({ kind: 'send', event: { type: 'SET_SPEED', speed: 0.5 } });
  });

  it('offers a hint only for an inject that has fired or a decision that has opened, never one still to come', () => {
    const { actor, env } = drill(hintedEverywhere());
    actor.send({ type: 'START', wall: 0 });
    // Three hints are written, but nothing has happened yet: `h` would give one away.
    expect(hintFor(env())).toBeUndefined();
    expect(available(env())).not.toContain('h');

    actor.send({ type: 'ADVANCE', to: 10_000, wall: 0 });
    expect(hintFor(env())).toBe('backlog-alert');
    actor.send({ type: 'SHOW_HINT', for: 'backlog-alert', wall: 0 });
    expect(hintFor(env())).toBeUndefined(); // first-call opens at 15s, worker-logs fires at 40s

    actor.send({ type: 'ADVANCE', to: 16_000, wall: 0 });
    expect(hintFor(env())).toBe('first-call');
    actor.send({ type: 'SHOW_HINT', for: 'first-call', wall: 0 });
    expect(hintFor(env())).toBeUndefined();
    expect(available(env())).not.toContain('h');

    actor.send({ type: 'ADVANCE', to: 41_000, wall: 0 });
    expect(hintFor(env())).toBe('worker-logs');
  });
});

