/**
 * Random deviates for drawing a journey's parameters from their posteriors (uncertainty.ts): the standard
 * normal, Gamma (Marsaglia–Tsang), Beta as Ga/(Ga + Gb) and Dirichlet as normalised Gammas, all on the
 * engines' seeded generator (prng.ts), so that a seed gives the same draws in Node, in a worker and in tests.
 *
 * A thousand draws of a 2,000-node map take about ten million Gamma deviates, so the normal comes from a
 * ziggurat (Marsaglia & Tsang 2000, 128 layers): one 32-bit output and one table look-up per deviate, with
 * no logarithm outside the rare wedge and tail. The layer (low 7 bits) and the signed position within it
 * (the other 25) come from separate bits of the output, which avoids the original's correlation between them
 * (Doornik 2005); 24 bits of position are far finer than any percentile reported here.
 */
import { UINT32_TO_UNIT, type Xoshiro128 } from './prng';

/** A double in the open interval (0, 1): never 0, so that its logarithm and powers stay finite. */
export function openUniform(rng: Xoshiro128): number {
  return (rng.nextUint32() + 0.5) * UINT32_TO_UNIT;
}

const LAYERS = 128;
/** Where the ziggurat's base strip ends and the tail begins, and the area of each layer. */
const TAIL_START = 3.442619855899;
const LAYER_AREA = 9.91256303526217e-3;

/** Per layer: x-width per unit of the signed 25-bit position, the acceptance bound on it, and the density at the layer's edge. */
const width = new Float64Array(LAYERS);
const bound = new Float64Array(LAYERS);
const density = new Float64Array(LAYERS);
{
  const scale = 2 ** 24;
  let x = TAIL_START;
  const base = LAYER_AREA / Math.exp(-0.5 * x * x);
  bound[0] = (x / base) * scale;
  bound[1] = 0;
  width[0] = base / scale;
  width[LAYERS - 1] = x / scale;
  density[0] = 1;
  density[LAYERS - 1] = Math.exp(-0.5 * x * x);
  for (let i = LAYERS - 2; i >= 1; i--) {
    const next = Math.sqrt(-2 * Math.log(LAYER_AREA / x + Math.exp(-0.5 * x * x)));
    bound[i + 1] = (next / x) * scale;
    x = next;
    density[i] = Math.exp(-0.5 * x * x);
    width[i] = x / scale;
  }
}

/** A standard normal deviate. */
export function standardNormal(rng: Xoshiro128): number {
  for (;;) {
    const bits = rng.nextUint32();
    const layer = bits & (LAYERS - 1);
    const signed = (bits | 0) >> 7;
    const x = signed * width[layer];
    if (Math.abs(signed) < bound[layer]) return x;
    if (layer === 0) return normalTail(rng, signed < 0);
    // The wedge between the layer's rectangle and the curve.
    if (density[layer] + openUniform(rng) * (density[layer - 1] - density[layer]) < Math.exp(-0.5 * x * x)) return x;
  }
}

/** A deviate from the normal tail beyond TAIL_START (Marsaglia 1964). */
function normalTail(rng: Xoshiro128, negative: boolean): number {
  let x: number, y: number;
  do {
    x = -Math.log(openUniform(rng)) / TAIL_START;
    y = -Math.log(openUniform(rng));
  } while (y + y < x * x);
  return negative ? -TAIL_START - x : TAIL_START + x;
}

/**
 * A Gamma(shape, 1) deviate by Marsaglia & Tsang (2000); a shape below 1 is boosted: Ga(α) = Ga(α + 1)·U^(1/α).
 * For shapes below about 0.01 that can underflow to 0 (the posteriors here all have shapes of at least 1).
 */
export function gamma(rng: Xoshiro128, shape: number): number {
  if (!(shape > 0 && shape < Infinity)) throw new RangeError(`A Gamma shape must be a positive number, got ${shape}`);
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(openUniform(rng), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(rng);
    const x2 = x * x;
    // The squeeze accepts about 98% without a logarithm.
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) deviate as Ga/(Ga + Gb). */
export function beta(rng: Xoshiro128, a: number, b: number): number {
  const x = gamma(rng, a);
  return x / (x + gamma(rng, b));
}

/**
 * A Dirichlet(alpha[start], …, alpha[end − 1]) deviate into out[start .. end − 1] (normalised Gammas); the
 * rest of `out` is left as it is.
 */
export function dirichlet(rng: Xoshiro128, alpha: ArrayLike<number>, out: Float64Array = new Float64Array(alpha.length), start = 0, end = alpha.length): Float64Array {
  let sum = 0;
  for (let i = start; i < end; i++) sum += out[i] = gamma(rng, alpha[i]);
  for (let i = start; i < end; i++) out[i] /= sum;
  return out;
}
