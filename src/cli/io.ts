/** Where a command writes: injected so that commands are tested without a process. */
export interface CommandIO {
  out(line: string): void;
  err(line: string): void;
}

export const processIO: CommandIO = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Exit codes: 0 fine, 1 the input (a file) is wrong, 2 the command line is wrong. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;
