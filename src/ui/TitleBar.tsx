/**
 * A full-width bar in reverse video that opens a panel (a decision, a form). Reverse video reads
 * without colour, and a bar of spaces costs Ink far less to measure than a box-drawing border.
 */
import { Box, Text } from 'ink';

export function TitleBar({ left, right, color, width }: { left: string; right?: string; color: string | undefined; width: number }) {
  const r = right ? ` ${right} ` : '';
  const room = Math.max(0, width - r.length);
  const l = ` ${left}`;
  const shown = l.length > room ? `${l.slice(0, Math.max(0, room - 1))}…` : l.padEnd(room, ' ');
  return (
    <Box flexShrink={0} width={width}>
      <Text inverse bold color={color} wrap="truncate-end">
        {shown}
        {r}
      </Text>
    </Box>
  );
}
