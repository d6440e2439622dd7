import { visibleControls } from '../text/sanitize.js';

/** Where a command writes: injected so that commands are tested without a process. */
export interface CommandIO {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Control characters other than line breaks and tabs, made visible on their way to the terminal.
 * Messages quote file names and the text of scenarios, answers files and journals, any of which
 * may come from a stranger: an unknown key written as "\e]52;c;…" must not reach the clipboard.
 */
function terminalSafe(line: string): string {
  return line.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (ch) => visibleControls(ch, { tabWidth: 0 }));
}

export const processIO: CommandIO = {
  out: (line) => process.stdout.write(terminalSafe(line) + '\n'),
  err: (line) => process.stderr.write(terminalSafe(line) + '\n'),
};

/** Exit codes: 0 fine, 1 the input (a file) is wrong, 2 the command line is wrong. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;
