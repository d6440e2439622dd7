/**
 * The team, as typed on the command line (`--team "Alex:incident-commander,Julie:ops"`) or in the
 * briefing (`Alex: incident-commander`, one per line). Roles are the scenario's role ids; a role's
 * title is accepted too, and so is no role at all.
 */
import type { TeamMember } from '../engine/records.js';
import type { ScenarioFile } from '../scenario/index.js';

type Roles = ScenarioFile['roles'];

/** One member from `Name: role` or `Name`; a message if the role is not one of the scenario's. */
export function parseMember(text: string, roles: Roles): TeamMember | { error: string } {
  const cut = text.indexOf(':');
  const name = (cut < 0 ? text : text.slice(0, cut)).trim();
  const roleText = cut < 0 ? '' : text.slice(cut + 1).trim();
  if (name === '') return { error: `\`${text.trim()}\` has no name; write it as Name: role, e.g. Alex: ${roles[0]?.id ?? 'ops'}` };
  if (roleText === '') return { name };
  const wanted = roleText.toLowerCase();
  const role = roles.find((r) => r.id.toLowerCase() === wanted || r.title?.toLowerCase() === wanted);
  if (!role) return { error: `unknown role \`${roleText}\` for ${name}; the roles are ${roles.map((r) => r.id).join(', ')}` };
  return { name, role: role.id };
}

/** The whole `--team` flag; the first problem if any member is wrong. */
export function parseTeam(flag: string, roles: Roles): TeamMember[] | { error: string } {
  const team: TeamMember[] = [];
  for (const part of flag.split(',')) {
    if (part.trim() === '') continue;
    const member = parseMember(part, roles);
    if ('error' in member) return member;
    team.push(member);
  }
  return team;
}
