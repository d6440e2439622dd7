/**
 * One line under the header: the outcome of the last key if there is one, else who speaks for
 * the team, the actions under way (and when they land) and the milestones reached.
 */
import { Box, Text } from 'ink';
import { formatClock } from '../conditions/duration.js';
import { visibleLine } from '../text/sanitize.js';
import { useDrill, useDrillContext } from './context.js';
import { hue } from './theme.js';
import type { Flash } from './messages.js';

export function StatusLine({ flash, width }: { flash: Flash | undefined; width: number }) {
  const { theme, team, scenario } = useDrillContext();
  const underWay = useDrill((s) =>
    [...s.core.inProgress].map(([id, at]) => `${visibleLine(scenario.actionById.get(id)?.label ?? id)} (lands ${formatClock(at)})`).join(', '),
  );
  const speaker = useDrill((s) => s.core.speaker);
  const milestones = useDrill((s) => [...s.core.milestones].map(([name, t]) => `${name} ${formatClock(t)}`).join(', '));
  if (flash) {
    return (
      <Box width={width} height={1} flexShrink={0}>
        <Text bold color={hue(theme, flash.tone === 'ok' ? 'ok' : 'warn')} wrap="truncate-end">
          {flash.tone === 'ok' ? '✓ ' : '! '}
          {flash.text}
        </Text>
      </Box>
    );
  }
  const member = team.find((m) => m.name === speaker);
  const parts = [
    member ? `Speaking: ${visibleLine(member.name)}${member.role ? ` (${visibleLine(member.role)})` : ''}` : team.length ? 'Speaking: the team (Tab: who)' : '',
    underWay ? `Under way: ${underWay}` : '',
    milestones ? `Reached: ${milestones}` : '',
  ].filter(Boolean);
  return (
    <Box width={width} height={1} flexShrink={0}>
      <Text dimColor wrap="truncate-end">
        {parts.join(' · ') || ' '}
      </Text>
    </Box>
  );
}
