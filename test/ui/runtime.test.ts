/**
 * The loop that runs an update function: messages an effect sends back wait their turn, each sees
 * the model the earlier ones left, and listeners hear of the model once, when all is done.
 */
import { describe, expect, it } from 'vitest';
import { Runtime } from '../../src/ui/runtime.js';

type Msg = { type: 'add'; n: number; echo?: boolean };
type Fx = { kind: 'echo'; n: number };

describe('the runtime', () => {
  it('queues messages sent back by effects, in order, and tells listeners once', () => {
    const seen: number[][] = [];
    const runtime = new Runtime<number[], Msg, Fx>([], {
      update: (model, msg) => [[...model, msg.n], msg.echo ? [{ kind: 'echo', n: msg.n * 10 }, { kind: 'echo', n: msg.n * 100 }] : []],
      perform: (effect, dispatch) => dispatch({ type: 'add', n: effect.n }),
    });
    runtime.subscribe((model) => seen.push(model));
    runtime.dispatch({ type: 'add', n: 1, echo: true });
    expect(runtime.getModel()).toEqual([1, 10, 100]);
    expect(seen).toEqual([[1, 10, 100]]);
  });

  it('drops what was queued when update throws, and runs again afterwards', () => {
    const runtime = new Runtime<number[], Msg, Fx>([], {
      update: (model, msg) => {
        if (msg.n < 0) throw new Error('a bug');
        return [[...model, msg.n], msg.echo ? [{ kind: 'echo', n: -1 }] : []];
      },
      perform: (effect, dispatch) => dispatch({ type: 'add', n: effect.n }),
    });
    expect(() => runtime.dispatch({ type: 'add', n: 1, echo: true })).toThrow('a bug');
    runtime.dispatch({ type: 'add', n: 2 });
    expect(runtime.getModel()).toEqual([1, 2]);
  });
});
