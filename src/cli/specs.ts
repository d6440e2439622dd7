/**
 * Every command's flags and help, apart from its code: `drill --help` and flag errors need only
 * these, and each command's code (and its dependencies) is imported only when it runs.
 */
import type { CommandSpec } from './args.js';
import type { CommandIO } from './io.js';

export type CommandRun = (values: Record<string, string | boolean | undefined>, positionals: string[], io: CommandIO) => Promise<number>;

export const runSpec: CommandSpec = {
  name: 'run',
  summary: 'Play a scenario headlessly, as fast as possible, taking the team’s part from an answers file.',
  usage: 'drill run <scenario.yaml> [--answers FILE] [--seed S] [--start ISO-TIME] [--out DIR]',
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
  positionals: { min: 1, max: 1, names: 'the scenario file' },
};

export const listSpec: CommandSpec = {
  name: 'list',
  summary: 'List the scenarios in a folder: id, title, duration, difficulty.',
  usage: 'drill list [dir]   (default: scenarios/)',
  flags: [],
  options: {},
  positionals: { min: 0, max: 1, names: 'a folder' },
};

export const schemaSpec: CommandSpec = {
  name: 'schema',
  summary: 'Print the JSON Schema of the scenario format (for the YAML language server in editors).',
  usage: 'drill schema > docs/scenario.schema.json',
  flags: [],
  options: {},
  positionals: { min: 0, max: 0, names: '' },
};

export const validateSpec: CommandSpec = {
  name: 'validate',
  summary: 'Check scenario files: YAML, format and meaning; every problem with file:line:col.',
  usage: 'drill validate <scenario.yaml…>',
  flags: [],
  options: {},
  positionals: { min: 1, max: Infinity, names: 'one or more scenario files' },
};

export const COMMANDS: readonly { spec: CommandSpec; load: () => Promise<CommandRun> }[] = [
  { spec: runSpec, load: async () => (await import('./run.js')).runCommand },
  {
    spec: validateSpec,
    load: async () => {
      const { validateCommand } = await import('./validate.js');
      return (_values, positionals, io) => validateCommand(positionals, io);
    },
  },
  { spec: listSpec, load: async () => (await import('./list.js')).listCommand },
  { spec: schemaSpec, load: async () => (await import('./schema-cmd.js')).schemaCommand },
];
