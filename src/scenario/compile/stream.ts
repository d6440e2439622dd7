/**
 * Loading a big scenario item by item: each inject, decision and action of a top-level block list
 * is validated on its own with the schema's own item schema and compiled the moment it is read,
 * and its plain data is then garbage. The whole file's plain value, zod's copy of it and the
 * compiled scenario were all alive at once before; for 100,000 injects that was most of the peak
 * memory. It is only a shortcut for files without schema problems: at the first item or header
 * that does not validate, the caller reads the whole file again the ordinary way, so that every
 * message (and its line and column) is exactly what the whole-file path gives.
 */
import type { ListSinks } from '../source/plain-yaml.js';
import { triggerSpecProblems } from '../checks/checks.js';
import { ItemCompiler } from './items.js';
import type { Problem } from '../problems.js';
import { actionSchema, decisionSchema, injectSchema, scenarioSchema, type ScenarioFile } from '../validate/schema.js';
import type { Action, Decision, Inject } from '../types.js';
import type { YamlFile } from '../source/yaml-source.js';

type ListKey = 'injects' | 'decisions' | 'actions';
const LIST_KEYS: readonly ListKey[] = ['injects', 'decisions', 'actions'];

/** Files this long are validated by zod's compiled parsers, as in `validateWith` (which see). */
const JIT_FROM_CHARS = 128 * 1024;

/** The scenario schema without the lists that were read item by item, one per combination. */
const headerSchemas = new Map<string, z.ZodType>();

import type { z } from 'zod';

function headerSchema(streamed: readonly ListKey[]): z.ZodType {
  const key = streamed.join(',');
  let schema = headerSchemas.get(key);
  if (schema === undefined) {
    schema = scenarioSchema.omit(Object.fromEntries(streamed.map((k) => [k, true])) as Partial<Record<ListKey, true>>);
    headerSchemas.set(key, schema);
  }
  return schema;
}

/** What reading a file through `ListStream`'s sinks gave, once the whole file validated. */
export interface StreamedScenario {
  readonly compiler: ItemCompiler;
  /** The file without the lists that were read item by item (those that were not are in it). */
  readonly header: Omit<ScenarioFile, ListKey> & Partial<Pick<ScenarioFile, ListKey>>;
  readonly lists: Partial<{ injects: readonly Inject[]; decisions: readonly Decision[]; actions: readonly Action[] }>;
  readonly triggerProblems: Problem[];
}

/** The sinks for `readPlainYaml`, and what they were given. */
export class ListStream {
  private compiler: ItemCompiler | undefined;
  private failed = false;
  private jitless = true;
  /** zod's options, one object for every item. */
  private parseOptions = { jitless: true };
  private readonly compiled: Partial<Record<ListKey, unknown[]>> = {};
  private readonly triggerProblems: Problem[] = [];

  /** The sinks, for the file being read (which is asked for positions only on a problem). */
  sinks(yaml: YamlFile): ListSinks {
    this.compiler = new ItemCompiler(yaml);
    this.jitless = yaml.text.length < JIT_FROM_CHARS;
    this.parseOptions = { jitless: this.jitless };
    const compiler = this.compiler;
    return (key) => {
      if (key === 'injects') return this.sink(key, (item, i) => {
        const spec = injectSchema.safeParse(item, this.parseOptions);
        if (!spec.success) return undefined;
        const plain = item as ScenarioFile['injects'][number];
        this.noteTriggers(triggerSpecProblems(plain, i, 'inject', yaml));
        return compiler.inject(plain, i);
      });
      if (key === 'decisions') return this.sink(key, (item, i) => {
        const spec = decisionSchema.safeParse(item, this.parseOptions);
        if (!spec.success) return undefined;
        const plain = item as ScenarioFile['decisions'][number];
        this.noteTriggers(triggerSpecProblems(plain, i, 'decision', yaml));
        return compiler.decision(plain, i);
      });
      if (key === 'actions') return this.sink(key, (item, i) => (actionSchema.safeParse(item, this.parseOptions).success ? compiler.action(item as ScenarioFile['actions'][number], i) : undefined));
      return undefined;
    };
  }

  /**
   * The items compiled and the rest of the file validated, or undefined if anything failed the
   * schema (or the file was read another way), and the whole file must be checked instead.
   * The lists are compiled from the YAML value, not from zod's copy: they are equal, since no
   * field of an inject, decision or action has a default or a transform.
   */
  finish(yaml: YamlFile): StreamedScenario | undefined {
    if (this.failed || this.compiler === undefined) return undefined;
    // A block list has an item: a key whose sink was never called had some other value, kept in `value`.
    const streamed = LIST_KEYS.filter((key) => (this.compiled[key]?.length ?? 0) > 0);
    const { injects: _i, decisions: _d, actions: _a, ...rest } = yaml.value;
    const root = { ...rest };
    for (const key of LIST_KEYS) if (!streamed.includes(key) && Object.hasOwn(yaml.value, key)) root[key] = yaml.value[key];
    const valid = headerSchema(streamed).safeParse(root, this.parseOptions);
    if (!valid.success) return undefined;
    const lists = Object.fromEntries(streamed.map((key) => [key, Object.freeze(this.compiled[key]!)]));
    return { compiler: this.compiler, header: valid.data as StreamedScenario['header'], lists, triggerProblems: this.triggerProblems };
  }

  private noteTriggers(problems: readonly Problem[]): void {
    if (problems.length > 0) this.triggerProblems.push(...problems);
  }

  private sink(key: ListKey, compile: (item: unknown, index: number) => unknown): (item: unknown, index: number) => void {
    const out: unknown[] = (this.compiled[key] = []);
    return (item, index) => {
      if (this.failed) return;
      try {
        const compiled = compile(item, index);
        if (compiled === undefined) this.failed = true;
        else out.push(compiled);
      } catch {
        // A position asked for in a file that turns out not to be plain YAML: the caller reads it
        // the ordinary way, where whatever this was is found again.
        this.failed = true;
      }
    };
  }
}
