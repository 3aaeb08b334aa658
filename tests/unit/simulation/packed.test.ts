import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { packResult, unpackResult } from '../../../src/simulation/packed';
import { runToEnd } from '../../../src/simulation/pausable';
import { simulateJourney } from '../../../src/simulation/simulate';
import { makeMap, singleLoopMap, workedExample } from './maps';

describe('packing a result for the trip from the worker', () => {
  it.each([
    ['the sample map', onlineStoreSample()],
    ['the worked example', workedExample()],
    ['a 2,500-touchpoint loop', singleLoopMap({ touchpoints: 2500 })],
    [
      'a map with a closed loop and a dead end',
      makeMap(
        [{ id: 'in', kind: 'entry' }, { id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'out', kind: 'outcome' }],
        [['in', 'a'], ['in', 'out'], ['in', 'c'], ['a', 'b'], ['b', 'a'], ['out', 'a']],
      ),
    ],
  ])('gives back the same result for %s, in record order', (_, map) => {
    const result = simulateJourney(map, { customers: 3000 });
    const { packed } = packResult(map, structuredClone(result));
    const unpacked = runToEnd(unpackResult(structuredClone(packed), map));
    expect(unpacked.result).toEqual(result);
    expect(Object.keys(unpacked.result.exact.abandon)).toEqual(Object.keys(result.exact.abandon));
    expect(Object.keys(unpacked.result.monteCarlo.visits)).toEqual(Object.keys(result.monteCarlo.visits));
  });

  it('pauses every thousand nodes while unpacking', () => {
    const map = singleLoopMap({ touchpoints: 5000 });
    const { packed } = packResult(map, simulateJourney(map, { customers: 100 }));
    const work = unpackResult(packed, map);
    let pauses = 0;
    while (!work.next().done) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(5);
  });

  it('gives edges out of an outcome no flow, and edges inside a closed loop none at all', () => {
    const map = makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'a' }, { id: 'b' }, { id: 'out', kind: 'outcome' }],
      [['in', 'a'], ['in', 'out'], ['a', 'b'], ['b', 'a'], ['out', 'in']],
    );
    const { flow } = runToEnd(unpackResult(packResult(map, simulateJourney(map, { customers: 100 })).packed, map));
    expect(flow).toEqual({ e0: 1, e1: 1, e4: 0 });
  });
});
