/**
 * `drill new <id> [--out FILE]`: writes a commented starter scenario (default
 * `scenarios/<id>.yaml`) that validates without warnings and plays to its end, so a new author
 * starts from something that works and changes it one step at a time.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { EXIT, type CommandIO } from './io.js';
import { starterScenario } from './new-template.js';
import { scenarioSchema } from '../scenario/index.js';
import { builtinScenarios, packageRoot } from './scenario-arg.js';

/** Where `drill schema` output is kept, relative to the folder drill runs in. */
const SCHEMA_FILE = join('docs', 'scenario.schema.json');

export async function newCommand(values: Record<string, string | boolean | undefined>, [id]: string[], io: CommandIO): Promise<number> {
  // The id rule is the format's own, so a starter can never carry an id `drill validate` refuses.
  if (!scenarioSchema.shape.id.safeParse(id).success) {
    io.err(`drill new: '${id ?? ''}' is not a valid scenario id; use letters, digits, - and _, starting with a letter or digit (e.g. disk-full)`);
    return EXIT.usage;
  }
  const file = (values.out as string | undefined) ?? join('scenarios', `${id!}.yaml`);
  // The editor hint on the first line is relative to the new file, as the YAML language server reads it.
  const schemaPath = relative(dirname(resolve(file)), resolve(SCHEMA_FILE)).split(sep).join('/');
  try {
    mkdirSync(dirname(file), { recursive: true });
    // `wx` fails if the file exists, even if it appeared after any check we could make first.
    writeFileSync(file, starterScenario(id!, schemaPath), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === 'EEXIST'
        ? `${file}: already exists, and drill new never overwrites; choose another id or --out FILE`
        : `${file}: cannot write it (${code ?? (error as Error).message}); choose another --out FILE`,
    );
    return EXIT.badInput;
  }
  io.out(`wrote ${file}`);
  io.out(`next: drill validate ${file}`);
  io.out(`then: drill run ${file} --seed 1 (headless, nobody answering), and make it yours; the guide is ${join(packageRoot(), 'docs', 'scenario-format.md')}`);
  if (values.out === undefined && existsSync(join(builtinScenarios(), `${id!}.yaml`))) {
    io.out(`note: ${id!} is also a built-in scenario; in this folder, drill play ${id!} now plays yours`);
  }
  if (!existsSync(SCHEMA_FILE)) io.out(`tip: drill schema > ${SCHEMA_FILE} gives editors completion for it (its first line points there)`);
  return EXIT.ok;
}
