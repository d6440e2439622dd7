/**
 * LiquidJS, loaded the first time a template is parsed: most commands and most scenarios never
 * need it, and requiring it costs ~18 ms (docs/performance.md). A synchronous `require` keeps
 * template parsing synchronous for the engine and the checks. In the built CLI, build.mjs points
 * this require at dist/liquid.cjs, LiquidJS bundled on its own (the package installs no
 * dependencies).
 */
import { createRequire } from 'node:module';
import type * as LiquidJs from 'liquidjs';

let lib: typeof LiquidJs | undefined;

/** The LiquidJS module, required on first use. */
export function liquidjs(): typeof LiquidJs {
  lib ??= createRequire(import.meta.url)('liquidjs') as typeof LiquidJs;
  return lib;
}
