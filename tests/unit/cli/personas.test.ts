import { parseArguments } from '../../../src/cli/arguments';
import { main, USAGE } from '../../../src/cli/simulate';
import { workedExample } from '../simulation/maps';
import { forkMap } from '../simulation/personaMaps';
import { capturingIo, runInProcess, terminalControls, useTemporaryFolder, writeMapFile } from './support';

const folder = useTemporaryFolder();

const A = { success: 0.9 * 0.8 + 0.1 * 0.5 * 0.75, lost: 0.1 * 0.5 * 0.25 };
const B = { success: 0.2 * 0.6 + 0.8 * 0.5 * 0.75, lost: 0.8 * 0.5 * 0.25 };

describe('npm run simulate on a map with personas', () => {
  it('adds each persona\'s exact and Monte Carlo figures to the JSON document', () => {
    const file = writeMapFile(folder(), 'fork.journey.json', forkMap());
    const { code, stdout, stderr } = runInProcess([file, '--json', '--customers', '20000']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.persona).toBeUndefined();
    expect(Object.keys(report.exact.personas)).toEqual(['A', 'B']);
    expect(report.exact.personas.A).toEqual({
      name: 'Persona A',
      share: 0.75,
      success: expect.closeTo(A.success, 12),
      outcomes: { won: expect.closeTo(A.success, 12), lost: expect.closeTo(A.lost, 12) },
      abandon: { in: 0, a: expect.closeTo(0.18, 12), b: expect.closeTo(0.05, 12) },
      uplift: { in: 0, a: expect.closeTo(0.18, 12), b: expect.closeTo(0.0375, 12) },
    });
    expect(report.exact.personas.B.success).toBeCloseTo(B.success, 12);
    expect(report.exact.success).toBeCloseTo(0.75 * A.success + 0.25 * B.success, 12);
    expect(report.monteCarlo.personas.A).toMatchObject({ name: 'Persona A', share: 0.75, customers: 15_000, outcomes: { won: expect.any(Number), lost: expect.any(Number) } });
    expect(report.monteCarlo.personas.B.customers).toBe(5000);
    expect(report.monteCarlo.personas.B.outcomes.won).toBeCloseTo(B.success, 1);
    expect(report.monteCarlo.personas.A.outcomeCounts.won + report.monteCarlo.personas.B.outcomeCounts.won).toBe(report.monteCarlo.outcomeCounts.won);
  });

  it('leaves the document as it was for a map without personas', () => {
    const file = writeMapFile(folder(), 'worked.journey.json', workedExample());
    const report = JSON.parse(runInProcess([file, '--json', '--customers', '1000']).stdout);
    expect(report.exact.personas).toBeUndefined();
    expect(report.monteCarlo.personas).toBeUndefined();
    expect(Object.keys(report)).toEqual(['map', 'settings', 'exact', 'monteCarlo', 'hotspots', 'timings', 'warnings']);
  });

  it('prints completion per persona in the readable report', () => {
    const file = writeMapFile(folder(), 'fork.journey.json', forkMap());
    const { code, stdout } = runInProcess([file, '--customers', '10000']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 personas, customers split by their shares/);
    expect(stdout).toMatch(/Completion by persona\n {2}Persona +Share +Customers +Exact +Monte Carlo +95% CI\n/);
    expect(stdout).toMatch(/\n {2}Persona A +75\.0% +7,500 +75\.75% +\d+\.\d\d% +\d+\.\d\d% – \d+\.\d\d%\n/);
    expect(stdout).toMatch(/\n {2}Persona B +25\.0% +2,500 +42\.00% /);
    expect(stdout).toMatch(/\n {2}All customers +100\.0% +10,000 +67\.31% /);
  });

  it('runs one persona alone with --persona', () => {
    const file = writeMapFile(folder(), 'fork.journey.json', forkMap());
    for (const argv of [[file, '--persona', 'B', '--json'], [file, '--json', '--persona=B']]) {
      const { code, stdout } = runInProcess([...argv, '--customers', '8000']);
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      expect(report.persona).toEqual({ id: 'B', name: 'Persona B' });
      expect(report.exact.success).toBeCloseTo(B.success, 12);
      expect(report.exact.abandon.a).toBeCloseTo(0.08, 12);
      expect(report.exact.personas).toBeUndefined();
      expect(report.monteCarlo.customers).toBe(8000);
      expect(report.monteCarlo.success.rate).toBeCloseTo(B.success, 1);
    }
    const readable = runInProcess([file, '--persona', 'A', '--customers', '1000']).stdout;
    expect(readable).toMatch(/\nPersona Persona A alone: every customer is one of them/);
    expect(readable).toMatch(/Exact +75\.75%/);
    expect(readable).not.toMatch(/Completion by persona/);
  });

  it('refuses an unknown persona, naming the known ones, as a usage mistake', () => {
    const file = writeMapFile(folder(), 'fork.journey.json', forkMap());
    const unknown = runInProcess([file, '--persona', 'C', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe(
      'There is no persona "C"; the map\'s personas are "A" (Persona A), "B" (Persona B)\n' + USAGE,
    );
    const none = runInProcess([writeMapFile(folder(), 'worked.journey.json', workedExample()), '--persona', 'A']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^There is no persona "A": the map has no personas\n/);
  });

  it('keeps --persona strict', () => {
    expect(parseArguments(['m', '--persona'])).toBe('--persona needs a persona id');
    expect(parseArguments(['m', '--persona='])).toBe('--persona needs a persona id');
    expect(parseArguments(['m', '--persona', '--json'])).toBe('--persona needs a persona id');
    expect(parseArguments(['m', '--persona', 'a', '--persona', 'b'])).toBe('Only one --persona, please (got "a" and "b")');
    expect(parseArguments(['m', '--persona=--odd'])).toMatchObject({ persona: '--odd' });
    expect(parseArguments(['m', '--json'])).not.toHaveProperty('persona');
    const { code, stderr } = runInProcess(['m.json', '--persona']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--persona needs a persona id\nUsage:/);
  });

  it('prints persona names and ids from the file without control characters', async () => {
    const map = forkMap();
    map.personas[0].name = 'Shopper\u001b]52;c;ZXZpbA==\u0007\u202e';
    const file = writeMapFile(folder(), 'hostile.journey.json', map);
    const { io, output } = capturingIo();
    expect(await main([file, '--customers', '1000'], io)).toBe(0);
    expect(terminalControls(output.stdout.replace(/\n/g, ''))).toEqual([]);
    expect(output.stdout).toMatch(/\n {2}Shopper\]52;c;ZXZpbA== +75\.0%/);
    const unknown = runInProcess([file, '--persona', 'X\u001b[2J']);
    expect(unknown.code).toBe(2);
    expect(terminalControls(unknown.stderr.replace(/\n/g, ''))).toEqual([]);
  });
});
