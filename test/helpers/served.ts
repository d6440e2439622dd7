/**
 * A drill served on loopback for the web tests, and a plain HTTP client for its pages: raw bytes
 * of every response, and event streams parsed into frames, so a test sees exactly what a page
 * would be sent.
 */
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DrillInput } from '../../src/engine/machine.js';
import { DrillSession } from '../../src/session/session.js';
import { openPort } from '../../src/web/listen.js';
import { serveDrill, type ServedDrill, type ServeOptions } from '../../src/web/server.js';
import { sessionSource } from '../../src/web/session-source.js';

export interface Served {
  readonly served: ServedDrill;
  readonly session: DrillSession;
  /** `http://127.0.0.1:PORT/SECRET` */
  readonly base: string;
  readonly journal: string;
  close(): Promise<void>;
}

/** A new drill (its session and journal) served on 127.0.0.1 and a free port. */
export async function serveSession(input: DrillInput, options: Partial<ServeOptions> = {}): Promise<Served> {
  const port = await openPort({ host: '127.0.0.1', port: 0 });
  if ('problem' in port) throw new Error(port.problem);
  const served = serveDrill(port, { scenario: input.scenario, ...options });
  const journal = join(mkdtempSync(join(tmpdir(), 'drill-served-')), 'journal.jsonl');
  const session = DrillSession.start(input, journal, { durable: false });
  served.attach(sessionSource(session, () => input.wall));
  return {
    served,
    session,
    journal,
    base: `http://127.0.0.1:${served.address.port}/${served.secret}`,
    close: async () => {
      await served.close();
      session.close();
    },
  };
}

export interface Response {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One request; the whole response. */
export function fetchRaw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    // A new connection each time: a test that stops the server must see the refusal, not a reused socket.
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface Frame {
  readonly id?: number;
  readonly event: string;
  readonly data: unknown;
}

/** An event stream being read: its raw text and its frames so far. */
export interface Stream {
  readonly frames: Frame[];
  raw(): string;
  status(): number;
  /** Waits until `until` holds for the frames (polling, not sleeping a fixed time). */
  waitFor(until: (frames: readonly Frame[]) => boolean, what: string): Promise<void>;
  close(): void;
}

export function openStream(url: string, lastEventId?: number): Stream {
  const frames: Frame[] = [];
  let raw = '';
  let pending = '';
  let status = 0;
  const req = request(
    url,
    { headers: lastEventId === undefined ? {} : { 'Last-Event-ID': String(lastEventId) } },
    (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        raw += chunk;
        pending += chunk;
        let end = pending.indexOf('\n\n');
        while (end >= 0) {
          const frame = parseFrame(pending.slice(0, end));
          if (frame) frames.push(frame);
          pending = pending.slice(end + 2);
          end = pending.indexOf('\n\n');
        }
      });
      res.on('error', () => {});
    },
  );
  req.on('error', () => {});
  req.end();
  return {
    frames,
    raw: () => raw,
    status: () => status,
    async waitFor(until, what) {
      for (let i = 0; i < 1000; i++) {
        if (until(frames)) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`timed out waiting for ${what}; got ${frames.length} frames`);
    },
    close: () => req.destroy(),
  };
}

function parseFrame(text: string): Frame | undefined {
  let id: number | undefined;
  let event = 'message';
  const data: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('id: ')) id = Number(line.slice(4));
    else if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  if (data.length === 0) return undefined;
  return { ...(id === undefined ? {} : { id }), event, data: JSON.parse(data.join('\n')) };
}

/** Lets the server's next turn of the event loop run (it sends what the drill published). */
export const nextTurn = () => new Promise((r) => setTimeout(r, 20));
