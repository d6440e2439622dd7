/**
 * How the person at the terminal runs drill, so that a printed next step is a command that works
 * as typed: `drill` once installed globally, `npx drill` in a clone after `npm install` or in a
 * project that depends on it (neither puts `drill` on the PATH), `npx drill-gameday` when npx
 * fetched the package.
 */
import { sep } from 'node:path';

export function drillCommand(script: string | undefined, cwd: string): string {
  if (!script) return 'drill';
  if (script.includes(`${sep}_npx${sep}`)) return 'npx drill-gameday';
  return script.startsWith(cwd + sep) ? 'npx drill' : 'drill';
}
