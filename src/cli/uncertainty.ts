/**
 * `npm run simulate -- map.json --uncertainty K`: the uncertainty analysis (simulation/uncertainty.ts) as the
 * `uncertainty` object of --json, and as a short section of the readable report.
 */
import type { JourneyMap } from '../domain';
import type { ParameterCounts, PercentileInterval, UncertaintyResult } from '../simulation';
import { inlineText } from './terminalText';

type Pair = [low: number, high: number];

const pair = ({ low, high }: PercentileInterval): Pair => [low, high];

/**
 * The --json `uncertainty` object: intervals as [low, high]; upliftInterval per entry and touchpoint;
 * topHotspotShare only for nodes that ranked first in some draw.
 */
export function uncertaintyJson(map: JourneyMap, result: UncertaintyResult) {
  const upliftInterval: Record<string, Pair> = {};
  const topHotspotShare: Record<string, number> = {};
  map.nodes.forEach((node, i) => {
    if (node.kind === 'outcome') return;
    upliftInterval[node.id] = [result.upliftLow[i], result.upliftHigh[i]];
    if (result.topHotspotShare[i] > 0) topHotspotShare[node.id] = result.topHotspotShare[i];
  });
  return {
    draws: result.draws,
    seed: result.seed,
    uncertain: result.uncertain,
    fixed: result.fixed,
    success: pair(result.success),
    outcomes: Object.fromEntries(Object.entries(result.outcomes).map(([id, interval]) => [id, pair(interval)])),
    upliftInterval,
    topHotspotShare,
  };
}

const percent = (p: number, digits = 1) => `${(100 * p).toFixed(digits)}%`;
const points = (p: number) => `${(100 * p).toFixed(2)}`;
const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;
const values = ({ dropOffs, weights }: ParameterCounts) =>
  `${plural(dropOffs, 'drop-off', 'drop-offs')} and ${plural(weights, 'edge weight', 'edge weights')}`;

/** The readable section: what is uncertain, the completion interval, and the hotspots that ranked first. */
export function formatUncertainty(map: JourneyMap, result: UncertaintyResult): string {
  if (result.draws === 0) {
    return 'Uncertainty: no value that changes the results comes from counts. Values typed by hand are held fixed, so there is no spread to show.\n';
  }
  const out = [`Uncertainty (${plural(result.draws, 'draw', 'draws')} of the values from counts, seed ${result.seed})`];
  out.push(`  From counts: ${values(result.uncertain)}. Typed by hand and held fixed: ${values(result.fixed)}.`);
  out.push(`  Completion (success), 95% interval: ${percent(result.success.low, 2)} – ${percent(result.success.high, 2)}`);
  const label = (i: number) => inlineText(map.nodes[i].label);
  const ranked = map.nodes.map((_, i) => i).filter((i) => result.topHotspotShare[i] > 0);
  ranked.sort((i, j) => result.topHotspotShare[j] - result.topHotspotShare[i]);
  for (const i of ranked.slice(0, 5)) {
    out.push(
      `  ${label(i)} is the top hotspot in ${percent(result.topHotspotShare[i], 0)} of draws` +
        ` (uplift +${points(result.upliftLow[i])} to +${points(result.upliftHigh[i])} pts)`,
    );
  }
  return `${out.join('\n')}\n`;
}
