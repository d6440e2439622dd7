/**
 * Copies of the flagship scenario with the characters the old hand-written reader got wrong: YAML
 * counts only the space and the tab as white space, so a no-break or ideographic space is text,
 * a `#` after one starts no comment, and a key is refused past 1024 characters. A scenario means
 * what the `yaml` package reads in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { formatProblem, loadScenarioText } from '../../../src/scenario/index.js';
import { parseYamlFile } from '../../../src/scenario/source/index.js';
import { at } from '../../helpers/problem-lines.js';
import { ROOT } from '../../hostile/drill-process.js';
import { UNICODE_SPACES } from './yaml-documents.js';

const FLAGSHIP = readFileSync(join(ROOT, 'scenarios/k8s-shrink.yaml'), 'utf8');
const TITLE = 'title: "Shrink by 20%, or to 20?"';

function edited(from: string, to: string): string {
  expect(FLAGSHIP).toContain(from);
  return FLAGSHIP.replace(from, to);
}

/** The file's value as the loader reads it, which must be what `yaml` reads. */
function readAsYamlDoes(text: string): Record<string, unknown> {
  const read = parseYamlFile(text, 'k8s-shrink.yaml');
  if (!read.ok) throw new Error(read.problems.map(formatProblem).join('\n'));
  expect(read.yaml.value).toEqual(parseDocument(text).toJS());
  return read.yaml.value;
}

function errors(text: string): string[] {
  const result = loadScenarioText(text, 'k8s-shrink.yaml');
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('no-break and other Unicode spaces are text, as YAML says', () => {
  it('`initial: 100` then a no-break space is the text "100\u00A0", which the schema refuses', () => {
    const text = edited('    initial: 100\n', '    initial: 100\u00A0\n');
    const world = readAsYamlDoes(text)['world'] as Record<string, { initial: unknown }>;
    expect(Object.values(world).map((v) => v.initial)).toContain('100\u00A0');
    expect(errors(text)).toEqual([`k8s-shrink.yaml:${at(text, 'initial: 100\u00A0', 9)}: \`initial\` must be a number or true/false, not \`100\u00A0\``]);
  });

  it('the same after a chance, a flag, and a duration written in hex', () => {
    const chance = edited('    chance: 0.4\n', '    chance: 0.4\u00A0\n');
    expect(errors(chance)).toEqual([`k8s-shrink.yaml:${at(chance, 'chance: 0.4\u00A0', 8)}: \`chance\` must be a number, not \`0.4\u00A0\``]);
    const once = edited('    once: true\n', '    once: true\u00A0\n');
    expect(errors(once)).toEqual([`k8s-shrink.yaml:${at(once, 'once: true\u00A0', 6)}: \`once\` must be true or false, not \`true\u00A0\``]);
    const limit = edited('  limit: 60m\n', '  limit: 0x1F\u00A0\n');
    expect(errors(limit)).toEqual([
      `k8s-shrink.yaml:${at(limit, 'limit: 0x1F\u00A0', 7)}: \`0x1F\u00A0\` is not a valid \`limit\`; write a duration such as 90s, 4m or 1h30m`,
    ]);
  });

  it('`title: ` then a no-break space and `# not a comment` is that text, not a comment', () => {
    const text = edited(TITLE, 'title: \u00A0# not a comment');
    expect(readAsYamlDoes(text)['title']).toBe('\u00A0# not a comment');
    const result = loadScenarioText(text, 'k8s-shrink.yaml');
    expect(result.ok && result.scenario.title).toBe('\u00A0# not a comment');
  });

  it('keeps ideographic spaces before and after a text (a paragraph indent in Japanese)', () => {
    const text = edited(TITLE, 'title: \u3000縮小\u3000');
    const result = loadScenarioText(text, 'k8s-shrink.yaml');
    expect(result.ok && result.scenario.title).toBe('\u3000縮小\u3000');
    readAsYamlDoes(text);
  });

  it('keeps every Unicode space character before, inside and after a value and a key', () => {
    for (const space of UNICODE_SPACES) {
      const text = edited(TITLE, `title: ${space}Shrink${space}by${space}\nsummary${space}: x`);
      const value = readAsYamlDoes(text);
      expect(value['title'], JSON.stringify(space)).toBe(`${space}Shrink${space}by${space}`);
      expect(Object.hasOwn(value, `summary${space}`), JSON.stringify(space)).toBe(true);
    }
  });
});

describe('a key longer than 1024 characters', () => {
  it('is refused at its line and column, as yaml refuses it, never as an internal error', () => {
    const text = edited(TITLE, `${TITLE}\n${'k'.repeat(1100)}: 1`);
    const doc = parseDocument(text);
    expect(doc.errors.map((e) => e.code)).toEqual(['KEY_OVER_1024_CHARS']);
    expect(errors(text)).toEqual([`k8s-shrink.yaml:${at(text, 'kkk')}: a key is longer than 1024 characters; check for a missing \`:\` or a stray quote`]);
  });

  it('a quoted key of 1024 characters whose `:` comes later is refused the same way', () => {
    const text = edited(TITLE, `${TITLE}\n"${'k'.repeat(1020)}"    : 1`);
    expect(parseDocument(text).errors.map((e) => e.code)).toEqual(['KEY_OVER_1024_CHARS']);
    expect(errors(text)[0]).toMatch(new RegExp(`^k8s-shrink\\.yaml:${at(text, '"kkk')}: a key is longer than 1024 characters`));
  });
});
