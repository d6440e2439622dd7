/** The bottom line: the keys that do something right now, drawn from the key table. */
import { Box, Text } from 'ink';

export function HelpLine({ text, width }: { text: string; width: number }) {
  return (
    <Box width={width} height={1} flexShrink={0}>
      <Text dimColor wrap="truncate-end">
        {text}
      </Text>
    </Box>
  );
}
