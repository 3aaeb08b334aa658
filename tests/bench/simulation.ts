/**
 * `npm run bench`: figures for the simulation engines (printed, not asserted). Each figure is the best of
 * several repetitions, to see through other work on the machine; the load average is printed alongside.
 *
 * The measurements run in a plain Node process on an esbuild bundle of this file, not under tsx: tsx's module
 * loader makes V8 give up its "array buffers are never detached" assumption, after which optimised code
 * checks for a detached buffer on every typed-array access. The app (a bundle in a browser worker) never
 * pays for that, so the figures would understate the engine. The last section shows the difference.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import { compileJourney, KIND_OUTCOME, type CompiledJourney } from '../../src/simulation/compile';
import { denseTailStart } from '../../src/simulation/denseTail';
import { analyseExact } from '../../src/simulation/exact';
import { MonteCarloRunner } from '../../src/simulation/monteCarlo';
import { seedState, Xoshiro128 } from '../../src/simulation/prng';
import { analyseWhatIf, successWithDropOff } from '../../src/simulation/whatIf';
import { packResult, unpackResult } from '../../src/simulation/packed';
import { analyseBlend, simulateInChunks, simulateJourney } from '../../src/simulation/simulate';
import type { SimulationProgress } from '../../src/simulation/types';
import { singleLoopMap } from '../unit/simulation/maps';
import { generateJourneyMap, withGeneratedPersonas } from './generateJourneyMap';
import { benchUncertainty } from './uncertainty';

const now = () => performance.now();
const fmt = (x: number, digits = 1) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const millions = (perMs: number) => `${fmt(perMs / 1e3)} M/s`;
const pad = (s: string, n: number) => s.padStart(n);

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

/**
 * The ceiling: the generator alone, exactly as the walk runs it (xoshiro128** with its state in four local
 * int32 variables, one 32-bit output per iteration), each output consumed (XORed into a result that is
 * returned), so the JIT can drop nothing. A step of the walk needs at least this much work.
 */
function prngOnly(count: number, state: Int32Array): number {
  let s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3], acc = 0;
  for (let i = 0; i < count; i++) {
    const m = Math.imul(s1, 5);
    acc ^= Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
  }
  state[0] = s0; state[1] = s1; state[2] = s2; state[3] = s3;
  return acc;
}

const PRNG_DRAWS = 20_000_000;
const prngState = new Int32Array(seedState(1).buffer);
let sink = 0;
function timePrng(): number {
  const t0 = now();
  sink ^= prngOnly(PRNG_DRAWS, prngState);
  return now() - t0;
}

/** The app's runner, as simulateJourney uses it: build the tables, walk `customers`, collect the results. */
function runMonteCarlo(journey: CompiledJourney, customers: number, trackPaths: boolean) {
  const runner = new MonteCarloRunner(journey, { seed: 1, maxSteps: 200, trackPaths });
  runner.step(customers);
  return runner.finish();
}

/**
 * Walk runs interleaved with generator-only runs, so both see the same machine; best of `reps` for each.
 * Throughput is transitions (steps) per second of the whole run: tables, walk and results.
 */
function monteCarloVsPrng(journey: CompiledJourney, customers: number, trackPaths: boolean, reps: number) {
  let walkMs = Infinity, prngMs = Infinity;
  let result!: ReturnType<typeof runMonteCarlo>;
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    result = runMonteCarlo(journey, customers, trackPaths);
    walkMs = Math.min(walkMs, now() - t0);
    prngMs = Math.min(prngMs, timePrng());
  }
  const steps = result.transitions / walkMs, draws = PRNG_DRAWS / prngMs;
  return { walkMs, steps, draws, ratio: steps / draws, result };
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

function measure(): void {
  const sample = compileJourney(onlineStoreSample());
  // First thing in a fresh process: the cold figure includes V8 compiling the walk.
  const cold = best(1, () => runMonteCarlo(sample, 1_000_000, true)).ms;

  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`Simulation benchmark — Node ${process.version} (plain process, bundled), load average ${load}\n`);

  console.log('Generator (xoshiro128**)');
  for (let i = 0; i < 3; i++) timePrng(); // warm up
  const ceiling = PRNG_DRAWS / best(7, timePrng).ms;
  console.log(`  inlined, draws only (the ceiling)        ${millions(ceiling)}`);
  const rng = new Xoshiro128(1);
  const methodRate = 20_000_000 / best(3, () => {
    let acc = 0;
    for (let i = 0; i < 20_000_000; i++) acc ^= rng.nextUint32();
    return acc;
  }).ms;
  console.log(`  Xoshiro128.nextUint32() method calls      ${millions(methodRate)}\n`);

  console.log('Monte Carlo on one core: the real runner (tables, walk, results), best of several runs,');
  console.log('each next to a generator-only run; a step takes exactly one draw.');
  const generated = compileJourney(generateJourneyMap({ nodes: 2000, seed: 1 }));
  for (const [name, journey, customers, reps] of [
    ['sample map (13 nodes)', sample, 1_000_000, 9],
    ['generated 2,000 nodes', generated, 100_000, 21],
    ['generated 2,000 nodes', generated, 1_000_000, 5],
  ] as const) {
    const withPaths = monteCarloVsPrng(journey, customers, true, reps);
    const withoutPaths = monteCarloVsPrng(journey, customers, false, reps);
    const { result } = withPaths;
    console.log(
      `  ${name}: ${customers.toLocaleString('en')} customers, ${fmt(result.transitions / customers, 2)} steps each,` +
        ` ${result.distinctPathsTracked.toLocaleString('en')} distinct paths tracked${result.topPathsExact ? '' : ' (table pruned)'}`,
    );
    for (const [label, m] of [['with top paths   ', withPaths], ['without top paths', withoutPaths]] as const) {
      console.log(
        `    ${label}  ${pad(fmt(m.walkMs), 6)} ms  ${pad(millions(m.steps), 10)} steps  ${pad(fmt(100 * m.ratio), 4)}% of PRNG-only (${millions(m.draws)})`,
      );
    }
  }
  console.log(`  1,000,000 customers on the sample map with top paths, first run in a fresh process: ${fmt(cold)} ms\n`);

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
      `  ${pad(String(nodes), 6)} ${pad(String(map.edges.length), 7)} ${pad(String(largest), 13)} ${pad(String(cyclic), 13)}` +
        ` ${pad(fmt(compile.ms, 2), 8)} ms ${pad(fmt(solve.ms, 2), 6)} ms ${pad(fmt(whatIf.ms, 2), 6)} ms`,
    );
  }

  console.log('\nUplift and removal effect for every node, 2,000-node map');
  {
    const journey = generated;
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

  personas();
  singleLoops();
  if (sink === 0.5) console.log(sink); // keeps the generator's output alive
}

/**
 * The 2,000-node map simulated as one population and with 5 personas, each overriding about 10 % of the
 * drop-offs and of the weights: the exact analysis with what-if (and, with personas, the blend), then a
 * whole run of 1,000,000 customers (both engines, top paths merged).
 */
function personas(): void {
  console.log('\nPersonas: generated 2,000-node map; each figure the best of 15 (exact part) or 3 (runs of 1,000,000 customers)');
  console.log('                     compile    exact  what-if+blend  exact part, wall   Monte Carlo   whole run, wall');
  const base = generateJourneyMap({ nodes: 2000, seed: 1 });
  for (const [name, map] of [
    ['one population', base],
    ['5 personas', withGeneratedPersonas(base, { personas: 5, seed: 7 })],
  ] as const) {
    let compileMs = Infinity, exactMs = Infinity, whatIfMs = Infinity, exactWall = Infinity;
    for (let r = 0; r < 15; r++) {
      const t0 = now();
      const { timings } = analyseBlend(map);
      exactWall = Math.min(exactWall, now() - t0);
      compileMs = Math.min(compileMs, timings.compileMs);
      exactMs = Math.min(exactMs, timings.exactMs);
      whatIfMs = Math.min(whatIfMs, timings.whatIfMs);
    }
    let monteCarloMs = Infinity, runWall = Infinity;
    for (let r = 0; r < 3; r++) {
      const t0 = now();
      const run = simulateJourney(map, { customers: 1_000_000 });
      runWall = Math.min(runWall, now() - t0);
      monteCarloMs = Math.min(monteCarloMs, run.timings.monteCarloMs);
    }
    const overrides = map.personas.map((p) => `${p.nodes.length}+${p.edges.length}`).join(', ');
    console.log(
      `  ${name.padEnd(16)} ${pad(fmt(compileMs, 1), 6)} ms ${pad(fmt(exactMs, 1), 5)} ms ${pad(fmt(whatIfMs, 1), 10)} ms ${pad(fmt(exactWall, 1), 13)} ms` +
        ` ${pad(fmt(monteCarloMs, 0), 10)} ms ${pad(fmt(runWall, 0), 14)} ms` +
        (map.personas.length > 0 ? `   (per persona, drop-offs + weights overridden: ${overrides})` : ''),
    );
  }
}

/**
 * Customers start at one entry and walk a loop where every touchpoint reaches every other (maps.ts). Journey-
 * shaped loops (moves to the next few steps, back a few, to a few hubs) and randomly wired ones (one more move
 * to anywhere per touchpoint: no small separators, so the LU's last block is dense; denseTail.ts).
 */
function singleLoops(): void {
  console.log('\nSingle loops: all touchpoints in one strongly connected component (best of 3; fill = entries of the LU, tail = its dense block)');
  console.log('  touchpoints   edges      fill  tail   compile     solve   what-if  solve+what-if   Monte Carlo 100,000 customers');
  for (const [touchpoints, jumps] of [[1000, 0], [3000, 0], [10_000, 0], [1000, 1], [3000, 1]] as const) {
    const map = singleLoopMap({ touchpoints, jumps });
    const compile = best(3, () => compileJourney(map));
    const journey = compile.value;
    const solve = best(3, () => analyseExact(journey));
    const whatIf = best(3, () => analyseWhatIf(solve.value));
    const both = best(3, () => analyseWhatIf(analyseExact(journey)));
    const { largest } = largestComponent(journey);
    if (largest !== touchpoints) throw new Error(`expected one loop of ${touchpoints}, got ${largest}`);
    let fill = 0, tail = 0;
    for (const factor of solve.value.factors) {
      if (!factor) continue;
      const { m, colStart } = factor.elimination;
      fill += colStart[m];
      tail += m - denseTailStart(factor.elimination);
    }
    const monteCarlo = best(3, () => runMonteCarlo(journey, 100_000, true));
    console.log(
      `  ${pad(touchpoints.toLocaleString('en'), 11)} ${pad(map.edges.length.toLocaleString('en'), 7)} ${pad(fill.toLocaleString('en'), 9)} ${pad(tail.toLocaleString('en'), 5)}` +
        ` ${pad(fmt(compile.ms, 1), 6)} ms ${pad(fmt(solve.ms, 1), 6)} ms ${pad(fmt(whatIf.ms, 1), 6)} ms ${pad(fmt(both.ms, 1), 11)} ms` +
        `   ${pad(fmt(monteCarlo.ms, 1), 6)} ms (${fmt(monteCarlo.value.transitions / 100_000, 1)} steps each)` +
        (jumps > 0 ? '   ← randomly wired' : ''),
    );
  }
}

/**
 * Main-thread cost of receiving a result: structured-clone deserialisation of the whole result (as the
 * worker used to post it) against the packed result (typed arrays; transferred in the app, copied here),
 * and the longest slice of unpacking it into records.
 */
function mainThreadCost(): void {
  console.log('\nReceiving a result on the main thread (best of 3)');
  for (const touchpoints of [3000, 10_000]) {
    const map = singleLoopMap({ touchpoints });
    const result = simulateJourney(map, { customers: 10_000 });
    const whole = serialize(result);
    const { packed } = packResult(map, result);
    const packedBytes = serialize(packed);
    const wholeMs = best(3, () => deserialize(whole)).ms;
    const packedMs = best(3, () => deserialize(packedBytes)).ms;
    // Wall time, and CPU time (which leaves out the time other processes on the machine take from this one).
    let longest = Infinity, longestCpu = Infinity, total = Infinity, slices = 0;
    for (let r = 0; r < 3; r++) {
      const work = unpackResult(packed, map);
      let slice = 0, sliceCpu = 0, all = 0;
      slices = 0;
      for (;;) {
        const t0 = now(), c0 = process.cpuUsage();
        const step = work.next();
        const ms = now() - t0, cpu = process.cpuUsage(c0);
        slice = Math.max(slice, ms);
        sliceCpu = Math.max(sliceCpu, (cpu.user + cpu.system) / 1000);
        all += ms;
        slices++;
        if (step.done) break;
      }
      longest = Math.min(longest, slice);
      longestCpu = Math.min(longestCpu, sliceCpu);
      total = Math.min(total, all);
    }
    console.log(
      `  ${touchpoints.toLocaleString('en')} touchpoints: whole result ${fmt(whole.length / 1e6, 2)} MB, deserialised in ${fmt(wholeMs, 1)} ms;` +
        ` packed ${fmt(packedBytes.length / 1e6, 2)} MB in ${fmt(packedMs, 1)} ms, then unpacked in ${fmt(total, 1)} ms` +
        ` (${slices} slices, longest ${fmt(longest, 1)} ms wall, ${fmt(longestCpu, 1)} ms CPU)`,
    );
  }
}

/**
 * How long a run goes on after a cancel: the cancel is seen at the next pause between slices (25 ms of work
 * by default, as in the worker). Deadlines are spread over the whole run; the latency is the time from the deadline to
 * the run's end, per phase the deadline fell in.
 */
async function cancelLatency(): Promise<void> {
  console.log('\nCancel: time from a cancel to the run stopping (default slices of 25 ms, as in the worker)');
  for (const [name, map] of [
    ['10,000-touchpoint loop, 1,000,000 customers', singleLoopMap({ touchpoints: 10_000 })],
    ['3,000-touchpoint randomly wired loop, 1,000,000 customers', singleLoopMap({ touchpoints: 3000, jumps: 1 })],
  ] as const) {
    const phases: SimulationProgress['phase'][] = [];
    const t0 = now();
    await simulateInChunks(map, { customers: 1_000_000 }, { onProgress: (p) => void phases.push(p.phase) });
    const fullMs = now() - t0;
    const latencies: Partial<Record<SimulationProgress['phase'], number[]>> = {};
    for (let k = 1; k <= 20; k++) {
      const deadline = now() + (fullMs * k) / 21;
      let phase: SimulationProgress['phase'] = 'exact';
      const result = await simulateInChunks(map, { customers: 1_000_000 }, { onProgress: (p) => void (phase = p.phase), isCancelled: () => now() >= deadline });
      if (result === null) (latencies[phase] ??= []).push(now() - deadline);
    }
    const text = Object.entries(latencies)
      .map(([phase, ms]) => `${phase} ${ms.length}× median ${fmt(ms.sort((a, b) => a - b)[ms.length >> 1], 0)} ms, longest ${fmt(ms[ms.length - 1], 0)} ms`)
      .join('; ');
    console.log(`  ${name} (whole run ${fmt(fullMs / 1000, 1)} s): ${text}`);
  }
}

/** The same Monte Carlo runs in this (tsx) process, for comparison. */
function underTsx(): void {
  const sample = compileJourney(onlineStoreSample());
  const generated = compileJourney(generateJourneyMap({ nodes: 2000, seed: 1 }));
  for (let i = 0; i < 3; i++) timePrng();
  console.log('\nThe same runner under tsx (typed-array accesses also check for a detached buffer)');
  for (const [name, journey, customers, reps] of [
    ['sample map, 1,000,000 customers', sample, 1_000_000, 9],
    ['2,000 nodes, 100,000 customers', generated, 100_000, 21],
  ] as const) {
    const m = monteCarloVsPrng(journey, customers, true, reps);
    console.log(`  ${name}, with top paths: ${fmt(m.walkMs)} ms, ${millions(m.steps)} steps, ${fmt(100 * m.ratio)}% of PRNG-only (${millions(m.draws)})`);
  }
}

if (process.argv.includes('--measure') && process.argv.includes('--loops')) {
  singleLoops();
} else if (process.argv.includes('--measure')) {
  measure();
  await benchUncertainty();
  mainThreadCost();
  await cancelLatency();
} else {
  // esbuild comes with tsx (the project's TypeScript runner); resolve it from there.
  const requireFromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = requireFromTsx('esbuild') as {
    buildSync(options: { entryPoints: string[]; bundle: boolean; platform: string; format: string; outfile: string; logLevel: string }): unknown;
  };
  const outfile = join(tmpdir(), `journey-designer-bench-${process.pid}.mjs`);
  try {
    esbuild.buildSync({ entryPoints: [fileURLToPath(import.meta.url)], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
    const child = spawnSync(process.execPath, [outfile, '--measure', ...process.argv.slice(2)], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  } finally {
    rmSync(outfile, { force: true });
  }
  if (!process.argv.includes('--loops')) underTsx();
}
