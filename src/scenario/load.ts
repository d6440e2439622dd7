/**
 * Loading a scenario, one stage after another: the file's bytes are read into a value that
 * knows where each part was written (`source/`), checked against the schema (`validate/`),
 * compiled into the engine's frozen `Scenario` (`compile/`) and checked for meaning (`checks/`).
 * Every problem the file has is reported at once, each at its line and column: a file that fails
 * the schema is still checked for meaning on what of it can be read. Only a YAML syntax error
 * stops the later stages, since then the data cannot be trusted, and so does a list with more
 * items that fail the schema than anyone reads (see `validateScenario`). Only a scenario with no
 * errors is returned.
 */
import { checkScenario, checkUnreadConditions, fileTriggerProblems } from './checks/checks.js';
import { compileScenario } from './compile/compile.js';
import { hasErrors, sortProblems, type Problem } from './problems.js';
import { parseYamlFile, readSourceFile } from './source/index.js';
import type { Scenario } from './types.js';
import { validateScenario } from './validate/index.js';

export type LoadResult = { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; problems: Problem[] };

const EXPECTED = 'a scenario: a mapping with id:, title:, injects: and so on';

/** Reads and checks a scenario file. Never throws: an unreadable file is a problem like any other. */
export function loadScenarioFile(file: string): LoadResult {
  // Refuses folders, devices (/dev/zero never ends), named pipes and oversized files unread.
  const read = readSourceFile(file, 'a scenario .yaml file');
  if (!read.ok) return { ok: false, problems: [{ file, ...read.problem, severity: 'error' }] };
  return loadScenarioText(read.bytes, file);
}

/** Checks scenario text (or the file's bytes, which are hashed as they are). Never throws. */
export function loadScenarioText(bytes: Uint8Array | string, file: string): LoadResult {
  try {
    const read = parseYamlFile(bytes, file, EXPECTED);
    if (!read.ok) return { ok: false, problems: sortProblems(read.problems) };
    const root = read.yaml.value;
    if (!('id' in root) && ('team' in root || (typeof root['decisions'] === 'object' && !Array.isArray(root['decisions'])))) {
      // An answers file given where a scenario belongs: one line instead of a dozen unknown keys.
      const message = 'this looks like an answers file (team:, decisions: by id), not a scenario; pass it as `drill run <scenario.yaml> --answers <this file>`';
      return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: 'error' }] };
    }
    const { input, schemaProblems } = validateScenario(read.yaml);
    if (input === undefined) return { ok: false, problems: sortProblems([...read.warnings, ...schemaProblems]) };
    const compiled = compileScenario(input.file, input.yaml);
    const problems = sortProblems([
      ...read.warnings,
      ...schemaProblems,
      ...compiled.problems,
      ...checkScenario(compiled.scenario, fileTriggerProblems(input.file, input.yaml), compiled.conditions, input.yaml, input.unread),
      // The conditions of parts the schema dropped are at the file's own paths.
      ...checkUnreadConditions(compiled.scenario, input.unread, read.yaml),
    ]);
    if (hasErrors(problems)) return { ok: false, problems };
    return { ok: true, scenario: compiled.scenario, warnings: problems };
  } catch (error) {
    // A bug in drill, not in the file; still one line rather than a stack trace.
    const message = `internal error while checking this file (${String(error)}); please report it`;
    return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: 'error' }] };
  }
}
