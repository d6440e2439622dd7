/**
 * The facilitator's console, now that the team watches pages of its own: what is coming (the
 * next injects and decisions scheduled at a known time, with the scenario's note for the
 * facilitator on each) and the world variables the players' metrics leave out. Only on the
 * facilitator's screen; participants' views never get any of it.
 */
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { formatClock, formatDuration } from '../conditions/duration.js';
import { visibleLine } from '../text/sanitize.js';
import { occurrenceNote } from '../text/occurrence.js';
import type { Scenario } from '../scenario/types.js';
import { useDrill, useDrillContext } from './context.js';
import { hue } from './theme.js';
import { formatValue } from './sparkline.js';
import { shortLabel } from './Metrics.js';

const SHOWN = 3;

export function ComingUp({ width }: { width: number }) {
  const { scenario, theme } = useDrillContext();
  const core = useDrill((s) => s.core);
  // What is scheduled changes only when something happens, that is, with a new record.
  const recorded = useDrill((s) => s.core.records.length);
  const second = useDrill((s) => Math.floor(s.core.t / 1000));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `recorded` is the trigger; the core is read in place.
  const next = useMemo(() => core.upcoming(SHOWN), [core, recorded]);
  const hidden = useDrill((s) => hiddenVariables(scenario, (name) => s.core.world.get(name)));
  const color = hue(theme, 'facilitator');
  const line = (text: string, key: string, dim = false, wrap: 'wrap' | 'truncate-end' = 'truncate-end') => (
    <Text key={key} wrap={wrap} color={dim ? undefined : color} dimColor={dim}>
      {text}
    </Text>
  );
  return (
    <Box flexDirection="column" flexShrink={0} width={width} marginTop={1}>
      {line('COMING UP (only you see this)', 'h')}
      {next.length === 0 ? line('nothing scheduled at a set time', 'none', true) : null}
      {next.map((n) => {
        const item = n.kind === 'inject' ? scenario.injectById.get(n.id) : scenario.decisionById.get(n.id);
        const what = item && 'channel' in item ? `${item.channel}: ${item.title ?? item.from ?? n.id}${occurrenceNote(n.occurrence)}` : `decision: ${item?.prompt ?? n.id}`;
        const note = item?.facilitator;
        return (
          <Box key={`${n.kind}-${n.id}-${n.at}`} flexDirection="column">
            {line(`${formatClock(n.at)} (in ${formatDuration(Math.max(0, n.at - second * 1000))}) ${visibleLine(what)}`, 'w')}
            {note ? line(`  note: ${visibleLine(note)}`, 'n', true, 'wrap') : null}
          </Box>
        );
      })}
      {hidden ? line(`Not on the players' metrics: ${hidden}`, 'v', true, 'wrap') : null}
    </Box>
  );
}

/** "Autoscaling group processes running yes · Status page updates posted 0 posts". */
function hiddenVariables(scenario: Scenario, current: (name: string) => number | boolean | undefined): string {
  return Object.entries(scenario.world)
    .filter(([, spec]) => !spec.metric)
    .map(([name, spec]) => `${shortLabel(spec.label ?? name)} ${formatValue(current(name))}${spec.unit ? ` ${visibleLine(spec.unit)}` : ''}`)
    .join(' · ');
}
