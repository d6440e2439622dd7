/**
 * The layout: which views are on screen, and how big, for the phase, the open form or overlay,
 * and the terminal size. The root box is one row shorter than the terminal, so Ink updates it in
 * place instead of clearing the whole screen on every frame.
 */
import { Box, Text } from 'ink';
import { Line } from './Line.js';
import type { Scenario } from '../scenario/index.js';
import { visibleLine } from '../text/sanitize.js';
import { useDrill, useDrillContext } from './context.js';
import { Header } from './Header.js';
import { StatusLine } from './StatusLine.js';
import { ErrorBanner } from './ErrorBanner.js';
import { Feed } from './Feed.js';
import { Metrics, metricNames } from './Metrics.js';
import { DecisionPanel } from './DecisionPanel.js';
import { ComingUp } from './ComingUp.js';
import { TextPrompt } from './TextPrompt.js';
import { HelpLine } from './HelpLine.js';
import { HelpOverlay } from './HelpOverlay.js';
import { Briefing } from './Briefing.js';
import { Debrief } from './Debrief.js';
import { Viewer } from './Viewer.js';
import { helpLine } from './help.js';
import { asksMore, type FormState } from './forms.js';
import { hue, type Theme } from './theme.js';
import { MIN_SIZE, type TerminalSize } from './use-terminal-size.js';
import { envOf, phaseOf, type Setup, type UiState } from './model.js';
import { debriefForm, debriefStep } from './debrief-states.js';
import type { RosterModel } from './roster.js';

/** From this width on, the metrics stand in a column beside the feed instead of above it. */
const SIDE_METRICS_FROM = 120;
const SIDE_METRICS_WIDTH = 40;

interface ScreenProps {
  readonly ui: UiState;
  readonly setup: Setup;
  readonly size: TerminalSize;
  readonly onFeedRows: (rows: number) => void;
}

export function Screen({ ui, setup, size, onFeedRows }: ScreenProps) {
  const { theme, scenario } = useDrillContext();
  // Everything below reads the drill through its own selectors; this re-renders the frame only
  // when the screen state, the phase or the help line changes.
  const width = size.columns;
  const phase = useDrill(phaseOf);
  const help = useDrill((drill) => helpLine(envOf({ setup, drill, ui }), width));
  const writeError = useDrill((s) => s.writeError);
  const notice = useDrill((s) => s.notice);
  if (tooSmall(size)) return <TooSmall size={size} />;
  const { mode, debrief } = ui;
  const form = mode.kind === 'form' ? mode.state : phase === 'debrief' ? debriefForm(debrief) : undefined;
  const allNotices = notice ? [notice, ...ui.notices] : ui.notices;
  return (
    <Box flexDirection="column" width={width} height={size.rows - 1} overflowY="hidden">
      <Header width={width} />
      <StatusLine flash={ui.flash} width={width} />
      <ErrorBanner writeError={writeError} notices={allNotices} theme={theme} width={width} />
      {mode.kind === 'help' ? (
        <HelpOverlay setup={setup} ui={ui} width={width} />
      ) : mode.kind === 'viewer' ? (
        <ViewerFor seq={mode.seq} top={mode.top} left={mode.left} rows={size.rows - 4} width={width} />
      ) : phase === 'briefing' ? (
        <Briefing scenario={scenario} team={setup.team} theme={theme} top={ui.briefTop} width={width} />
      ) : phase === 'live' ? (
        <LiveBody ui={ui} width={width} onFeedRows={onFeedRows} feedRows={ui.feedRows} />
      ) : debrief.stage === 'written' ? (
        <Done paths={debrief.paths} error={debrief.error} theme={theme} />
      ) : (
        <Debrief step={debriefStep(debrief)} open={debrief.stage !== 'summary'} width={width} />
      )}
      {form ? <TextPrompt state={form} theme={theme} width={width} /> : null}
      {mode.kind === 'confirm' ? <Confirm what={mode.what} theme={theme} /> : null}
      <HelpLine text={debrief.stage === 'written' ? 'any key: leave drill play' : (MODE_HELP[mode.kind] ?? (form ? formHelp(form) : help))} width={width} />
    </Box>
  );
}

function LiveBody({ ui, width, feedRows, onFeedRows }: { ui: UiState; width: number; feedRows: number; onFeedRows: (rows: number) => void }) {
  const { scenario } = useDrillContext();
  const hasMetrics = metricNames(scenario.world).length > 0;
  const side = hasMetrics && width >= SIDE_METRICS_FROM;
  const feed = <Feed end={ui.feedEnd} rows={feedRows} onRows={onFeedRows} />;
  return (
    <>
      {side ? (
        <Box flexDirection="row" flexGrow={1} flexShrink={1} flexBasis={0}>
          <Box flexDirection="column" flexGrow={1} flexShrink={1} marginRight={2}>
            {feed}
          </Box>
          <Box flexDirection="column" flexShrink={0} width={SIDE_METRICS_WIDTH}>
            <Metrics width={SIDE_METRICS_WIDTH} stacked />
            <ComingUp width={SIDE_METRICS_WIDTH} />
          </Box>
        </Box>
      ) : (
        <>
          {hasMetrics ? <Metrics width={width} /> : null}
          {feed}
        </>
      )}
      <DecisionPanel focus={ui.focus} width={width} />
    </>
  );
}

function ViewerFor({ seq, top, left, rows, width }: { seq: number; top: number; left: number; rows: number; width: number }) {
  const entry = useDrill((s) => s.feed.find((e) => e.seq === seq));
  if (entry?.kind !== 'inject') return null;
  return <Viewer entry={entry} top={top} left={left} rows={rows} width={width} />;
}

function Confirm({ what, theme }: { what: 'end' | 'quit'; theme: Theme }) {
  return (
    <Box flexShrink={0}>
      <Text bold inverse color={hue(theme, 'warn')}>
        {what === 'end'
          ? ' End the drill now and go to the debrief? y: yes, any other key: no '
          : ' Leave drill play? The journal is saved; --resume continues it. y: yes, any other key: no '}
      </Text>
    </Box>
  );
}

function Done({ paths, error, theme }: { paths: readonly string[]; error: string | undefined; theme: Theme }) {
  return (
    <Box flexDirection="column" flexGrow={1} flexShrink={1}>
      <Line bold color={hue(theme, 'ok')}>
        The drill is finished. Files written:
      </Line>
      {paths.map((p) => (
        <Line key={p}> {visibleLine(p)}</Line>
      ))}
      {error ? (
        <Line color={hue(theme, 'warn')} wrap="wrap">
          ! {visibleLine(error)}
        </Line>
      ) : null}
    </Box>
  );
}

/** The help line while an overlay or a question has the keys. */
const MODE_HELP: Partial<Record<UiState['mode']['kind'], string>> = {
  help: 'any key closes the help',
  confirm: 'y: yes · any other key: no',
  viewer: '↑ ↓ ← → PgUp PgDn scroll · Esc closes',
};

function formHelp(state: FormState): string {
  const field = state.form.fields[state.index]!;
  if (field.kind === 'choice') return 'its key picks · Enter confirms · Esc cancels · Ctrl-C quits (journal saved)';
  return `typing goes into the field · Enter ${asksMore(state) ? 'next' : 'records'} · Esc cancels${field.completions?.length ? ' · Tab completes' : ''}`;
}

function tooSmall(size: TerminalSize): boolean {
  return size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;
}

function TooSmall({ size }: { size: TerminalSize }) {
  return (
    <Box flexDirection="column">
      <Text bold wrap="wrap">
        The terminal is {size.columns}×{size.rows}; drill play needs at least {MIN_SIZE.columns}×{MIN_SIZE.rows}. Make it larger: the drill is
        {' '}still recorded, and Ctrl-C leaves with the journal saved.
      </Text>
    </Box>
  );
}

/** The briefing while the team is being entered, before the drill (and its journal) exist. */
export function TeamScreen(props: { scenario: Scenario; theme: Theme; roster: RosterModel; size: TerminalSize; notices: readonly string[] }) {
  const { scenario, theme, size } = props;
  const { team, form, top } = props.roster;
  if (tooSmall(size)) return <TooSmall size={size} />;
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows - 1} overflow="hidden">
      <Box height={1} flexShrink={0} justifyContent="space-between">
        <Text bold wrap="truncate-end">
          {visibleLine(scenario.title)}
        </Text>
        <Text bold color={hue(theme, 'accent')}>
          {' '}BRIEFING
        </Text>
      </Box>
      <ErrorBanner writeError={undefined} notices={props.notices} theme={theme} width={size.columns} />
      <Briefing scenario={scenario} team={team.length ? team : undefined} theme={theme} top={top} width={size.columns} />
      {props.roster.askingToLeave ? (
        <Text inverse color={hue(theme, 'warn')} wrap="truncate-end">
          {' Leave drill play? Nothing has been recorded yet, and the team typed so far is lost. y: yes, any other key: no '}
        </Text>
      ) : (
        <TextPrompt state={form} theme={theme} width={size.columns} />
      )}
      <HelpLine text={`${formHelp(form)} · ↑ ↓ scroll the briefing · Esc leaves (asks first)`} width={size.columns} />
    </Box>
  );
}
