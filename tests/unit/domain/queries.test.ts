import {
  channelName,
  edgeShare,
  effectiveDropOff,
  findEdge,
  findNode,
  openFriction,
  outgoingEdges,
  stageName,
  worstOpenSeverity,
} from '../../../src/domain/queries';
import { DEFAULT_SEVERITY_DROP_OFF, type FrictionNote } from '../../../src/domain/types';
import { edgeOf, makeMap, nodeOf } from '../../support/maps';

const note = (severity: FrictionNote['severity'], resolved?: boolean): FrictionNote => ({
  id: `f-${severity}-${resolved ? 'r' : 'o'}`,
  note: 'n',
  severity,
  ...(resolved ? { resolved } : {}),
});

describe('effectiveDropOff', () => {
  it('is 1 − Π(1 − s[severity]) over open friction notes', () => {
    // Severity 4 (0.1) and 3 (0.05): 1 − 0.9 × 0.95.
    expect(effectiveDropOff({ kind: 'touchpoint', friction: [note(4), note(3)] })).toBeCloseTo(0.145, 12);
    expect(effectiveDropOff({ kind: 'touchpoint', friction: [note(1)] })).toBeCloseTo(DEFAULT_SEVERITY_DROP_OFF[0], 12);
    expect(effectiveDropOff({ kind: 'entry', friction: [note(5), note(5)] })).toBeCloseTo(1 - 0.8 * 0.8, 12);
  });

  it('ignores resolved notes', () => {
    expect(effectiveDropOff({ kind: 'touchpoint', friction: [note(4), note(5, true)] })).toBeCloseTo(0.1, 12);
    expect(effectiveDropOff({ kind: 'touchpoint', friction: [note(5, true)] })).toBe(0);
  });

  it('is 0 with no friction', () => {
    expect(effectiveDropOff({ kind: 'touchpoint', friction: [] })).toBe(0);
  });

  it('uses the explicit drop-off when set, whatever the friction says', () => {
    expect(effectiveDropOff({ kind: 'touchpoint', dropOff: 0.35, friction: [note(5), note(4)] })).toBe(0.35);
    expect(effectiveDropOff({ kind: 'touchpoint', dropOff: 0, friction: [note(5)] })).toBe(0);
  });

  it('is 0 at an outcome, even with a drop-off or friction', () => {
    expect(effectiveDropOff({ kind: 'outcome', dropOff: 0.5, friction: [note(5)] })).toBe(0);
  });

  it('takes the severity table of the map when given', () => {
    const table = [0.5, 0, 0, 0, 0.25];
    expect(effectiveDropOff({ kind: 'touchpoint', friction: [note(1), note(5)] }, table)).toBeCloseTo(1 - 0.5 * 0.75, 12);
    expect(effectiveDropOff({ kind: 'touchpoint', friction: [note(2)] }, table)).toBe(0);
  });
});

describe('edgeShare', () => {
  it('is the edge’s weight over its source’s outgoing weight', () => {
    const map = makeMap();
    expect(edgeShare(map, edgeOf(map, 'e-web-checkout'))).toBe(0.75);
    expect(edgeShare(map, edgeOf(map, 'e-web-lost'))).toBe(0.25);
  });

  it('is 1 for the only way out', () => {
    const map = makeMap();
    expect(edgeShare(map, edgeOf(map, 'e-entry-web'))).toBe(1);
  });

  it('is 0 when the source has no outgoing weight in the map', () => {
    const map = makeMap();
    expect(edgeShare(map, { id: 'x', source: 'ghost', target: 'tp-web', weight: 0 })).toBe(0);
  });
});

describe('worstOpenSeverity and openFriction', () => {
  it('takes the highest open severity, ignoring resolved notes', () => {
    const map = makeMap();
    expect(worstOpenSeverity(nodeOf(map, 'tp-checkout'))).toBe(4);
    expect(openFriction(nodeOf(map, 'tp-checkout')).map((f) => f.id)).toEqual(['f-long-form']);
  });

  it('is 0 when every note is resolved or there are none', () => {
    expect(worstOpenSeverity({ friction: [note(5, true), note(2, true)] })).toBe(0);
    expect(worstOpenSeverity({ friction: [] })).toBe(0);
    expect(worstOpenSeverity({ friction: [note(1), note(3), note(2)] })).toBe(3);
  });
});

describe('lookups', () => {
  it('finds nodes, edges and outgoing edges by id', () => {
    const map = makeMap();
    expect(findNode(map, 'tp-web')?.label).toBe('Product page');
    expect(findNode(map, 'ghost')).toBeUndefined();
    expect(findEdge(map, 'e-web-lost')?.target).toBe('out-lost');
    expect(findEdge(map, 'ghost')).toBeUndefined();
    expect(outgoingEdges(map, 'tp-web').map((e) => e.id)).toEqual(['e-web-checkout', 'e-web-lost']);
    expect(outgoingEdges(map, 'out-lost')).toEqual([]);
  });

  it('names stages and channels by id', () => {
    const map = makeMap();
    expect(stageName(map, 'purchase')).toBe('Purchase');
    expect(channelName(map, 'mobile-app')).toBe('Mobile app');
    expect(stageName(map, undefined)).toBeUndefined();
    expect(channelName(map, 'fax')).toBeUndefined();
  });
});
