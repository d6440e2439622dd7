/** The `?` overlay: every key of this phase from the key table, and whether it works right now. */
import { Box, Text } from 'ink';
import { Line } from './Line.js';
import { helpRows } from './help.js';
import { envOf, type Setup, type UiState } from './model.js';
import { useDrill } from './context.js';

/** The rule for typing while the clock runs, said where a facilitator looks for it. */
const CLOCK_RUNS_ON =
  'The scenario clock keeps running while you type or read this: an answer is recorded the moment its number is pressed, and what you type is recorded when you press Enter even if a decision has closed meanwhile. x gives a decision more time; space pauses everything.';

export function HelpOverlay({ setup, ui, width }: { setup: Setup; ui: UiState; width: number }) {
  // Re-drawn on every publish while open, so that "(not now)" follows the drill.
  const drill = useDrill((s) => s);
  const env = envOf({ setup, drill, ui });
  const rows = helpRows(env);
  const keyWidth = Math.max(...rows.map((r) => r.keys.length)) + 2;
  return (
    <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden" width={width}>
      <Line bold>
        Keys {env.phase === 'briefing' ? 'before the clock starts' : env.phase === 'debrief' ? 'during the debrief' : 'during the drill'} (any key closes this)
      </Line>
      {rows.map((r) => (
        <Box key={r.keys} flexDirection="row" flexShrink={0}>
          <Box width={keyWidth} flexShrink={0}>
            <Text bold={r.available} dimColor={!r.available}>
              {r.keys}
            </Text>
          </Box>
          <Box flexShrink={1}>
            <Text dimColor={!r.available} wrap="wrap">
              {r.available ? '' : '(not now) '}
              {r.about}
            </Text>
          </Box>
        </Box>
      ))}
      <Line dimColor>While typing in a field, keys go only to the field: Enter records, Esc cancels.</Line>
      {env.phase === 'live' ? <Line dimColor>{CLOCK_RUNS_ON}</Line> : null}
    </Box>
  );
}
