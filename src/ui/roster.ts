/**
 * The roster, typed in the briefing when the team was not given on the command line: one player
 * per line (`Name: role`, Tab completes the role), an empty line to start. It runs before the
 * drill (and its journal) exist, as an update function of its own: a key in, the next roster and
 * its effects out (start the drill with this team, or leave).
 */
import type { Key } from 'ink';
import type { TeamMember } from '../engine/records.js';
import type { ScenarioFile } from '../scenario/index.js';
import { formKey, openForm, type Form, type FormState } from './forms.js';
import { parseMember } from './team.js';

type Roles = ScenarioFile['roles'];

export interface RosterModel {
  readonly roles: Roles;
  readonly team: readonly TeamMember[];
  readonly form: FormState<'member' | 'facilitator'>;
  /** The facilitator's name, once asked (when not given with --facilitator). */
  readonly facilitator?: string;
  /** How far the briefing above the form is scrolled down, in rows. */
  readonly top: number;
  /** The team is complete and the drill is starting: keys of the same chunk are ignored. */
  readonly started: boolean;
  /** Esc was pressed: the next key says whether to leave (y) or carry on typing the team. */
  readonly askingToLeave: boolean;
}

export type RosterEffect =
  | { readonly kind: 'start'; readonly team: readonly TeamMember[]; readonly facilitator?: string }
  | { readonly kind: 'exit'; readonly reason: 'quit' };

export type RosterMessage = { readonly type: 'key'; readonly input: string; readonly key: Key };

/** `askFacilitator`: the facilitator was not named on the command line, so the roster asks first. */
export function initialRoster(roles: Roles, askFacilitator = false): RosterModel {
  return { roles, team: [], form: openForm(askFacilitator ? FACILITATOR_FORM : memberForm(roles, [])), top: 0, started: false, askingToLeave: false };
}

/** The report names who ran the drill, and credits corrections and extra time to them. */
const FACILITATOR_FORM: Form<'facilitator'> = {
  title: 'Who is facilitating? Your name goes in the report beside the pauses, hints, extra time and corrections.',
  fields: [{ name: 'facilitator', prompt: 'Facilitator (optional)', kind: 'text' }],
  footer: 'Enter goes on to the players (an empty line: no name)',
  purpose: 'facilitator',
};

export function rosterUpdate(model: RosterModel, message: RosterMessage): readonly [RosterModel, readonly RosterEffect[]] {
  const { input, key } = message;
  if (model.started) return [model, []];
  if (key.ctrl && input === 'c') return [model, [{ kind: 'exit', reason: 'quit' }]];
  // Leaving loses the team typed so far, so Esc asks first, as q does once the drill runs.
  if (model.askingToLeave) return input.toLowerCase() === 'y' ? [model, [{ kind: 'exit', reason: 'quit' }]] : [{ ...model, askingToLeave: false }, []];
  if (key.escape) return [{ ...model, askingToLeave: true }, []];
  if (key.upArrow || key.pageUp) return [{ ...model, top: Math.max(0, model.top - (key.pageUp ? 10 : 1)) }, []];
  if (key.downArrow || key.pageDown) return [{ ...model, top: model.top + (key.pageDown ? 10 : 1) }, []];
  const result = formKey(model.form, input, key);
  if (result.kind === 'editing') return [{ ...model, form: result.state }, []];
  if (result.kind === 'cancelled') return [model, []];
  if (model.form.form.purpose === 'facilitator') {
    const facilitator = result.values.facilitator || undefined;
    return [{ ...model, ...(facilitator ? { facilitator } : {}), form: openForm(memberForm(model.roles, [])) }, []];
  }
  const line = result.values.member ?? '';
  if (line === '') return [{ ...model, started: true }, [{ kind: 'start', team: model.team, ...(model.facilitator ? { facilitator: model.facilitator } : {}) }]];
  const member = parseMember(line, model.roles);
  // A wrong line stays in the field with what is wrong, to be corrected.
  if ('error' in member) return [{ ...model, form: { ...model.form, error: member.error } }, []];
  const team = [...model.team, member];
  return [{ ...model, team, form: openForm(memberForm(model.roles, team)) }, []];
}

/** One line per player, `Name: role`; an empty line ends the team. */
function memberForm(roles: Roles, team: readonly TeamMember[]): Form<'member'> {
  const soFar = team.map((m) => `${m.name}${m.role ? ` (${m.role})` : ''}`).join(', ');
  return {
    title: 'Who is playing? One person per line: Name: role (Tab completes the role). An empty line when done.',
    fields: [{ name: 'member', prompt: `Player ${team.length + 1}`, kind: 'text', completions: roles.map((r) => r.id) }],
    footer: soFar ? `So far: ${soFar} · an empty line starts the briefing` : 'An empty line right away: play without names',
    purpose: 'member',
  };
}
