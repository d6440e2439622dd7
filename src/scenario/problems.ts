/**
 * Problems found in a user's file: one line each, `file:line:col: message`, with the line and
 * column 1-based like every editor and compiler, so terminals and editors can jump to them.
 */
import { closest } from '../text/closest.js';

/** One thing wrong (or weak) in a file the user wrote. */
export interface Problem {
  file: string;
  line?: number;
  col?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** `file:line:col: message` (warnings as `file:line:col: warning: message`). */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.col ?? 1}`;
  const kind = p.severity === 'warning' ? 'warning: ' : '';
  // Messages quote user text, which may hold newlines; a problem must stay on one line.
  return `${where}: ${kind}${p.message.replace(/\s*[\r\n]+\s*/g, ' ')}`;
}

/** True when any problem is an error (warnings alone do not fail a file). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/**
 * Errors first, then warnings; each group by line and column; exact duplicates dropped (zod and
 * the semantic checks can both notice the same mistake).
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rank = (p: Problem): number => (p.severity === 'error' ? 0 : 1);
  const sorted = [...problems].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
  // Duplicates share a place, so only problems next to one at the same place are compared (a
  // file with a problem in each of 100,000 items would otherwise format every one of them).
  const out: Problem[] = [];
  let seenHere: Set<string> | undefined;
  for (const p of sorted) {
    const previous = out[out.length - 1];
    if (previous === undefined || !samePlace(previous, p)) {
      seenHere = undefined;
      out.push(p);
      continue;
    }
    seenHere ??= new Set([formatProblem(previous)]);
    const key = formatProblem(p);
    if (seenHere.has(key)) continue;
    seenHere.add(key);
    out.push(p);
  }
  return out;
}

/** True when two problems print the same `file:line:col:` and severity. */
function samePlace(a: Problem, b: Problem): boolean {
  if (a.severity !== b.severity || a.file !== b.file || a.line !== b.line) return false;
  return a.line === undefined || (a.col ?? 1) === (b.col ?? 1);
}

/** `; did you mean `x`?` or, when nothing is close, `; known: a, b, c` (or nothing if none). */
export function suggestion(word: string, candidates: readonly string[], knownLabel = 'known'): string {
  candidates = [...new Set(candidates)];
  const near = closest(word, candidates);
  if (near !== undefined) return `; did you mean \`${near}\`?`;
  if (candidates.length === 0) return '';
  const shown = candidates.slice(0, 12).join(', ');
  return `; ${knownLabel}: ${shown}${candidates.length > 12 ? ', …' : ''}`;
}
