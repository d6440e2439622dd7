import { describe, expect, it } from 'vitest';
import { sortProblems, type Problem } from '../../src/scenario/index.js';

const at = (line: number | undefined, col: number | undefined, message: string, severity: Problem['severity'] = 'error'): Problem => ({ file: 'f.yaml', line, col, message, severity });

describe('sortProblems', () => {
  it('puts errors first, each group by line and column, keeping the order of problems at one place', () => {
    const sorted = sortProblems([at(3, 1, 'w', 'warning'), at(9, 2, 'b'), at(2, 5, 'a'), at(9, 2, 'c'), at(9, 1, 'd')]);
    expect(sorted.map((p) => p.message)).toEqual(['a', 'd', 'b', 'c', 'w']);
  });

  it('drops exact duplicates, even with another problem at the same place between them', () => {
    const sorted = sortProblems([at(4, 2, 'x'), at(4, 2, 'y'), at(4, 2, 'x'), at(4, 2, 'x', 'warning'), at(5, 1, 'x'), at(undefined, undefined, 'z'), at(undefined, undefined, 'z')]);
    expect(sorted.map((p) => `${p.line}:${p.col}:${p.severity}:${p.message}`)).toEqual([
      'undefined:undefined:error:z',
      '4:2:error:x',
      '4:2:error:y',
      '5:1:error:x',
      '4:2:warning:x',
    ]);
  });

  it('counts a missing column as column 1, as it is printed', () => {
    expect(sortProblems([at(7, undefined, 'm'), at(7, 1, 'm')])).toHaveLength(1);
  });
});
