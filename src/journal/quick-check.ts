/**
 * A fast yes-or-"ask zod" check of a parsed journal line against a zod schema. zod stays the one
 * definition of a record: this module reads the schema's definition once and compiles it into
 * plain predicates, so a journal of 180,000 records is checked without zod's per-value machinery
 * (issue lists, result objects, output copies), which cost more than reading the line.
 *
 * The predicate is deliberately conservative. `true` promises that zod would accept the value and
 * return a value deep-equal to it with the same key order (so the caller may keep the parsed JSON
 * as it is). `false` only means "not sure": the caller then runs zod itself, which gives either
 * the same data or the exact error message it always gave. A schema kind or check this compiler
 * does not know compiles to `false`, which is always safe.
 */
import type { z } from 'zod';

/** True only if zod would accept `value` and return it unchanged (same keys, same order). */
export type QuickCheck = (value: unknown) => boolean;

const never: QuickCheck = () => false;

/** Compiles `schema` into a quick check (see the module comment for what `true` promises). */
export function compileQuickCheck(schema: z.ZodType): QuickCheck {
  const def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  switch (def.type) {
    case 'string':
      return def.checks?.length ? never : (v) => typeof v === 'string';
    case 'boolean':
      return def.checks?.length ? never : (v) => typeof v === 'boolean';
    case 'number':
      return numberCheck(def);
    case 'literal': {
      const values = def.values ?? [];
      return (v) => values.includes(v as never);
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return (v) => typeof v === 'string' && values.has(v);
    }
    case 'optional':
      // Only reached for array items or record values, where an absent value cannot occur in JSON.
      return never;
    case 'array': {
      if (def.checks?.length || !def.element) return never;
      const item = compileQuickCheck(def.element);
      return (v) => Array.isArray(v) && v.every((x) => item(x));
    }
    case 'union': {
      if (def.checks?.length || !def.options) return never;
      if (def.discriminator !== undefined) return discriminated(def);
      // Without transforms, whichever option zod picks returns the value unchanged.
      const options = def.options.map(compileQuickCheck);
      return (v) => options.some((check) => check(v));
    }
    case 'record':
      return recordCheck(def);
    case 'object':
      return objectCheck(def);
    default:
      return never;
  }
}

interface ZodDef {
  type: string;
  checks?: { _zod: { def: { check: string; format?: string; value?: unknown; inclusive?: boolean } } }[];
  values?: unknown[];
  entries?: Record<string, string | number>;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
}

function numberCheck(def: ZodDef): QuickCheck {
  const tests: ((n: number) => boolean)[] = [Number.isFinite];
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'number_format' && c.format === 'safeint') tests.push(Number.isSafeInteger);
    else if (c.check === 'greater_than' && typeof c.value === 'number') {
      const min = c.value;
      tests.push(c.inclusive ? (n) => n >= min : (n) => n > min);
    } else return never;
  }
  return (v) => typeof v === 'number' && tests.every((test) => test(v));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function discriminated(def: ZodDef): QuickCheck {
  const key = def.discriminator!;
  const byTag = new Map<unknown, QuickCheck>();
  for (const option of def.options ?? []) {
    const tag = (option as unknown as { _zod: { def: ZodDef } })._zod.def.shape?.[key];
    const values = tag ? (tag as unknown as { _zod: { def: ZodDef } })._zod.def.values : undefined;
    if (values?.length !== 1) return never;
    byTag.set(values[0], compileQuickCheck(option));
  }
  return (v) => isObject(v) && (byTag.get(v[key]) ?? never)(v);
}

function recordCheck(def: ZodDef): QuickCheck {
  const keyDef = def.keyType && (def.keyType as unknown as { _zod: { def: ZodDef } })._zod.def;
  if (def.checks?.length || !keyDef || keyDef.type !== 'string' || keyDef.checks?.length || !def.valueType) return never;
  const value = compileQuickCheck(def.valueType);
  return (v) => {
    if (!isObject(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
    // zod drops a `__proto__` key from its output, so such a record is left to zod.
    for (const k in v) if (k === '__proto__' || !value(v[k])) return false;
    return true;
  };
}

/** A strict object: exactly the declared keys, in declared order (optional ones may be absent). */
function objectCheck(def: ZodDef): QuickCheck {
  const catchall = def.catchall && (def.catchall as unknown as { _zod: { def: ZodDef } })._zod.def.type;
  if (catchall !== 'never' || def.checks?.length || !def.shape) return never;
  const fields = Object.keys(def.shape).map((key) => {
    const field = (def.shape![key] as unknown as { _zod: { def: ZodDef; optin?: string; optout?: string } })._zod;
    const optional = field.def.type === 'optional';
    const inner = optional ? field.def.innerType : def.shape![key];
    return { key, optional, check: inner ? compileQuickCheck(inner) : never };
  });
  if (fields.some((f) => f.key === '__proto__')) return never;
  return (v) => {
    if (!isObject(v)) return false;
    // Walk the value's own keys in order against the declared ones: any extra, missing or
    // reordered key sends the value to zod.
    let i = 0;
    for (const k in v) {
      while (i < fields.length && fields[i]!.key !== k && fields[i]!.optional) i++;
      const field = fields[i];
      if (!field || field.key !== k || !field.check(v[k])) return false;
      i++;
    }
    while (i < fields.length && fields[i]!.optional) i++;
    return i === fields.length;
  };
}
