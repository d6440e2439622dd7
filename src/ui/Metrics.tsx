/**
 * The world's metrics (variables marked `metric: true`): label, current value and unit, and a
 * sparkline of their recent history. Laid out in as many columns as the width allows.
 */
import { Box, Text } from 'ink';
import { visibleLine } from '../text/sanitize.js';
import { useDrill, useDrillContext } from './context.js';
import { formatValue, sparkline } from './sparkline.js';

/** The width one metric needs to be readable: label, value with unit, a short sparkline. */
const CELL_WIDTH = 38;
const VALUE_WIDTH = 9;
/** Narrow cells get a shorter sparkline, so that the label keeps room to be read. */
const sparkWidth = (cell: number) => (cell >= 56 ? 12 : 8);

/** The metric variables of a scenario, in declaration order. */
export function metricNames(world: Readonly<Record<string, { metric?: boolean }>>): string[] {
  return Object.entries(world)
    .filter(([, spec]) => spec.metric)
    .map(([name]) => name);
}

function columnsFor(width: number): number {
  return Math.max(1, Math.floor(width / CELL_WIDTH));
}

/**
 * `stacked`: each metric on two rows (label, then value and sparkline), for the narrow column
 * beside the feed, where a label would otherwise be cut to a few letters.
 */
export function Metrics({ width, stacked = false }: { width: number; stacked?: boolean }) {
  const { scenario } = useDrillContext();
  const names = metricNames(scenario.world);
  // Re-render when a shown value changes or a new history sample arrives, not on every tick.
  useDrill((s) => `${Math.floor(s.core.t / 10_000)}|${names.map((n) => formatValue(s.core.world.get(n), scenario.world[n]?.decimals)).join('|')}`);
  const core = useDrill((s) => s.core);
  if (names.length === 0) return null;
  const columns = stacked ? 1 : Math.min(columnsFor(width), names.length);
  const cell = Math.floor(width / columns);
  const rows: string[][] = [];
  for (let i = 0; i < names.length; i += columns) rows.push(names.slice(i, i + columns));
  return (
    <Box flexDirection="column" flexShrink={0} width={width}>
      {rows.map((row, r) => (
        <Box key={r} flexDirection="row">
          {row.map((name) => {
            const spec = scenario.world[name]!;
            const value = formatValue(core.world.get(name), spec.decimals);
            const unit = spec.unit ? ` ${visibleLine(spec.unit)}` : '';
            const spark = sparkline(core.history.of(name), sparkWidth(cell), spec);
            // A label too long for its cell wraps onto a second row rather than losing its end.
            // biome-ignore lint/correctness/useJsxKeyInIterable: placed inside the keyed box below, not listed.
            const label = <Text wrap="wrap">{shortLabel(spec.label ?? name)}</Text>;
            const reading = (
              // biome-ignore lint/correctness/useJsxKeyInIterable: placed inside the keyed box below, not listed.
              <Box flexShrink={0} flexDirection="row">
                <Box flexShrink={0} width={VALUE_WIDTH} justifyContent="flex-end" marginRight={1}>
                  <Text bold wrap="truncate-end">
                    {value}
                    {unit}
                  </Text>
                </Box>
                <Box flexShrink={0} width={sparkWidth(cell)}>
                  <Text>{spark}</Text>
                </Box>
              </Box>
            );
            return stacked ? (
              <Box key={name} width={cell} flexDirection="column" flexShrink={0}>
                <Box flexShrink={0}>{label}</Box>
                <Box flexShrink={0} paddingLeft={2}>
                  <Text wrap="truncate-end">
                    <Text bold>
                      {value}
                      {unit}
                    </Text>{' '}
                    {spark}
                  </Text>
                </Box>
              </Box>
            ) : (
              <Box key={name} width={cell} flexDirection="row" paddingRight={2} flexShrink={0}>
                <Box flexGrow={1} flexShrink={1} marginRight={1}>
                  {label}
                </Box>
                {reading}
              </Box>
            );
          })}
        </Box>
      ))}
    </Box>
  );
}

/** A label without its parenthesised explanation: `Ready worker nodes (about 60 …)` → `Ready worker nodes`. */
export function shortLabel(label: string): string {
  const short = label.replace(/\s*\([^)]*\)?\s*$/, '').trim();
  return visibleLine(short || label);
}
