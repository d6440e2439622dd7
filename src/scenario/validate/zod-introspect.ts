/**
 * Reading zod 4 schemas for error messages: the sub-schema at a path, an object's keys, a union's
 * shapes, a field's description. Zod 4 keeps each schema's definition in `_zod.def`; only the
 * few fields read here are relied on.
 */
import { z } from 'zod';
import { durationSchema } from './schema.js';

export type Schema = z.core.$ZodType;

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  keyType?: Schema;
  options?: readonly Schema[];
  innerType?: Schema;
  in?: Schema;
  entries?: Record<string, unknown>;
}

function def(schema: Schema): Def {
  return schema._zod.def as unknown as Def;
}

/** Strips optional/default/nullable wrappers (whose descriptions are kept by `describe`). */
function unwrap(schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    const d = def(s);
    if (d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else break;
  }
  return s;
}

export function schemaAt(schema: Schema | undefined, path: readonly PropertyKey[]): Schema | undefined {
  let s = schema;
  for (const segment of path) {
    const d = s && def(unwrap(s)!);
    if (!d) return undefined;
    if (d.type === 'object') s = d.shape?.[String(segment)];
    else if (d.type === 'array') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else return undefined;
  }
  return s;
}

export function knownKeys(schema: Schema | undefined): string[] {
  const s = unwrap(schema);
  if (!s) return [];
  const d = def(s);
  if (d.type === 'object') return Object.keys(d.shape ?? {});
  const key = unwrap(d.keyType);
  if (d.type === 'record' && key && def(key).type === 'enum') return Object.keys(def(key).entries ?? {});
  return [];
}

/** An object's keys as a shape for messages, optional ones marked: `{set, to, if?}`. */
export function shapeText(schema: Schema | undefined): string {
  const s = unwrap(schema);
  const shape = s && def(s).type === 'object' ? (def(s).shape ?? {}) : {};
  return `{${Object.entries(shape)
    .map(([key, field]) => (def(field).type === 'optional' ? `${key}?` : key))
    .join(', ')}}`;
}

export function unionOptions(schema: Schema | undefined): Schema[] {
  const s = unwrap(schema);
  return s && def(s).type === 'union' ? [...(def(s).options ?? [])] : [];
}

/** The closest description on the way in: the inner schema's own (a duration's) over the field's. */
export function describe(schema: Schema | undefined): string | undefined {
  let s = schema;
  let found: string | undefined;
  for (let i = 0; s && i < 10; i++) {
    found ??= z.globalRegistry.get(s)?.description;
    const inner = def(s).innerType;
    if (!inner) break;
    s = inner;
  }
  return found;
}

export function expectedText(schema: Schema | undefined, expected: string): string {
  const inner = unwrap(schema);
  // `.describe()` clones a schema (sharing its definition), so a field's description replaces
  // the type's; the shared definition finds the type's own wording again.
  if (inner && def(inner) === def(durationSchema)) return lowerFirst(firstSentence(z.globalRegistry.get(durationSchema)?.description) ?? 'a duration');
  const options = unionOptions(schema);
  if (options.length > 0) return options.map((o) => expectedText(o, def(unwrap(o)!).type).replace('true or false', 'true/false')).join(' or ');
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list (`- item` lines, or `[a, b]`)',
    object: 'a mapping (`key: value` lines)',
    record: 'a mapping (`key: value` lines)',
  };
  return names[expected] ?? names[inner ? def(inner).type : ''] ?? `a ${expected}`;
}

export function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const sentence = text.split(/(?<=\.)\s/)[0]!.replace(/\.$/, '');
  return lowerFirst(sentence);
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
