/**
 * Why the engine refused one of the team's inputs in a headless drill, in the author's terms:
 * the milestone was already reached (and when), the action is running, was single-use, or its
 * `available` condition was false (with the values that made it so).
 */
import { explainValues, printExpr } from '../conditions/index.js';
import { formatClock } from '../conditions/duration.js';
import type { DrillCore } from '../engine/core.js';
import type { DrillEvent } from '../engine/machine.js';

export function whyRefused(core: DrillCore, event: DrillEvent): string {
  if (core.ended) return 'the drill had ended';
  if (event.type === 'MARK_MILESTONE') {
    const at = core.milestones.get(event.name);
    return at === undefined ? 'the drill was not running' : `it was already reached at ${formatClock(at)}; mark each milestone once, or leave it to the scenario`;
  }
  if (event.type === 'TAKE_ACTION') {
    const action = core.scenario.actionById.get(event.id);
    if (!action) return 'the scenario has no such action';
    const until = core.inProgress.get(event.id);
    if (until !== undefined) return `it was still in progress (it lands at ${formatClock(until)})`;
    if (action.once && core.startedActions.has(event.id)) return 'it can be taken only once (`once: true`) and was taken already';
    if (action.available) {
      const env = { time: core.t, variable: (name: string) => core.world.get(name), history: core };
      return `it was not available: \`available: ${printExpr(action.available)}\` was false: ${explainValues(action.available, env)}`;
    }
  }
  return 'the drill was not running';
}
