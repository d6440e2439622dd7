/**
 * Every command's flags and help, apart from its code: `drill --help` and flag errors need only
 * these, and each command's code (and its dependencies) is imported only when it runs.
 */
import type { CommandSpec } from './args.js';
import type { CommandIO } from './io.js';

export type CommandRun = (values: Record<string, string | boolean | undefined>, positionals: string[], io: CommandIO) => Promise<number>;

const playSpec: CommandSpec = {
  name: 'play',
  summary: 'Run a drill live in the terminal: the facilitator’s screen, from briefing to debrief and report.',
  usage: 'drill play <scenario-id|file.yaml> [--seed S] [--speed X] [--team "Alex:incident-commander,Julie:ops"] [--facilitator NAME] [--out DIR] [--serve [--listen HOST:PORT]] | drill play --resume JOURNAL [--serve]',
  flags: [
    '--seed S             seed for chance injects (default: a new random seed, recorded in the journal)',
    '--speed X            scenario time per real second, 0.25 to 64 (default 1); + and - change it live',
    '--team LIST          the players, "Name:role,Name:role" (default: typed in during the briefing)',
    '--facilitator NAME   who runs the drill, for the report',
    '--out DIR            output folder (default: drills/<scenario-id>-<start>)',
    '--resume JOURNAL     continue an interrupted drill from its journal, paused, appending to it',
    '--serve              also serve a page per role and one for the room (links printed and in <out>/links.txt)',
    '--listen HOST:PORT   where to serve them (default 127.0.0.1 and a free port; 0.0.0.0:PORT for other machines)',
  ],
  options: {
    seed: { type: 'string' },
    speed: { type: 'string' },
    team: { type: 'string' },
    facilitator: { type: 'string' },
    out: { type: 'string' },
    resume: { type: 'string' },
    serve: { type: 'boolean' },
    listen: { type: 'string' },
  },
  positionals: { min: 0, max: 1, names: 'the scenario (an id, as drill list shows, or a file)' },
};

const runSpec: CommandSpec = {
  name: 'run',
  summary: 'Play a scenario headlessly, as fast as possible, taking the team’s part from an answers file.',
  usage: 'drill run <scenario-id|file.yaml> [--answers FILE] [--seed S] [--start ISO-TIME] [--out DIR]',
  flags: [
    '--answers FILE   decisions, actions, notes and debrief to play (YAML); without it every decision times out',
    '--seed S         seed for chance injects (default: a new random seed, printed)',
    '--start TIME     wall-clock start, ISO 8601 (default: now); same inputs + seed + start = same journal',
    '--out DIR        output folder (default: drills/<scenario-id>-<start>)',
  ],
  options: {
    answers: { type: 'string' },
    seed: { type: 'string' },
    start: { type: 'string' },
    out: { type: 'string' },
  },
  positionals: { min: 1, max: 1, names: 'the scenario (an id, as drill list shows, or a file)' },
};

const testSpec: CommandSpec = {
  name: 'test',
  summary: 'Play every answers file found against its scenario, in memory, and check its expect: conditions.',
  usage: 'drill test [scenario|answers file|folder…] [--reporter text|junit] [--output FILE] [--seed S]   (default: scenarios/ and test/answers/)',
  flags: [
    '--reporter R     text (default): one line per answers file; junit: also write JUnit XML to --output',
    '--output FILE    where the JUnit XML goes',
    '--seed S         seed for every file (default: the answers file’s seed:, else 1)',
  ],
  options: {
    reporter: { type: 'string' },
    output: { type: 'string' },
    seed: { type: 'string' },
  },
  positionals: { min: 0, max: Infinity, names: 'scenarios, answers files or folders' },
};

const listSpec: CommandSpec = {
  name: 'list',
  summary: 'List the scenarios: id, title, duration, difficulty; the built-in ones and yours in scenarios/.',
  usage: 'drill list [dir] [--drills]   (default: the built-in scenarios, and yours in scenarios/ if there is one; a folder: only its scenarios)',
  flags: ['--drills   the drills played here (in drills/, or dir): scenario, start, how far, finished or not, and the command to resume'],
  options: { drills: { type: 'boolean' } },
  positionals: { min: 0, max: 1, names: 'a folder' },
};

const schemaSpec: CommandSpec = {
  name: 'schema',
  summary: 'Print the JSON Schema of the scenario format (for the YAML language server in editors).',
  usage: 'drill schema > docs/scenario.schema.json',
  flags: [],
  options: {},
  positionals: { min: 0, max: 0, names: '' },
};

const validateSpec: CommandSpec = {
  name: 'validate',
  summary: 'Check scenario files: YAML, format and meaning; every problem with file:line:col.',
  usage: 'drill validate <scenario-id|file.yaml…>',
  flags: [],
  options: {},
  positionals: { min: 1, max: Infinity, names: 'one or more scenarios (ids or files)' },
};

const reportSpec: CommandSpec = {
  name: 'report',
  summary: 'Rebuild a drill’s practice post-mortem (Markdown or JSON) from its journal.',
  usage: 'drill report <journal.jsonl> [--format md|json|issues] [--output FILE|DIR] [--scenario ID|FILE] [--force]',
  flags: [
    '--format F       md (default), json, or issues (one Markdown file per follow-up, into --output DIR); --output FILE.json implies json',
    '--output FILE    write to FILE instead of printing (never over an existing file without --force); a folder for issues',
    '--scenario S     the scenario, an id or a file (default: the path the journal recorded, from here or from the journal’s folder, else its id)',
    '--force          overwrite FILE if it exists',
  ],
  options: {
    format: { type: 'string' },
    output: { type: 'string' },
    scenario: { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, names: 'the journal file' },
};

const watchSpec: CommandSpec = {
  name: 'watch',
  summary: 'Follow a drill’s journal from a second terminal, showing only what one role (or the room) may see.',
  usage: 'drill watch <journal.jsonl> [--role ROLE] [--scenario ID|FILE]   (on a terminal it follows the drill; piped, it prints what is there and exits)',
  flags: [
    '--role ROLE      the role whose view to show: its brief and the injects meant for it (default: the room’s view)',
    '--scenario S     the scenario, an id or a file (default: the one the journal recorded)',
  ],
  options: { role: { type: 'string' }, scenario: { type: 'string' } },
  positionals: { min: 1, max: 1, names: 'the journal file' },
};

const newSpec: CommandSpec = {
  name: 'new',
  summary: 'Write a commented starter scenario that validates and plays, to make your own drill from.',
  usage: 'drill new <id> [--out FILE]   (default: scenarios/<id>.yaml; never overwrites)',
  flags: ['--out FILE       where to write it (default: scenarios/<id>.yaml)'],
  options: { out: { type: 'string' } },
  positionals: { min: 1, max: 1, names: 'the new scenario’s id (letters, digits, - and _)' },
};

export const COMMANDS: readonly { spec: CommandSpec; load: () => Promise<CommandRun> }[] = [
  { spec: playSpec, load: async () => (await import('./play.js')).playCommand },
  { spec: runSpec, load: async () => (await import('./run.js')).runCommand },
  { spec: testSpec, load: async () => (await import('./test-cmd.js')).testCommand },
  {
    spec: validateSpec,
    load: async () => {
      const { validateCommand } = await import('./validate.js');
      return (_values, positionals, io) => validateCommand(positionals, io);
    },
  },
  { spec: reportSpec, load: async () => (await import('./report-cmd.js')).reportCommand },
  { spec: watchSpec, load: async () => (await import('./watch.js')).watchCommand },
  { spec: listSpec, load: async () => (await import('./list.js')).listCommand },
  { spec: newSpec, load: async () => (await import('./new.js')).newCommand },
  { spec: schemaSpec, load: async () => (await import('./schema-cmd.js')).schemaCommand },
];
