/**
 * Flag parsing for every command, on Node's own `util.parseArgs`: strict, so an unknown flag or
 * a missing value is a usage error (exit 2) rather than something silently ignored.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** e.g. `drill run <scenario> --answers <file> [--seed S]` */
  readonly usage: string;
  /** One line per flag, shown by `--help`. */
  readonly flags: readonly string[];
  readonly options: OptionSpec;
  readonly positionals: { readonly min: number; readonly max: number; readonly names: string };
}

export type Parsed = { ok: true; values: Record<string, string | boolean | undefined>; positionals: string[] } | { ok: false; message: string };

export function parseCommand(spec: CommandSpec, argv: readonly string[]): Parsed {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages go on with advice about `--` that only confuses here: keep the first sentence.
    const first = (error as Error).message.split('\n')[0]!.replace(/^TypeError \[\w+\]: /, '');
    return { ok: false, message: first.replace(/^(.*?[.'])\s+To specify.*$/, '$1') };
  }
  const { positionals } = parsed;
  if (positionals.length < spec.positionals.min) return { ok: false, message: `missing ${spec.positionals.names}` };
  if (positionals.length > spec.positionals.max) return { ok: false, message: `unexpected argument '${positionals[spec.positionals.max]}'` };
  return { ok: true, values: parsed.values as Record<string, string | boolean | undefined>, positionals };
}

export function helpText(spec: CommandSpec): string {
  const flags = spec.flags.length ? `\n\nOptions:\n${spec.flags.map((f) => `  ${f}`).join('\n')}` : '';
  return `${spec.summary}\n\nUsage: ${spec.usage}${flags}`;
}
