/**
 * Colour, when the terminal may have it. `NO_COLOR` (https://no-color.org) turns every colour
 * off: views then pass no colour at all, and everything colour says is also said in words
 * (PAUSED, TIMED OUT, NOT SAVED) or by position, so nothing is lost without it.
 */
import type { Channel } from '../scenario/index.js';
import type { Tone } from './feed-model.js';

export interface Theme {
  readonly color: boolean;
}

/** Colour is on unless `NO_COLOR` is set to a non-empty value. */
export function themeFromEnv(env: NodeJS.ProcessEnv = process.env): Theme {
  const noColor = env['NO_COLOR'];
  return { color: noColor === undefined || noColor === '' };
}

/** The colours views use, by meaning. */
const PALETTE = {
  accent: 'cyan',
  warn: 'yellow',
  danger: 'red',
  ok: 'green',
  muted: 'gray',
  decision: 'yellow',
  team: 'green',
  facilitator: 'cyan',
  system: 'gray',
} as const;

export type Hue = keyof typeof PALETTE;

/** The colour for `hue`, or undefined when colour is off (Ink then writes no colour codes). */
export function hue(theme: Theme, name: Hue): string | undefined {
  return theme.color ? PALETTE[name] : undefined;
}

export function toneHue(tone: Tone): Hue {
  return tone;
}

const CHANNEL_HUES: Record<Channel, Hue> = {
  page: 'danger',
  alert: 'danger',
  dashboard: 'accent',
  chat: 'ok',
  terminal: 'muted',
  email: 'accent',
  phone: 'warn',
  ticket: 'accent',
  news: 'warn',
  note: 'muted',
};

export function channelHue(channel: Channel): Hue {
  return CHANNEL_HUES[channel];
}
