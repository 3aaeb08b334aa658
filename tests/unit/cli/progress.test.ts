import { progressLine, type CliProgress } from '../../../src/cli/progress';
import type { SimulationProgress } from '../../../src/simulation';
import { terminalControls } from './support';

/** A progress line on a fake clock; `at(ms, progress)` reports progress at that time. */
function progressAt(tty: boolean, name = 'Online store', columns?: number) {
  let written = '';
  let clock = 0;
  const line = progressLine((t) => void (written += t), name, { tty, columns, now: () => clock });
  return {
    at(ms: number, progress: CliProgress) {
      clock = ms;
      line.update(progress);
    },
    end: () => line.end(),
    written: () => written,
  };
}

const monteCarlo = (done: number): SimulationProgress => ({ phase: 'monteCarlo', done, total: 10_000_000 });

describe('progress of a long run on stderr', () => {
  it('prints nothing for a run shorter than a second', () => {
    for (const tty of [true, false]) {
      const p = progressAt(tty);
      p.at(100, { phase: 'exact', done: 5, total: 10 });
      p.at(900, monteCarlo(900_000));
      p.end();
      expect(p.written()).toBe('');
    }
  });

  it('rewrites one line on a terminal at most every 500 ms and erases it at the end', () => {
    const p = progressAt(true);
    p.at(0, { phase: 'exact', done: 0, total: 10 });
    p.at(1000, { phase: 'exact', done: 7, total: 10 });
    p.at(1200, { phase: 'whatIf', done: 1, total: 10 });
    p.at(1500, monteCarlo(0));
    p.at(2600, monteCarlo(2_000_000));
    const lines = p.written().split('\r').slice(1);
    expect(lines.map((l) => l.trimEnd())).toEqual([
      'Simulating "Online store": exact analysis, 70%, 0:01 elapsed',
      'Simulating "Online store": Monte Carlo, 0 of 10,000,000 customers (0%), 0:01 elapsed',
      'Simulating "Online store": Monte Carlo, 2,000,000 of 10,000,000 customers (20%), 0:02 elapsed, about 0:04 left',
    ]);
    expect(p.written()).not.toContain('\n');
    p.end();
    expect(p.written().endsWith(`\r${' '.repeat(lines[2].length)}\r`)).toBe(true);
  });

  it('counts the uncertainty draws after the simulation, with the time left', () => {
    const p = progressAt(false);
    p.at(0, monteCarlo(0));
    p.at(1500, monteCarlo(10_000_000));
    p.end();
    p.at(1600, { phase: 'uncertainty', done: 0, total: 1000 });
    p.at(7000, { phase: 'uncertainty', done: 270, total: 1000 });
    expect(p.written().split('\n').filter(Boolean)).toEqual([
      'Simulating "Online store": Monte Carlo, 10,000,000 of 10,000,000 customers (100%), 0:01 elapsed',
      'Simulating "Online store": uncertainty, 270 of 1,000 draws (27%), 0:07 elapsed, about 0:14 left',
    ]);
  });

  it('writes plain lines at most every 5 s into a file or pipe', () => {
    const p = progressAt(false);
    for (let t = 0; t <= 12_000; t += 250) p.at(t, monteCarlo(t * 100));
    p.end();
    expect(p.written()).not.toContain('\r');
    expect(p.written().split('\n').filter(Boolean)).toEqual([
      'Simulating "Online store": Monte Carlo, 100,000 of 10,000,000 customers (1%), 0:01 elapsed, about 1:39 left',
      'Simulating "Online store": Monte Carlo, 600,000 of 10,000,000 customers (6%), 0:06 elapsed, about 1:34 left',
      'Simulating "Online store": Monte Carlo, 1,100,000 of 10,000,000 customers (11%), 0:11 elapsed, about 1:29 left',
    ]);
  });

  it('shows the map name without control characters, and fits the terminal width', () => {
    const p = progressAt(true, `Evil\u001b]0;title\u0007\u001b[2J\u202e\nname ${'x'.repeat(80)}`, 50);
    p.at(1000, monteCarlo(5));
    const text = p.written();
    expect(terminalControls(text.replace(/\r/g, ''))).toEqual([]);
    expect(text).toMatch(/^\rSimulating "Evil\]0;title\[2J name x+$/);
    expect(text.length - 1).toBe(49);
  });
});
