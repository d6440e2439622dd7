// The condition language is used by the scenario and the engine, never the other way round, and
// they reach it through its one entry point.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => join(folder, name));
}

/** Each relative import of a file under src/, as a path from src/ without its extension. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/gm)].map((m) =>
    relative(SRC, resolve(SRC, dirname(file), m[1]!)).replace(/\.js$/, ''),
  );
}

describe('the condition language as a folder', () => {
  it('imports nothing outside itself but the shared text helpers', () => {
    const outside = sourceFiles('conditions').flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith('conditions/') && !target.startsWith('text/'))
        .map((target) => `${file} imports ${target}`),
    );
    expect(outside).toEqual([]);
  });

  it('is reached from the scenario and the engine only through conditions/index', () => {
    const around = [...sourceFiles('scenario'), ...sourceFiles('engine')].flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('conditions/') && target !== 'conditions/index')
        .map((target) => `${file} imports ${target}`),
    );
    expect(around).toEqual([]);
  });

  it('has no import cycle inside it', () => {
    const files = sourceFiles('conditions').map((file) => file.replace(/\.tsx?$/, ''));
    const graph = new Map(files.map((file) => [file, importsOf(`${file}.ts`).filter((target) => files.includes(target))]));
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (path.includes(file)) return void cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
      if (done.has(file)) return;
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      done.add(file);
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
