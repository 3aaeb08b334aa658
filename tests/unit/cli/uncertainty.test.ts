import { parseArguments } from '../../../src/cli/arguments';
import { main } from '../../../src/cli/simulate';
import { personaView, type JourneyMap } from '../../../src/domain';
import { analyseUncertainty } from '../../../src/simulation/uncertainty';
import { generateJourneyMap } from '../../bench/generateJourneyMap';
import { withObservedCounts } from '../../bench/observedCounts';
import { makeMap } from '../simulation/maps';
import { capturingIo, runInProcess, useTemporaryFolder, writeMapFile } from './support';

const folder = useTemporaryFolder();

/** Entry → Checkout payment (700 of 1,000 go on) → Paid. */
function onePaymentStep(): JourneyMap {
  const map = makeMap(
    [{ id: 'in', kind: 'entry' }, { id: 'pay', label: 'Checkout payment', dropOff: 0.3 }, { id: 'paid', kind: 'outcome' }],
    [['in', 'pay'], ['pay', 'paid']],
  );
  map.nodes[1].observed = { entered: 1000, left: 300 };
  return map;
}

describe('npm run simulate --uncertainty', () => {
  it('adds an uncertainty object to --json: intervals as [low, high], top-hotspot shares without zeros', () => {
    const file = writeMapFile(folder(), 'payment.journey.json', onePaymentStep());
    const { code, stdout } = runInProcess([file, '--uncertainty', '2000', '--json', '--customers', '1000', '--seed', '7']);
    expect(code).toBe(0);
    const { uncertainty } = JSON.parse(stdout);
    const expected = analyseUncertainty(onePaymentStep(), { draws: 2000, seed: 7 });
    expect(uncertainty).toEqual({
      draws: 2000,
      seed: 7,
      uncertain: { dropOffs: 1, weights: 0 },
      fixed: { dropOffs: 1, weights: 0 },
      success: [expected.success.low, expected.success.high],
      outcomes: { paid: [expected.success.low, expected.success.high] },
      upliftInterval: { in: [expected.upliftLow[0], expected.upliftHigh[0]], pay: [expected.upliftLow[1], expected.upliftHigh[1]] },
      topHotspotShare: { pay: 1 },
    });
    // About Beta(701, 301)'s 95% interval, 0.671 – 0.728.
    expect(uncertainty.success[0]).toBeCloseTo(0.671, 2);
    expect(uncertainty.success[1]).toBeCloseTo(0.728, 2);
  });

  it('prints a short section in the readable report', () => {
    const file = writeMapFile(folder(), 'payment.journey.json', onePaymentStep());
    const { code, stdout } = runInProcess([file, '--uncertainty', '1000', '--customers', '1000']);
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf('Uncertainty ('));
    expect(section).toMatch(/^Uncertainty \(1,000 draws of the values from counts, seed 1\)\n/);
    expect(section).toContain('From counts: 1 drop-off and 0 edge weights. Typed by hand and held fixed: 1 drop-off and 0 edge weights.');
    expect(section).toMatch(/Completion \(success\), 95% interval: 67\.\d\d% – 72\.\d\d%/);
    expect(section).toMatch(/Checkout payment is the top hotspot in 100% of draws \(uplift \+27\.\d\d to \+32\.\d\d pts\)/);
  });

  it('says when nothing comes from counts', () => {
    const map = onePaymentStep();
    delete map.nodes[1].observed;
    const file = writeMapFile(folder(), 'typed.journey.json', map);
    const text = runInProcess([file, '--uncertainty', '50', '--customers', '1000']).stdout;
    expect(text).toContain('Uncertainty: no value that changes the results comes from counts. Values typed by hand are held fixed');
    const { uncertainty } = JSON.parse(runInProcess([file, '--uncertainty', '50', '--json', '--customers', '1000']).stdout);
    expect(uncertainty.draws).toBe(0);
    expect(uncertainty.success[0]).toBe(uncertainty.success[1]);
  });

  it('holds the overrides of --persona fixed', () => {
    const map = onePaymentStep();
    map.personas = [
      { id: 'sure', name: 'Sure', share: 1, nodes: [{ node: 'pay', dropOff: 0.1 }], edges: [] },
      { id: 'unsure', name: 'Unsure', share: 1, nodes: [], edges: [] },
    ];
    const file = writeMapFile(folder(), 'personas.journey.json', map);
    const sure = JSON.parse(runInProcess([file, '--uncertainty', '100', '--json', '--persona', 'sure', '--customers', '1000']).stdout).uncertainty;
    expect(sure.draws).toBe(0);
    expect(sure.success).toEqual([0.9, 0.9]);
    const unsure = JSON.parse(runInProcess([file, '--uncertainty', '100', '--json', '--persona', 'unsure', '--customers', '1000']).stdout).uncertainty;
    const expected = analyseUncertainty({ ...personaView(map, 'unsure'), personas: [] }, { draws: 100, persona: map.personas[1] });
    expect(unsure.success).toEqual([expected.success.low, expected.success.high]);
    // Both personas blended: half the customers are sure.
    const both = JSON.parse(runInProcess([file, '--uncertainty', '100', '--json', '--customers', '1000']).stdout).uncertainty;
    expect(both.success[0]).toBeCloseTo((0.9 + expected.success.low) / 2, 12);
  });

  it('refuses a number of draws that is not a whole number from 1 to 100,000, and --compare with it (exit 2)', () => {
    const file = writeMapFile(folder(), 'payment.journey.json', onePaymentStep());
    for (const [value, message] of [
      ['0', '--uncertainty must be a whole number from 1 to 100,000; got "0"'],
      ['100001', '--uncertainty must be a whole number from 1 to 100,000; got "100001"'],
      ['1e3', '--uncertainty must be a whole number from 1 to 100,000, written with the digits 0-9 only'],
      ['many', '--uncertainty must be a number: a whole number from 1 to 100,000'],
    ]) {
      const { code, stdout, stderr } = runInProcess([file, '--uncertainty', value]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.startsWith(message)).toBe(true);
      expect(stderr).toMatch(/\nUsage: .*\[--uncertainty K\]/);
    }
    expect(parseArguments([file, '--uncertainty'])).toBe('--uncertainty needs a number of draws');
    expect(parseArguments([file, '--uncertainty=300'])).toMatchObject({ uncertainty: 300 });
    expect(parseArguments([file, '--uncertainty', '5', '--compare'])).toBe('--uncertainty describes one map; leave out --compare');
  });

  it('gives the same output in slices (npm run simulate) as in one go, counting the draws on stderr', async () => {
    const file = writeMapFile(folder(), 'generated.journey.json', withObservedCounts(generateJourneyMap({ nodes: 200, seed: 4 })));
    const args = [file, '--uncertainty', '300', '--json', '--customers', '2000'];
    const { io, output } = capturingIo();
    // A clock that jumps a second per reading makes even a short run "long" enough for progress lines.
    let clock = 0;
    expect(await main(args, io, { progress: { tty: false, now: () => (clock += 1000) } })).toBe(0);
    expect(output.stderr).toMatch(/: uncertainty, \d[\d,]* of 300 draws \(\d+%\), /);
    const sliced = JSON.parse(output.stdout);
    const inOneGo = JSON.parse(runInProcess(args).stdout);
    expect(sliced.uncertainty).toEqual(inOneGo.uncertainty);
    expect(Object.keys(sliced.uncertainty.upliftInterval)).toHaveLength(196);
  });

  it('stops the uncertainty analysis on Ctrl+C, printing nothing (exit 130)', async () => {
    const file = writeMapFile(folder(), 'generated.journey.json', withObservedCounts(generateJourneyMap({ nodes: 300, seed: 4 })));
    const controller = new AbortController();
    const { io, output } = capturingIo();
    setTimeout(() => controller.abort(), 1000);
    const started = performance.now();
    const code = await main([file, '--uncertainty', '100000', '--customers', '1000'], io, { signal: controller.signal });
    expect(code).toBe(130);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(output.stdout).toBe('');
    expect(output.stderr).toBe('Interrupted: the uncertainty analysis was stopped before it finished; nothing was printed.\n');
  });
});
