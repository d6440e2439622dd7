/**
 * `drill play --serve [--listen HOST:PORT]`: the participants' pages, served while the drill is
 * played. The port is opened before anything of the drill is made, so a port in use is one line
 * and nothing is left behind; the links (one per role, one for the room) are printed, shown on
 * the facilitator's screen until the first key, and written to `<out>/links.txt`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../scenario/index.js';
import type { DrillSession } from '../session/session.js';
import { beyondLoopback, DEFAULT_LISTEN, openPort, parseListen, type OpenPort } from '../web/listen.js';
import { serveDrill } from '../web/server.js';
import { sessionSource } from '../web/session-source.js';

const LINKS_FILE = 'links.txt';

/** The open port for --serve (undefined without it), or the one line saying why there is none. */
export async function openServePort(
  values: Record<string, string | boolean | undefined>,
): Promise<{ port?: OpenPort } | { problem: string }> {
  const listen = values.listen as string | undefined;
  if (!values.serve)
    return listen === undefined
      ? {}
      : { problem: 'drill play: --listen says where to serve the participants’ pages; add --serve' };
  const at = listen === undefined ? DEFAULT_LISTEN : parseListen(listen);
  if ('problem' in at) return { problem: `drill play: ${at.problem}` };
  const port = await openPort(at);
  return 'problem' in port ? { problem: `drill play: ${port.problem}` } : { port };
}

export interface Serving {
  /** Lines for the facilitator: the links, and a warning when other machines can reach them. */
  readonly lines: readonly string[];
  attach(session: DrillSession): void;
  /** A drill that never started leaves no links behind. */
  removeLinks(): void;
  close(): Promise<void>;
}

export function startServing(port: OpenPort, scenario: Scenario, outDir: string, wallNow: () => number): Serving {
  const served = serveDrill(port, { scenario });
  const links = served.links.map((l) => `${l.label}: ${l.url}`);
  const lines = [
    `Participants’ pages for this drill (each link holds its secret; give each only to its people):`,
    ...links.map((l) => `  ${l}`),
  ];
  if (beyondLoopback(port.address.host)) {
    lines.push(
      `Serving on ${port.address.host}:${port.address.port}, beyond this machine: the secret in each link is the only protection.`,
    );
  }
  const file = join(outDir, LINKS_FILE);
  // Only the facilitator's account may read the secrets.
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  return {
    lines,
    attach: (session) => served.attach(sessionSource(session, wallNow)),
    removeLinks: () => rmSync(file, { force: true }),
    close: () => served.close(),
  };
}
