import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli, type CliIo } from '../../../src/cli/simulate';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { importMapText, formatProblem } from '../../../src/format';
import type { JourneyMap } from '../../../src/domain';
import { workedExample } from './maps';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'simulate-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeMap(name: string, map: JourneyMap | Record<string, unknown>): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ format: 'journey-map', version: 1, ...map }, null, 2));
  return file;
}

function run(argv: string[]) {
  let stdout = '', stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readFile: (p) => readFileSync(p, 'utf8') };
  const code = runCli(argv, io);
  return { code, stdout, stderr };
}

describe('npm run simulate', () => {
  it('prints one JSON object with both engines and timings', () => {
    const file = writeMap('worked.journey.json', workedExample());
    const { code, stdout } = run([file, '--json', '--customers', '20000', '--seed', '5']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.exact.outcomes).toEqual({ purchase: expect.closeTo(0.36, 12), 'gives-up': expect.closeTo(0.09, 12) });
    expect(report.exact.abandon.chat).toBeCloseTo(0.25, 12);
    expect(report.exact.expectedVisits.product).toBeCloseTo(1.25, 12);
    expect(report.exact.expectedSteps).toBeCloseTo(3.25, 12);
    expect(report.exact.uplift.product).toBeCloseTo(0.12, 12);
    expect(report.monteCarlo.customers).toBe(20_000);
    expect(report.monteCarlo.seed).toBe(5);
    expect(report.monteCarlo.outcomes.purchase).toBeCloseTo(0.36, 1);
    expect(report.monteCarlo.abandon.product).toBeCloseTo(0.25, 1);
    expect(report.monteCarlo.topPaths[0]).toEqual({ path: ['ad', 'product', 'cart', 'purchase'], count: expect.any(Number), share: expect.any(Number) });
    expect(report.timings.exactMs).toBeGreaterThanOrEqual(0);
    expect(report.timings.monteCarloMs).toBeGreaterThan(0);
  });

  it('reproduces the figures docs/simulation.md quotes for the worked-example fixture', () => {
    const fixture = join(__dirname, '../../fixtures/worked-example.journey.json');
    const imported = importMapText(readFileSync(fixture, 'utf8'));
    expect(imported.ok && imported.map.nodes).toEqual(workedExample().nodes);
    const report = JSON.parse(run([fixture, '--json', '--customers', '100000']).stdout);
    expect(report.monteCarlo.outcomeCounts).toEqual({ purchase: 36_111, 'gives-up': 8_878 });
    expect(report.monteCarlo.abandonCounts).toEqual({ ad: 0, product: 24_957, chat: 24_990, cart: 5_064 });
    expect(report.monteCarlo.success.low).toBeCloseTo(0.35814, 5);
    expect(report.monteCarlo.success.high).toBeCloseTo(0.36409, 5);
    expect(report.monteCarlo.topPaths[0]).toEqual({ path: ['ad', 'product', 'cart', 'purchase'], count: 28_922, share: 0.28922 });
  });

  it('takes settings from the map, flags override them', () => {
    const map = { ...workedExample(), simulation: { customers: 3000, seed: 77, maxSteps: 50 } };
    const file = writeMap('settings.journey.json', map);
    const fromMap = JSON.parse(run([file, '--json']).stdout);
    expect(fromMap.settings).toMatchObject({ customers: 3000, seed: 77, maxSteps: 50 });
    const overridden = JSON.parse(run([file, '--json', '--customers=1000', '--max-steps', '9']).stdout);
    expect(overridden.settings).toMatchObject({ customers: 1000, seed: 77, maxSteps: 9 });
    expect(overridden.monteCarlo.customers).toBe(1000);
  });

  it('prints a readable report', () => {
    const file = writeMap('sample.journey.json', onlineStoreSample());
    const { code, stdout } = run([file, '--customers', '5000']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Completion \(success\) rate/);
    expect(stdout).toMatch(/Exact +22\.81%/);
    expect(stdout).toMatch(/95% CI/);
    expect(stdout).toMatch(/1 +Product page +35\.0%/);
    expect(stdout).toMatch(/Top paths/);
    expect(stdout).toMatch(/Search ad → Product page → Cart → Checkout payment/);
  });

  it('refuses a bad file with the import messages and a non-zero exit', () => {
    const map = onlineStoreSample();
    map.nodes[3].scores = { csat: 140 };
    const file = writeMap('bad.journey.json', map);
    const expected = importMapText(JSON.stringify({ format: 'journey-map', version: 1, ...map }));
    expect(expected.ok).toBe(false);
    const { code, stdout, stderr } = run([file, '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    if (!expected.ok) for (const p of expected.problems) expect(stderr).toContain(formatProblem(p));
    expect(stderr).toContain('nodes[3].scores.csat');
  });

  it('explains usage mistakes', () => {
    expect(run([]).code).toBe(2);
    expect(run(['a.json', '--customers']).stderr).toMatch(/--customers needs a value/);
    expect(run(['a.json', '--customers', 'many']).stderr).toMatch(/must be a number/);
    expect(run(['a.json', '--customers', '0']).stderr).toMatch(/--customers must be a whole number/);
    expect(run(['a.json', '--seed', '-1']).stderr).toMatch(/--seed must be a whole number from 0/);
    expect(run(['a.json', '--max-steps', '20000']).stderr).toMatch(/--max-steps must be a whole number from 1 to 10,000/);
    expect(run(['a.json', '--frobnicate']).stderr).toMatch(/Unknown option/);
    expect(run([join(dir, 'missing.json')]).stderr).toMatch(/Cannot read/);
  });

  it('runs as a real command', async () => {
    const file = writeMap('spawn.journey.json', workedExample());
    const simulate = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { cwd: join(__dirname, '../../..') });
    const { stdout } = await simulate(file, '--json', '--customers', '1000');
    expect(JSON.parse(stdout).exact.expectedSteps).toBeCloseTo(3.25, 12);
    await expect(simulate(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 1 });
  }, 30_000);
});
