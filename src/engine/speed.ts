/**
 * How fast scenario time may run against real time. The one definition: the engine clamps every
 * speed change to it, `drill play --speed` refuses values outside it, and the screen's + and -
 * keys stop at its ends.
 */
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 64;

/** `speed` brought within the limits. */
export function clampSpeed(speed: number): number {
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}
