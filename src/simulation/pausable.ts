/**
 * Long computations written as generators that `yield` now and then, so that one piece of code serves both a
 * synchronous caller (runToEnd) and a worker that must keep its message loop turning to see a cancel
 * (runInSlices). A yield costs about as much as a function call; the engines yield every ~10⁵ operations.
 */

/** A computation that may pause at each `yield` and finally returns a T. */
export type Pausable<T> = Generator<void, T, void>;

/** Operations between two offers to pause (about 0.1–0.3 ms of work). */
const OPERATIONS_PER_PAUSE = 1 << 17;

/** Counts work: `progress` in the phase's units (for display), operations to know when to offer a pause. */
export class Meter {
  progress = 0;
  private operations = 0;

  /** Adds operations; true when it is time to yield. */
  spend(operations: number): boolean {
    this.operations += operations;
    if (this.operations < OPERATIONS_PER_PAUSE) return false;
    this.operations = 0;
    return true;
  }
}

export function runToEnd<T>(work: Pausable<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions {
  /** Wall time to work before pausing (ms). */
  sliceMs: number;
  /** Lets other work run (a message channel tick, a timeout). */
  tick: () => Promise<void>;
  /** Checked after each pause: true abandons the computation. */
  isCancelled: () => boolean;
  /** Called before each pause. */
  onPause?: () => void;
}

export const CANCELLED: unique symbol = Symbol('cancelled');

/** Runs `work` in slices of about sliceMs, pausing between them; CANCELLED if isCancelled said so. */
export async function runInSlices<T>(work: Pausable<T>, options: SliceOptions): Promise<T | typeof CANCELLED> {
  let sliceStart = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < options.sliceMs) continue;
    options.onPause?.();
    await options.tick();
    if (options.isCancelled()) {
      work.return(undefined as never);
      return CANCELLED;
    }
    sliceStart = performance.now();
  }
}
