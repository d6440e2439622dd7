#!/usr/bin/env node
// The installed `drill` command. It runs the bundles that `npm install` / `npm run build` make
// (see build.mjs), compiled with V8's code cache: the first run saves the compiled code next to
// the bundle (or in the temp folder if dist/ is read-only), and later runs start from it instead
// of compiling the whole bundle again. That is most of the start-up time left once the code is
// bundled (docs/performance.md; `npm run bench` measures it). A cache from another Node version
// is refused by V8 itself and simply written anew.
//
// `drill play` runs from dist/play.js alone, and the WebAssembly its layout engine needs starts
// compiling (on another thread) before anything else, so that it is ready when Ink asks for it.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const loaded = new Map();
const wasm = new Map();

/** dist/<name>.wasm, compiled once; the compile starts now and goes on off the main thread. */
function compileWasm(name) {
  if (!wasm.has(name)) {
    let compiled;
    try {
      compiled = WebAssembly.compile(readFileSync(join(dist, `${name}.wasm`)));
    } catch (error) {
      compiled = Promise.reject(error);
    }
    wasm.set(name, compiled);
  }
  return wasm.get(name);
}

/** Runs bundle `name` (dist/<name>.js) once and returns what it exports. */
function load(name) {
  if (!loaded.has(name)) loaded.set(name, run(name));
  return loaded.get(name);
}

async function run(name) {
  const file = join(dist, `${name}.js`);
  let source;
  try {
    // build.mjs makes the bundles ASCII-only, so latin1 reads them exactly, into a one-byte string.
    source = readFileSync(file, 'latin1');
  } catch {
    // A clone where `npm install` has not run (or `dist/` was deleted): say how to fix it.
    throw new Error(`${file} is missing: drill is not built yet; run \`npm install\` (or \`npm run build\`) in ${join(dist, '..')}`);
  }
  // Named by the content hash build.mjs wrote at the top (V8 checks only a cache's source length,
  // so a rebuilt bundle of the same length would otherwise run stale compiled code), and by the
  // file's time, for a bundle edited by hand.
  const build = /^\/\*drill-build:([0-9a-f]+)\*\//.exec(source)?.[1] ?? 'unknown';
  const key = `${name}-${build}-${Math.trunc(statSync(file).mtimeMs)}.cache`;
  const caches = [join(dist, key), join(tmpdir(), `drill-code-cache-${process.getuid?.() ?? 'user'}`, key)];
  let cachedData;
  for (const path of caches) {
    try {
      cachedData = readFileSync(path);
      break;
    } catch {
      // not there yet: this run writes it
    }
  }
  const script = new vm.Script(source, { filename: file, cachedData, importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit the cache also holds every function compiled while running, not only the top level.
    process.once('exit', () => saveCache(script, caches));
  }
  const exports = {};
  await script.runInThisContext()(createRequire(file), pathToFileURL(file).href, exports, load, compileWasm);
  return exports;
}

function saveCache(script, paths) {
  const data = script.createCachedData();
  for (const path of paths) {
    try {
      mkdirSync(join(path, '..'), { recursive: true });
      // Written whole, then renamed: two drills starting at once never read half a cache.
      writeFileSync(`${path}.${process.pid}`, data);
      renameSync(`${path}.${process.pid}`, path);
      return;
    } catch {
      // a read-only install or a full disk: try the next place; without any, drill only starts slower
      rmSync(`${path}.${process.pid}`, { force: true });
    }
  }
}

const argv = process.argv.slice(2);
if (argv[0] === 'play') compileWasm('yoga').catch(() => {}); // a failure is reported where Yoga awaits it
load(argv[0] === 'play' ? 'play' : 'drill')
  .then(({ main }) => main(argv))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      // A bug of ours, not a mistake of the user's: one line, and where to report it.
      const message = error instanceof Error ? error.message : String(error);
      const notBuilt = message.includes('drill is not built');
      process.stderr.write(notBuilt ? `drill: ${message}\n` : `drill: internal error: ${message}\n`);
      if (process.env.DRILL_DEBUG) process.stderr.write(`${error?.stack ?? ''}\n`);
      process.exitCode = notBuilt ? 1 : 70;
    },
  );
