/** `drill schema`: the scenario format's JSON Schema, for editors. */
import { EXIT, type CommandIO } from './io.js';
import { scenarioJsonSchema } from '../scenario/index.js';

export async function schemaCommand(_values: unknown, _positionals: string[], io: CommandIO): Promise<number> {
  io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
  return EXIT.ok;
}
