/**
 * `drill validate <files or ids…>`: checks scenario files (YAML, format, meaning) and prints every
 * problem as `file:line:col: message`, so editors and CI can point at each one.
 */
import { loadScenarioFile } from '../scenario/index.js';
import { problemLines } from './problem-lines.js';
import { resolveScenarioArg } from './scenario-arg.js';

/**
 * Validates each file. Problems go to `io.err`, one line each; a valid file gets one `ok` line
 * on `io.out` (with its warning count). Returns 1 if any file has an error, else 0.
 */
export async function validateCommand(files: string[], io: { out(line: string): void; err(line: string): void }): Promise<number> {
  let failed = false;
  for (const arg of files) {
    const scenarioArg = resolveScenarioArg(arg);
    if (!scenarioArg.ok) {
      failed = true;
      io.err(scenarioArg.message);
      continue;
    }
    const file = scenarioArg.file;
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) {
      failed = true;
      for (const line of problemLines(loaded.problems)) io.err(line);
      continue;
    }
    for (const line of problemLines(loaded.warnings)) io.err(line);
    const s = loaded.scenario;
    const counts = [
      plural(s.injects.length, 'inject'),
      plural(s.decisions.length, 'decision'),
      plural(s.actions.length, 'action'),
    ].join(', ');
    const warnings = loaded.warnings.length > 0 ? `; ${plural(loaded.warnings.length, 'warning')}` : '';
    io.out(`${file}: ok (${s.id}, ${counts})${warnings}`);
  }
  return failed ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
