/**
 * The real `drill` process for the reliability tests: the built `bin/drill.js`, started as a user
 * would start it, with a time limit (a hang fails the test instead of stalling the suite) and a
 * memory limit (a blow-up fails it instead of taking the machine down). `drill play` runs in a
 * pseudo-terminal made by `pty-driver.py` (python3 is on every machine we test on; no native addon).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/drill.js', import.meta.url));
const PTY_DRIVER = fileURLToPath(new URL('./pty-driver.py', import.meta.url));

/** Control characters a terminal would act on (line feeds and tabs are fine). */
export const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Virtual memory limit for every drill process: far above what any command needs, far below a blow-up. */
const MEMORY_LIMIT_KB = 1_500_000;

export interface DrillResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Shell commands run before drill starts, e.g. `ulimit -f 8` (the memory limit is always set). */
  readonly shellSetup?: string;
}

/** `bin/drill.js` needs the bundle; `npm test` builds it first, a lone `vitest run` may not have. */
export function ensureBuilt(): void {
  if (existsSync(fileURLToPath(new URL('../../dist/drill.js', import.meta.url)))) return;
  const built = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stderr}`);
}

function command(args: readonly string[], setup = `ulimit -v ${MEMORY_LIMIT_KB};`): string[] {
  // `exec` keeps the pid the drill's own, so signals sent to the child reach drill itself.
  return ['-c', `${setup} exec "$0" "$@"`, process.execPath, BIN, ...args];
}

/** Runs `drill ...args` to the end (or to the time limit) and collects what it printed. */
export function runDrill(args: readonly string[], options: RunOptions = {}): Promise<DrillResult> {
  const child = spawn('sh', command(args, `ulimit -v ${MEMORY_LIMIT_KB}; ${options.shellSetup ?? ''}`), {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => stdout.push(b));
  child.stderr.on('data', (b: Buffer) => stderr.push(b));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 20_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** A drill process started in the background, to be killed at a moment of the test's choosing. */
export function startDrill(args: readonly string[], options: RunOptions = {}) {
  const child = spawn('sh', command(args, `ulimit -v ${MEMORY_LIMIT_KB}; ${options.shellSetup ?? ''}`), { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => output.push(b));
  child.stderr.on('data', (b: Buffer) => output.push(b));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => Buffer.concat(output).toString('utf8') };
}

/** True when python3 (for the pseudo-terminal) can be run. */
export function hasPython(): boolean {
  return spawnSync('python3', ['-c', 'import pty, termios'], { encoding: 'utf8' }).status === 0;
}

export interface PtyExit {
  /** Exit code, or minus the signal number that ended the process. */
  readonly exit: number;
  /** Whether the terminal was left in raw mode (null: could not tell). */
  readonly raw: boolean | null;
}

/** `drill ...args` in a pseudo-terminal of `rows`×`cols`: keys in, screen bytes out, signals. */
export function startInPty(args: readonly string[], options: { cwd?: string; rows?: number; cols?: number } = {}) {
  const child = spawn(
    'python3',
    // No memory limit here: Ink's layout engine (WebAssembly) reserves gigabytes of address space.
    [PTY_DRIVER, String(options.rows ?? 30), String(options.cols ?? 100), 'sh', ...command(args, '')],
    // Under CI, Ink draws only the last frame; the tests watch the screen as it is drawn.
    { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CI: '0', CONTINUOUS_INTEGRATION: '0' } },
  );
  const screen: Buffer[] = [];
  let status = '';
  child.stdout.on('data', (b: Buffer) => screen.push(b));
  child.stderr.on('data', (b: Buffer) => (status += b.toString('utf8')));
  const exited = new Promise<PtyExit>((resolve, reject) =>
    child.on('close', () => {
      try {
        resolve(JSON.parse(status.trim().split('\n').pop()!) as PtyExit);
      } catch {
        reject(new Error(`pty driver failed: ${status}`));
      }
    }),
  );
  const output = (): string => Buffer.concat(screen).toString('utf8');
  /** The screen's text without the escape sequences that draw it (colours split words). */
  const text = (): string => output().replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g, '');
  const send = (command: { keys?: string; signal?: NodeJS.Signals }): void => {
    child.stdin.write(JSON.stringify(command) + '\n');
  };
  return {
    output,
    text,
    exited,
    keys: (keys: string) => send({ keys }),
    signal: (signal: NodeJS.Signals) => send({ signal }),
    /** Stops the driver and the drill under it, whatever state they are in. */
    kill: () => {
      send({ signal: 'SIGKILL' });
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    },
    /**
     * Types `keys` until the screen shows `wanted` (for keys that are harmless to repeat): a key
     * typed before Ink has put the terminal in raw mode can be swallowed by the line discipline.
     */
    press: async (keys: string, wanted: string, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!text().includes(wanted)) {
        if (Date.now() > deadline) throw new Error(`timed out pressing ${JSON.stringify(keys)} for ${JSON.stringify(wanted)}; the screen shows:\n${text().slice(-1500)}`);
        send({ keys });
        const retry = Date.now() + 1000;
        while (!text().includes(wanted) && Date.now() < retry) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    /** Waits (polling, bounded) until the screen's text so far contains `wanted`. */
    waitFor: (wanted: string, timeoutMs = 15_000) =>
      waitUntil(() => text().includes(wanted), () => `screen to show ${JSON.stringify(wanted)}; it shows:\n${text().slice(-1500)}\n${status}`, timeoutMs),
  };
}

/** Polls `ready` every few milliseconds until it holds; fails after `timeoutMs`. */
export async function waitUntil(ready: () => boolean, what: string | (() => string), timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
