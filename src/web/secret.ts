/**
 * The secret in every link of a served drill: 256 random bits, new for each drill. Compared in
 * constant time, so that how long a refusal takes says nothing about how much of a guess was right.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret: 32 random bytes, URL-safe base64 (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Whether `given` is `secret`. Both are hashed first, so the comparison takes the same time
 * whatever the length or content of the guess.
 */
export function secretMatches(given: string, secret: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}
