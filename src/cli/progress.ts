/**
 * Progress of a long run on stderr (stdout carries the report or the JSON). A run shorter than a second
 * prints nothing. On a terminal, one line is rewritten in place at most every 500 ms and erased at the end;
 * into a file or a pipe, plain lines at most every 5 s, so a log does not fill up.
 */
import type { SimulationProgress } from '../simulation';
import { inlineText, quoted } from './terminalText';

export interface ProgressOptions {
  /** stderr is a terminal. */
  tty: boolean;
  /** The terminal's width: a rewritten line must not wrap, or \r would only go back to its last row. */
  columns?: number;
  now?: () => number;
}

/** The simulation's phases, and the uncertainty analysis's draws (done/total count draws). */
export type CliProgress = SimulationProgress | { phase: 'uncertainty'; done: number; total: number };
type CliPhase = CliProgress['phase'];

export interface ProgressLine {
  update(progress: CliProgress): void;
  /** Erases the rewritten line (terminal only), before the report or a message is printed. */
  end(): void;
}

const QUIET_MS = 1000;
const TERMINAL_EVERY_MS = 500;
const PLAIN_EVERY_MS = 5000;

const PHASE_NAMES: Record<CliPhase, string> = {
  exact: 'exact analysis',
  whatIf: 'what-if analysis',
  monteCarlo: 'Monte Carlo',
  uncertainty: 'uncertainty',
};
/** Phases whose units are worth printing (customers, draws), with an estimate of the time left. */
const COUNTED: Partial<Record<CliPhase, string>> = { monteCarlo: 'customers', uncertainty: 'draws' };

function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const mmss = `${Math.floor((s % 3600) / 60)}:${String(s % 60).padStart(2, '0')}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss;
}

function describe(mapName: string, { phase, done, total }: CliProgress, elapsedMs: number, phaseMs: number): string {
  const share = total > 0 ? Math.floor((100 * done) / total) : 0;
  const parts = [`Simulating ${quoted(mapName, 40)}: ${PHASE_NAMES[phase]}`];
  // Work units of the exact analysis only mean something as a share.
  const units = COUNTED[phase];
  parts.push(units ? `${done.toLocaleString('en')} of ${total.toLocaleString('en')} ${units} (${share}%)` : `${share}%`);
  parts.push(`${duration(elapsedMs)} elapsed`);
  if (units && done > 0 && done < total && phaseMs >= QUIET_MS) parts.push(`about ${duration((phaseMs * (total - done)) / done)} left`);
  return parts.join(', ');
}

export function progressLine(write: (text: string) => void, mapName: string, options: ProgressOptions): ProgressLine {
  const now = options.now ?? (() => performance.now());
  const start = now();
  let phase: CliPhase | undefined;
  let phaseStart = start;
  let lastPrinted = -Infinity;
  let shownLength = 0;
  return {
    update(progress) {
      const t = now();
      if (progress.phase !== phase) {
        phase = progress.phase;
        phaseStart = t;
      }
      if (t - start < QUIET_MS || t - lastPrinted < (options.tty ? TERMINAL_EVERY_MS : PLAIN_EVERY_MS)) return;
      lastPrinted = t;
      const line = inlineText(describe(mapName, progress, t - start, t - phaseStart));
      if (!options.tty) {
        write(`${line}\n`);
        return;
      }
      const fitted = options.columns && options.columns > 1 ? line.slice(0, options.columns - 1) : line;
      write(`\r${fitted.padEnd(shownLength)}`);
      shownLength = fitted.length;
    },
    end() {
      if (shownLength > 0) write(`\r${' '.repeat(shownLength)}\r`);
      shownLength = 0;
    },
  };
}
