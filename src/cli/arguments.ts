/** The arguments of `npm run simulate`: one map file (or path-data .csv), numeric settings in plain decimal digits, --persona, --scenario, --compare, --uncertainty, --json. */
import { SIMULATION_LIMITS } from '../domain';
import { MAX_DRAWS, type RunSettings } from '../simulation';
import { quoted } from './terminalText';

export interface Arguments {
  file: string;
  json: boolean;
  /** Simulate only this persona's customers (checked against the map once it is read). */
  persona?: string;
  /** Simulate this scenario instead of the as-is map. */
  scenario?: string;
  /** Compare the as-is map with every scenario. */
  compare?: boolean;
  /** Parameter draws of the uncertainty analysis (simulation/uncertainty.ts), when asked for. */
  uncertainty?: number;
  overrides: Partial<Pick<RunSettings, 'customers' | 'seed' | 'maxSteps'>>;
}

const NUMERIC_OPTIONS = { '--customers': 'customers', '--seed': 'seed', '--max-steps': 'maxSteps' } as const;
type NumericOption = keyof typeof NUMERIC_OPTIONS;

const isNumericOption = (flag: string): flag is NumericOption => Object.hasOwn(NUMERIC_OPTIONS, flag);

/**
 * Only plain decimal digits, then the editor's range. Number() alone would also take " 5", "0x10", "0b11",
 * "1e3", "+5" and "5.0": a typo or a script bug is more likely than a person meaning them.
 */
function numericValue(flag: string, text: string, { min, max }: { min: number; max: number }): number | string {
  const range = `a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`;
  if (!/^[0-9]+$/.test(text)) {
    const looksNumeric = text.trim() !== '' && !Number.isNaN(Number(text));
    return looksNumeric
      ? `${flag} must be ${range}, written with the digits 0-9 only (no sign, spaces, decimal point, exponent or hex); got ${quoted(text)}`
      : `${flag} must be a number: ${range}, written with the digits 0-9 only; got ${quoted(text)}`;
  }
  const value = Number(text);
  return value >= min && value <= max ? value : `${flag} must be ${range}; got ${quoted(text)}`;
}

/** The parsed arguments, or a one-line message saying what is wrong. */
export function parseArguments(argv: readonly string[]): Arguments | string {
  const overrides: Arguments['overrides'] = {};
  let file: string | undefined;
  let json = false;
  let persona: string | undefined;
  let scenario: string | undefined;
  let compare = false;
  let uncertainty: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals >= 0 ? arg.slice(0, equals) : arg;
    const inline = equals >= 0 ? arg.slice(equals + 1) : undefined;
    if (flag === '--json') {
      if (inline !== undefined) return '--json takes no value';
      json = true;
    } else if (flag === '--persona') {
      const text = inline ?? argv[++i];
      // "--persona --json" is a forgotten id, not a persona called "--json".
      if (text === undefined || text === '' || (inline === undefined && text.startsWith('--'))) return '--persona needs a persona id';
      if (persona !== undefined) return `Only one --persona, please (got ${quoted(persona)} and ${quoted(text)})`;
      persona = text;
    } else if (flag === '--scenario') {
      const text = inline ?? argv[++i];
      if (text === undefined || text === '' || (inline === undefined && text.startsWith('--'))) return '--scenario needs a scenario id';
      if (scenario !== undefined) return `Only one --scenario, please (got ${quoted(scenario)} and ${quoted(text)})`;
      scenario = text;
    } else if (flag === '--compare') {
      if (inline !== undefined) return '--compare takes no value';
      compare = true;
    } else if (isNumericOption(flag)) {
      const text = inline ?? argv[++i];
      if (text === undefined) return `${flag} needs a value`;
      const value = numericValue(flag, text, SIMULATION_LIMITS[NUMERIC_OPTIONS[flag]]);
      if (typeof value === 'string') return value;
      overrides[NUMERIC_OPTIONS[flag]] = value;
    } else if (flag === '--uncertainty') {
      const text = inline ?? argv[++i];
      if (text === undefined) return '--uncertainty needs a number of draws';
      const value = numericValue(flag, text, { min: 1, max: MAX_DRAWS });
      if (typeof value === 'string') return value;
      uncertainty = value;
    } else if (flag.startsWith('-')) {
      return `Unknown option ${quoted(flag)}`;
    } else if (file !== undefined) {
      return `Only one map file, please (got ${quoted(file)} and ${quoted(arg)})`;
    } else {
      file = arg;
    }
  }
  if (file === undefined) return 'No map file given';
  if (compare && scenario !== undefined) return '--compare already runs every scenario; leave out --scenario';
  if (compare && uncertainty !== undefined) return '--uncertainty describes one map; leave out --compare';
  return {
    file,
    json,
    ...(persona === undefined ? {} : { persona }),
    ...(scenario === undefined ? {} : { scenario }),
    ...(compare ? { compare } : {}),
    ...(uncertainty === undefined ? {} : { uncertainty }),
    overrides,
  };
}
