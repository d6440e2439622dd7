/**
 * Plays a scenario headlessly through the real CLI (`drill run`) into a fresh folder and reads
 * back what it wrote, for the report tests. Seed and start are fixed, so output is stable.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import type { CommandIO } from '../../src/cli/io.js';
import { readJournalFile } from '../../src/journal/reader.js';
import type { DrillRecord } from '../../src/engine/records.js';

export interface Captured extends CommandIO {
  readonly stdout: string[];
  readonly stderr: string[];
}

/** A CommandIO that keeps what a command prints. */
export function capture(): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

export interface PlayedDrill {
  readonly dir: string;
  readonly journal: string;
  readonly md: string;
  readonly json: string;
  readonly records: DrillRecord[];
  readonly io: Captured;
}

const START = '2026-01-15T14:00:00Z';

/** `drill run <scenario> --answers <answers> --seed 1 --start START --out <tmp>`, then reads its files. */
export async function playDrill(scenario: string, answers: string, seed = '1'): Promise<PlayedDrill> {
  const dir = join(mkdtempSync(join(tmpdir(), 'drill-report-')), 'out');
  const io = capture();
  const code = await main(['run', scenario, '--answers', answers, '--seed', seed, '--start', START, '--out', dir], io);
  if (code !== 0) throw new Error(`drill run exited ${code}:\n${io.stderr.join('\n')}`);
  const journal = join(dir, 'journal.jsonl');
  const read = readJournalFile(journal);
  if (!read.ok) throw new Error(read.message);
  return {
    dir,
    journal,
    md: readFileSync(join(dir, 'report.md'), 'utf8'),
    json: readFileSync(join(dir, 'report.json'), 'utf8'),
    records: read.records,
    io,
  };
}

/** The body of the first ```mermaid block of a Markdown document. */
export function mermaidBlock(md: string): string {
  const match = /^```mermaid\n([\s\S]*?)\n```$/m.exec(md);
  if (!match) throw new Error('no mermaid block in the report');
  return match[1]!;
}
