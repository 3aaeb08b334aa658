import { produce } from 'immer';
import { parseArguments } from '../../../src/cli/arguments';
import { addScenario, applyScenario, mergeScenarioEdit, resolveFriction, type JourneyMap } from '../../../src/domain';
import { workedExample } from '../simulation/maps';
import { runInProcess, useTemporaryFolder, writeMapFile } from './support';

const folder = useTemporaryFolder();

/**
 * The worked example (success 0.36: from the product page h = 0.8·(½·0.72 + ½·½·h)) with a scenario that
 * resolves the cart's shipping friction: the cart then loses nobody, and h = 0.8·(½·0.8 + ¼·h) = 0.4.
 */
function withFixShipping(): JourneyMap {
  const asIs = produce(workedExample(), (draft) => void addScenario(draft, { id: 'fix-shipping', name: 'Fix shipping' }));
  const before = applyScenario(asIs, 'fix-shipping');
  const after = produce(before, (draft) => resolveFriction(draft, 'cart', 'f-shipping', true));
  return mergeScenarioEdit(asIs, 'fix-shipping', before, after);
}

describe('npm run simulate with scenarios', () => {
  it('--scenario simulates the scenario instead of the as-is map', () => {
    const file = writeMapFile(folder(), 'scenario.journey.json', withFixShipping());
    const asIs = JSON.parse(runInProcess([file, '--json', '--customers', '1000']).stdout);
    const fixed = JSON.parse(runInProcess([file, '--json', '--customers', '1000', '--scenario', 'fix-shipping']).stdout);
    expect(asIs.exact.success).toBeCloseTo(0.36, 12);
    expect(fixed.exact.success).toBeCloseTo(0.4, 12);
  });

  it('--compare prints every scenario next to the as-is: exact success, the difference, and Monte Carlo from one seed', () => {
    const file = writeMapFile(folder(), 'scenario.journey.json', withFixShipping());
    const { code, stdout } = runInProcess([file, '--compare', '--json', '--customers', '20000', '--seed', '7']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.settings).toEqual({ seed: 7, customers: 20_000 });
    expect(report.scenarios.map((s: { id: string | null; name: string }) => [s.id, s.name])).toEqual([
      [null, 'As-is'],
      ['fix-shipping', 'Fix shipping'],
    ]);
    const [asIs, fixed] = report.scenarios;
    expect(asIs.exact.success).toBeCloseTo(0.36, 12);
    expect(fixed.exact.success).toBeCloseTo(0.4, 12);
    expect(fixed.difference.exactPoints).toBeCloseTo(4, 10);
    expect(fixed.difference.lowPoints).toBeLessThan(fixed.difference.monteCarloPoints);
    expect(fixed.difference.highPoints).toBeGreaterThan(fixed.difference.monteCarloPoints);
    // The same seed for both runs: customers who never reach the cart walk identically in both.
    expect(Math.abs(fixed.monteCarlo.success.rate - 0.4)).toBeLessThan(0.02);

    const text = runInProcess([file, '--compare', '--customers', '20000']).stdout;
    expect(text).toMatch(/as-is and 1 scenario/);
    expect(text).toMatch(/As-is +36\.00%/);
    expect(text).toMatch(/Fix shipping +40\.00% +\+4\.00/);
  });

  it('refuses an unknown scenario, naming the ones the map has, and --compare with --scenario', () => {
    const file = writeMapFile(folder(), 'scenario.journey.json', withFixShipping());
    const unknown = runInProcess([file, '--scenario', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no scenario "nope"; the map\'s scenarios are "fix-shipping" (Fix shipping)');
    expect(parseArguments([file, '--compare', '--scenario', 'fix-shipping'])).toBe('--compare already runs every scenario; leave out --scenario');
    expect(parseArguments([file, '--scenario'])).toBe('--scenario needs a scenario id');
    expect(parseArguments([file, '--compare=yes'])).toBe('--compare takes no value');
  });
});
