/**
 * xoshiro128** (Blackman & Vigna): 128 bits of state, 32-bit output, uint32 arithmetic only, so it is fast
 * in JavaScript engines. The Monte Carlo walk inlines the same four-word update in its hot loop (see
 * monteCarlo.ts); this class is the reference implementation and the seeding used by both.
 */

/** 2^-32: turns a uint32 into a double in [0, 1). */
export const UINT32_TO_UNIT = 2.3283064365386963e-10;

/**
 * Expands any finite number into a non-zero 128-bit state with splitmix32, so that nearby seeds (1, 2, 3…)
 * give unrelated streams. Seeds above 2^32 and fractional seeds are folded in rather than truncated.
 */
export function seedState(seed: number): Uint32Array {
  if (!Number.isFinite(seed)) throw new RangeError(`Seed must be a finite number, got ${seed}`);
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  const frac = Math.floor((seed - Math.floor(seed)) * 4294967296) >>> 0;
  let x = (low ^ Math.imul(high, 0x9e3779b9) ^ Math.imul(frac, 0x85ebca6b)) >>> 0;
  const state = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    state[i] = z ^ (z >>> 15);
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}

export class Xoshiro128 {
  readonly state: Uint32Array;

  constructor(seed: number | Uint32Array) {
    this.state = typeof seed === 'number' ? seedState(seed) : Uint32Array.from(seed);
  }

  nextUint32(): number {
    const s = this.state;
    const s0 = s[0], s1 = s[1], s2 = s[2] ^ s0, s3 = s[3] ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** A double in [0, 1) with 32 random bits. */
  nextDouble(): number {
    return this.nextUint32() * UINT32_TO_UNIT;
  }
}
