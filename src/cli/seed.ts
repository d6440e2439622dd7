import { randomBytes } from 'node:crypto';

/** A fresh seed for a drill that was not given one; recorded in the journal, so it can be replayed. */
export function newSeed(): string {
  return randomBytes(4).toString('hex');
}
