import type { Scenario } from '../../src/scenario/index.js';
import { DrillSession } from '../../src/session/session.js';

/**
 * Plays a drill with every kind of input (ticks, a pause, a note, a speed change, a hint, an
 * action, a decision, a follow-up) into a journal at `path`, as `drill play` would. Left open.
 */
export function playSampleDrill(scenario: Scenario, path: string, options: { durable: boolean; note: string }): DrillSession {
  const session = DrillSession.start({ scenario, seed: 's1', team: [{ name: 'Alex', role: 'ic' }], mode: 'play', wall: 1000 }, path, {
    durable: options.durable,
  });
  let wall = 1000;
  const tick = (ms: number) => session.send({ type: 'TICK', wallMs: ms, wall: (wall += ms) });
  session.send({ type: 'START', wall });
  for (let i = 0; i < 90; i++) tick(1000);
  session.send({ type: 'PAUSE', wall });
  session.send({ type: 'NOTE', text: options.note, by: 'Alex', wall });
  session.send({ type: 'RESUME', wall: (wall += 5000) });
  session.send({ type: 'SET_SPEED', speed: 2, wall });
  session.send({ type: 'SHOW_HINT', for: 'first-response', wall });
  for (let i = 0; i < 20; i++) tick(700);
  session.send({ type: 'TAKE_ACTION', id: 'add-5-nodes', by: 'Alex', wall });
  session.send({ type: 'DECIDE', id: 'first-response', option: 'scale-up', by: 'Alex', wall });
  session.send({ type: 'FOLLOWUP', text: 'scale.sh should confirm', owner: 'Alex', kind: 'prevent', wall });
  for (let i = 0; i < 200; i++) tick(500);
  return session;
}
