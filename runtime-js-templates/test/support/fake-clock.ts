import type { Clock } from "../../src/cfc-readiness.js";

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
}

/** Virtual time: `sleep` only resolves when `run` advances the clock to it. */
export class FakeClock implements Clock {
  private time = 0;
  private seq = 0;
  private timers: Timer[] = [];
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve });
    });
  }

  /** Runs `promise` to completion, jumping to the next timer whenever everything is idle. */
  async run<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let steps = 0; steps < 100_000; steps++) {
      await idle();
      if (settled) return promise;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (next === undefined) throw new Error("FakeClock: deadlock, nothing scheduled and promise pending");
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
    throw new Error("FakeClock: too many steps");
  }
}

export async function idle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
