/**
 * The loop that runs an update function (Elm's runtime, Bubble Tea's program): it holds the one
 * model, hands each message to `update`, and carries out the effects that come back. Effects may
 * report back with messages of their own (the drill publishing after a send, the outcome of a
 * write); those wait in a queue, so each message sees the model every earlier one left, and
 * listeners hear of the model once the queue is empty.
 */
export interface Program<M, Msg, Fx> {
  update(model: M, message: Msg): readonly [M, readonly Fx[]];
  perform(effect: Fx, dispatch: (message: Msg) => void): void;
}

export class Runtime<M, Msg, Fx> {
  private readonly queue: Msg[] = [];
  private busy = false;
  private readonly listeners = new Set<(model: M) => void>();

  constructor(
    private model: M,
    private readonly program: Program<M, Msg, Fx>,
  ) {}

  readonly getModel = (): M => this.model;

  readonly subscribe = (listener: (model: M) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly dispatch = (message: Msg): void => {
    this.queue.push(message);
    if (this.busy) return;
    this.busy = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
        const [model, effects] = this.program.update(this.model, next);
        this.model = model;
        for (const effect of effects) this.program.perform(effect, this.dispatch);
      }
    } finally {
      this.queue.length = 0;
      this.busy = false;
    }
    for (const listener of [...this.listeners]) listener(this.model);
  };
}
