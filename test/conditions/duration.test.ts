import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, parseDuration } from '../../src/conditions/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['4m', 240_000],
    ['1h30m', 5_400_000],
    ['2h', 7_200_000],
    ['1h2m3s', 3_723_000],
    ['1h 30m', 5_400_000],
    ['  45s ', 45_000],
    ['0s', 0],
    ['1.5s', 1_500],
    ['0.25h', 900_000],
    ['45', 45_000],
  ])('reads %j as %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it('reads a number as seconds', () => {
    expect(parseDuration(90)).toBe(90_000);
    expect(parseDuration(0.5)).toBe(500);
    expect(parseDuration(0)).toBe(0);
  });

  it.each(['', '   ', 'abc', '30m1h', '1h30', '1hh', 'm', '-5s', '5 s', '1.s', '.5s', '1h30m90', '5ms'])(
    'rejects the malformed %j',
    (input) => {
      expect(parseDuration(input)).toBeUndefined();
    },
  );

  it('rejects negative and non-finite numbers', () => {
    expect(parseDuration(-1)).toBeUndefined();
    expect(parseDuration(Number.NaN)).toBeUndefined();
    expect(parseDuration(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

describe('formatClock', () => {
  it.each([
    [0, 'T+00:00'],
    [59_999, 'T+00:59'],
    [60_000, 'T+01:00'],
    [600_000, 'T+10:00'],
    [3_599_000, 'T+59:59'],
    [3_600_000, 'T+1:00:00'],
    [3_723_000, 'T+1:02:03'],
    [36_000_000, 'T+10:00:00'],
    [-5_000, 'T-00:05'],
  ])('shows %d ms as %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [3_723_000, '1h2m3s'],
    [3_630_000, '1h30s'],
    [240_000, '4m'],
    [1_500, '1.5s'],
    [3_600_500, '1h0.5s'],
    [-90_000, '-1m30s'],
  ])('shows %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('prints every whole number of milliseconds in a form parseDuration reads back', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000 * 3_600_000 }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
    );
  });
});
