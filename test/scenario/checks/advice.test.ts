import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textCutByComment } from '../../../src/scenario/checks/advice.js';
import type { Problem } from '../../../src/scenario/index.js';
import type { YamlFile } from '../../../src/scenario/source/index.js';

/** The warning as it was found before: each line cut out and trimmed (the reference). */
function textCutReference(text: string): Omit<Problem, 'file'>[] {
  const problems: Omit<Problem, 'file'>[] = [];
  let blockIndent = -1;
  text.split('\n').forEach((line, i) => {
    const indentOf = () => line.length - line.trimStart().length;
    if (blockIndent >= 0 && (line.trim() === '' || indentOf() > blockIndent)) return;
    blockIndent = (line.includes('|') || line.includes('>')) && /:[ \t]+[|>][-+0-9]*[ \t]*(#.*)?$/.test(line) ? indentOf() : -1;
    if (!line.includes('#') || !(line.includes(' #') || line.includes('\t#'))) return;
    const m = /^(\s*(?:- )?[A-Za-z_][\w-]*:[ \t]+)([^\s'"|>{[#&*!][^#]*?)[ \t]#(\S+)/.exec(line);
    if (!m) return;
    const col = m[1]!.length + m[2]!.length + 2;
    const message = `this text ends before \`#${m[3]}\`: a space then \`#\` starts a YAML comment; put the whole text in quotes if \`#${m[3]}\` belongs to it`;
    problems.push({ line: i + 1, col, severity: 'warning', message });
  });
  return problems;
}

describe('text cut short by a comment', () => {
  it('is found on the same lines as by cutting out every line', () => {
    const pieces = ['a: ', 'label: ', '- ', '  ', '    ', '\t', ' #', '#x', '#', '|', '>', '|-', 'x', 'Ask Dana', '"q"', '\n', '\n', '\u00a0', '\u2028', '\r', 'é'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const found = textCutByComment({ file: 'f', text } as YamlFile).map(({ file: _f, ...p }) => p);
        expect(found).toEqual(textCutReference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
