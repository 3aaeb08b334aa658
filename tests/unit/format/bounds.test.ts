/**
 * Numbers that could overflow or make a map unviewable are bounded once, in the domain, and the file
 * format and every edit enforce the same bounds (issue: two weights of 1.7e308 made the exact engine
 * report 0% while Monte Carlo said 50%; positions of ±1e308 made Fit view produce a −3.4e38 px transform).
 */
import { connect, MAX_COORDINATE, MAX_WEIGHT, moveNodes, updateEdge, updateNode } from '../../../src/domain/edits';
import { importMapText } from '../../../src/format';
import { makeMap } from '../../support/maps';
import { problemLines, sampleDocument, textOf } from './helpers';

describe('weights and shares', () => {
  it('are at most 1e9 in a file', () => {
    const doc = sampleDocument();
    doc.edges[0].weight = 1.7e308;
    const entry = doc.nodes.findIndex((n: { kind: string }) => n.kind === 'entry');
    doc.nodes[entry].share = MAX_WEIGHT + 1;
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      `nodes[${entry}].share: must be above 0 and at most ${MAX_WEIGHT}`,
      `edges[0].weight: must be above 0 and at most ${MAX_WEIGHT}`,
    ]);
    doc.edges[0].weight = MAX_WEIGHT;
    doc.nodes[entry].share = MAX_WEIGHT;
    expect(importMapText(textOf(doc)).ok).toBe(true);
  });

  it('are at most 1e9 in every edit, which leaves the map as it was when refused', () => {
    const map = makeMap();
    const before = structuredClone(map);
    expect(() => connect(map, { source: 'entry', target: 'tp-checkout', weight: 2e9 })).toThrow('Weight must be above 0 and at most 1,000,000,000');
    expect(() => updateEdge(map, map.edges[0].id, { weight: 1.7e308 })).toThrow('Weight must be above 0 and at most 1,000,000,000');
    expect(() => updateNode(map, 'entry', { share: 1e10 })).toThrow('Share must be above 0 and at most 1,000,000,000');
    expect(map).toEqual(before);
    updateEdge(map, map.edges[0].id, { weight: MAX_WEIGHT });
    expect(map.edges[0].weight).toBe(MAX_WEIGHT);
  });
});

describe('positions', () => {
  it('are within ±1e7 px in a file and in every move', () => {
    const doc = sampleDocument();
    doc.nodes[1].position = { x: 1e308, y: 0 };
    expect(problemLines(importMapText(textOf(doc)))).toEqual([`nodes[1].position.x: must be a number from -${MAX_COORDINATE} to ${MAX_COORDINATE}`]);
    const map = makeMap();
    expect(() => moveNodes(map, { 'tp-web': { x: 0, y: -1e308 } })).toThrow('within 10,000,000 pixels');
  });
});
