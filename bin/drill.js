#!/usr/bin/env node
// The installed `drill` command. It runs the bundles that `npm install` / `npm run build` make
// (see build.mjs), compiled with V8's code cache: the first run saves the compiled code next to
// the bundle (or in the temp folder if dist/ is read-only), and later runs start from it instead
// of compiling about a megabyte of JavaScript again. That is most of the start-up time left once
// the code is bundled (issue 7; `npm run bench` measures it). A cache from another Node version
// is refused by V8 itself and simply written anew.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const loaded = new Map();

/** Runs bundle `name` (dist/<name>.js) once and returns what it exports. */
function load(name) {
  if (!loaded.has(name)) loaded.set(name, run(name));
  return loaded.get(name);
}

async function run(name) {
  const file = join(dist, `${name}.js`);
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    // A clone where `npm install` has not run (or `dist/` was deleted): say how to fix it.
    throw new Error(`${file} is missing: drill is not built yet; run \`npm install\` (or \`npm run build\`) in ${join(dist, '..')}`);
  }
  // Named by the bundle's content: V8 checks only a cache's source length, so a rebuilt bundle of
  // the same length would otherwise run stale compiled code.
  const key = `${name}-${createHash('sha1').update(source).digest('hex').slice(0, 16)}.cache`;
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
  await script.runInThisContext()(createRequire(file), pathToFileURL(file).href, exports, load);
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

load('drill')
  .then(({ main }) => main(process.argv.slice(2)))
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
