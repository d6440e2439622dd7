/**
 * The drills played here: every journal in the default `drills/` folder, with its state (which
 * scenario, when it began, how far scenario time got, finished or not). `drill list --drills`
 * prints them, and `drill play <scenario>` offers to resume the latest unfinished one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJournalFile } from '../journal/reader.js';
import { isJournalHeld } from '../journal/lock.js';
import { JOURNAL_FILE } from '../journal/writer.js';
import { formatClock } from '../conditions/duration.js';
import { EXIT, type CommandIO } from './io.js';

/** Where `drill play` puts a drill when no `--out` is given (see `journal/outdir.ts`). */
export const DRILLS_FOLDER = 'drills';

export interface PastDrill {
  readonly journal: string;
  readonly scenarioId: string;
  /** Wall time of the drill-started record. */
  readonly started: number;
  /** Scenario time of the last record. */
  readonly lastT: number;
  readonly finished: boolean;
  /** A live drill has it open now (another terminal): not one to resume. */
  readonly inUse: boolean;
}

/** The drills in `folder`, oldest first; folders without a readable journal are left out. */
export function pastDrills(folder = DRILLS_FOLDER): PastDrill[] {
  if (!existsSync(folder)) return [];
  const drills: PastDrill[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const journal = join(folder, entry.name, JOURNAL_FILE);
    if (!existsSync(journal)) continue;
    const read = readJournalFile(journal);
    if (!read.ok) continue;
    const first = read.records[0];
    if (first?.type !== 'drill-started') continue;
    drills.push({
      journal,
      scenarioId: first.scenario.id,
      started: first.wall,
      lastT: read.records.at(-1)?.t ?? 0,
      finished: read.records.some((r) => r.type === 'drill-finished'),
      inUse: isJournalHeld(journal),
    });
  }
  return drills.sort((a, b) => a.started - b.started || a.journal.localeCompare(b.journal));
}

/** The latest unfinished drill of `scenarioId` that no live drill holds, to offer to resume. */
export function latestUnfinished(scenarioId: string, folder = DRILLS_FOLDER): PastDrill | undefined {
  return pastDrills(folder)
    .filter((d) => d.scenarioId === scenarioId && !d.finished && !d.inUse)
    .at(-1);
}

/** `drill list --drills [dir]`: one line per drill, with the command that resumes an unfinished one. */
export function listDrills(folder: string, io: CommandIO): number {
  const drills = pastDrills(folder);
  if (drills.length === 0) {
    io.out(`no drills in ${folder}/ yet; play one with: drill play <id>`);
    return EXIT.ok;
  }
  const rows = drills.map((d) => [
    d.scenarioId,
    new Date(d.started).toISOString().replace(/\.\d+Z$/, 'Z'),
    formatClock(d.lastT),
    d.finished ? 'finished' : d.inUse ? 'playing now' : 'unfinished',
    d.finished ? `drill report ${d.journal}` : d.inUse ? d.journal : `drill play --resume ${d.journal}`,
  ]);
  const header = ['SCENARIO', 'STARTED', 'REACHED', 'STATE', 'JOURNAL'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) io.out(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
  return EXIT.ok;
}
