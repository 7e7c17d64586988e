/** Exponential reconnect delays: initial, doubled each attempt, capped. */
export class Backoff {
  private attempt = 0;

  constructor(private readonly initialMillis = 250, private readonly maxMillis = 10_000) {}

  next(): number {
    const delay = Math.min(this.maxMillis, this.initialMillis * 2 ** this.attempt);
    this.attempt++;
    return delay;
  }

  get attempts(): number {
    return this.attempt;
  }

  reset(): void {
    this.attempt = 0;
  }
}
