/**
 * The top line: scenario title, scenario clock (T+mm:ss), state, speed, wall clock. PAUSED is a
 * word, in reverse video, so it reads across a room with or without colour.
 */
import { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { formatClock } from '../conditions/duration.js';
import { visibleLine } from '../text/sanitize.js';
import { useDrill, useDrillContext } from './context.js';
import { hue } from './theme.js';
import { phaseOf } from './model.js';
import type { TimeSource } from './clock.js';

type State = 'BRIEFING' | 'RUNNING' | 'PAUSED' | 'DEBRIEF' | 'FINISHED';

export function Header({ width }: { width: number }) {
  const { scenario, theme, store } = useDrillContext();
  const second = useDrill((s) => Math.floor(s.core.t / 1000));
  const speed = useDrill((s) => s.core.speed);
  const state = useDrill((s): State => {
    const phase = phaseOf(s);
    if (phase === 'live') return s.snapshot.matches({ live: 'paused' }) ? 'PAUSED' : 'RUNNING';
    return phase === 'briefing' ? 'BRIEFING' : phase === 'debrief' ? 'DEBRIEF' : 'FINISHED';
  });
  const wall = useWallClock(store.time);
  const paused = state === 'PAUSED';
  const stateHue = paused ? 'warn' : state === 'RUNNING' ? 'ok' : 'accent';
  return (
    <Box width={width} height={1} flexShrink={0} flexDirection="row" justifyContent="space-between">
      <Box flexShrink={1} marginRight={1}>
        <Text bold wrap="truncate-end">
          {visibleLine(scenario.title)}
        </Text>
      </Box>
      {/* One text node, not five: Ink lays out, clips and draws each node on every frame. */}
      <Box flexShrink={0}>
        <Text>
          <Text bold>{formatClock(second * 1000)}</Text>{' '}
          <Text bold inverse={paused} color={hue(theme, stateHue)}>
            {paused ? ' ‖ PAUSED ' : state === 'RUNNING' ? '▶ RUNNING' : state}
          </Text>
          {` ×${formatSpeed(speed)} `}
          <Text dimColor>{wall}</Text>
        </Text>
      </Box>
    </Box>
  );
}

function formatSpeed(speed: number): string {
  return Number.isInteger(speed) ? String(speed) : speed.toFixed(2).replace(/0+$/, '');
}

/** Local HH:MM, re-rendered once a minute (one timer a minute, not a busy loop). */
function useWallClock(time: TimeSource): string {
  const [now, setNow] = useState(() => time.wallNow());
  useEffect(() => {
    const handle = time.setTimeout(() => setNow(time.wallNow()), 60_000 - (now % 60_000) + 50);
    return () => time.clearTimeout(handle);
  }, [now, time]);
  const d = new Date(now);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
