/**
 * Waiting on an Ink screen in tests: poll the last frame until it shows what is expected (or
 * fail with the frame), never sleep a fixed time. Frames are written synchronously in Ink's debug
 * mode, but effects and Ink's own input handling settle a macrotask later.
 */

/** One macrotask: lets Ink deliver input and React run effects. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Resolves once `check` holds; rejects after `ms` of real time with `describe()` in the message. */
export async function waitFor(check: () => boolean, describe: () => string, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last frame:\n${describe()}`);
    await settle();
  }
}

/** Strips ANSI escape sequences, to read a frame as the eye does. */
export function plain(frame: string | undefined): string {
  return (frame ?? '').replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}
