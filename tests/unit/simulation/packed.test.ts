import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { packResult, unpackResult } from '../../../src/simulation/packed';
import { runToEnd } from '../../../src/simulation/pausable';
import { simulateJourney } from '../../../src/simulation/simulate';
import { makeMap, singleLoopMap, workedExample } from './maps';
import { forkMap, persona } from './personaMaps';

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
    ['a map with personas', forkMap()],
    ['a 2,500-touchpoint loop with personas', { ...singleLoopMap({ touchpoints: 2500 }), personas: [persona('x', 1), persona('y', 2, [{ node: 't5', dropOff: 0.4 }])] }],
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

  it('sends each persona\'s per-node values as columns too, and the heat and flow of its customers alone', () => {
    const map = forkMap();
    const result = simulateJourney(map, { customers: 4000 });
    const { packed, transfer } = packResult(map, result);
    expect(packed.personas).toHaveLength(2);
    expect(packed.shell.personas).toBeUndefined();
    for (const p of packed.personas) {
      expect(transfer).toContain(p.exact.uplift.buffer);
      expect(transfer).toContain(p.monteCarlo.outcomeCounts.buffer);
      expect(transfer).toContain(p.flow.buffer);
      expect(Object.keys(p.shell.exact.abandon)).toHaveLength(0);
    }
    const { personaHeat, heat, flow } = runToEnd(unpackResult(packed, map));
    expect(Object.keys(personaHeat)).toEqual(['A', 'B']);
    // A: 0.9 take branch a, 0.1 branch b; B: 0.2 and 0.8. All customers: 0.725 and 0.275.
    expect(personaHeat.A.flow.e0).toBe(1);
    expect(personaHeat.A.flow.e1).toBeCloseTo(0.1 / 0.9, 12);
    expect(personaHeat.B.flow.e1).toBe(1);
    expect(personaHeat.B.flow.e0).toBeCloseTo(0.25, 12);
    expect(flow.e0).toBe(1);
    expect(flow.e1).toBeCloseTo(0.275 / 0.725, 12);
    // Lost per 1,000: A 180 at a and 50 at b, B 80 and 400; all customers 155 and 137.5.
    expect(personaHeat.A.heat.a).toEqual({ lostPer1000: expect.closeTo(180, 9), level: 1 });
    expect(personaHeat.B.heat.a.level).toBeCloseTo(0.2, 12);
    expect(heat.a.lostPer1000).toBeCloseTo(155, 9);
    expect(heat.b.level).toBeCloseTo(137.5 / 155, 12);
  });

  it('gives a map without personas no persona heat', () => {
    const map = workedExample();
    const { packed } = packResult(map, simulateJourney(map, { customers: 100 }));
    expect(packed.personas).toEqual([]);
    expect(runToEnd(unpackResult(packed, map)).personaHeat).toEqual({});
  });
});
