/** `drill list [dir]`: the scenarios in a folder, with duration and difficulty. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, type CommandIO } from './io.js';
import { loadScenarioFile, formatProblem } from '../scenario/index.js';
import { formatDuration, parseDuration } from '../conditions/duration.js';

export async function listCommand(_values: unknown, [dir = 'scenarios']: string[], io: CommandIO): Promise<number> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    io.err(`${dir}: no such folder`);
    return EXIT.badInput;
  }
  const rows: string[][] = [];
  let broken = 0;
  for (const f of files) {
    const loaded = loadScenarioFile(join(dir, f));
    if (!loaded.ok) {
      broken++;
      io.err(formatProblem(loaded.problems[0]!) + (loaded.problems.length > 1 ? ` (+${loaded.problems.length - 1} more; run drill validate)` : ''));
      continue;
    }
    const s = loaded.scenario.file;
    rows.push([s.id, s.title, formatDuration(parseDuration(s.duration) ?? 0), s.difficulty, join(dir, f)]);
  }
  if (rows.length === 0) {
    io.out(`no scenarios in ${dir}`);
    return broken ? EXIT.badInput : EXIT.ok;
  }
  const header = ['ID', 'TITLE', 'DURATION', 'DIFFICULTY', 'FILE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) io.out(row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
  return broken ? EXIT.badInput : EXIT.ok;
}
