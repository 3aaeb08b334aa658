/**
 * `npm run simulate -- <map.journey.json> [--customers N] [--seed S] [--max-steps M] [--json]`
 *
 * Runs both simulation engines on a map file in Node. The file goes through the same import as in the app, so
 * a bad file is refused with the same messages. Exit codes: 0 done, 1 the map could not be simulated, 2 usage.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, importMapText } from '../format';
import type { JourneyMap } from '../domain';
import {
  DEFAULT_CUSTOMERS,
  DEFAULT_MAX_STEPS,
  DEFAULT_SEED,
  settingsProblems,
  simulateJourney,
  SimulationError,
  type RunSettings,
  type SimulationResult,
} from '../simulation';
import { DEFAULT_SEVERITY_DROP_OFF } from '../domain';
import { formatReport } from './report';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
}

const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
};

export const USAGE = 'Usage: npm run simulate -- <map.journey.json> [--customers N] [--seed S] [--max-steps M] [--json]\n';

interface Arguments {
  file: string;
  json: boolean;
  overrides: Partial<RunSettings>;
}

function parseArguments(argv: readonly string[]): Arguments | string {
  const overrides: Partial<RunSettings> = {};
  let file: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): number | string => {
      const text = inline ?? argv[++i];
      if (text === undefined) return `${flag} needs a value`;
      const n = Number(text);
      return text.trim() === '' || !Number.isFinite(n) ? `${flag} must be a number, got "${text}"` : n;
    };
    let v: number | string;
    switch (flag) {
      case '--json':
        json = true;
        continue;
      case '--customers':
        v = value();
        if (typeof v === 'string') return v;
        overrides.customers = v;
        continue;
      case '--seed':
        v = value();
        if (typeof v === 'string') return v;
        overrides.seed = v;
        continue;
      case '--max-steps':
        v = value();
        if (typeof v === 'string') return v;
        overrides.maxSteps = v;
        continue;
      default:
        if (flag.startsWith('-')) return `Unknown option ${flag}`;
        if (file !== undefined) return `Only one map file, please (got "${file}" and "${arg}")`;
        file = arg;
    }
  }
  if (file === undefined) return 'No map file given';
  const problems = settingsProblems({
    customers: DEFAULT_CUSTOMERS,
    seed: DEFAULT_SEED,
    maxSteps: DEFAULT_MAX_STEPS,
    severityDropOff: DEFAULT_SEVERITY_DROP_OFF,
    ...overrides,
  });
  if (problems.length > 0) return problems.map((p) => p.replace(/^maxSteps/, '--max-steps').replace(/^(customers|seed)/, '--$1')).join('\n');
  return { file, json, overrides };
}

/** Runs the command; returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo = nodeIo): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const args = parseArguments(argv);
  if (typeof args === 'string') {
    io.stderr(`${args}\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = io.readFile(args.file);
  } catch (error) {
    io.stderr(`Cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const imported = importMapText(text);
  if (!imported.ok) {
    io.stderr(`${args.file} is not a valid journey map:\n`);
    for (const p of imported.problems) io.stderr(`  ${formatProblem(p)}\n`);
    return 1;
  }
  if (!args.json) for (const w of imported.warnings) io.stderr(`Note: ${w}\n`);

  let result: SimulationResult;
  try {
    result = simulateJourney(imported.map, args.overrides);
  } catch (error) {
    if (!(error instanceof SimulationError)) throw error;
    io.stderr(`Cannot simulate ${args.file}: ${error.message}\n`);
    return 1;
  }
  io.stdout(args.json ? `${JSON.stringify(jsonReport(imported.map, result, imported.warnings), null, 2)}\n` : formatReport(imported.map, result));
  return 0;
}

/** The --json document. Infinity (expected visits inside a closed loop) becomes null in JSON. */
export function jsonReport(map: JourneyMap, result: SimulationResult, warnings: readonly string[] = []) {
  return {
    map: { id: map.id, name: map.name, nodes: map.nodes.length, edges: map.edges.length },
    settings: result.settings,
    exact: result.exact,
    monteCarlo: result.monteCarlo,
    hotspots: result.hotspots,
    timings: result.timings,
    warnings,
  };
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.exitCode = runCli(process.argv.slice(2));
