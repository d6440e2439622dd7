/**
 * The `drill` command line: parses the command and its flags, then hands over to the command.
 * Commands are imported only when chosen, so `drill validate` never loads Ink and React.
 */
import { helpText, parseCommand } from './cli/args.js';
import { EXIT, processIO, type CommandIO } from './cli/io.js';
import { COMMANDS } from './cli/specs.js';

declare const DRILL_VERSION: string;
const version = typeof DRILL_VERSION === 'string' ? DRILL_VERSION : 'dev';

const USAGE = `drill — tabletop incident drills in the terminal, turned into practice post-mortems

Usage: drill <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.spec.name.padEnd(10)}${c.spec.summary}`).join('\n')}

Run 'drill <command> --help' for a command's options. Version ${version}.`;

export async function main(argv: readonly string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(version);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    io.err(`drill: unknown command '${name}'\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(helpText(command.spec));
    return EXIT.ok;
  }
  const parsed = parseCommand(command.spec, rest);
  if (!parsed.ok) {
    io.err(`drill ${name}: ${parsed.message}\n\n${helpText(command.spec)}`);
    return EXIT.usage;
  }
  const run = await command.load();
  return run(parsed.values, parsed.positionals, io);
}

