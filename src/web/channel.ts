/**
 * What one audience (a role, or the room) is sent, kept once for every page of that audience: the
 * participant view's changes as SSE frames, each with its record's seq as the event id. A page
 * that connects gets every frame after the id it last saw (all of them the first time), then the
 * live ones; so a page that lost its connection gets exactly what it missed.
 */
import type { ServerResponse } from 'node:http';
import type { DrillRecord } from '../engine/records.js';
import type { Scenario } from '../scenario/index.js';
import type { Audience } from '../view/items.js';
import { ParticipantFeed } from '../view/participant.js';
import { SseClient, sseFrame } from './sse.js';

export class AudienceChannel {
  private readonly feed: ParticipantFeed;
  /** Every change so far, as frames, in seq order. */
  private readonly frames: { readonly seq: number; readonly frame: string }[] = [];
  private readonly clients = new Set<SseClient>();
  private lastState = '';

  constructor(
    scenario: Scenario,
    readonly audience: Audience,
    private readonly maxBufferedBytes: number,
  ) {
    this.feed = new ParticipantFeed(scenario, audience);
  }

  get connected(): number {
    return this.clients.size;
  }

  /** Takes in new records and sends what they show this audience to its pages. */
  take(records: readonly DrillRecord[]): void {
    for (const record of records) {
      const change = this.feed.push(record);
      if (!change) continue;
      const frame = sseFrame('change', change, change.seq);
      this.frames.push({ seq: change.seq, frame });
      this.lastState = JSON.stringify(change.state);
      for (const client of this.clients) client.write(frame);
    }
  }

  /** Sends the state at scenario time `t` (the clock, metrics along their ramps) if it changed. */
  tick(t: number): void {
    const state = this.feed.stateAt(t);
    const json = JSON.stringify(state);
    if (json === this.lastState) return;
    this.lastState = json;
    const frame = sseFrame('state', state);
    for (const client of this.clients) client.write(frame);
  }

  /** A page's stream: every frame after `lastSeen` (a seq, or -1 for all), then live ones. */
  connect(res: ServerResponse, lastSeen: number): void {
    const client = new SseClient(res, this.maxBufferedBytes, (c) => this.clients.delete(c));
    this.clients.add(client);
    // A reconnecting browser waits this long before trying again.
    let burst = 'retry: 1000\n\n';
    for (const { seq, frame } of this.frames) if (seq > lastSeen) burst += frame;
    client.write(burst);
    if (this.lastState) client.write(`event: state\ndata: ${this.lastState}\n\n`);
  }

  /** A comment line that keeps idle connections (and proxies) from timing out. */
  keepAlive(): void {
    for (const client of this.clients) client.write(': keep-alive\n\n');
  }

  close(): void {
    for (const client of [...this.clients]) client.end();
  }
}
