/**
 * The decision in front of the team: its prompt, numbered options, the time left before it times
 * out (and to which option), who is speaking for the team, and its hint once revealed.
 */
import { Box, Text } from 'ink';
import { formatClock, formatDuration } from '../conditions/duration.js';
import { visibleLine } from '../text/sanitize.js';
import type { TeamMember } from '../engine/records.js';
import { useDrill, useDrillContext } from './context.js';
import { hue } from './theme.js';
import { decisionInFront } from './model.js';
import { TitleBar } from './TitleBar.js';
import { wrapText } from './wrap.js';
import { VoteTally } from './VoteTally.js';

/** Below this many seconds the time left is shown as urgent. */
const URGENT_S = 30;

export function DecisionPanel({ focus, width }: { focus: string | undefined; width: number }) {
  const { theme, team } = useDrillContext();
  const speaker = useDrill((s) => s.core.speaker);
  const id = useDrill((s) => decisionInFront(s, focus)?.decision.id);
  const open = useDrill((s) => s.core.open.size);
  const hinted = useDrill((s) => (id ? s.core.hintsShown.has(id) : false));
  const leftS = useDrill((s) => {
    const d = id ? s.core.open.get(id) : undefined;
    if (!d || d.deadline === undefined) return undefined;
    return Math.max(0, Math.ceil((d.deadline - s.core.t) / 1000));
  });
  const current = useDrill((s) => (id ? s.core.open.get(id) : undefined));
  if (!current) return null;
  const d = current.decision;
  const urgent = leftS !== undefined && leftS <= URGENT_S;
  const defaultLabel = d.options.find((o) => o.id === d.default)?.label;
  const title = `DECISION${d.role ? ` for ${visibleLine(d.role)}` : ''}${open > 1 ? ` (1 of ${open} open; ] shows the next)` : ''}`;
  const extendedMs = current.deadline !== undefined && d.timeoutMs !== undefined ? current.deadline - current.openedAt - d.timeoutMs : 0;
  const extended = extendedMs > 0 ? ` (+${formatDuration(extendedMs)} given)` : '';
  const left = leftS === undefined ? 'no time limit' : `${formatClock(leftS * 1000).slice(2)} left${extended}`;
  return (
    <Box flexDirection="column" flexShrink={0} width={width}>
      <TitleBar left={title} right={`answered by ${who(team, speaker)} · ${urgent ? `ONLY ${left}` : left}`} color={hue(theme, urgent ? 'danger' : 'decision')} width={width} />
      {wrapText(visibleLine(d.prompt), width).map((line, i) => (
        <Text key={`p${i}`}>{line}</Text>
      ))}
      {d.options.map((o, i) => {
        // An option that takes time says so, so the facilitator can tell the room the change is not instant.
        const takes = o.takesMs ? ` (takes effect ${formatDuration(o.takesMs)} later)` : '';
        const label = `${visibleLine(o.label)}${takes}${o.id === d.default ? ' (taken if time runs out)' : ''}`;
        return wrapText(label, width - 4).map((line, j) => (
          <Text key={`${o.id}-${j}`}>
            <Text bold>{j === 0 && i < 9 ? ` ${i + 1}  ` : '    '}</Text>
            {line}
          </Text>
        ));
      })}
      <VoteTally id={d.id} width={width} />
      {d.facilitator
        ? wrapText(`NOTE for you: ${visibleLine(d.facilitator)}`, width).map((line, i) => (
            <Text key={`n${i}`} dimColor>
              {line}
            </Text>
          ))
        : null}
      {hinted && d.hint
        ? wrapText(`HINT ${visibleLine(d.hint)}`, width).map((line, i) => (
            <Text key={`h${i}`} color={hue(theme, 'facilitator')}>
              {line}
            </Text>
          ))
        : null}
      {leftS === undefined || defaultLabel ? null : <Text dimColor>No option is taken if time runs out.</Text>}
    </Box>
  );
}

function who(team: readonly TeamMember[], speaker: string | undefined): string {
  const m = team.find((member) => member.name === speaker);
  if (!m) return team.length ? 'the team (Tab: who)' : 'the team';
  return visibleLine(m.name);
}
