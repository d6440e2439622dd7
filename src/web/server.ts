/**
 * A drill served to its participants' pages: `node:http` on 127.0.0.1 and a free port unless told
 * otherwise, one channel per role and one for the room, a secret in every link.
 *
 * The drill never waits on the web. The session tells the server after each event has been
 * handled and written (so a page never shows what is not on disk); the server only notes that,
 * and sends the new records to the pages on the next turn of the event loop, in one batch,
 * whatever the facilitator's screen is doing. Socket writes never block, and a page that falls
 * too far behind is dropped (its browser reconnects and catches up).
 */
import { networkInterfaces } from 'node:os';
import type { DrillRecord } from '../engine/records.js';
import type { Scenario } from '../scenario/index.js';
import { AudienceChannel } from './channel.js';
import type { ListenAddress, OpenPort } from './listen.js';
import { handleRequest } from './routes.js';
import { newSecret } from './secret.js';
import type { PageVote } from './vote.js';

/** The drill as the server reads it: records as written, scenario time, and a way in for votes. */
export interface DrillSource {
  readonly records: readonly DrillRecord[];
  readonly t: number;
  onPublish(listener: () => void): () => void;
  /** Sends a vote to the drill as an input; true if the drill took it (the decision is open). */
  vote(vote: PageVote, role: string | undefined): boolean;
}

export interface ServeOptions {
  readonly scenario: Scenario;
  /** Bytes a page's stream may have waiting before the page is dropped. */
  readonly maxBufferedBytes?: number;
  /** How often the clock and metrics are sent to the pages (real time). */
  readonly tickMs?: number;
}

export interface ServedDrill {
  readonly address: ListenAddress;
  readonly secret: string;
  /** One link per role, then the room's. */
  readonly links: readonly { readonly label: string; readonly url: string }[];
  /** Pages connected now. */
  connected(): number;
  /** Ends every page's stream; each browser reconnects and catches up from its last event. */
  dropPages(): void;
  attach(source: DrillSource): void;
  close(): Promise<void>;
}

const VOTES_PER_SECOND = 20;

/** Serves the drill on a port already open (`openPort`). */
export function serveDrill({ server, address: bound }: OpenPort, options: ServeOptions): ServedDrill {
  const { scenario } = options;
  const secret = newSecret();
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const room = new AudienceChannel(scenario, 'room', maxBuffered);
  const roles = new Map(
    scenario.file.roles.map((r) => [r.id, new AudienceChannel(scenario, { role: r.id }, maxBuffered)]),
  );
  const channels = [...roles.values(), room];
  let source: DrillSource | undefined;
  let taken = 0;
  let flushing = false;
  let votes = { second: 0, count: 0 };

  const flush = () => {
    flushing = false;
    if (!source) return;
    const fresh = source.records.slice(taken);
    taken += fresh.length;
    for (const c of channels) c.take(fresh);
  };

  server.on('request', (req, res) =>
    handleRequest(req, res, {
      secret,
      channel: (audience) => (audience === 'room' ? room : roles.get(audience.role)),
      vote: (vote, role) => {
        if (!source) return { status: 409, message: 'The drill has not started yet.' };
        const second = Math.floor(Date.now() / 1000);
        votes = votes.second === second ? { second, count: votes.count + 1 } : { second, count: 1 };
        if (votes.count > VOTES_PER_SECOND)
          return { status: 429, message: 'Too many votes at once; try again in a moment.' };
        return source.vote(vote, role)
          ? { status: 200, message: 'Your vote is in. The facilitator still records the decision.' }
          : { status: 409, message: 'That decision is no longer open.' };
      },
      report: async () => {
        const records = source?.records ?? [];
        if (!records.some((r) => r.type === 'drill-finished')) return undefined;
        const [{ buildReport }, { renderMarkdown }] = await Promise.all([
          import('../report/model.js'),
          import('../report/markdown.js'),
        ]);
        return renderMarkdown(buildReport(scenario, records));
      },
    }),
  );

  const ticker = setInterval(() => {
    if (source) for (const c of channels) c.tick(source.t);
  }, options.tickMs ?? 1000);
  const keepAlive = setInterval(() => channels.forEach((c) => c.keepAlive()), 15_000);
  // Neither keeps the process alive: the drill decides when it ends.
  ticker.unref();
  keepAlive.unref();
  let detach = () => {};

  return {
    address: bound,
    secret,
    links: [
      ...scenario.file.roles.map((r) => ({
        label: `${r.title ?? r.id} (${r.id})`,
        url: linkTo(bound, secret, `role/${r.id}`),
      })),
      { label: 'the room (a projector)', url: linkTo(bound, secret, 'room') },
    ],
    connected: () => channels.reduce((n, c) => n + c.connected, 0),
    dropPages: () => channels.forEach((c) => c.close()),
    attach(next) {
      detach();
      source = next;
      taken = 0;
      detach = next.onPublish(() => {
        if (flushing || next.records.length === taken) return;
        flushing = true;
        setImmediate(flush);
      });
      flush();
    },
    close() {
      detach();
      clearInterval(ticker);
      clearInterval(keepAlive);
      if (source) flush();
      for (const c of channels) c.close();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The link a participant opens: this machine's address when listening on all of them. */
function linkTo(at: ListenAddress, secret: string, path: string): string {
  let host = at.host;
  if (host === '0.0.0.0' || host === '::') host = reachableAddress(host === '::') ?? '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${at.port}/${secret}/${path}`;
}

function reachableAddress(v6: boolean): string | undefined {
  const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return (all.find((a) => !a.internal && a.family === 'IPv4') ?? (v6 ? all.find((a) => !a.internal) : undefined))
    ?.address;
}
