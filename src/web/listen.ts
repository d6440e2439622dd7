/**
 * Where a served drill listens: `--listen HOST:PORT`, or 127.0.0.1 and a free port. Only an
 * address of this machine is accepted, and a port already in use is one line before the drill
 * starts, never a stack trace in the middle of it.
 */
import { createServer, type Server } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

export const DEFAULT_LISTEN: ListenAddress = { host: '127.0.0.1', port: 0 };

/** Parses `HOST:PORT` (`[v6]:PORT` for IPv6); a one-line problem if it is not one, or not this machine's. */
export function parseListen(text: string): ListenAddress | { problem: string } {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || !(port >= 0 && port <= 65535)) {
    return {
      problem: `--listen '${text}' is not HOST:PORT; write e.g. --listen 127.0.0.1:8080 (or 0.0.0.0:8080 to be reachable from other machines)`,
    };
  }
  const host = (m[1] ?? m[2]!).toLowerCase();
  const address = host === 'localhost' ? '127.0.0.1' : host;
  if (isIP(address) === 0)
    return {
      problem: `--listen '${text}': write the host as an IP address of this machine, e.g. 127.0.0.1, 0.0.0.0 or ${localAddresses().find((a) => !isLoopback(a)) ?? '192.168.1.10'}`,
    };
  if (!localAddresses().includes(address) && !isAnyAddress(address) && !isLoopback(address)) {
    return {
      problem: `--listen '${text}': ${address} is not an address of this machine; use one of ${localAddresses().join(', ')} (or 0.0.0.0 for all)`,
    };
  }
  return { host: address, port };
}

/** Whether other machines may reach this address: anything but loopback. */
export function beyondLoopback(host: string): boolean {
  return !isLoopback(host);
}

/** An HTTP server listening at an address, with no handler yet. */
export interface OpenPort {
  readonly server: Server;
  readonly address: ListenAddress;
}

/**
 * Opens the port first, before anything of the drill is made, so that a port in use (or one that
 * needs root) is one line and nothing is left behind.
 */
export function openPort(at: ListenAddress): Promise<OpenPort | { problem: string }> {
  // A page's event stream stays open for the whole drill: no time limit on a request.
  const server = createServer({ requestTimeout: 0, headersTimeout: 10_000 });
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const where = `${at.host.includes(':') ? `[${at.host}]` : at.host}:${at.port}`;
      const why =
        error.code === 'EADDRINUSE'
          ? 'the port is already in use; choose another with --listen, or leave --listen out for a free port'
          : error.code === 'EACCES'
            ? 'this port needs more privileges; choose one above 1023'
            : `cannot listen there (${error.code ?? error.message})`;
      resolve({ problem: `--serve: ${where}: ${why}` });
    };
    server.once('error', onError);
    server.listen(at.port, at.host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve({ server, address: typeof address === 'object' && address ? { host: at.host, port: address.port } : at });
    });
  });
}

function localAddresses(): string[] {
  const out = new Set<string>(['127.0.0.1', '::1']);
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.add(a.address.toLowerCase());
  return [...out];
}

function isLoopback(host: string): boolean {
  return host === '::1' || host.startsWith('127.');
}

function isAnyAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}
