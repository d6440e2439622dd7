/**
 * Before the clock starts: title, summary, the briefing the facilitator reads out, the roles and
 * who plays them. Long briefings scroll (↑ ↓); the team form, when the team was not given on the
 * command line, is drawn under it by the App.
 */
import { Box, Text } from 'ink';
import type { Scenario } from '../scenario/index.js';
import type { TeamMember } from '../engine/records.js';
import { visibleControls, visibleLine } from '../text/sanitize.js';
import { formatDuration, parseDuration } from '../conditions/duration.js';
import { hue, type Theme } from './theme.js';
import { joinHardWraps, wrapText } from './wrap.js';

/** Briefing prose, reflowed to the width (authors wrap by hand at their own width). */
function Prose({ text, width }: { text: string; width: number }) {
  return (
    <Box flexDirection="column">
      {wrapText(joinHardWraps(visibleControls(text.trim())), width).map((line, i) => (
        <Text key={i}>{line === '' ? ' ' : line}</Text>
      ))}
    </Box>
  );
}

export function Briefing({ scenario, team, theme, top, width }: { scenario: Scenario; team: readonly TeamMember[] | undefined; theme: Theme; top: number; width: number }) {
  const file = scenario.file;
  return (
    <Box flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden" width={width}>
      <Box flexDirection="column" marginTop={-top} flexShrink={0}>
        <Text bold color={hue(theme, 'accent')} wrap="wrap">
          {visibleLine(scenario.title)}
        </Text>
        <Text dimColor>
          {file.difficulty} · about {formatDuration(parseDuration(file.duration) ?? 0)} · scenario {visibleLine(scenario.id)} v
          {visibleLine(String(file.version))}
        </Text>
        <Prose text={file.summary} width={width} />
        <Box marginTop={1} flexDirection="column">
          <Text bold>Briefing</Text>
          <Prose text={file.briefing} width={width} />
        </Box>
        <Box marginTop={1} flexDirection="column">
          <Text bold>Roles</Text>
          {file.roles.map((r) => (
            <Box key={r.id} flexDirection="column">
              <Text>
                <Text bold>{visibleLine(r.title ?? r.id)}</Text>
                <Text dimColor> ({visibleLine(r.id)})</Text>
              </Text>
              {r.brief ? (
                <Box paddingLeft={2}>
                  <Prose text={r.brief} width={width - 2} />
                </Box>
              ) : null}
            </Box>
          ))}
        </Box>
        <Box marginTop={1} flexDirection="column">
          <Text bold>Team</Text>
          {team === undefined ? (
            <Text dimColor>Enter the team below.</Text>
          ) : team.length === 0 ? (
            <Text dimColor>No names given: answers are recorded for the team as a whole.</Text>
          ) : (
            team.map((m, i) => (
              <Text key={i}>
                {' '}
                {visibleLine(m.name)}
                {m.role ? <Text dimColor> ({visibleLine(m.role)})</Text> : null}
              </Text>
            ))
          )}
        </Box>
      </Box>
    </Box>
  );
}
