import { join } from 'node:path';
import { removalEffectShare } from '../../../src/cli/report';
import { makeMap, workedExample } from '../simulation/maps';
import { repositoryRoot, runCommand, runInProcess, useTemporaryFolder, writeMapFile } from './support';

const folder = useTemporaryFolder();
const fixture = (name: string) => join(repositoryRoot, 'tests/fixtures/evidence', name);

describe('npm run simulate on customer-path data (.csv)', () => {
  it('builds the map from the paths and analyses it, as a real process', async () => {
    const { code, stdout, stderr } = await runCommand([fixture('paths-classic.csv'), '--json', '--customers', '1000']);
    expect(stderr.toString()).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout.toString());
    expect(report.map).toMatchObject({ name: 'paths-classic', nodes: 5, edges: 5 });
    expect(report.warnings).toEqual([]);
    expect(report.exact.success).toBeCloseTo(1 / 3, 12);
    const share = report.exact.removalEffectShare;
    expect(Object.keys(share)).toEqual(['start', 'c1', 'c2', 'c3']);
    expect(share.c1).toBeCloseTo(0.5, 12);
    expect(share.c2).toBeCloseTo(1, 12);
    expect(share.c3).toBeCloseTo(1, 12);
    expect(share.start).toBeCloseTo(1, 12);
  }, 30_000);

  it('prints the readable report for path data too', () => {
    const { code, stdout, stderr } = runInProcess([fixture('paths-channels.csv'), '--customers', '1000']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('paths-channels — 6 nodes, 8 edges');
  });

  it('refuses a CSV file that is not path data, saying which columns it needs', () => {
    const file = fixture('paths-not-path-data.csv');
    const { code, stdout, stderr } = runInProcess([file, '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `Cannot read ${file}: row 1: this is not customer-path data: the header needs the columns path and total_conversions (and total_null for paths that did not convert)\n`,
    );
  });
});

describe('exact.removalEffectShare in the JSON document', () => {
  it('is every removal effect over the success probability, for any map', () => {
    const file = writeMapFile(folder(), 'worked.journey.json', workedExample());
    const { code, stdout } = runInProcess([file, '--json', '--customers', '1000']);
    expect(code).toBe(0);
    const { exact } = JSON.parse(stdout);
    expect(Object.keys(exact.removalEffectShare)).toEqual(Object.keys(exact.removalEffect));
    for (const [id, lost] of Object.entries<number>(exact.removalEffect)) expect(exact.removalEffectShare[id]).toBeCloseTo(lost / exact.success, 12);
  });

  it('is null when nobody succeeds', () => {
    const map = makeMap([{ id: 'a', kind: 'entry' }, { id: 'b' }, { id: 'lost', kind: 'outcome', result: 'failure' }], [['a', 'b'], ['b', 'lost']]);
    const file = writeMapFile(folder(), 'hopeless.journey.json', map);
    const { code, stdout } = runInProcess([file, '--json', '--customers', '1000']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).exact.removalEffectShare).toBeNull();
    expect(removalEffectShare({ success: 0, removalEffect: { a: 0 } })).toBeNull();
  });
});
