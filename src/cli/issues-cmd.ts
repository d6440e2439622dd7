/**
 * `drill report <journal> --format issues --output DIR`: the follow-up actions as one Markdown
 * file each, ready for an issue tracker. The folder is made if needed; a file already there is
 * never overwritten without --force.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, type CommandIO } from './io.js';
import type { Report } from '../report/report-schema.js';
import { renderIssues } from '../report/issues.js';
import { writePieces } from '../report/write.js';
import { shellWord } from '../report/escape.js';

export function writeIssues(report: Report, dir: string, force: boolean, io: CommandIO): number {
  const files = renderIssues(report);
  if (files.length === 0) {
    io.out('no follow-up actions were recorded, so there are no issues to write');
    return EXIT.ok;
  }
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`${dir}: cannot write the issues here (${code ?? (error as Error).message}); choose another --output folder`);
    return EXIT.badInput;
  }
  for (const file of files) {
    const path = join(dir, file.name);
    try {
      writePieces(path, [file.text], force ? 'w' : 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.err(
        code === 'EEXIST'
          ? `${path}: already exists; pass --force to overwrite it, or choose another --output folder`
          : `${path}: cannot write the issue (${code ?? (error as Error).message}); choose another --output folder`,
      );
      return EXIT.badInput;
    }
  }
  io.out(`wrote ${files.length} ${files.length === 1 ? 'issue' : 'issues'} to ${dir}; each file's first line is its title:`);
  io.out(`  for f in ${shellWord(dir)}/*.md; do gh issue create --title "$(head -n 1 "$f")" --body "$(tail -n +3 "$f")"; done`);
  return EXIT.ok;
}
