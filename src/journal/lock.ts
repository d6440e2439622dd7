/**
 * One drill at a time per journal. Two processes appending to one journal (a second terminal
 * running `drill play --resume` on a drill still open in the first) would interleave two histories
 * into one file that no replay can make sense of. So the writer holds `<journal>.lock` from open to
 * close: created exclusively, holding the owner's pid and host. A lock whose process is gone (kill
 * -9, a crash, a reboot) is stale, and the next drill takes it over.
 *
 * Limits, said plainly: a lock made on another host cannot be checked from here, so it is
 * honoured until someone deletes it (the message says so); and two drills taking over the same
 * stale lock in the same instant could both succeed (each removes the dead owner's file, then
 * creates its own; the second create fails only if the first has already happened).
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** The journal is held by another live drill (or one on another host). */
export class JournalInUse extends Error {
  readonly code = 'EJOURNALINUSE';
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly raw: string;
}

/** Takes the lock of `journal` or throws JournalInUse; returns the function that gives it back. */
export function lockJournal(journal: string): () => void {
  const lock = `${journal}.lock`;
  const mine = `${process.pid} ${hostname()}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lock);
      if (holder === undefined) continue; // released between our two calls: try again
      if (isAlive(holder)) {
        if (holder.pid === process.pid && holder.host === hostname()) throw new JournalInUse(`${journal}: this drill already writes that journal`);
        const who = holder.host === hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
        throw new JournalInUse(
          `${journal}: another drill (${who}) has this journal open; finish or quit it first (if that drill is really gone, delete ${lock})`,
        );
      }
      // Stale: move the dead owner's file aside (only one taker's rename can succeed) and retry.
      const aside = `${lock}.stale-${process.pid}`;
      try {
        renameSync(lock, aside);
        rmSync(aside, { force: true });
      } catch {
        // someone else took it over first; the next attempt sees their lock
      }
      continue;
    }
    try {
      writeSync(fd, mine);
    } finally {
      closeSync(fd);
    }
    return () => {
      // Only our own lock: never one a later drill took over after a false "stale".
      if (readHolder(lock)?.raw === mine) rmSync(lock, { force: true });
    };
  }
  throw new JournalInUse(`${journal}: its lock ${lock} keeps changing hands; is another drill starting on it right now?`);
}

function readHolder(lock: string): Holder | undefined {
  let raw: string;
  try {
    raw = readFileSync(lock, 'utf8');
  } catch {
    return undefined;
  }
  const [pid, host] = raw.trim().split(' ');
  // A lock cut short (a crash between create and write) names nobody: treat it as stale.
  return { pid: Number(pid) || 0, host: host ?? '', raw };
}

function isAlive(holder: Holder): boolean {
  if (holder.pid <= 0) return false;
  if (holder.host !== hostname()) return true; // cannot look at another host's processes
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but someone else's
  }
}

/** Whether a live drill (here, or one on another host) holds `journal` open now; a stale lock holds nothing. */
export function isJournalHeld(journal: string): boolean {
  const holder = readHolder(`${journal}.lock`);
  return holder !== undefined && isAlive(holder);
}
