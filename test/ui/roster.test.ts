/**
 * The roster typed in the briefing, as an update function: one player per line, a wrong role
 * refused in the field, an empty line that starts the drill once, Esc that leaves.
 */
import { describe, expect, it } from 'vitest';
import { initialRoster, rosterUpdate, type RosterEffect, type RosterModel } from '../../src/ui/roster.js';
import { fixture } from '../helpers/load.js';
import { inkKey } from '../helpers/screen-model.js';

function typeInto(model: RosterModel, ...names: string[]): [RosterModel, RosterEffect[]] {
  const effects: RosterEffect[] = [];
  for (const name of names) {
    const [input, k] = inkKey(name);
    const [next, more] = rosterUpdate(model, { type: 'key', input, key: k });
    model = next;
    effects.push(...more);
  }
  return [model, effects];
}

describe('the roster', () => {
  const roles = fixture('ui-mini.yaml').file.roles;

  it('adds a player per line (Tab completes the role) and starts the drill on an empty line, once', () => {
    const [model, effects] = typeInto(initialRoster(roles), 'Alex: i', 'Tab', 'Enter', 'Julie', 'Enter', 'Enter', 'Sam: ops', 'Enter');
    expect(effects).toEqual([{ kind: 'start', team: [{ name: 'Alex', role: 'ic' }, { name: 'Julie' }] }]);
    expect(model.started).toBe(true);
  });

  it('keeps a wrong line in the field with what is wrong', () => {
    const [model, effects] = typeInto(initialRoster(roles), 'Alex: boss', 'Enter');
    expect(effects).toEqual([]);
    expect(model.team).toEqual([]);
    expect(model.form).toMatchObject({ text: 'Alex: boss', error: 'unknown role `boss` for Alex; the roles are ic, ops' });
  });

  it('scrolls the briefing above it, and leaves on Esc after asking, as q does', () => {
    const [model, effects] = typeInto(initialRoster(roles), 'Down', 'Down', 'Up', 'Esc');
    expect(model.top).toBe(1);
    expect(effects).toEqual([]);
    expect(model.askingToLeave).toBe(true);
    expect(typeInto(model, 'y')[1]).toEqual([{ kind: 'exit', reason: 'quit' }]);
  });

  it('keeps the team typed so far when the question to leave is answered no', () => {
    const [model, effects] = typeInto(initialRoster(roles), 'Alex: ic', 'Enter', 'Esc', 'n', 'Sam: ops', 'Enter');
    expect(effects).toEqual([]);
    expect(model.askingToLeave).toBe(false);
    expect(model.team).toEqual([
      { name: 'Alex', role: 'ic' },
      { name: 'Sam', role: 'ops' },
    ]);
  });

  it('asks for the facilitator first when none was named, and starts the drill with that name', () => {
    const [, effects] = typeInto(initialRoster(roles, true), 'Morgan', 'Enter', 'Alex: ic', 'Enter', 'Enter');
    expect(effects).toEqual([{ kind: 'start', team: [{ name: 'Alex', role: 'ic' }], facilitator: 'Morgan' }]);
  });

  it('starts without a facilitator name when that line is left empty', () => {
    const [, effects] = typeInto(initialRoster(roles, true), 'Enter', 'Alex: ic', 'Enter', 'Enter');
    expect(effects).toEqual([{ kind: 'start', team: [{ name: 'Alex', role: 'ic' }] }]);
  });
});
