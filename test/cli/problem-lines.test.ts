import { describe, expect, it } from 'vitest';
import { problemLines } from '../../src/cli/problem-lines.js';
import type { Problem } from '../../src/scenario/index.js';
import { validateCommand } from '../../src/cli/validate.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const problem = (line: number, severity: Problem['severity'] = 'error'): Problem => ({ file: 'big.yaml', line, col: 3, message: `unknown key \`titel\``, severity });

describe('problemLines', () => {
  it('prints every problem when there are few', () => {
    const lines = problemLines([problem(1), problem(2, 'warning')], 5);
    expect(lines).toEqual(['big.yaml:1:3: unknown key `titel`', 'big.yaml:2:3: warning: unknown key `titel`']);
  });

  it('prints the first ones and counts the rest by kind in one line', () => {
    const problems = [...Array.from({ length: 7 }, (_, i) => problem(i + 1)), problem(8, 'warning'), problem(9, 'warning')];
    const lines = problemLines(problems, 5);
    expect(lines).toHaveLength(6);
    expect(lines[4]).toBe('big.yaml:5:3: unknown key `titel`');
    expect(lines[5]).toBe('big.yaml: … and 4 more problems not shown (2 errors, 2 warnings); fix the ones above and run `drill validate` again');
  });

  it('keeps drill validate on a scenario with thousands of typos to a screenful', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-lines-'));
    const file = join(dir, 'typos.yaml');
    const injects = Array.from({ length: 3000 }, (_, i) => `  - id: i${i}\n    at: ${i}s\n    channel: chat\n    titel: x\n    text: hi\n`).join('');
    writeFileSync(file, `id: typos\ntitle: Typos\nsummary: s\nbriefing: b\nduration: 2h\nroles:\n  - {id: ic, title: IC}\ninjects:\n${injects}`);
    const err: string[] = [];
    const code = await validateCommand([file], { out: () => {}, err: (line) => err.push(line) });
    expect(code).toBe(1);
    expect(err).toHaveLength(101);
    expect(err[100]).toMatch(/^.*typos\.yaml: … and \d+ more problems not shown \(\d+ errors?/);
  });
});
