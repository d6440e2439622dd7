/**
 * Lookup templates: the text the world gives back when the team looks at something. Authors
 * write them in Liquid (LiquidJS, a kept library made for user-written templates), over the
 * world's variables as they are when the lookup is made. Scenario files come from strangers, so
 * the engine is sandboxed: templates live in memory only (no file system, and `include`,
 * `render` and `layout` are refused at parse time), only own properties are read, unknown
 * filters are errors, and parsing and rendering have limits. A render that still goes wrong or
 * runs long gives a marker in the text instead of an exception, so a drill never hangs on one.
 */
import type { Liquid, Template } from 'liquidjs';
import { liquidjs } from './liquid-lib.js';

export type { Template } from 'liquidjs';

/** Longest template source accepted, in characters. */
export const MAX_TEMPLATE_CHARS = 20_000;
/** Longest answer shown; a longer render is cut here, with a marker. */
export const MAX_ANSWER_CHARS = 4_000;

const REFUSED_TAGS = ['include', 'render', 'layout'] as const;

let engine: Liquid | undefined;

/** The one sandboxed engine, made when the first template is parsed. */
function liquid(): Liquid {
  if (engine) return engine;
  const made = new (liquidjs().Liquid)({
    // An empty in-memory template map: nothing is ever read from disk.
    templates: {},
    relativeReference: false,
    ownPropertyOnly: true,
    strictFilters: true,
    strictVariables: false,
    parseLimit: MAX_TEMPLATE_CHARS,
    // Render time in ms and allocations (loop ranges, string building): runaway templates stop.
    renderLimit: 1_000,
    memoryLimit: 1_000_000,
  });
  for (const name of REFUSED_TAGS) {
    made.registerTag(name, {
      parse() {
        throw new Error(`\`${name}\` is not available in lookup templates: a lookup's text is self-contained`);
      },
      render() {
        return '';
      },
    });
  }
  made.registerFilter('percent', (value: unknown, digits: unknown = 0) => `${toNumber(value).toFixed(clampDigits(digits))}%`);
  made.registerFilter('fixed', (value: unknown, digits: unknown = 0) => toNumber(value).toFixed(clampDigits(digits)));
  made.registerFilter('pad', (value: unknown, width: unknown = 0) => String(value ?? '').padEnd(clampWidth(width)));
  made.registerFilter('lpad', (value: unknown, width: unknown = 0) => String(value ?? '').padStart(clampWidth(width)));
  engine = made;
  return made;
}

function toNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

function clampDigits(digits: unknown): number {
  return Math.min(6, Math.max(0, Math.trunc(toNumber(digits))));
}

function clampWidth(width: unknown): number {
  return Math.min(200, Math.max(0, Math.trunc(toNumber(width))));
}

/** A template problem at a 0-based offset into the template source. */
export interface TemplateProblem {
  readonly offset: number;
  readonly message: string;
}

export type ParsedTemplate = { ok: true; template: Template[] } | { ok: false; problem: TemplateProblem };

/** Parses a template; a syntax error comes back with where it is. */
export function parseTemplate(source: string): ParsedTemplate {
  if (source.length > MAX_TEMPLATE_CHARS) {
    return { ok: false, problem: { offset: 0, message: `the text is ${source.length} characters long; a lookup's template may have at most ${MAX_TEMPLATE_CHARS}` } };
  }
  try {
    return { ok: true, template: liquid().parse(source) };
  } catch (error) {
    return { ok: false, problem: problemOf(error, source) };
  }
}

/**
 * The variables a template reads that it does not assign itself, each with where it is read,
 * for the load-time check against the scenario's world.
 */
export function templateGlobals(template: Template[], source: string): { name: string; offset: number }[] {
  const globals = liquid().analyzeSync(template, { partials: false }).globals;
  const out: { name: string; offset: number }[] = [];
  for (const [name, uses] of Object.entries(globals)) {
    for (const use of uses) out.push({ name, offset: offsetOf(source, use.location.row, use.location.col) });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** What a render gives: the text, or a marker saying why it stopped. */
export interface Rendered {
  readonly text: string;
  /** Set when the render failed or was cut: what went wrong, for `drill validate`. */
  readonly problem?: string;
}

/**
 * Renders a parsed template over `values` (the world at the moment of the lookup). Never
 * throws: an error becomes a marker line, and a text longer than `MAX_ANSWER_CHARS` is cut.
 */
export function renderTemplate(template: Template[], values: Readonly<Record<string, number | boolean>>): Rendered {
  let text: string;
  try {
    // A scope with no prototype: a template cannot reach Object's methods by name.
    const scope = Object.assign(Object.create(null) as Record<string, unknown>, values);
    text = String(liquid().renderSync(template, scope));
  } catch (error) {
    const message = cleanMessage(error);
    return { text: `[this lookup could not be shown: ${message}]`, problem: message };
  }
  if (text.length <= MAX_ANSWER_CHARS) return { text };
  const problem = `it renders to ${text.length} characters, more than the ${MAX_ANSWER_CHARS} shown`;
  return { text: `${text.slice(0, MAX_ANSWER_CHARS)}\n[… cut: ${problem}]`, problem };
}

function problemOf(error: unknown, source: string): TemplateProblem {
  const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
  const position = token?.getPosition?.();
  const offset = position ? offsetOf(source, position[0], position[1]) : 0;
  return { offset, message: cleanMessage(error) };
}

/** LiquidJS appends `, line:1, col:2` (drill says where itself) and may prefix the error's kind. */
function cleanMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, line:\d+, col:\d+$/, '').replace(/^Error: /, '');
}

/** The 0-based offset of a 1-based row and column in `source`. */
function offsetOf(source: string, row: number, col: number): number {
  let offset = 0;
  for (let r = 1; r < row; r++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return Math.min(source.length, offset + Math.max(0, col - 1));
}
