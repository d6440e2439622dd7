// Builds the CLI into dist/ (`npm install` and `npm run build` run this): two bundles, each one
// minified script that `bin/drill.js` compiles with V8's code cache.
//
// - dist/drill.js: the command line and every command but `play` (no Ink, no React).
// - dist/play.js: `drill play` with Ink, React and the screen, loaded only by `drill play`.
//
// Why this shape (the first frame of `drill play` well before a bare Ink app's; the targets and
// the numbers are in docs/performance.md, measured by `npm run bench`):
// - One file per command family: Node reads and compiles one file, not dozens of modules.
// - Scripts, not ES modules: Node 20 can reuse V8's compiled code only for scripts
//   (`vm.Script` with `cachedData`; `module.enableCompileCache` needs Node 22). Skipping the
//   compile is most of what is left to win once the code is bundled. The bundle is ESM-shaped
//   code wrapped in an async function, so top-level `await` (Ink's reconciler, Yoga's
//   WebAssembly) still works; Node's built-in modules come through `require`.
// - zod: `import { z } from 'zod'` makes esbuild keep all of zod (every locale), because `z` is
//   a namespace re-exported as a value; `import * as z` lets it keep only what is used.
//   The sources are rewritten that way while bundling.
// - Ink's React DevTools bridge (only with DEV=true) is left out, with the `ws` package it needs.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const BUILTINS = new Set(builtinModules);

/** Node's own modules come from the `require` the loader passes in (a script cannot `import`). */
const builtinsViaRequire = {
  name: 'builtins-via-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!BUILTINS.has(name)) return undefined;
      if (args.namespace === 'builtin') return { path: args.path, external: true };
      return { path: name, namespace: 'builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)});` }));
  },
};

/** See the top of this file: a namespace import lets esbuild drop the parts of zod drill never calls. */
const zodNamespaceImport = {
  name: 'zod-namespace-import',
  setup(b) {
    b.onLoad({ filter: /[/\\]src[/\\].*\.tsx?$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      return { contents: source.replace(/import \{ z \} from 'zod';/g, "import * as z from 'zod';"), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

const withoutInkDevtools = {
  name: 'without-ink-devtools',
  setup(b) {
    b.onResolve({ filter: /devtools\.js$/ }, (args) => (/[/\\]ink[/\\]/.test(args.importer) ? { path: 'devtools', namespace: 'empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '' }));
  },
};

/**
 * Yoga (Ink's layout engine) ships its WebAssembly as base64 inside its JavaScript and compiles it
 * while Ink's modules load, so every `drill play` start waited for that compile with nothing else
 * to do. The bytes go to dist/yoga.wasm instead: bin/drill.js starts compiling them
 * (off the main thread) before it even reads the bundle, and Yoga instantiates the compiled module
 * it is handed (`instantiateWasm` is Emscripten's hook for that). The bundle is also smaller
 * without the base64, and Yoga's `fetch` path (which would load undici) is never taken.
 */
const YOGA_BASE64 = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/;
const yogaFromLoader = {
  name: 'yoga-from-loader',
  setup(b) {
    b.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const base64 = YOGA_BASE64.exec(source)?.[1];
      if (!base64) throw new Error(`${args.path}: no base64 WebAssembly found (yoga-layout changed?); update build.mjs`);
      writeFileSync('dist/yoga.wasm', Buffer.from(base64, 'base64'));
      return { contents: source.replace(YOGA_BASE64, 'data:application/octet-stream;base64,'), loader: 'js' };
    });
    b.onLoad({ filter: /yoga-layout[/\\]dist[/\\]src[/\\]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const call = 'await loadYoga()';
      if (!source.includes(call)) throw new Error(`${args.path}: no \`${call}\` (yoga-layout changed?); update build.mjs`);
      // A failed compile rejects instead of leaving Yoga waiting for ever.
      const instantiate =
        'await new Promise((resolve, reject) => loadYoga({ instantiateWasm(imports, receive) {' +
        ' __drill_wasm("yoga").then((module) => WebAssembly.instantiate(module, imports)).then(receive, reject); return {}; } }).then(resolve, reject))';
      return { contents: source.replace(call, instantiate), loader: 'js' };
    });
  },
};

/**
 * The participant's page (src/web/assets/) is imported as text with `?raw`, as vitest reads it,
 * so that drill serves it from its own bundle and never looks for files at run time.
 */
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\?raw$/, '')), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

/**
 * LiquidJS (lookup templates) is required on first use (src/template/liquid-lib.ts) from
 * dist/liquid.cjs, its own bundle, so that commands and scenarios without lookups never load it.
 */
const liquidOnFirstUse = {
  name: 'liquid-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^\.\/liquid\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /[/\\]template[/\\]liquid-lib\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const call = "createRequire(import.meta.url)('liquidjs')";
      if (!source.includes(call)) throw new Error(`${args.path}: no \`${call}\`; update build.mjs`);
      // `require` is the bundle's own, made for dist/<bundle>.js (bin/drill.js). Before the zod
      // plugin, whose onLoad takes every file under src/ (this file imports no zod).
      return { contents: source.replace(call, "require('./liquid.cjs')"), loader: 'ts' };
    });
  },
};

/** `drill play` lives in its own bundle: the main one reaches it through the loader. */
const playFromItsOwnBundle = {
  name: 'play-from-its-own-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\/play\.js$/ }, (args) => (/[/\\]cli[/\\]specs\.ts$/.test(args.importer) ? { path: 'play', namespace: 'bundle' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'bundle' }, () => ({
      contents: 'export const playCommand = (...args) => __drill_load("play").then((bundle) => bundle.playCommand(...args));',
    }));
  },
};

/**
 * Non-ASCII characters left in the output (esbuild escapes them in strings and names, not in
 * regular expression literals) become `\uXXXX` escapes, which mean the same there. An ASCII-only
 * bundle is read as latin1 into a one-byte string: half the memory of the two-byte string a single
 * `“` would force, and decoded faster (bin/drill.js).
 */
function asciiOnly(code) {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A bundle as the body of `async (require, __drill_url, __drill_exports, __drill_load, __drill_wasm) => {…}`,
 * after a `/*drill-build:HASH*\/` comment: bin/drill.js names its code cache by that hash of the
 * content, without hashing a megabyte of JavaScript at every start.
 */
async function bundle(name, entry, plugins) {
  const result = await build({
    stdin: { contents: entry, resolveDir: '.', sourcefile: `${name}-entry.ts`, loader: 'ts' },
    outfile: `dist/${name}.js`,
    write: false,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    // DRILL_MINIFY=0 keeps names readable, for `node --cpu-prof` profiles.
    minify: process.env.DRILL_MINIFY !== '0',
    legalComments: 'none',
    define: { DRILL_VERSION: JSON.stringify(version), 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__drill_url' },
    banner: { js: '(async function (require, __drill_url, __drill_exports, __drill_load, __drill_wasm) {' },
    footer: { js: '})' },
    plugins: [builtinsViaRequire, liquidOnFirstUse, zodNamespaceImport, withoutInkDevtools, rawText, ...plugins],
    logLevel: 'warning',
  });
  const code = asciiOnly(result.outputFiles[0].text);
  const hash = createHash('sha1').update(code).digest('hex').slice(0, 16);
  writeFileSync(`dist/${name}.js`, `/*drill-build:${hash}*/${code}`);
}

// Old bundles and code caches go; the folder itself stays, since a drill may be running from it.
mkdirSync('dist', { recursive: true });
for (const file of readdirSync('dist')) if (/^(chunk-.*|.*\.cache(\.\d+)?|[a-z-]+-[A-Z0-9]{8}\.js)$/.test(file)) rmSync(`dist/${file}`, { force: true });
await build({
  entryPoints: ['liquidjs'],
  outfile: 'dist/liquid.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.DRILL_MINIFY !== '0',
  legalComments: 'none',
  logLevel: 'warning',
});
await bundle('drill', "import { main } from './src/cli.tsx'; __drill_exports.main = main;", [playFromItsOwnBundle]);
// `drill play` runs from this bundle alone (bin/drill.js picks it): reading, compiling and running
// the main bundle first delayed the first frame. It holds the whole command line too (the other
// commands stay lazily initialised and are never run from here); play.ts is imported statically
// because Ink's modules wait for Yoga with a top-level await, which a lazily initialised module
// cannot have.
await bundle('play', "import { main } from './src/cli.tsx'; import './src/cli/play.ts'; __drill_exports.main = main;", [yogaFromLoader]);
