/**
 * Uncertainty figures for `npm run bench` (called from simulation.ts, in its bundled plain-Node process):
 * 1,000 parameter draws on the generated 2,000-node map with counts on every entry, touchpoint and edge, in
 * one go and through the pausable generator in 25 ms slices with progress, against re-solving from scratch.
 */
import { compileJourney } from '../../src/simulation/compile';
import { analyseExact } from '../../src/simulation/exact';
import { macrotask } from '../../src/simulation/simulate';
import { analyseUncertainty, analyseUncertaintyInChunks } from '../../src/simulation/uncertainty';
import { analyseWhatIf } from '../../src/simulation/whatIf';
import { generateJourneyMap, withGeneratedPersonas } from './generateJourneyMap';
import { withObservedCounts } from './observedCounts';

const now = () => performance.now();
const fmt = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 0 });

/** Median and best wall time of `runs` runs (after one to warm up). */
async function timed(runs: number, run: () => unknown): Promise<{ median: number; best: number }> {
  await run();
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = now();
    await run();
    ms.push(now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[runs >> 1], best: ms[0] };
}

export async function benchUncertainty(): Promise<void> {
  const draws = 1000;
  const base = generateJourneyMap({ nodes: 2000, seed: 1 });
  const map = withObservedCounts(base);
  const probe = analyseUncertainty(map, { draws: 1 });
  console.log(
    `\nUncertainty: ${draws.toLocaleString('en')} draws on the generated 2,000-node map with counts on every node and edge` +
      ` (${fmt(probe.uncertain.dropOffs)} drop-offs and ${fmt(probe.uncertain.weights)} weights drawn); median and best of 5`,
  );
  const line = (name: string, { median, best }: { median: number; best: number }, note = '') =>
    console.log(`  ${name.padEnd(52)} ${fmt(median).padStart(6)} ms  (best ${fmt(best)} ms)${note}`);

  line('setup (compile, components, orders) and 1 draw', await timed(5, () => analyseUncertainty(map, { draws: 1 })));
  line('in one go (analyseUncertainty)', await timed(5, () => analyseUncertainty(map, { draws })));
  let pauses = 0;
  const sliced = await timed(5, () =>
    analyseUncertaintyInChunks(map, { draws }, { tick: macrotask, onProgress: () => void pauses++ }),
  );
  line('in 25 ms slices with progress (as in the worker)', sliced, `, ${Math.round(pauses / 6)} progress reports per run`);
  const personas = withObservedCounts(withGeneratedPersonas(base, { personas: 5, seed: 7 }));
  line('5 personas overriding ~10% each, blended per draw', await timed(3, () => analyseUncertainty(personas, { draws })));
  const naive = await timed(3, () => {
    for (let k = 0; k < draws; k++) analyseWhatIf(analyseExact(compileJourney(map)));
  });
  line('compile + exact + what-if from scratch, ×1,000', naive, ' (for comparison; no sampling)');
}
