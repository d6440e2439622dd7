/**
 * Durations as scenario authors write them (`90s`, `4m`, `1h30m`) and as people read them back
 * (`T+04:30` on the drill clock, `1m30s` in a report). Everything inside drill is milliseconds.
 */

const MS_PER_UNIT = { h: 3_600_000, m: 60_000, s: 1_000 } as const;

// Units in descending order, each at most once: `1h30m`, `4m 30s`. Parts may be decimals
// (`1.5s`) so that every value `formatDuration` prints can be read back.
const DURATION = /^(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s)?$/;
const SECONDS = /^\d+(?:\.\d+)?$/;

/** Parses `90s`, `4m`, `1h30m`, `2h`, or a number of seconds, into milliseconds. */
export function parseDuration(input: string | number): number | undefined {
  if (typeof input === 'number') {
    return Number.isFinite(input) && input >= 0 ? Math.round(input * 1000) : undefined;
  }
  const text = input.trim();
  if (text === '') return undefined;
  if (SECONDS.test(text)) return Math.round(Number(text) * 1000);
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const [, hours, minutes, seconds] = match;
  const ms =
    Number(hours ?? 0) * MS_PER_UNIT.h + Number(minutes ?? 0) * MS_PER_UNIT.m + Number(seconds ?? 0) * MS_PER_UNIT.s;
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/** Formats milliseconds as T+mm:ss (or T+h:mm:ss past an hour). */
export function formatClock(ms: number): string {
  if (!Number.isFinite(ms)) return 'T+--:--';
  // A clock shows whole seconds elapsed, so it floors; before zero it counts down (`T-00:05`).
  const sign = ms < 0 ? '-' : '+';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${pad2(minutes)}:${pad2(seconds)}`;
  return hours > 0 ? `T${sign}${hours}:${mmss}` : `T${sign}${mmss}`;
}

/** Formats milliseconds as a compact duration: 90000 -> "1m30s", 0 -> "0s", 3600000 -> "1h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 0) return `-${formatDuration(-ms)}`;
  const whole = Math.round(ms);
  const hours = Math.floor(whole / MS_PER_UNIT.h);
  const minutes = Math.floor((whole % MS_PER_UNIT.h) / MS_PER_UNIT.m);
  const secondsMs = whole % MS_PER_UNIT.m;
  let out = '';
  if (hours > 0) out += `${hours}h`;
  if (minutes > 0) out += `${minutes}m`;
  // Milliseconds show as a decimal of seconds (`1.5s`), which `parseDuration` reads back exactly.
  if (secondsMs > 0 || out === '') out += `${secondsMs / 1000}s`;
  return out;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
