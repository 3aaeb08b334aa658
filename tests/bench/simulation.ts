/**
 * `npm run bench`: figures for the simulation engines (printed, not asserted). Each figure is the best of a
 * few repetitions, to see through other work on the machine; the load average is printed alongside.
 */
import { loadavg } from 'node:os';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import { compileJourney, KIND_OUTCOME, type CompiledJourney } from '../../src/simulation/compile';
import { analyseExact } from '../../src/simulation/exact';
import { MonteCarloRunner } from '../../src/simulation/monteCarlo';
import { seedState, Xoshiro128 } from '../../src/simulation/prng';
import { analyseWhatIf, successWithDropOff } from '../../src/simulation/whatIf';
import { generateJourneyMap } from './generateJourneyMap';

const now = () => performance.now();
const fmt = (x: number, digits = 1) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const millions = (perMs: number) => `${fmt(perMs / 1e3)} M/s`;

function best<T>(reps: number, run: () => T): { ms: number; value: T } {
  let bestMs = Infinity;
  let value!: T;
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    value = run();
    const ms = now() - t0;
    if (ms < bestMs) bestMs = ms;
  }
  return { ms: bestMs, value };
}

/** The ceiling: the same inlined xoshiro128** as the walk, doing nothing but draw. */
function prngOnly(count: number, state: Int32Array): number {
  let s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3], acc = 0;
  for (let i = 0; i < count; i++) {
    const m = Math.imul(s1, 5);
    acc ^= Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
  }
  return acc ^ s0 ^ s1 ^ s2 ^ s3;
}

function prngThroughput(draws: number): number {
  const state = new Int32Array(seedState(1).buffer);
  for (let i = 0; i < 5; i++) prngOnly(1e6, state); // warm up
  return draws / best(5, () => prngOnly(draws, state)).ms;
}

function monteCarlo(journey: CompiledJourney, customers: number, trackPaths = true) {
  const { ms, value } = best(5, () => {
    const runner = new MonteCarloRunner(journey, { seed: 1, maxSteps: 200, trackPaths });
    runner.step(customers);
    return runner.finish();
  });
  return { ms, transitions: value.transitions, perMs: value.transitions / ms };
}

function largestComponent(journey: CompiledJourney): { largest: number; cyclic: number } {
  const { components } = analyseExact(journey);
  let largest = 0, cyclic = 0;
  for (let c = 0; c < components.count; c++) {
    largest = Math.max(largest, components.start[c + 1] - components.start[c]);
    cyclic += components.cyclic[c];
  }
  return { largest, cyclic };
}

const load = loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`Simulation benchmark — Node ${process.version}, load average ${load}\n`);

console.log('Generator');
const ceiling = prngThroughput(50_000_000);
console.log(`  xoshiro128** inlined, draws only          ${millions(ceiling)}`);
const rng = new Xoshiro128(1);
const methodRate = 20_000_000 / best(3, () => {
  let acc = 0;
  for (let i = 0; i < 20_000_000; i++) acc ^= rng.nextUint32();
  return acc;
}).ms;
console.log(`  Xoshiro128.nextUint32() method calls      ${millions(methodRate)}\n`);

console.log('Monte Carlo (one core)');
const sample = compileJourney(onlineStoreSample());
const cold = (() => {
  const t0 = now();
  const runner = new MonteCarloRunner(sample, { seed: 7, maxSteps: 200 });
  runner.step(1_000_000);
  runner.finish();
  return now() - t0;
})();
for (const [name, journey, customers] of [
  ['sample map (13 nodes)', sample, 1_000_000],
  ['generated 2,000 nodes', compileJourney(generateJourneyMap({ nodes: 2000, seed: 1 })), 100_000],
] as const) {
  const withPaths = monteCarlo(journey, customers);
  const withoutPaths = monteCarlo(journey, customers, false);
  const prng = prngThroughput(20_000_000);
  console.log(`  ${name}: ${customers.toLocaleString('en')} customers, ${fmt(withPaths.transitions / customers, 2)} steps each`);
  console.log(`    with top paths      ${fmt(withPaths.ms)} ms   ${millions(withPaths.perMs)}   ${fmt((100 * withPaths.perMs) / prng)}% of PRNG-only (${millions(prng)})`);
  console.log(`    without top paths   ${fmt(withoutPaths.ms)} ms   ${millions(withoutPaths.perMs)}   ${fmt((100 * withoutPaths.perMs) / prng)}% of PRNG-only`);
}
console.log(`  1,000,000 customers on the sample map, first run in a fresh process (cold JIT): ${fmt(cold)} ms\n`);

console.log('Exact analysis (best of 5)');
console.log('  nodes   edges  largest loop  cyclic parts   compile     solve   what-if');
for (const nodes of [500, 2000, 10_000]) {
  const map = generateJourneyMap({ nodes, seed: 1 });
  const compile = best(5, () => compileJourney(map));
  const journey = compile.value;
  const solve = best(5, () => analyseExact(journey));
  const whatIf = best(5, () => analyseWhatIf(solve.value));
  const { largest, cyclic } = largestComponent(journey);
  console.log(
    `  ${String(nodes).padStart(6)} ${String(map.edges.length).padStart(7)} ${String(largest).padStart(13)} ${String(cyclic).padStart(13)}` +
      ` ${fmt(compile.ms, 2).padStart(8)} ms ${fmt(solve.ms, 2).padStart(6)} ms ${fmt(whatIf.ms, 2).padStart(6)} ms`,
  );
}

console.log('\nUplift and removal effect for every node, 2,000-node map');
{
  const journey = compileJourney(generateJourneyMap({ nodes: 2000, seed: 1 }));
  const chain = analyseExact(journey);
  const identities = best(5, () => analyseWhatIf(chain));
  const sampleNodes: number[] = [];
  for (let k = 0; k < journey.n && sampleNodes.length < 100; k += 7) if (journey.kind[k] !== KIND_OUTCOME) sampleNodes.push(k);
  const t0 = now();
  for (const k of sampleNodes) {
    successWithDropOff(journey, k, 0);
    successWithDropOff(journey, k, 1);
  }
  const perNode = (now() - t0) / sampleNodes.length;
  let transient = 0;
  for (let k = 0; k < journey.n; k++) if (journey.kind[k] !== KIND_OUTCOME) transient++;
  console.log(`  first-passage identities (one solve + diagonal of the fundamental matrix): ${fmt(identities.ms, 2)} ms`);
  console.log(`  re-solving per node instead: ${fmt(perNode, 2)} ms per node → about ${fmt((perNode * transient) / 1000, 1)} s for ${transient} nodes`);
}

console.log('\nOne large loop (worst case for the dense per-component solve)');
for (const nodes of [300, 1000]) {
  const map = generateJourneyMap({ nodes, seed: 2, backEdgeProbability: 1, window: 40 });
  const journey = compileJourney(map);
  const solve = best(3, () => analyseExact(journey));
  const whatIf = best(3, () => analyseWhatIf(solve.value));
  const { largest } = largestComponent(journey);
  console.log(`  ${nodes} nodes, largest loop ${largest}: solve ${fmt(solve.ms, 1)} ms, what-if ${fmt(whatIf.ms, 1)} ms`);
}
