/**
 * The folder a drill writes into, checked before the drill starts: a drill that cannot be
 * recorded must not begin, and one drill never writes over another's journal.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { JOURNAL_FILE } from './writer.js';

/** `drills/<scenario-id>-<YYYYMMDD-HHMMSS>` (UTC), from the drill's start time. */
export function defaultOutDir(scenarioId: string, startWall: number): string {
  const stamp = new Date(startWall).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return join('drills', `${scenarioId}-${stamp}`);
}

/**
 * Creates the folder if needed; returns a one-line problem if it cannot hold a new journal. Only
 * `drill play` can continue a drill, and only one that has not finished, so only then does the
 * problem suggest `--resume`.
 */
export function prepareOutDir(dir: string, command: 'play' | 'run' = 'play'): string | undefined {
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) return `${dir}: exists and is not a folder; choose another --out`;
    makeFolders(dir);
    // Writing a file is the only honest test: permission bits say nothing to root, nor about a
    // read-only mount or a full quota.
    const probe = join(dir, `.drill-write-test-${process.pid}`);
    writeFileSync(probe, '', { flag: 'wx' });
    unlinkSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${dir}: cannot write there (${code ?? (error as Error).message}); choose another --out`;
  }
  const journal = join(dir, JOURNAL_FILE);
  if (existsSync(journal)) {
    if (command === 'run') return `${dir}: already holds a drill's journal, which is never overwritten; choose another --out, or remove that folder to run again`;
    if (hasFinished(journal)) return `${dir}: already holds a finished drill's journal; choose another --out (drill report ${journal} rebuilds its report)`;
    return `${dir}: already holds a drill's journal; choose another --out, or continue that drill with --resume ${journal}`;
  }
  return undefined;
}

/**
 * `mkdir -p`, one level at a time. Node 20's own `recursive: true` loops forever when mkdir says
 * ENOENT for a parent that exists (e.g. `--out /proc/x`); here that is an ordinary error.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (error) {
      // Made meanwhile by someone else (another drill starting): fine if it is a folder.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw error;
    }
  }
}

/** Whether the journal's last lines record the end of the debrief (read from the end: journals can be large). */
function hasFinished(journal: string): boolean {
  try {
    const size = statSync(journal).size;
    const length = Math.min(size, 4096);
    const buffer = Buffer.alloc(length);
    const fd = openSync(journal, 'r');
    try {
      readSync(fd, buffer, 0, length, size - length);
    } finally {
      closeSync(fd);
    }
    return buffer.toString('utf8').includes('"type":"drill-finished"');
  } catch {
    return false;
  }
}
