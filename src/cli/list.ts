/**
 * `drill list [dir]`: the scenarios there are, with duration and difficulty. Without a folder,
 * the built-in library and the user's own `scenarios/`, each row saying where it comes from and
 * which of the user's files stand in for a built-in one, as `drill play <id>` picks them.
 */
import { EXIT, type CommandIO } from './io.js';
import { DRILLS_FOLDER, listDrills } from './drills.js';
import { builtinScenarios, idOf, isBuiltinLibrary, LOCAL_SCENARIOS, scenarioFilesIn, userScenarios } from './scenario-arg.js';
import { loadScenarioFile, formatProblem } from '../scenario/index.js';
import { formatDuration, parseDuration } from '../conditions/duration.js';

/** A file to list, and what its FILE column says: its path, or where it comes from. */
interface Entry {
  readonly file: string;
  readonly where: string;
}

export async function listCommand(values: Record<string, string | boolean | undefined>, [dir]: string[], io: CommandIO): Promise<number> {
  if (values.drills) return listDrills(dir ?? DRILLS_FOLDER, io);
  // A folder given, or the clone's own scenarios/ (which is the built-in library): its files by path.
  const folder = dir ?? (isBuiltinLibrary(LOCAL_SCENARIOS) ? LOCAL_SCENARIOS : undefined);
  if (folder !== undefined) {
    const files = scenarioFilesIn(folder);
    if (files === undefined) {
      io.err(`${folder}: no such folder`);
      return EXIT.badInput;
    }
    return printTable(
      files.map((file) => ({ file, where: file })),
      `no scenarios in ${folder}`,
      io,
    );
  }
  const builtin = scenarioFilesIn(builtinScenarios()) ?? [];
  const builtinIds = new Set(builtin.map(idOf));
  const user = userScenarios();
  const mine = user === undefined ? [] : (scenarioFilesIn(user) ?? []);
  const mineIds = new Set(mine.map(idOf));
  const entries: Entry[] = [
    ...mine.map((file) => ({ file, where: `${file} (yours${builtinIds.has(idOf(file)) ? ', used instead of the built-in one' : ''})` })),
    ...builtin.filter((file) => !mineIds.has(idOf(file))).map((file) => ({ file, where: 'built in' })),
  ].sort((a, b) => idOf(a.file).localeCompare(idOf(b.file)));
  const code = printTable(entries, 'no scenarios', io);
  io.out('');
  io.out(`Play one with: drill play <id>. The built-in files are in ${builtinScenarios()}; copy one to ${LOCAL_SCENARIOS}/ to change it.`);
  return code;
}

function printTable(entries: readonly Entry[], empty: string, io: CommandIO): number {
  const rows: string[][] = [];
  let broken = 0;
  for (const { file, where } of entries) {
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) {
      broken++;
      io.err(formatProblem(loaded.problems[0]!) + (loaded.problems.length > 1 ? ` (+${loaded.problems.length - 1} more; run drill validate)` : ''));
      continue;
    }
    const s = loaded.scenario.file;
    rows.push([s.id, s.title, formatDuration(parseDuration(s.duration) ?? 0), s.difficulty, where]);
  }
  if (rows.length === 0) {
    io.out(empty);
    return broken ? EXIT.badInput : EXIT.ok;
  }
  const header = ['ID', 'TITLE', 'DURATION', 'DIFFICULTY', 'FILE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) io.out(row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
  return broken ? EXIT.badInput : EXIT.ok;
}
