/**
 * `drill validate <files…>`: checks scenario files (YAML, format, meaning) and prints every
 * problem as `file:line:col: message`, so editors and CI can point at each one.
 */
import { loadScenarioFile } from '../scenario/compile.js';
import { formatProblem } from '../scenario/problems.js';

/**
 * Validates each file. Problems go to `io.err`, one line each; a valid file gets one `ok` line
 * on `io.out` (with its warning count). Returns 1 if any file has an error, else 0.
 */
export async function validateCommand(files: string[], io: { out(line: string): void; err(line: string): void }): Promise<number> {
  let failed = false;
  for (const file of files) {
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) {
      failed = true;
      for (const problem of loaded.problems) io.err(formatProblem(problem));
      continue;
    }
    for (const warning of loaded.warnings) io.err(formatProblem(warning));
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
