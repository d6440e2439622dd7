/**
 * The YAML 1.2 core schema exactly as the `yaml` package resolves plain scalars, for js-yaml: the
 * same patterns in the same order (so `1_000` stays a string, `0o17` is 15, `True` is true, and
 * there are no timestamps and no `<<` merge keys), and nothing else. Quoted and block scalars are
 * always strings; explicit tags are never resolved here (a file with one is read by `yaml`).
 */
import { FAILSAFE_SCHEMA, Type } from 'js-yaml';

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Only these first characters can start a plain scalar that is not a string. */
const MAY_NOT_BE_STRING = new Set(['~', 'n', 'N', 't', 'T', 'f', 'F', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '.']);

/** What `yaml`'s core schema makes of a plain scalar: null, a boolean, a number or the string itself. */
export function resolvePlain(s: string): unknown {
  if (s !== '' && !MAY_NOT_BE_STRING.has(s[0]!)) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

// js-yaml asks a type whether it resolves a plain scalar, then has it construct the value: one
// type does both, remembering the value it found between the two calls.
let resolved: unknown;
const plainScalar = new Type('tag:yaml.org,2002:core-plain', {
  kind: 'scalar',
  resolve: (data: string) => {
    resolved = resolvePlain(data);
    return resolved !== data;
  },
  construct: () => resolved,
});

/** js-yaml's failsafe schema (strings, sequences, mappings) with the core schema's plain scalars. */
export const CORE_AS_YAML_READS_IT = FAILSAFE_SCHEMA.extend({ implicit: [plainScalar] });
