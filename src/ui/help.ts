/**
 * The help, drawn from the key table: the one-line help of the keys that work right now, and the
 * `?` overlay of every key of the phase.
 */
import { KEY_TABLE, type KeyBinding } from './keys.js';
import type { KeyEnv } from './model.js';

function bindingName(b: KeyBinding, env: KeyEnv): string {
  return typeof b.name === 'function' ? b.name(env) : b.name;
}

/**
 * The help line: the keys available now, in table order, as many as fit in `width`; `? help`
 * always fits, since the overlay lists the rest.
 */
export function helpLine(env: KeyEnv, width: number): string {
  const rows = KEY_TABLE.filter((b) => b.helpLine && b.phases.includes(env.phase) && b.available(env));
  const tail = rows.find((b) => b.keys === '?');
  const parts = rows.filter((b) => b !== tail).map((b) => `${b.keys} ${bindingName(b, env)}`);
  const end = tail ? ` · ${tail.keys} ${bindingName(tail, env)}` : '';
  let line = '';
  for (const part of parts) {
    const next = line ? `${line} · ${part}` : part;
    if (next.length + end.length > width) break;
    line = next;
  }
  return line ? line + end : end.slice(3);
}

/** Every row of this phase, for the `?` overlay, with whether it works right now. */
export function helpRows(env: KeyEnv): { keys: string; name: string; about: string; available: boolean }[] {
  return KEY_TABLE.filter((b) => b.phases.includes(env.phase)).map((b) => ({
    keys: b.keys,
    name: bindingName(b, env),
    about: b.about,
    available: b.available(env),
  }));
}
