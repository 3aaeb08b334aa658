/** The readable report of `npm run simulate` (without --json). */
import type { JourneyMap, Persona } from '../domain';
import type { ExactResult, SimulationResult } from '../simulation';
import { inlineText } from './terminalText';

const percent = (p: number, digits = 1) => (Number.isFinite(p) ? `${(100 * p).toFixed(digits)}%` : '—');
const count = (n: number) => Math.round(n).toLocaleString('en');
const ms = (t: number) => (t < 10 ? t.toFixed(2) : t.toFixed(0));

function table(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => '  ' + r.map((cell, c) => (align[c] === 'r' ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

/**
 * Node id → removal effect as a share of the success probability (removalEffect / success): the relative
 * removal effect of Markov-chain attribution (ChannelAttribution's). Null when nobody succeeds (0/0).
 */
export function removalEffectShare(exact: Pick<ExactResult, 'removalEffect' | 'success'>): Record<string, number> | null {
  if (!(exact.success > 0)) return null;
  return Object.fromEntries(Object.entries(exact.removalEffect).map(([id, lost]) => [id, lost / exact.success]));
}

/** `persona`: the one persona simulated (--persona), if any. */
export function formatReport(map: JourneyMap, result: SimulationResult, persona?: Persona): string {
  const { exact, monteCarlo: mc, settings, timings } = result;
  // Names, labels and notes come from the file: one line each, no control characters.
  const label = (id: string) => inlineText(map.nodes.find((n) => n.id === id)?.label ?? id);
  const out: string[] = [];
  out.push(`${inlineText(map.name)} — ${map.nodes.length} nodes, ${map.edges.length} edges`);
  out.push(`${count(settings.customers)} simulated customers, seed ${settings.seed}, at most ${count(settings.maxSteps)} steps each`);
  if (persona) out.push(`Persona ${inlineText(persona.name)} alone: every customer is one of them, with the persona's overrides`);
  else if (result.personas) out.push(`${result.personas.length} personas, customers split by their shares; figures below are for all of them together`);
  out.push('');
  out.push('Completion (success) rate');
  out.push(`  Monte Carlo  ${percent(mc.success.rate, 2)}  (95% CI ${percent(mc.success.low, 2)} – ${percent(mc.success.high, 2)})`);
  out.push(`  Exact        ${percent(exact.success, 2)}`);
  out.push('');
  if (result.personas) {
    out.push('Completion by persona');
    const rows = [['Persona', 'Share', 'Customers', 'Exact', 'Monte Carlo', '95% CI']];
    for (const p of result.personas) {
      const s = p.monteCarlo.success;
      rows.push([inlineText(p.name), percent(p.share), count(p.monteCarlo.customers), percent(p.exact.success, 2), percent(s.rate, 2), `${percent(s.low, 2)} – ${percent(s.high, 2)}`]);
    }
    rows.push(['All customers', percent(1), count(mc.customers), percent(exact.success, 2), percent(mc.success.rate, 2), `${percent(mc.success.low, 2)} – ${percent(mc.success.high, 2)}`]);
    out.push(table(rows, ['l', 'r', 'r', 'r', 'r', 'r']));
    out.push('');
  }

  const rows = [['Outcome', 'Result', 'Exact', 'Monte Carlo']];
  for (const n of map.nodes) {
    if (n.kind !== 'outcome') continue;
    rows.push([inlineText(n.label), n.result ?? 'success', percent(exact.outcomes[n.id], 2), percent(mc.outcomes[n.id], 2)]);
  }
  rows.push(['Abandoned', '', percent(exact.abandoned, 2), percent(mc.abandoned.share, 2)]);
  rows.push(['Looping', '', percent(exact.looping, 2), percent(mc.looping.share, 2)]);
  out.push(table(rows, ['l', 'l', 'r', 'r']));
  out.push(
    `  Steps per journey: exact mean ${Number.isFinite(exact.expectedSteps) ? exact.expectedSteps.toFixed(2) : '∞ (closed loop)'}; ` +
      `Monte Carlo mean ${mc.journeyLength.mean.toFixed(2)}, median ${mc.journeyLength.median}, 90th percentile ${mc.journeyLength.p90}`,
  );
  if (exact.loopingNodes.length > 0) out.push(`  Closed loop (customers never leave): ${exact.loopingNodes.map(label).join(', ')}`);
  if (exact.deadEnds.length > 0) out.push(`  Dead ends (everyone arriving abandons): ${exact.deadEnds.map(label).join(', ')}`);
  out.push('');

  out.push('Hotspots (success gained if the drop-off were removed)');
  const hot = [['#', 'Touchpoint', 'Drop-off', 'Lost /1000', 'Uplift', 'Removal', 'Worst open friction']];
  result.hotspots.slice(0, 10).forEach((h, i) => {
    const friction = h.worstFriction ? `[${h.worstFriction.severity}] ${inlineText(h.worstFriction.note)}` : '';
    hot.push([String(i + 1), inlineText(h.label), percent(h.dropOff), h.lostPer1000.toFixed(1), `+${(100 * h.uplift).toFixed(2)} pts`, `${(100 * h.removalEffect).toFixed(2)} pts`, friction]);
  });
  out.push(table(hot, ['r', 'l', 'r', 'r', 'r', 'r', 'l']));
  out.push('');

  out.push(`Top paths (Monte Carlo${mc.topPathsExact ? '' : `, counts may be short by up to ${count(mc.pathUndercountBound)}`})`);
  for (const p of mc.topPaths) out.push(`  ${percent(p.share, 2).padStart(7)}  ${count(p.count).padStart(9)}  ${p.path.map(label).join(' → ')}`);
  out.push('');
  out.push(
    `Time: exact ${ms(timings.exactMs)} ms, what-if ${ms(timings.whatIfMs)} ms, Monte Carlo ${ms(timings.monteCarloMs)} ms ` +
      `(${count(mc.transitions)} steps)`,
  );
  return `${out.join('\n')}\n`;
}
