/**
 * Problems the facilitator must see at once: a journal that cannot be written (the drill pauses
 * and keeps everything in memory), and notices such as a stalled clock or resume warnings.
 */
import { Box, Text } from 'ink';
import { visibleLine } from '../text/sanitize.js';
import { hue, type Theme } from './theme.js';

export function ErrorBanner({ writeError, notices, theme, width }: { writeError: Error | undefined; notices: readonly string[]; theme: Theme; width: number }) {
  if (!writeError && notices.length === 0) return null;
  return (
    <Box flexDirection="column" flexShrink={0} width={width}>
      {writeError ? (
        <Text bold inverse color={hue(theme, 'danger')} wrap="wrap">
          {' '}JOURNAL NOT SAVED: {visibleLine(writeError.message)}. The drill is paused and nothing is lost yet: fix the disk and
          press space to retry, or w to save the journal elsewhere.{' '}
        </Text>
      ) : null}
      {notices.map((n, i) => (
        <Text key={i} color={hue(theme, 'warn')} wrap="wrap">
          ! {visibleLine(n)}
        </Text>
      ))}
    </Box>
  );
}
