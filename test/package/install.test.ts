/**
 * The package as a user gets it. A copy of the repository without dist/ is packed with npm (so
 * `prepack` has to build it), the tarball is installed with npm into a temporary prefix, offline
 * (it must need nothing from the registry), and the installed `drill` runs from a folder that has
 * nothing to do with the repository.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = process.cwd();
const NPM = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
const BUILTIN_IDS = ['k8s-shrink', 'latency-slo', 'leaked-credential', 'slow-third-party', 'thundering-herd', 'zone-loss'];
/** Not copied into the folder that is packed: what a fresh clone does not have, and what is not ours. */
const NOT_IN_A_CLONE = new Set(['node_modules', '.git', 'dist', 'drills', '.scratch', join('bench', '.work')]);

interface Packed {
  readonly filename: string;
  readonly size: number;
  readonly entryCount: number;
  readonly files: readonly { path: string }[];
}

/** npm with none of the npm_* settings of an `npm test` that may be running this, and its own cache. */
function npm(args: string[], cwd: string, cache: string): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  Object.assign(env, { npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' });
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 170_000 });
}

function succeeded(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} failed (${result.status ?? result.signal}):\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

describe.skipIf(!NPM)(NPM ? 'the package, packed and installed with npm' : 'the package, packed and installed (skipped: npm is not on the PATH)', () => {
  const root = mkdtempSync(join(tmpdir(), 'drill-package-'));
  const prefix = join(root, 'prefix');
  const work = join(root, 'somewhere-else');
  let packed: Packed;
  let installed: string;

  beforeAll(() => {
    const clone = join(root, 'clone');
    cpSync(REPO, clone, { recursive: true, filter: (source) => !NOT_IN_A_CLONE.has(relative(REPO, source)) });
    symlinkSync(join(REPO, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const cache = join(root, 'npm-cache');
    const out = succeeded(npm(['pack', '--json', '--pack-destination', root], clone, cache), 'npm pack');
    // The build's own lines come before npm's JSON on stdout.
    packed = (JSON.parse(out.slice(out.search(/^\[/m))) as Packed[])[0]!;
    succeeded(npm(['install', '--global', '--prefix', prefix, '--offline', join(root, packed.filename)], root, cache), 'npm install --global');
    installed = join(prefix, 'lib', 'node_modules', 'drill-gameday');
    mkdirSync(work);
  }, 180_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** The installed `drill`, run in the unrelated folder. */
  function drill(...args: string[]): SpawnSyncReturns<string> {
    return spawnSync(join(prefix, 'bin', 'drill'), args, { cwd: work, encoding: 'utf8', timeout: 60_000 });
  }

  it('holds what a user runs and nothing else, in under 1 MB', () => {
    const paths = packed.files.map((f) => f.path).sort();
    expect(paths).toEqual(
      [
        'README.md',
        'package.json',
        'bin/drill.js',
        'dist/drill.js',
        'dist/liquid.cjs',
        'dist/play.js',
        'dist/yoga.wasm',
        'docs/report.schema.json',
        'docs/scenario-format.md',
        'docs/scenario.schema.json',
        ...BUILTIN_IDS.map((id) => `scenarios/${id}.yaml`),
      ].sort(),
    );
    expect(packed.entryCount).toBe(paths.length);
    expect(statSync(join(root, packed.filename)).size).toBeLessThan(1_000_000);
    expect(packed.size).toBeLessThan(1_000_000);
  });

  it('installs without fetching anything: no runtime dependencies, nothing under node_modules', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('drill-gameday');
    expect(manifest.bin).toEqual({ drill: 'bin/drill.js' });
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  it('prints its version', () => {
    const result = drill('--version');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version}\n`);
    expect(result.status).toBe(0);
  });

  it('lists the six built-in scenarios', () => {
    const result = drill('list');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => / built in$/.test(line));
    expect(rows.map((row) => row.split(' ')[0])).toEqual(BUILTIN_IDS);
    expect(result.stdout).toContain(`The built-in files are in ${join(installed, 'scenarios')};`);
  });

  it('validates a built-in scenario by its id', () => {
    const result = drill('validate', 'zone-loss');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^${join(installed, 'scenarios', 'zone-loss.yaml')}: ok \\(zone-loss, \\d+ injects`));
    expect(result.status).toBe(0);
  });

  it('runs k8s-shrink with an answers file, writing the journal and reports under drills/ here', () => {
    copyFileSync(join(REPO, 'test', 'answers', 'k8s-shrink.rollback.yaml'), join(work, 'answers.yaml'));
    const result = drill('run', 'k8s-shrink', '--answers', 'answers.yaml', '--seed', '1', '--start', '2026-01-15T14:00:00Z');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = join('drills', 'k8s-shrink-20260115-140000');
    expect(result.stdout).toBe(
      `k8s-shrink: drill ended by condition at T+48:00 (seed 1); wrote ${[join(out, 'journal.jsonl'), join(out, 'report.md'), join(out, 'report.json')].join(', ')}\n`,
    );
    expect(readdirSync(join(work, out)).sort()).toEqual(['journal.jsonl', 'report.json', 'report.md']);
    expect(readFileSync(join(work, out, 'report.md'), 'utf8')).toMatch(/^# Shrink by 20%, or to 20\? — practice post-mortem/);
  });

  it('starts drill play (Ink and its WebAssembly load) and, with no terminal, says to use drill run', () => {
    const result = drill('play', 'k8s-shrink');
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'drill play: needs an interactive terminal (input is not a terminal). To play a scenario without a screen, in CI or a script, use: drill run k8s-shrink --answers <answers.yaml>\n',
    );
    expect(result.status).toBe(2);
  });
});
