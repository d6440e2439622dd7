/**
 * One page's event stream. Writes never wait: what the socket has not taken yet is buffered by
 * Node, and a page that lets that buffer grow past its bound (a stuck or far too slow client) is
 * dropped. Its browser reconnects by itself with the id of the last event it got, and catches up
 * from there, so dropping costs that page a moment and costs the drill nothing.
 */
import type { ServerResponse } from 'node:http';

export class SseClient {
  private gone = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly maxBufferedBytes: number,
    private readonly onGone: (client: SseClient) => void,
  ) {
    res.on('close', () => this.drop());
  }

  get open(): boolean {
    return !this.gone;
  }

  /** Writes one frame of the stream; a client already too far behind is dropped instead. */
  write(frame: string): void {
    if (this.gone) return;
    if (this.res.writableLength > this.maxBufferedBytes) {
      this.drop();
      return;
    }
    this.res.write(frame);
  }

  /** Ends the stream (the drill's server is stopping). */
  end(): void {
    if (this.gone) return;
    this.gone = true;
    this.res.end();
    this.onGone(this);
  }

  private drop(): void {
    if (this.gone) return;
    this.gone = true;
    this.res.destroy();
    this.onGone(this);
  }
}

/** One event of an SSE stream: an optional id, a type, and JSON data on one line. */
export function sseFrame(type: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}
