/**
 * The folder a drill writes into, checked before the drill starts: a drill that cannot be
 * recorded must not begin, and one drill never writes over another's journal.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_FILE } from './writer.js';

/** `drills/<scenario-id>-<YYYYMMDD-HHMMSS>` (UTC), from the drill's start time. */
export function defaultOutDir(scenarioId: string, startWall: number): string {
  const stamp = new Date(startWall).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return join('drills', `${scenarioId}-${stamp}`);
}

/** Creates the folder if needed; returns a one-line problem if it cannot hold a new journal. */
export function prepareOutDir(dir: string): string | undefined {
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) return `${dir}: exists and is not a folder; choose another --out`;
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${dir}: cannot write there (${code ?? (error as Error).message}); choose another --out`;
  }
  if (existsSync(join(dir, JOURNAL_FILE))) {
    return `${dir}: already holds a drill's journal; choose another --out, or continue that drill with --resume ${join(dir, JOURNAL_FILE)}`;
  }
  return undefined;
}
