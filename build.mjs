// Bundles the CLI into dist/ with esbuild: one entry file plus lazily loaded chunks, so that a
// command loads only what it needs (validate never loads Ink) and start-up reads few files.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: { drill: 'src/cli.tsx' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  minifySyntax: true,
  legalComments: 'none',
  define: { DRILL_VERSION: JSON.stringify(version), 'process.env.NODE_ENV': '"production"' },
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __drillRequire } from 'node:module'; const require = __drillRequire(import.meta.url);" },
  // Ink optionally loads react-devtools-core only when DEV is set; never bundle it.
  external: ['react-devtools-core'],
  logLevel: 'warning',
});
