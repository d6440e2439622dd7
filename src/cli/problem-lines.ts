/**
 * The lines a command prints for a file's problems. A generated scenario with a systematic mistake
 * (a misspelt key in every one of 100,000 injects) would otherwise print 100,000 lines that bury
 * the terminal and take seconds to scroll past; past the first hundred nobody reads on, so the rest
 * is one counted line. Errors come first in `problems` (sortProblems), so the cut keeps them.
 */
import { formatProblem, type Problem } from '../scenario/index.js';

/** How many problems a command prints per file before it counts the rest. */
const SHOWN_PROBLEMS = 100;

/** One line per problem, at most `limit`, then `file: … and N more (E errors, W warnings)`. */
export function problemLines(problems: readonly Problem[], limit = SHOWN_PROBLEMS): string[] {
  const lines = problems.slice(0, limit).map(formatProblem);
  const rest = problems.slice(limit);
  if (rest.length === 0) return lines;
  const errors = rest.filter((p) => p.severity === 'error').length;
  const kinds = [errors && `${errors} error${errors === 1 ? '' : 's'}`, rest.length - errors && `${rest.length - errors} warning${rest.length - errors === 1 ? '' : 's'}`]
    .filter(Boolean)
    .join(', ');
  const files = [...new Set(rest.map((p) => p.file))].join(', ');
  lines.push(`${files}: … and ${rest.length} more problems not shown (${kinds}); fix the ones above and run \`drill validate\` again`);
  return lines;
}
