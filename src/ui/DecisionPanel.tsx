/**
 * The decision in front of the team: its prompt, numbered options, the time left before it times
 * out (and to which option), who is speaking for the team, and its hint once revealed.
 */
import { Box, Text } from 'ink';
import { formatClock } from '../scenario/duration.js';
import { visibleLine } from '../text/sanitize.js';
import type { TeamMember } from '../engine/records.js';
import { useDrill, useDrillContext } from './context.js';
import { hue } from './theme.js';
import { decisionInFront } from './ui-state.js';

/** Below this many seconds the time left is shown as urgent. */
const URGENT_S = 30;

export function DecisionPanel({ focus, speaker, width }: { focus: string | undefined; speaker: number; width: number }) {
  const { theme, team } = useDrillContext();
  const id = useDrill((s) => decisionInFront(s, focus)?.decision.id);
  const open = useDrill((s) => s.core.open.size);
  const hinted = useDrill((s) => (id ? s.core.hintsShown.has(id) : false));
  const leftS = useDrill((s) => {
    const d = id ? s.core.open.get(id) : undefined;
    if (!d || d.decision.timeoutMs === undefined) return undefined;
    return Math.max(0, Math.ceil((d.openedAt + d.decision.timeoutMs - s.core.t) / 1000));
  });
  const current = useDrill((s) => (id ? s.core.open.get(id) : undefined));
  if (!current) return null;
  const d = current.decision;
  const urgent = leftS !== undefined && leftS <= URGENT_S;
  const defaultLabel = d.options.find((o) => o.id === d.default)?.label;
  return (
    <Box
      flexDirection="column"
      flexShrink={0}
      width={width}
      borderStyle="single"
      borderLeft={false}
      borderRight={false}
      borderBottom={false}
      borderColor={hue(theme, 'decision')}
    >
      <Box flexDirection="row" justifyContent="space-between">
        <Text bold color={hue(theme, 'decision')}>
          DECISION{d.role ? <Text> for {visibleLine(d.role)}</Text> : null}
          {open > 1 ? <Text dimColor> (1 of {open} open · ] next)</Text> : null}
        </Text>
        <Text>
          <Text>answered by: </Text>
          <Text bold>{who(team, speaker)}</Text>
          {leftS !== undefined ? (
            <Text bold={urgent} inverse={urgent} color={urgent ? hue(theme, 'danger') : undefined}>
              {'  '}
              {formatClock(leftS * 1000).slice(2)} left
            </Text>
          ) : null}
        </Text>
      </Box>
      <Text wrap="wrap">{visibleLine(d.prompt)}</Text>
      {d.options.map((o, i) => (
        <Text key={o.id} wrap="wrap">
          <Text bold>{i < 9 ? ` ${i + 1} ` : '   '}</Text>
          {visibleLine(o.label)}
          {o.id === d.default ? <Text dimColor> (taken if time runs out)</Text> : null}
        </Text>
      ))}
      {hinted && d.hint ? (
        <Text wrap="wrap" color={hue(theme, 'facilitator')}>
          <Text bold>HINT </Text>
          {visibleLine(d.hint)}
        </Text>
      ) : null}
      {leftS === undefined || defaultLabel ? null : <Text dimColor>No option is taken if time runs out.</Text>}
    </Box>
  );
}

function who(team: readonly TeamMember[], speaker: number): string {
  const m = team[speaker];
  if (!m) return team.length ? 'the team (Tab: who)' : 'the team';
  return `${visibleLine(m.name)}${m.role ? ` (${visibleLine(m.role)})` : ''}`;
}
