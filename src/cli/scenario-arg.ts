/**
 * What a scenario argument names: a path, or the id of a scenario, looked up first in the current
 * folder's `scenarios/` (the user's own, which `drill new` writes) and then in the library that
 * ships with drill. So `drill play k8s-shrink` works wherever drill was installed, and a team
 * that copies a built-in scenario to change it gets its copy without having to say so.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest } from '../text/closest.js';

/** The user's scenario folder, relative to where drill runs. */
export const LOCAL_SCENARIOS = 'scenarios';

const SCENARIO_FILE = /\.ya?ml$/;
/** An unknown id's message names the ids there are, up to this many, to stay one readable line. */
const MAX_IDS_NAMED = 20;

export type ScenarioArg =
  | { readonly ok: true; readonly file: string; readonly from: 'path' | 'local' | 'builtin' }
  | { readonly ok: false; readonly message: string };

/**
 * The folder drill is installed in, the one that holds its package.json: from the sources that is
 * two folders up, from the bundles in dist/ one, so it is found by looking rather than counted.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}: drill's files are incomplete; reinstall it`);
    dir = parent;
  }
}

/** The scenario library that ships with drill. */
export function builtinScenarios(): string {
  return join(packageRoot(), 'scenarios');
}

/** The scenario files in `dir` (`.yaml` or `.yml`), sorted; undefined if it is no folder. */
export function scenarioFilesIn(dir: string): string[] | undefined {
  try {
    return readdirSync(dir)
      .filter((f) => SCENARIO_FILE.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return undefined;
  }
}

/** The id a scenario file is found by: its name without `.yaml`. */
export function idOf(file: string): string {
  return basename(file).replace(SCENARIO_FILE, '');
}

/** The user's own scenarios: `scenarios/` in the current folder, unless that is the built-in library (in a clone). */
export function userScenarios(): string | undefined {
  return isFolder(LOCAL_SCENARIOS) && !isBuiltinLibrary(LOCAL_SCENARIOS) ? LOCAL_SCENARIOS : undefined;
}

/** Whether `dir` is the library that ships with drill, as it is from the root of a clone. */
export function isBuiltinLibrary(dir: string): boolean {
  try {
    return realpathSync(dir) === realpathSync(builtinScenarios());
  } catch {
    return false;
  }
}

/**
 * A path (anything with a folder separator or a `.yaml`-like ending, or a file that exists) is
 * taken as it is, so every message names the file the user gave. Anything else is an id.
 */
export function resolveScenarioArg(arg: string): ScenarioArg {
  if (/[/\\]/.test(arg) || /\.[A-Za-z0-9]+$/.test(arg) || isFile(arg)) return { ok: true, file: arg, from: 'path' };
  const local = [`${arg}.yaml`, `${arg}.yml`].map((f) => join(LOCAL_SCENARIOS, f)).find(isFile);
  if (local) return { ok: true, file: local, from: 'local' };
  const builtin = join(builtinScenarios(), `${arg}.yaml`);
  if (isFile(builtin)) return { ok: true, file: builtin, from: 'builtin' };
  return { ok: false, message: unknownId(arg) };
}

/** `x: no scenario by that id; did you mean …? the ids are …` in one line. */
function unknownId(arg: string): string {
  const user = userScenarios();
  const mine = (user === undefined ? [] : scenarioFilesIn(user) ?? []).map(idOf);
  const builtin = (scenarioFilesIn(builtinScenarios()) ?? []).map(idOf).filter((id) => !mine.includes(id));
  const near = closest(arg, [...mine, ...builtin]);
  const guess = near === undefined ? '' : ` did you mean ${near}?`;
  const all = [...mine.map((id) => `${id} (yours)`), ...builtin];
  const ids = all.length > MAX_IDS_NAMED ? `${all.slice(0, MAX_IDS_NAMED).join(', ')}, … (drill list shows them all)` : all.join(', ');
  return `${arg}: no scenario by that id, in ${LOCAL_SCENARIOS}/ or built in;${guess} the ids are ${ids || 'none'}; or give the path of a .yaml file`;
}

/**
 * The scenario a journal was played with: the path it recorded (from here, then from the
 * journal's folder), else its id as `drill play` would find it, so that a drill played from the
 * built-in library still reports after drill was reinstalled elsewhere. A different file is
 * caught by the scenario's hash, which the journal also recorded.
 */
export function findRecordedScenario(recorded: { readonly path: string; readonly id: string }, journal: string): string | undefined {
  const paths = isAbsolute(recorded.path) ? [recorded.path] : [recorded.path, join(dirname(journal), recorded.path)];
  const byPath = paths.find(isFile);
  if (byPath) return byPath;
  const byId = resolveScenarioArg(recorded.id);
  return byId.ok && byId.from !== 'path' ? byId.file : undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // missing, unreadable, or under a file: not a scenario to pick
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
