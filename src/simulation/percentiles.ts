/**
 * Central intervals (2.5% and 97.5% percentiles) of many columns of draws, such as success, each outcome and
 * each node's uplift, without keeping every draw: 100,000 draws of a 2,000-node map would be 1.6 GB. Over
 * K draws the percentile p interpolates linearly between the order statistics ⌊(K − 1)·p⌋ and the one after
 * it (Hyndman & Fan type 7, numpy's default), so each column only keeps its ⌊(K − 1)·p⌋ + 2 smallest values
 * (a max-heap) and as many largest (a min-heap, stored negated so one heap serves both). For a 95% interval
 * that is 5% of the draws per column, and the percentiles are exact.
 */

export interface PercentileInterval {
  readonly low: number;
  readonly high: number;
}

export class CentralIntervals {
  private readonly keep: number;
  /** Per column: the `keep` smallest values as a max-heap, then the `keep` largest, negated, as a max-heap. */
  private readonly heaps: Float64Array;
  private count = 0;

  /** `tail`: the share of draws below the interval, and above it (0.025 for a 95% interval). */
  constructor(
    readonly columns: number,
    readonly draws: number,
    readonly tail = 0.025,
  ) {
    this.keep = Math.min(draws, Math.floor((draws - 1) * tail) + 2);
    this.heaps = new Float64Array(2 * columns * this.keep);
  }

  /** One draw: a value per column. At most `draws` of them. */
  add(row: ArrayLike<number>): void {
    if (this.count === this.draws) throw new RangeError(`More than the ${this.draws} draws expected`);
    const { keep, heaps, columns } = this;
    const size = this.count++;
    for (let c = 0; c < columns; c++) {
      const x = row[c];
      keepSmallest(heaps, 2 * c * keep, keep, size, x);
      keepSmallest(heaps, (2 * c + 1) * keep, keep, size, 0 - x);
    }
  }

  /** Column c's interval over the draws added (all `draws` of them). */
  interval(column: number): PercentileInterval {
    if (this.count !== this.draws) throw new RangeError(`${this.count} of the ${this.draws} draws were added`);
    const base = 2 * column * this.keep;
    // 0 − x rather than −x, so that a high of 0 is never −0.
    return { low: this.lowTail(base), high: 0 - this.lowTail(base + this.keep) };
  }

  /** The `tail` percentile of the values whose smallest `keep` are heaps[base ..]. */
  private lowTail(base: number): number {
    const sorted = this.heaps.slice(base, base + this.keep).sort();
    const h = (this.draws - 1) * this.tail;
    const i = Math.floor(h);
    const fraction = h - i;
    return fraction === 0 ? sorted[i] : sorted[i] + fraction * (sorted[i + 1] - sorted[i]);
  }
}

/**
 * Adds x to the max-heap heap[base .. base + size) that keeps the `keep` smallest values seen: while it is
 * not full, x goes in; then x replaces the largest if it is smaller.
 */
function keepSmallest(heap: Float64Array, base: number, keep: number, size: number, x: number): void {
  if (size < keep) {
    let at = size;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heap[base + parent] >= x) break;
      heap[base + at] = heap[base + parent];
      at = parent;
    }
    heap[base + at] = x;
    return;
  }
  if (!(x < heap[base])) return;
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= keep) break;
    if (child + 1 < keep && heap[base + child + 1] > heap[base + child]) child++;
    if (heap[base + child] <= x) break;
    heap[base + at] = heap[base + child];
    at = child;
  }
  heap[base + at] = x;
}
