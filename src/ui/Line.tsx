/**
 * One row (or one wrapped paragraph) of text that keeps its height. Ink's `<Text>` may shrink
 * (flexShrink 1), and in a column that overflows Yoga squeezes such rows to nothing and draws
 * the next one over them, instead of clipping the end. Text in any box that can overflow goes
 * in a `<Line>`.
 */
import { Box, Text, type TextProps } from 'ink';

export function Line(props: TextProps) {
  return (
    <Box flexShrink={0}>
      <Text {...props} />
    </Box>
  );
}
