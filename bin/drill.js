#!/usr/bin/env node
// The installed `drill` command: runs the bundle that `npm install` / `npm run build` makes.
import { main } from '../dist/drill.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A bug of ours, not a mistake of the user's: one line, and where to report it.
    process.stderr.write(`drill: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DRILL_DEBUG) process.stderr.write(`${error?.stack ?? ''}\n`);
    process.exitCode = 70;
  },
);
