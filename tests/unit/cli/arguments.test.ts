import { parseArguments } from '../../../src/cli/arguments';
import { workedExample } from '../simulation/maps';
import { runInProcess, useTemporaryFolder, writeMapFile } from './support';

const folder = useTemporaryFolder();

describe('numeric options of npm run simulate', () => {
  it.each(['0x10', ' 5', '5 ', '5.0', '-5', '1e3', '+5', '0b11', '1_000', '1,000', '', 'Infinity', '٥'])(
    'refuses --customers %j with a message saying what is accepted',
    (value) => {
      const file = writeMapFile(folder(), 'map.journey.json', workedExample());
      for (const argv of [[file, '--customers', value], [file, `--customers=${value}`]]) {
        const { code, stdout, stderr } = runInProcess(argv);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(/^--customers must be .*a whole number from 1 to 10,000,000, written with the digits 0-9 only/);
        expect(stderr).toMatch(/Usage:/);
      }
    },
  );

  it('accepts plain decimal digits, then checks the range', () => {
    const file = writeMapFile(folder(), 'map.journey.json', workedExample());
    const { code, stdout } = runInProcess([file, '--json', '--customers', '10', '--seed', '007', '--max-steps=12']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).settings).toMatchObject({ customers: 10, seed: 7, maxSteps: 12 });
    expect(parseArguments(['m', '--customers', '10000001'])).toBe('--customers must be a whole number from 1 to 10,000,000; got "10000001"');
    expect(parseArguments(['m', '--seed', '4294967296'])).toMatch(/^--seed must be a whole number from 0 to 4,294,967,295;/);
    expect(parseArguments(['m', '--seed', '4294967295'])).toMatchObject({ overrides: { seed: 4_294_967_295 } });
    expect(parseArguments(['m', '--max-steps', '0'])).toMatch(/^--max-steps must be a whole number from 1 to 10,000;/);
    expect(parseArguments(['m', '--max-steps', '99999999999999999999999'])).toMatch(/^--max-steps must be a whole number/);
  });

  it('refuses the same forms for --seed and --max-steps', () => {
    for (const flag of ['--seed', '--max-steps']) {
      for (const value of ['0x10', ' 5', '5.0', '-5', '1e3', '+5']) {
        expect(parseArguments(['m', flag, value])).toMatch(new RegExp(`^${flag} must be a whole number .*digits 0-9 only`));
      }
    }
  });

  it('keeps an echoed value on one line, without control characters', () => {
    const message = parseArguments(['m', '--customers', '1\u001b]52;c;ZXZpbA==\u0007\n\u202e2']);
    expect(message).toBe('--customers must be a number: a whole number from 1 to 10,000,000, written with the digits 0-9 only; got "1]52;c;ZXZpbA== 2"');
    expect(parseArguments(['m', '--json=yes'])).toBe('--json takes no value');
    expect(parseArguments(['m', '--\u001b[2Jx'])).toBe('Unknown option "--[2Jx"');
  });
});
