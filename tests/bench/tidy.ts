/**
 * `npx tsx tests/bench/tidy.ts`: how long Tidy layout takes on generated journey maps (printed, not asserted).
 * Each figure is the best of a few runs after a warm-up, to see through other work on the machine; the load
 * average is printed alongside. Cards are spread over the five default stages in journey order, as a map drawn
 * stage by stage would have them, and have three heights.
 */
import { loadavg } from 'node:os';
import { NODE_WIDTH } from '../../src/domain/layout';
import { tidyLayout, type TidyInput } from '../../src/layout/tidy';
import { generateJourneyMap } from './generateJourneyMap';

function journey(nodes: number, stageCount: number): TidyInput {
  const map = generateJourneyMap({ nodes, seed: 1 });
  const stages = Array.from({ length: stageCount }, (_, s) => ({ id: map.stages[s]?.id ?? `stage-${s}` }));
  return {
    stages,
    nodes: map.nodes.map((node, i) => ({
      id: node.id,
      stage: stages[Math.min(stageCount - 1, Math.floor((i * stageCount) / map.nodes.length))].id,
      width: NODE_WIDTH,
      height: 80 + 20 * (i % 3),
    })),
    edges: map.edges.map(({ source, target }) => ({ source, target })),
  };
}

const fmt = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 0 });

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
await tidyLayout(journey(50, 5));

for (const [nodes, stages, runs] of [
  [100, 5, 5],
  [500, 5, 3],
  [2000, 5, 2],
  [2000, 20, 2],
] as const) {
  const input = journey(nodes, stages);
  let best = Infinity;
  let result = await tidyLayout(input);
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = await tidyLayout(input);
    best = Math.min(best, performance.now() - t0);
  }
  const widths = Object.values(result.stageWidths);
  const height = Math.max(...input.nodes.map(({ id, height }) => result.positions[id].y + height));
  console.log(
    `${String(nodes).padStart(5)} cards ${String(input.edges.length).padStart(5)} edges ${String(stages).padStart(2)} stages: ` +
      `${fmt(best).padStart(6)} ms   map ${fmt(widths.reduce((a, b) => a + b, 0))} × ${fmt(height)} px`,
  );
}
