/**
 * The top of the report, in the order of a post-mortem: who and what, the team's own summary,
 * the generated summary, and the user-visible impact with numbers.
 */
import type { Report } from './report-schema.js';
import { code, inline, shellWord } from './escape.js';
import { bullets, capitalise, clock, joinAnd, joinOr, minutes, plural, q, withUnit } from './md-format.js';

export function header(r: Report): string {
  const d = r.drill;
  const s = r.scenario;
  const date = d.clockStartedAt ?? d.startedAt;
  const team = d.team.map((m) => `  - ${inline(m.name)}${m.roleTitle || m.role ? ` — ${inline(m.roleTitle ?? m.role ?? '')}` : ''}`);
  const mode = d.mode === 'run' ? 'played headlessly with `drill run` from an answers file' : 'played live with `drill play`';
  const end =
    d.endReason === null
      ? `the journal stops at ${clock(d.scenarioMs)} of scenario time, before the drill ended`
      : `ended at ${clock(d.scenarioMs)} ${
          d.endReason === 'condition'
            ? `when its end condition${d.endCondition ? ` ${code(d.endCondition)}` : ''} held`
            : d.endReason === 'limit'
              ? 'at its time limit'
              : 'by the facilitator'
        }`;
  // A headless drill replays exactly from its answers file; a live one's answers are in its journal.
  const run = ['drill run', shellWord(s.path), '--seed', shellWord(d.seed), ...(d.mode === 'run' ? ['--start', d.startedAt.replace('.000Z', 'Z'), '--answers', 'ANSWERS.yaml'] : [])];
  const lines = [
    `# ${inline(s.title)} — practice post-mortem`,
    '',
    '> **This was a simulated drill**, a tabletop exercise, not a real incident. The systems, numbers and messages come from the scenario; the decisions, notes and conclusions are the team’s.',
    '',
    `- **Date:** ${date.slice(0, 10)}, scenario clock started at ${date.slice(11, 19)} UTC`,
    `- **Facilitator:** ${d.facilitator ? inline(d.facilitator) : '_not recorded_'}`,
    d.team.length > 0 ? `- **Team:**\n${team.join('\n')}` : '- **Team:** _not recorded_',
    ...(d.rolesWithoutPlayer.length ? [`- **Roles nobody played:** ${d.rolesWithoutPlayer.map((id) => roleName(r, id)).join(', ')}`] : []),
    `- **Scenario:** ${code(s.id)} version ${inline(s.version)}, difficulty ${inline(s.difficulty)} (${code(s.path)})`,
    `- **Scenario sha256:** ${code(s.hash)}`,
    `- **Seed:** ${code(d.seed)}, ${mode}`,
    `- **Outcome:** ${end}; ${d.finished ? 'the debrief was completed' : 'the debrief was not completed'}`,
    `- **How to replay:** ${code(run.join(' '))} plays the scenario again with the same chance draws${d.mode === 'run' ? ' (with the answers file it was played from)' : ''}; ${code('drill report journal.jsonl')} rebuilds this report from the journal beside it`,
  ];
  if (s.hash !== s.reportHash) {
    lines.push(`- **Warning:** this report was built with a scenario file whose sha256 is ${code(s.reportHash)}, not the one the drill was played with; names and texts may not match what the team saw`);
  }
  return lines.join('\n');
}

/** A role by its title and id for lists: Legal (`legal`); in a sentence, by its title alone. */
export function roleName(r: Report, id: string, inSentence = false): string {
  const title = r.scenario.roles.find((x) => x.id === id)?.title;
  if (title && inSentence) return inline(title);
  return title ? `${inline(title)} (${code(id)})` : code(id);
}

/** The team's own summary from the debrief, first; nothing if it wrote none. */
export function teamSummary(r: Report): string[] {
  if (r.teamSummary.length === 0) return [];
  return [['## In the team’s words', '', ...r.teamSummary.map((t, i) => `${i > 0 ? '\n' : ''}> ${inline(t)}`)].join('\n')];
}

export function summary(r: Report): string {
  const who = r.impact.users ? capitalise(inline(r.impact.users)) : 'Users';
  const st = r.stats;
  const reached = r.milestones
    .filter((m) => m.reachedMs !== null && m.name !== 'started')
    .sort((a, b) => a.reachedMs! - b.reachedMs!)
    .map((m) => `${m.name} at ${clock(m.reachedMs!)}${m.byDefault ? ' (by default: nobody decided)' : ''}`);
  const missing = r.milestones.filter((m) => m.reachedMs === null && m.name !== 'started').map((m) => m.name);
  const began = r.incident.from === 'milestone' ? `The incident began at ${clock(r.incident.startMs)}. ` : '';
  const milestones =
    reached.length === 0
      ? 'No response milestone was reached.'
      : `${capitalise(joinAnd(reached))}${missing.length ? `; not ${joinOr(missing)} by the end of the ${r.drill.endReason === null ? 'journal' : 'drill'}` : ''}.`;
  const i = r.impact;
  const impact =
    !i.downCondition && !i.degradedCondition
      ? 'The scenario defines no impact conditions.'
      : i.downMs > 0 || i.degradedMs > 0
        ? `${who} were affected for ${minutes(i.downMs + i.degradedMs)}${i.downMs > 0 ? `, ${minutes(i.downMs)} of it a full outage` : ', degraded but never fully down'}.`
        : `${who} saw no impact.`;
  const answered = st.decisionsChosen + st.decisionsOffScript;
  const unanswered = [
    st.decisionsTimedOut ? `${st.decisionsTimedOut} timed out to ${st.decisionsTimedOut === 1 ? 'its' : 'their'} default` : '',
    st.decisionsCancelled ? `${st.decisionsCancelled} withdrawn by the scenario` : '',
  ].filter((p) => p !== '');
  const activity = `The team answered ${st.decisionsOpened === 0 ? 'no decisions (none was put to it)' : `${answered} of ${plural(st.decisionsOpened, 'decision')} put to it`}${
    unanswered.length ? ` (${joinAnd(unanswered)})` : ''
  }, took ${plural(st.actionsTaken, 'action')} and wrote ${plural(st.notes, 'note')}.`;
  return [
    '## Summary',
    '',
    `**The scenario:** ${inline(r.scenario.summary)}`,
    '',
    `**In this drill:** ${began}${impact} ${milestones} ${activity}${roles(r)}`,
  ].join('\n');
}

/** Who answered decisions meant for a role they do not play, and which roles nobody played. */
function roles(r: Report): string {
  const outside = r.decisions.filter((d) => d.outsideRole);
  const parts = outside.map((d) => `${inline(d.by ?? '')}, who plays ${roleName(r, d.byRole ?? '', true)}, answered ${q(shortText(d.prompt))}, a decision for ${roleName(r, d.role ?? '', true)}`);
  const nobody = r.drill.rolesWithoutPlayer.map((id) => roleName(r, id, true));
  const lines = [...(nobody.length ? [`Nobody played ${joinAnd(nobody)}.`] : []), ...(parts.length ? [`${capitalise(joinAnd(parts))}.`] : [])];
  return lines.length ? ` ${lines.join(' ')}` : '';
}

function shortText(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length <= 80 ? line : `${line.slice(0, 79).replace(/\s+\S*$/, '')}…`;
}

/** `## User-visible impact`: who, for how long, when, and what the simulated world showed. */
export function userImpact(r: Report): string {
  const i = r.impact;
  const who = i.users ? capitalise(inline(i.users)) : 'Users';
  const lines = ['## User-visible impact', ''];
  if (!i.downCondition && !i.degradedCondition) {
    lines.push('_The scenario defines no impact conditions, so user impact was not measured._');
  } else if (i.intervals.length === 0) {
    lines.push(`${who} saw no impact: neither impact condition held during the drill.`);
  } else {
    const spans = i.intervals.map((x) => `${x.level === 'down' ? 'full outage' : 'degraded'} ${clock(x.fromMs)}–${clock(x.toMs)}`);
    const open = i.openAtEnd ? ` They were still affected when the ${r.drill.endReason === null ? 'journal stops' : 'drill ended'}.` : '';
    const parts = [i.downMs > 0 ? `a full outage for ${minutes(i.downMs)}` : '', i.degradedMs > 0 ? `degraded service for ${i.downMs > 0 ? 'another ' : ''}${minutes(i.degradedMs)}` : ''].filter((p) => p !== '');
    lines.push(`${who} saw ${joinAnd(parts)} (${joinAnd(spans)}).${open}`);
  }
  const world = r.world.flatMap((v) => {
    if (!v.metric || typeof v.initial !== 'number' || v.changes === 0 || v.min === undefined || v.max === undefined) return [];
    const rose = v.max - v.initial >= v.initial - v.min;
    const label = inline(v.label ?? v.id);
    const at = (n: number | boolean) => withUnit(n, v.unit, v.compared);
    const extreme = rose ? `rose from ${at(v.initial)} to a peak of ${at(v.max)} at ${clock(v.maxAtMs!)}` : `fell from ${at(v.initial)} to ${at(v.min)} at ${clock(v.minAtMs!)}`;
    return [`${label}: ${extreme}; ${at(v.final)} at the end.`];
  });
  if (world.length) lines.push('', 'What the simulated world showed:', '', bullets(world, ''));
  return lines.join('\n');
}
