/**
 * `npm run simulate -- <map.journey.json | paths.csv> [--customers N] [--seed S] [--max-steps M] [--persona ID] [--scenario ID | --compare] [--uncertainty K] [--json]`
 *
 * Runs both simulation engines on a map file in Node. The file goes through the same import as in the app, so
 * a bad file is refused with the same messages; a `.csv` file is ChannelAttribution path data, analysed as the
 * map built from it (readMapFile.ts). --uncertainty K adds K posterior draws of the values from counts.
 * Exit codes: 0 done, 1 the map could not be read or simulated, 2 usage, 130 interrupted (Ctrl+C).
 *
 * Everything human-readable is printed through terminalText/inlineText (a map file must not be able to
 * drive the terminal); the JSON document through jsonText.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, importMapText } from '../format';
import { applyScenario, findPersona, findScenario, type JourneyMap, type Persona } from '../domain';
import { compareScenarios, compareScenariosInChunks, simulateInChunks, simulateJourney, SimulationError, soloPersona, unknownPersonaMessage, type ChunkedRunOptions, type ScenarioComparison, type SimulationResult } from '../simulation';
import { parseArguments, type Arguments } from './arguments';
import { progressLine, type ProgressOptions } from './progress';
import { readMapFile } from './readMapFile';
import { formatReport, removalEffectShare } from './report';
import { inlineText, jsonText, terminalText } from './terminalText';
import { analyseUncertainty, analyseUncertaintyInChunks, type UncertaintyOptions, type UncertaintyResult } from '../simulation';
import { formatUncertainty, uncertaintyJson } from './uncertainty';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's text; throws with a message saying why it cannot be read. */
  readFile(path: string): string;
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: readMapFile,
};

export const USAGE =
  'Usage: npm run simulate -- <map.journey.json | paths.csv> [--customers N] [--seed S] [--max-steps M] [--persona ID] [--scenario ID | --compare] [--uncertainty K] [--json]\n' +
  '  A .csv file is customer-path data as ChannelAttribution reads it (path;total_conversions;total_conversion_value;total_null): the map is built from it.\n' +
  '  --uncertainty K: K draws (1 to 100,000) of the drop-offs and weights calibrated from counts, each solved exactly: 95% intervals and top-hotspot shares.\n';

export const EXIT_INTERRUPTED = 130;

/** The io with every human-readable write cleaned of control characters. */
function safeIo(io: CliIo) {
  return {
    text: (text: string) => io.stdout(terminalText(text)),
    json: (value: unknown) => io.stdout(`${jsonText(value)}\n`),
    error: (text: string) => io.stderr(terminalText(text)),
  };
}

interface Prepared {
  args: Arguments;
  /** The map as read. */
  map: JourneyMap;
  /** What is simulated: the map, or with --persona that persona's view of it as a population of its own. */
  simulated: JourneyMap;
  /** The persona of --persona. */
  persona?: Persona;
  warnings: string[];
}

/** Arguments, file and import: what both ways of running need, or the exit code when it stops here. */
function prepare(argv: readonly string[], io: CliIo): Prepared | number {
  const out = safeIo(io);
  if (argv.includes('--help') || argv.includes('-h')) {
    out.text(USAGE);
    return 0;
  }
  const args = parseArguments(argv);
  if (typeof args === 'string') {
    out.error(`${inlineText(args)}\n${USAGE}`);
    return 2;
  }
  const file = inlineText(args.file);
  let text: string;
  try {
    text = io.readFile(args.file);
  } catch (error) {
    out.error(`Cannot read ${file}: ${inlineText(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
  const imported = importMapText(text);
  if (!imported.ok) {
    out.error(`${file} is not a valid journey map:\n`);
    for (const p of imported.problems) out.error(`  ${inlineText(formatProblem(p))}\n`);
    return 1;
  }
  const map = imported.map;
  let persona: Persona | undefined;
  if (args.persona !== undefined) {
    persona = findPersona(map, args.persona);
    if (!persona) {
      out.error(`${inlineText(unknownPersonaMessage(map, args.persona))}\n${USAGE}`);
      return 2;
    }
  }
  if (args.scenario !== undefined && !findScenario(map, args.scenario)) {
    out.error(`${inlineText(unknownScenarioMessage(map, args.scenario))}\n${USAGE}`);
    return 2;
  }
  if (!args.json) for (const w of imported.warnings) out.error(`Note: ${inlineText(w)}\n`);
  const asSeen = persona ? soloPersona(map, persona.id) : map;
  const simulated = args.scenario !== undefined ? applyScenario(asSeen, args.scenario) : asSeen;
  return { args, map, simulated, ...(persona ? { persona } : {}), warnings: imported.warnings };
}

function simulationFailed(error: unknown, file: string, io: CliIo): number {
  if (!(error instanceof SimulationError)) throw error;
  safeIo(io).error(`Cannot simulate ${inlineText(file)}: ${inlineText(error.message)}\n`);
  return 1;
}

function printResult({ args, map, persona, warnings }: Prepared, result: SimulationResult, io: CliIo, uncertainty?: UncertaintyResult): number {
  const out = safeIo(io);
  if (args.json) out.json({ ...jsonReport(map, result, warnings, persona), ...(uncertainty ? { uncertainty: uncertaintyJson(map, uncertainty) } : {}) });
  else out.text(formatReport(map, result, persona) + (uncertainty ? `\n${formatUncertainty(map, uncertainty)}` : ''));
  return 0;
}

/** --uncertainty K: K draws with the run's seed; with --persona, the persona's overrides stay fixed. */
const uncertaintyOptions = ({ args, persona }: Prepared): UncertaintyOptions => ({ draws: args.uncertainty, seed: args.overrides.seed, persona });

/** Runs the command synchronously (no progress, no cancel); returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo = nodeIo): number {
  const prepared = prepare(argv, io);
  if (typeof prepared === 'number') return prepared;
  if (prepared.args.compare) {
    try {
      return printComparison(prepared, compareScenarios(prepared.simulated, prepared.args.overrides), io);
    } catch (error) {
      return simulationFailed(error, prepared.args.file, io);
    }
  }
  let result: SimulationResult;
  let uncertainty: UncertaintyResult | undefined;
  try {
    result = simulateJourney(prepared.simulated, prepared.args.overrides);
    if (prepared.args.uncertainty !== undefined) uncertainty = analyseUncertainty(prepared.simulated, uncertaintyOptions(prepared));
  } catch (error) {
    return simulationFailed(error, prepared.args.file, io);
  }
  return printResult(prepared, result, io, uncertainty);
}

export interface RunOptions {
  /** Aborting it (Ctrl+C) stops the run within one slice of work; the command then returns 130. */
  signal?: AbortSignal;
  /** How to show progress on stderr; none when absent. */
  progress?: ProgressOptions;
}

/**
 * Runs the command the way `npm run simulate` does: the engines work in slices, so progress reaches stderr
 * and an abort is seen promptly. Same output as runCli.
 */
export async function main(argv: readonly string[], io: CliIo = nodeIo, options: RunOptions = {}): Promise<number> {
  const prepared = prepare(argv, io);
  if (typeof prepared === 'number') return prepared;
  const progress = options.progress ? progressLine((text) => io.stderr(text), prepared.map.name, options.progress) : undefined;
  const sliced: ChunkedRunOptions = { signal: options.signal, onProgress: progress && ((p) => progress.update(p)) };
  const { simulated, args } = prepared;
  if (args.compare) {
    const comparison = await inSlices('comparison', () => compareScenariosInChunks(simulated, args.overrides, sliced), prepared, io, progress);
    return typeof comparison === 'number' ? comparison : printComparison(prepared, comparison, io);
  }
  const result = await inSlices('simulation', () => simulateInChunks(simulated, args.overrides, sliced), prepared, io, progress);
  if (typeof result === 'number') return result;
  if (args.uncertainty === undefined) return printResult(prepared, result, io);
  const onDraws = progress && ((done: number, total: number) => progress.update({ phase: 'uncertainty', done, total }));
  onDraws?.(0, args.uncertainty);
  const draws = () => analyseUncertaintyInChunks(simulated, uncertaintyOptions(prepared), { signal: options.signal, onProgress: onDraws });
  const uncertainty = await inSlices('uncertainty analysis', draws, prepared, io, progress);
  return typeof uncertainty === 'number' ? uncertainty : printResult(prepared, result, io, uncertainty);
}

/** A sliced run's value, or the exit code when it failed or was interrupted (then nothing is printed). */
async function inSlices<T>(
  what: string,
  run: () => Promise<T | null>,
  prepared: Prepared,
  io: CliIo,
  progress: { end(): void } | undefined,
): Promise<T | number> {
  let value: T | null;
  try {
    value = await run();
  } catch (error) {
    return simulationFailed(error, prepared.args.file, io);
  } finally {
    progress?.end();
  }
  if (value === null) {
    safeIo(io).error(`Interrupted: the ${what} was stopped before it finished; nothing was printed.\n`);
    return EXIT_INTERRUPTED;
  }
  return value;
}

/**
 * The --json document. Infinity (expected visits inside a closed loop) becomes null in JSON. With personas,
 * `exact.personas` and `monteCarlo.personas` (persona id → that persona's figures) go with the blended
 * ones; with --persona, `persona` names the one simulated.
 */
export function jsonReport(map: JourneyMap, result: SimulationResult, warnings: readonly string[] = [], persona?: Persona) {
  const personas = result.personas ?? [];
  const byPersona = <T>(pick: (p: (typeof personas)[number]) => T) =>
    personas.length === 0 ? {} : { personas: Object.fromEntries(personas.map((p) => [p.personaId, pick(p)])) };
  return {
    map: { id: map.id, name: map.name, nodes: map.nodes.length, edges: map.edges.length },
    ...(persona ? { persona: { id: persona.id, name: persona.name } } : {}),
    settings: result.settings,
    exact: {
      ...result.exact,
      removalEffectShare: removalEffectShare(result.exact),
      ...byPersona(({ name, share, exact }) => ({ name, share, success: exact.success, outcomes: exact.outcomes, abandon: exact.abandon, uplift: exact.uplift })),
    },
    monteCarlo: { ...result.monteCarlo, ...byPersona(({ name, share, monteCarlo }) => ({ name, share, ...monteCarlo })) },
    hotspots: result.hotspots,
    timings: result.timings,
    warnings,
  };
}

/**
 * The process around main: Ctrl+C cancels the run, progress on a long run. A repeated SIGINT only aborts
 * again: under `npm run simulate` one Ctrl+C arrives several times (npm and tsx relay it to their child as
 * well as the terminal sending it to the whole group), and the run stops within one slice anyway.
 */
async function runAsCommand(): Promise<void> {
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.on('SIGINT', interrupt);
  try {
    process.exitCode = await main(process.argv.slice(2), nodeIo, {
      signal: controller.signal,
      progress: { tty: process.stderr.isTTY === true, columns: process.stderr.columns },
    });
  } catch (error) {
    process.stderr.write(terminalText(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
    process.exitCode = 1;
  } finally {
    process.off('SIGINT', interrupt);
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) void runAsCommand();

function unknownScenarioMessage(map: JourneyMap, id: string): string {
  const known = map.scenarios.map((s) => `"${s.id}" (${s.name})`);
  return known.length === 0
    ? `There is no scenario "${id}": the map has none`
    : `There is no scenario "${id}"; the map's scenarios are ${known.join(', ')}`;
}

/** --compare: every scenario's success next to the as-is, exact and simulated with the same seed. */
function printComparison({ args, map }: Prepared, comparison: ScenarioComparison, io: CliIo): number {
  const out = safeIo(io);
  if (args.json) {
    out.json({
      map: { id: map.id, name: map.name },
      settings: { seed: comparison.seed, customers: comparison.customers },
      scenarios: comparison.runs.map((run) => ({
        id: run.scenarioId,
        name: run.name,
        exact: run.exact,
        monteCarlo: run.monteCarlo,
        lossesByStage: run.lossesByStage,
        ...(run.personas.length > 0 ? { personas: run.personas } : {}),
        ...(run.difference ? { difference: run.difference } : {}),
      })),
    });
    return 0;
  }
  const pct = (p: number) => `${(p * 100).toFixed(2)}%`;
  const pts = (p: number) => `${p >= 0 ? '+' : '−'}${Math.abs(p).toFixed(2)}`;
  const rows = comparison.runs.map((run) => [
    run.name,
    pct(run.exact.success),
    run.difference ? pts(run.difference.exactPoints) : '',
    `${pct(run.monteCarlo.success.rate)} (${pct(run.monteCarlo.success.low)} – ${pct(run.monteCarlo.success.high)})`,
    run.difference ? `${pts(run.difference.monteCarloPoints)} (${pts(run.difference.lowPoints)} … ${pts(run.difference.highPoints)})` : '',
  ]);
  const head = ['Scenario', 'Exact', 'Δ points', 'Monte Carlo (95% CI)', 'Δ points (95% CI)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd();
  const count = comparison.runs.length - 1;
  out.text(
    [
      `${map.name} — as-is and ${count} scenario${count === 1 ? '' : 's'}: completion (success)`,
      `${comparison.customers.toLocaleString('en')} simulated customers per run, seed ${comparison.seed} for every run`,
      '',
      line(head),
      ...rows.map(line),
      '',
    ].join('\n'),
  );
  return 0;
}
