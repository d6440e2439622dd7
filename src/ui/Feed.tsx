/**
 * The feed: fired injects and what the team did, newest at the bottom. Only the entries that
 * fill the screen are rendered (their heights are known, see `feed-layout.ts`), each memoised,
 * so a long drill costs no more to draw than a short one. Prose wraps; terminal output keeps its
 * lines, cut at the edge with `…`, and a block taller than the feed shows its first lines and a
 * marker (`v` shows it all).
 */
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { Box, Text, measureElement, useStdout, type DOMElement } from 'ink';
import { formatClock } from '../conditions/duration.js';
import { visibleLine } from '../text/sanitize.js';
import { useDrill, useDrillContext } from './context.js';
import type { FeedEntry, InjectEntry, LineEntry } from './feed-model.js';
import { channelHue, hue, toneHue, type Theme } from './theme.js';
import { firstToRender, INDENT, layoutEntry, stampWidth } from './feed-layout.js';

export interface FeedProps {
  /** Index of the last entry to show; undefined: the newest. */
  readonly end: number | undefined;
  /** Rows the feed had at the last layout (measured), to know how many entries can fit. */
  readonly rows: number;
  readonly onRows: (rows: number) => void;
}

export function Feed({ end, rows, onRows }: FeedProps) {
  const { store, theme } = useDrillContext();
  const count = useDrill(() => store.feed.entries.length);
  // Capped at the newest entry: records that are not entries (a checkpoint every 10 s) change no
  // entry's NOT SAVED mark, so they must not re-render the feed (and redraw the whole screen).
  const saved = useDrill((s) => Math.min(s.savedCount, (store.feed.entries.at(-1)?.seq ?? -1) + 1));
  const hinted = useDrill((s) => s.core.hintsShown.size);
  const { stdout } = useStdout();
  const [width, setWidth] = useState(stdout.columns || 80);
  const ref = useRef<DOMElement>(null);
  // The feed's size is whatever the layout leaves it; measure it after each layout.
  useLayoutEffect(() => {
    if (!ref.current) return;
    const measured = measureElement(ref.current);
    if (measured.height !== rows) onRows(measured.height);
    if (measured.width !== width && measured.width > 0) setWidth(measured.width);
  });
  const last = Math.min(end ?? count - 1, count - 1);
  const blockRows = Math.max(3, rows - 2);
  const first = firstToRender(store.feed.entries, last, Math.max(rows, 1), width, blockRows);
  const entries = store.feed.entries.slice(first, last + 1);
  const newer = count - 1 - last;
  const hints = store.core.hintsShown;
  return (
    <Box ref={ref} flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden" justifyContent="flex-end">
      {entries.length === 0 ? (
        <Box flexShrink={0}>
          <Text dimColor>Nothing has happened yet.</Text>
        </Box>
      ) : null}
      {entries.map((entry) => (
        <Entry
          key={entry.seq}
          entry={entry}
          theme={theme}
          unsaved={entry.seq >= saved}
          blockRows={blockRows}
          width={width}
          hinted={entry.kind === 'inject' && hints.has(entry.inject.id)}
          hintCount={hinted}
        />
      ))}
      {newer > 0 ? (
        // Children of the feed never shrink: Yoga would squeeze rows to nothing instead of clipping.
        <Box flexShrink={0}>
          <Text inverse>
            {' '}↓ {newer} newer {newer === 1 ? 'entry' : 'entries'} below · End: back to the newest{' '}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}

interface EntryProps {
  readonly entry: FeedEntry;
  readonly theme: Theme;
  readonly unsaved: boolean;
  readonly blockRows: number;
  readonly width: number;
  readonly hinted: boolean;
  /** Only to re-render when hints change; not drawn. */
  readonly hintCount: number;
}

const Entry = memo(function Entry(props: EntryProps) {
  return props.entry.kind === 'inject' ? <InjectView {...props} entry={props.entry} /> : <LineView {...props} entry={props.entry} />;
});

function Stamp({ t, tag, color, unsaved }: { t: number; tag: string; color: string | undefined; unsaved: boolean }) {
  return (
    <Text>
      <Text dimColor>{formatClock(t)} </Text>
      <Text bold color={color}>
        {tag}
      </Text>
      {unsaved ? <Text bold inverse> NOT SAVED </Text> : null}
    </Text>
  );
}

function LineView({ entry, theme, unsaved, width, blockRows }: EntryProps & { entry: LineEntry }) {
  // A hanging indent: the text starts after the stamp, and so do its continuation lines.
  const [first = '', ...rest] = layoutEntry(entry, width, blockRows).lines;
  const indent = ' '.repeat(stampWidth(entry.tag));
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text wrap="truncate-end">
        <Stamp t={entry.t} tag={entry.tag} color={hue(theme, toneHue(entry.tone))} unsaved={unsaved} /> {first}
      </Text>
      {rest.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {indent}
          {line}
        </Text>
      ))}
    </Box>
  );
}

function InjectView({ entry, theme, unsaved, blockRows, hinted, width }: EntryProps & { entry: InjectEntry }) {
  const { inject } = entry;
  const heading = [inject.from, inject.title].filter(Boolean).map((s) => visibleLine(s!)).join(' · ');
  const { lines, hidden } = layoutEntry(entry, width, blockRows);
  const terminal = inject.channel === 'terminal';
  return (
    <Box flexDirection="column" flexShrink={0} marginTop={1}>
      <Text wrap="truncate-end">
        <Stamp t={entry.t} tag={inject.channel.toUpperCase()} color={hue(theme, channelHue(inject.channel))} unsaved={unsaved} />{' '}
        <Text bold>{heading}</Text>
        {hinted ? <Text dimColor> (hint shown)</Text> : null}
      </Text>
      <Box flexDirection="column" paddingLeft={INDENT}>
        {lines.map((line, i) => (
          // Terminal output is never reflowed: one row per line, cut at the edge with `…`.
          <Text key={i} wrap="truncate-end">
            {terminal ? <Text dimColor>{TERMINAL_MARK}</Text> : null}
            {line === '' ? ' ' : line}
          </Text>
        ))}
        {hidden > 0 ? (
          <Text dimColor wrap="truncate-end">
            {`${TERMINAL_MARK}… ${hidden} more lines · v shows them all`}
          </Text>
        ) : null}
      </Box>
    </Box>
  );
}

/** The left edge of terminal output; ASCII on purpose (Ink measures non-ASCII text far more slowly). */
const TERMINAL_MARK = '| ';
