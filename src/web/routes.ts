/**
 * The served drill's HTTP surface. Every path starts with the drill's secret; without it, or with
 * a wrong one, the answer is 403 and nothing else. Then:
 *
 *     /S/room, /S/role/ID                 the page (the same bytes for every audience)
 *     …/events                            that audience's event stream (SSE)
 *     …/vote        (POST, JSON)          a vote on an open decision
 *     …/report                            the report, once the drill is finished (plain text)
 *     …/page.js, …/page.css               the page's script and stylesheet
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ASSETS, PAGE, type Asset } from './assets.js';
import type { AudienceChannel } from './channel.js';
import { secretMatches } from './secret.js';
import { MAX_VOTE_BYTES, parseVote, type PageVote } from './vote.js';

/** No inline script or style, nothing from elsewhere, no framing, no forms posting away. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export interface RouteContext {
  readonly secret: string;
  /** The channel of `room` or of a role id; undefined for a role the scenario does not have. */
  channel(audience: 'room' | { role: string }): AudienceChannel | undefined;
  /** A vote from a page; what the page is told. */
  vote(vote: PageVote, role: string | undefined): { status: number; message: string };
  /** The finished report as text, or undefined while the drill is not finished. */
  report(): Promise<string | undefined>;
}

export function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): void {
  const url = new URL(req.url ?? '/', 'http://drill.invalid');
  const parts = url.pathname.split('/').filter((p) => p !== '');
  if (parts.length === 0 || !secretMatches(decodeSafely(parts[0]!), ctx.secret))
    return text(res, 403, 'Forbidden: this page needs the link of a drill, with its secret.');
  const rest = parts.slice(1).map(decodeSafely);
  const last = rest.at(-1);
  const asset = last === undefined ? undefined : ASSETS.get(last);
  if (asset) return send(res, 200, asset, req.method);
  const audience =
    rest[0] === 'room' ? 'room' : rest[0] === 'role' && rest[1] !== undefined ? { role: rest[1] } : undefined;
  const channel = audience && ctx.channel(audience);
  const action = audience === undefined ? undefined : rest.slice(audience === 'room' ? 1 : 2);
  if (!audience || !channel || !action || action.length > 1)
    return text(res, 404, 'Not found: no such page in this drill.');
  const role = audience === 'room' ? undefined : audience.role;
  switch (action[0]) {
    case undefined:
      return send(res, 200, PAGE, req.method);
    case 'events':
      return openStream(req, res, channel);
    case 'vote':
      return receiveVote(req, res, ctx, role);
    case 'report':
      return void ctx.report().then(
        (report) =>
          report === undefined
            ? text(res, 404, 'The report is written when the drill is finished.')
            : text(res, 200, report),
        () => text(res, 500, 'The report could not be built; the facilitator can run drill report on the journal.'),
      );
    default:
      return text(res, 404, 'Not found: no such page in this drill.');
  }
}

function openStream(req: IncomingMessage, res: ServerResponse, channel: AudienceChannel): void {
  if (req.method !== 'GET') return text(res, 405, 'Method not allowed.');
  const header = req.headers['last-event-id'];
  const lastSeen = typeof header === 'string' && /^\d{1,9}$/.test(header) ? Number(header) : -1;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // Small frames go out at once rather than waiting to be merged.
  res.socket?.setNoDelay(true);
  channel.connect(res, lastSeen);
}

function receiveVote(req: IncomingMessage, res: ServerResponse, ctx: RouteContext, role: string | undefined): void {
  if (req.method !== 'POST') return json(res, 405, { error: 'A vote is sent with POST.' });
  // A form on another site cannot send JSON without the browser asking first, and cannot read the answer.
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''))
    return json(res, 415, { error: 'A vote is sent as JSON.' });
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}`)
    return json(res, 403, { error: 'Votes come from the drill’s own pages.' });
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_VOTE_BYTES) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > MAX_VOTE_BYTES) return json(res, 413, { error: 'That vote is too long.' });
    const vote = parseVote(Buffer.concat(chunks).toString('utf8'));
    if ('problem' in vote) return json(res, 400, { error: vote.problem });
    const outcome = ctx.vote(vote, role);
    json(res, outcome.status, outcome.status === 200 ? { ok: outcome.message } : { error: outcome.message });
  });
}

function send(res: ServerResponse, status: number, asset: Asset, method: string | undefined): void {
  if (method !== 'GET' && method !== 'HEAD') return text(res, 405, 'Method not allowed.');
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': asset.type, 'Content-Length': asset.body.length });
  res.end(method === 'HEAD' ? undefined : asset.body);
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function decodeSafely(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
