/**
 * The `yaml` parser's errors, reworded for someone writing a scenario by hand: what is wrong and
 * what to write instead, placed where the mistake is (an unclosed quote at its opening quote, not
 * at the end of the file).
 */
import type { YAMLError } from 'yaml';
import { indentedFirstKey, lineNumber, misalignedKey, misalignedKeyBelowValue, misalignedListItem, missingSpaceAfterColon, unclosedFlow } from './syntax-mistakes.js';

/**
 * A parser error or warning as a drill message, and the 0-based offset to report it at.
 * `contained`: the mistake stays on its line (the parser reads the next line as if it were
 * right), so errors after it are mistakes of their own.
 */
export function formatYamlError(error: YAMLError, text: string, facts: TreeFacts): { message: string; offset: number; contained?: true } {
  const offset = error.pos[0];
  const plain = lowerFirst(error.message.split('\n')[0]!.trim());
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { offset, message: 'a tab is used for indentation; YAML indents with spaces only — use spaces' };
    case 'DUPLICATE_KEY': {
      const duplicate = facts.duplicates.get(offset);
      if (!duplicate) return { offset, message: 'duplicate key; each key may appear only once in a mapping' };
      const firstLine = lineNumber(text, duplicate.firstAt);
      return {
        offset,
        message: `duplicate key \`${duplicate.key}\` (already set on line ${firstLine}); keep only one of them`,
      };
    }
    case 'MISSING_CHAR': {
      if (/quote/i.test(error.message)) {
        // An unclosed quote runs to the end of the file, where the parser notices; the
        // opening quote is where the mistake is.
        const opening = facts.quoted.filter(([start, end]) => start < offset && end >= offset).pop();
        const quote = /'/.test(error.message) ? "'" : '"';
        return {
          offset: opening?.[0] ?? offset,
          message: `this quoted string is never closed; add the closing ${quote}`,
        };
      }
      const flowEnd = /^Flow (?:map|sequence) must end with a ([}\]])/.exec(error.message);
      if (flowEnd) return unclosedFlow(text, offset, flowEnd[1] as '}' | ']', facts.flowOpenedAt.get(offset));
      if (/^Implicit map keys need to be followed by map values/.test(error.message)) {
        return missingSpaceAfterColon(text, offset) ?? { offset, message: `${plain}; check for a missing \`:\`` };
      }
      if (/^Sequence item without - indicator/.test(error.message)) {
        return misalignedListItem(text, offset) ?? misalignedKeyBelowValue(text, offset) ?? { offset, message: `${plain}; check the indentation of this line` };
      }
      return { offset, message: `${plain}; check for a missing bracket or brace` };
    }
    case 'MULTIPLE_DOCS':
      return { offset, message: 'a file holds one YAML document; remove the `---` line and what follows it, or merge them' };
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const likely = missingSpaceAfterColon(text, offset) ?? misalignedListItem(text, offset) ?? misalignedKeyBelowValue(text, offset);
      if (likely) return likely;
      return {
        offset,
        message: 'a value cannot start another `key:` on the same line; quote the value if the colon is part of the text, or put the nested mapping on its own indented lines',
        contained: true,
      };
    }
    case 'MULTILINE_IMPLICIT_KEY': {
      const likely = missingSpaceAfterColon(text, offset) ?? misalignedListItem(text, offset) ?? misalignedKeyBelowValue(text, offset);
      if (likely) return likely;
      return { offset, message: 'a key must fit on one line; check the indentation, or quote the value if it contains `: `' };
    }
    case 'BAD_INDENT': {
      const flowEnd = /^Flow (?:map|sequence) in block collection must be sufficiently indented and end with a ([}\]])/.exec(error.message);
      if (flowEnd) return unclosedFlow(text, offset, flowEnd[1] as '}' | ']', facts.flowOpenedAt.get(offset));
      const likely = /^All sequence items/.test(error.message)
        ? misalignedListItem(text, offset)
        : /^All mapping items/.test(error.message)
          ? misalignedKey(text, offset, facts.blockMapAround(offset))
          : undefined;
      return likely ?? { offset, message: `${plain}; fix the indentation (spaces, each level deeper than its parent, siblings in one column)` };
    }
    case 'BAD_DQ_ESCAPE':
      return { offset, message: `${plain}; in double quotes write \\\\ for a backslash, or use single quotes` };
    case 'BAD_ALIAS':
      return { offset, message: `${plain}; define the anchor (\`&name\`) before using it (\`*name\`)` };
    case 'TAG_RESOLVE_FAILED':
      return { offset, message: `${plain}; drill ignores tags — remove it` };
    case 'KEY_OVER_1024_CHARS':
      return { offset, message: 'a key is longer than 1024 characters; check for a missing `:` or a stray quote' };
    case 'UNEXPECTED_TOKEN': {
      const stray = /flow-(map|seq)-end token/.exec(error.message);
      if (!stray) return indentedFirstKey(text, offset) ?? { offset, message: plain };
      const [closer, opener] = stray[1] === 'map' ? ['}', '{'] : [']', '['];
      return { offset, message: `this \`${closer}\` closes nothing; remove it, or add the \`${opener}\` it belongs to` };
    }
    default:
      return { offset, message: plain };
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** What a walk over the parsed tree found: facts the parser does not report itself. */
export interface TreeFacts {
  tooDeepAt?: number;
  /** Offsets of keys that are lists or mappings (`? [a, b]`). */
  readonly complexKeys: number[];
  firstAliasAt?: number;
  /**
   * Offsets of `__proto__` keys. `toJS` makes it an own property (no pollution), but zod then
   * drops it silently from records, so a variable or answer would vanish without a word: refuse it.
   */
  readonly protoKeys: number[];
  /** Duplicate key offset → the key and the offset of its first occurrence. */
  readonly duplicates: Map<number, { key: string; firstAt: number }>;
  /** [start, end] of quoted scalars, to place "missing closing quote" at the opening quote. */
  readonly quoted: [number, number][];
  /** Flow collections (`{…}`, `[…]`): end offset → offset of the opening bracket, to place "missing `}`" there. */
  readonly flowOpenedAt: Map<number, number>;
  /** Where the innermost block mapping around `offset` starts (its first key), for "keys in one column". */
  blockMapAround(offset: number): number | undefined;
}
