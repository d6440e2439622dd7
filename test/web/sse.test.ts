/**
 * A page's stream never holds the drill back: writes go straight to the socket's buffer, and a
 * page whose buffer is past its bound (it stopped reading) is dropped rather than fed more.
 */
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SseClient, sseFrame } from '../../src/web/sse.js';

/** A response that buffers everything written and never drains: a page that stopped reading. */
class StuckResponse extends EventEmitter {
  written: string[] = [];
  writableLength = 0;
  destroyed = false;
  write(chunk: string): boolean {
    this.written.push(chunk);
    this.writableLength += Buffer.byteLength(chunk);
    return false;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
  end(): void {}
}

describe('a page’s stream', () => {
  it('drops a page that has more than its bound waiting, and writes nothing more to it', () => {
    const res = new StuckResponse();
    const gone: SseClient[] = [];
    const client = new SseClient(res as unknown as ServerResponse, 1000, (c) => gone.push(c));
    const frame = sseFrame('change', { text: 'x'.repeat(300) }, 1);
    for (let i = 0; i < 10; i++) client.write(frame);
    expect(res.destroyed).toBe(true);
    expect(gone).toEqual([client]);
    expect(client.open).toBe(false);
    // Dropped once the buffer passed the bound: never more than the bound plus one frame is held.
    expect(res.writableLength).toBeLessThanOrEqual(1000 + frame.length);
    expect(res.written.length).toBe(Math.ceil(1001 / frame.length));
  });

  it('frames an event with its id, type and one line of JSON', () => {
    expect(sseFrame('change', { a: 'line\nbreak' }, 7)).toBe('id: 7\nevent: change\ndata: {"a":"line\\nbreak"}\n\n');
    expect(sseFrame('state', { t: 1 })).toBe('event: state\ndata: {"t":1}\n\n');
  });
});
