/**
 * A terminal inject in full, for output longer or wider than the feed can show: scrolled with the
 * arrow keys, closed with Esc (`viewerKey` in key-targets.ts). Lines are cut, never reflowed, as a
 * terminal would show them.
 */
import { Box } from 'ink';
import { Line } from './Line.js';
import { formatClock } from '../conditions/duration.js';
import { visibleLine } from '../text/sanitize.js';
import { terminalLines } from './feed-layout.js';
import type { InjectEntry } from './feed-model.js';

export function Viewer({ entry, top, left, rows, width }: { entry: InjectEntry; top: number; left: number; rows: number; width: number }) {
  const lines = terminalLines(entry.inject.text);
  const body = Math.max(1, rows - 2);
  const shown = lines.slice(top, top + body);
  const heading = [entry.inject.from, entry.inject.title].filter(Boolean).map((s) => visibleLine(s!)).join(' · ');
  return (
    <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden" width={width}>
      <Line bold wrap="truncate-end">
        {formatClock(entry.t)} TERMINAL {heading}
      </Line>
      {shown.map((line, i) => (
        <Line key={top + i} wrap="truncate-end">
          {[...line].slice(left).join('') || ' '}
        </Line>
      ))}
      <Line dimColor wrap="truncate-end">
        lines {Math.min(top + 1, lines.length)}–{Math.min(top + body, lines.length)} of {lines.length}
        {left > 0 ? ` · from column ${left + 1}` : ''}
      </Line>
    </Box>
  );
}
