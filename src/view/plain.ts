/**
 * A participant's view as plain lines, for `drill watch`: one headed line per item, its text
 * indented below. Every piece of text from the scenario or the journal has its control
 * characters made visible, so a hostile scenario cannot drive the terminal that shows it.
 */
import { formatClock, formatDuration } from '../conditions/duration.js';
import { visibleControls, visibleLine } from '../text/sanitize.js';
import type { DecisionView, RoleView, ViewItem, VoteTally } from './items.js';

const INDENT = '    ';

/** The lines of one item. */
export function plainLines(item: ViewItem): string[] {
  const head = (tag: string, rest = '') =>
    `${formatClock(item.t)}  ${tag.padEnd(9)}${rest ? ` ${rest}` : ''}`.trimEnd();
  switch (item.kind) {
    case 'briefing': {
      const lines = [`== ${visibleLine(item.title)} ==`, 'BRIEFING', ...block(item.briefing)];
      if (item.role) lines.push(`YOUR ROLE: ${role(item.role)}`, ...(item.role.brief ? block(item.role.brief) : []));
      lines.push(`ROLES: ${item.roles.map(role).join(' · ')}`);
      if (item.facilitator) lines.push(`FACILITATOR: ${visibleLine(item.facilitator)}`);
      return lines;
    }
    case 'clock-started':
      return [head('CLOCK', 'The scenario clock started.')];
    case 'inject': {
      const from = [item.from, item.title].filter((s) => s !== undefined).map((s) => visibleLine(s!));
      const only = item.onlyFor ? ` (for you only: ${visibleLine(item.onlyFor)})` : '';
      return [head(item.channel.toUpperCase(), from.join(' — ') + only), ...block(item.text)];
    }
    case 'hint':
      return [head('HINT', `about ${visibleLine(item.about)}`), ...block(item.text)];
    case 'decision-opened':
      return [
        head('DECISION', decisionHead(item.decision)),
        ...block(item.decision.prompt),
        ...item.decision.options.map((o, i) => `${INDENT}${i + 1}. ${visibleLine(o.label)}`),
      ];
    case 'decision-closed': {
      const what =
        item.how === 'withdrawn'
          ? 'no longer asked'
          : item.how === 'timed-out'
            ? `time ran out${item.answer ? `; taken: ${visibleLine(item.answer)}` : ''}`
            : `${item.how === 'off-script' ? 'answered' : 'chose'}: ${visibleLine(item.answer ?? '')}${item.by ? ` (${visibleLine(item.by)})` : ''}`;
      const lines = [head('DECIDED', `${visibleLine(item.prompt)} → ${what}`)];
      if (item.why) lines.push(`${INDENT}why: ${visibleLine(item.why)}`);
      if (item.votes) lines.push(`${INDENT}${tally(item.votes)}`);
      return lines;
    }
    case 'action-started':
      return [head('ACTION', `${visibleLine(item.label)}${item.by ? ` (${visibleLine(item.by)})` : ''}`)];
    case 'action-landed':
      return [head('DONE', visibleLine(item.label))];
    case 'option-landed':
      return [head('TOOK EFFECT', `${visibleLine(item.prompt)} → ${visibleLine(item.answer)}`)];
    case 'recredited':
      return [head('CREDITED', `${item.about === 'answer' ? 'the answer to: ' : ''}${visibleLine(item.label)} → ${visibleLine(item.by ?? 'the team')}`)];
    case 'paused':
      return [head('PAUSED', 'Scenario time stopped.')];
    case 'resumed':
      return [head('RESUMED', 'Scenario time runs again.')];
    case 'ended':
      return [
        head('ENDED', 'The drill is over. The debrief begins.'),
        ...item.questions.map((q, i) => `${INDENT}${i + 1}. ${visibleLine(q)}`),
      ];
    case 'finished':
      return [head('FINISHED', 'The debrief is over; the report is written.')];
  }
}

function role(r: RoleView): string {
  return `${visibleLine(r.title)}${r.players.length ? ` (${r.players.map(visibleLine).join(', ')})` : ''}`;
}

function decisionHead(d: DecisionView): string {
  const parts = [d.role ? `for ${role(d.role)}` : 'for the team', `recorded by ${visibleLine(d.recordedBy)}`];
  if (d.timeoutMs !== undefined) parts.push(`${formatDuration(d.timeoutMs)} to answer`);
  return parts.join(', ');
}

/** "votes: 3 people; 2 for “Roll back”, 1 for “Wait”". */
function tally(v: VoteTally): string {
  return `votes: ${v.voters === 1 ? '1 person' : `${v.voters} people`}; ${v.byOption.map((o) => `${o.votes} for “${visibleLine(o.label)}”`).join(', ')}`;
}

/** Multi-line text, indented, control characters made visible, trailing blank lines dropped. */
function block(text: string): string[] {
  return visibleControls(text.replace(/\s+$/, ''))
    .split('\n')
    .map((line) => (line ? INDENT + line : ''));
}
