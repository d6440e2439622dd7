/**
 * Reading the answers file of a headless `drill run` (its format is `answers-schema.ts`), with the
 * same guards and positioned messages as a scenario; `checkAnswersAgainst` then checks its ids
 * against the scenario it is run with.
 */
import { sortProblems, validateWith, type Problem } from '../../scenario/index.js';
import { parseYamlFile, readSourceFile } from '../../scenario/source/index.js';
import { rememberSource } from './answers-check.js';
import { answersSchema, type Answers, type DecisionAnswer } from './answers-schema.js';

export { checkAnswersAgainst } from './answers-check.js';
export { answersSchema, type Answers, type DecisionAnswer } from './answers-schema.js';

export type AnswersResult = { ok: true; answers: Answers; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** Reads an answers file. Never throws. */
export function loadAnswersFile(file: string): AnswersResult {
  const read = readSourceFile(file, 'an answers .yaml file');
  if (!read.ok) return { ok: false, problems: [{ file, ...read.problem, severity: 'error' }] };
  return loadAnswersText(read.bytes, file);
}

/** Checks answers text (or bytes) on its own; `checkAnswersAgainst` checks it against a scenario. */
export function loadAnswersText(text: Uint8Array | string, file: string): AnswersResult {
  try {
    const read = parseYamlFile(text, file, 'an answers file: a mapping with team:, decisions: and so on');
    if (!read.ok) return { ok: false, problems: read.problems };
    const root = read.yaml.value;
    if ('id' in root && ('injects' in root || 'title' in root)) {
      // A scenario given where the answers belong: one line instead of a dozen unknown keys.
      const message = 'this looks like a scenario (id:, title:, injects:), not an answers file; pass it first: `drill run <this file> --answers <answers.yaml>`';
      return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: 'error' }] };
    }
    const valid = validateWith(answersSchema, read.yaml);
    if (!valid.ok) return { ok: false, problems: sortProblems([...valid.problems, ...read.warnings]) };
    // Decision ids index this record; without a prototype, an id like `constructor` finds nothing it should not.
    const decisions = valid.data.decisions && Object.assign(Object.create(null) as Record<string, DecisionAnswer>, valid.data.decisions);
    const answers: Answers = decisions ? { ...valid.data, decisions } : valid.data;
    rememberSource(answers, read.yaml);
    return { ok: true, answers, warnings: read.warnings };
  } catch (error) {
    const message = `internal error while checking this file (${String(error)}); please report it`;
    return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: 'error' }] };
  }
}
