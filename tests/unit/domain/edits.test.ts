import fc from 'fast-check';
import {
  addFriction,
  addNode,
  connect,
  createMap,
  DEFAULT_LABELS,
  EditError,
  invariantProblems,
  moveNodes,
  removeEdges,
  removeFriction,
  removeNodes,
  renameMap,
  resolveFriction,
  setScores,
  updateEdge,
  updateNode,
  NODE_HEIGHT_ESTIMATE,
  type NewEdge,
  type NewNode,
  type NodePatch,
} from '../../../src/domain/edits';
import { NODE_WIDTH, STAGE_WIDTH, stageForPosition } from '../../../src/domain/layout';
import { DEFAULT_CHANNELS, DEFAULT_STAGES, type JourneyMap, type Scores, type Severity } from '../../../src/domain/types';
import { validateMap, formatProblem } from '../../../src/format';
import { edgeOf, makeMap, nodeOf, snapshot, xInBand, expectRefused } from '../../support/maps';

/** Top-left x that puts a node's centre exactly at `centre`. */
const leftForCentre = (centre: number) => centre - NODE_WIDTH / 2;


describe('createMap', () => {
  it('starts an empty map with the default stages and channels', () => {
    const map = createMap();
    expect(map.name).toBe('Untitled journey');
    expect(map.description).toBe('');
    expect(map.nodes).toEqual([]);
    expect(map.edges).toEqual([]);
    expect(map.stages).toEqual(DEFAULT_STAGES);
    expect(map.channels).toEqual(DEFAULT_CHANNELS);
    expect(map.id).toMatch(/^map-[0-9a-z]+$/);
    expect(map).not.toHaveProperty('simulation');
    expect(invariantProblems(map)).toEqual([]);
  });

  it('gives every map its own id and its own copy of the default stages and channels', () => {
    const a = createMap();
    const b = createMap();
    expect(a.id).not.toBe(b.id);
    a.stages[0].name = 'Changed';
    a.channels.pop();
    expect(b.stages[0].name).toBe('Awareness');
    expect(DEFAULT_STAGES[0].name).toBe('Awareness');
    expect(DEFAULT_CHANNELS).toHaveLength(7);
  });

  it('keeps what it is given', () => {
    const map = createMap({ id: 'm1', name: 'Support', description: 'd', stages: [{ id: 's', name: 'S' }], simulation: { seed: 7 } });
    expect(map).toMatchObject({ id: 'm1', name: 'Support', description: 'd', stages: [{ id: 's', name: 'S' }], simulation: { seed: 7 } });
  });
});

describe('addNode', () => {
  it('adds a touchpoint in the stage whose band holds its centre', () => {
    const map = createMap();
    const id = addNode(map, { kind: 'touchpoint', position: { x: xInBand(2), y: 40 } });
    expect(map.nodes).toEqual([{ id, kind: 'touchpoint', label: 'Touchpoint', position: { x: xInBand(2), y: 40 }, stage: 'purchase', friction: [] }]);
    expect(id).toMatch(/^tp-/);
  });

  it('decides the band by the node centre, not its left edge', () => {
    const map = createMap();
    const justLeft = addNode(map, { kind: 'touchpoint', position: { x: leftForCentre(STAGE_WIDTH - 0.5), y: 0 } });
    const onBoundary = addNode(map, { kind: 'touchpoint', position: { x: leftForCentre(STAGE_WIDTH), y: 0 } });
    expect(nodeOf(map, justLeft).stage).toBe('awareness');
    expect(nodeOf(map, onBoundary).stage).toBe('consideration');
  });

  it('leaves the stage unset outside every band', () => {
    const map = createMap();
    const before = addNode(map, { kind: 'touchpoint', position: { x: leftForCentre(-1), y: 0 } });
    const after = addNode(map, { kind: 'touchpoint', position: { x: leftForCentre(5 * STAGE_WIDTH), y: 0 } });
    expect(nodeOf(map, before)).not.toHaveProperty('stage');
    expect(nodeOf(map, after)).not.toHaveProperty('stage');
  });

  it('prefers an explicit stage to the band', () => {
    const map = createMap();
    const id = addNode(map, { kind: 'touchpoint', position: { x: xInBand(0), y: 0 }, stage: 'advocacy' });
    expect(nodeOf(map, id).stage).toBe('advocacy');
  });

  it('names nodes after their kind, and channel touchpoints after the channel', () => {
    const map = createMap();
    const at = { x: 0, y: 0 };
    const entry = nodeOf(map, addNode(map, { kind: 'entry', position: at }));
    const outcome = nodeOf(map, addNode(map, { kind: 'outcome', position: at }));
    const phone = nodeOf(map, addNode(map, { kind: 'touchpoint', channel: 'phone', position: at }));
    const plain = nodeOf(map, addNode(map, { kind: 'touchpoint', position: at }));
    const named = nodeOf(map, addNode(map, { kind: 'touchpoint', channel: 'phone', label: 'Hotline', position: at }));
    expect([entry.label, outcome.label, phone.label, plain.label, named.label]).toEqual(['Entry', 'Outcome', 'Phone touchpoint', 'Touchpoint', 'Hotline']);
    expect(DEFAULT_LABELS).toEqual({ entry: 'Entry', touchpoint: 'Touchpoint', outcome: 'Outcome' });
    expect(phone.channel).toBe('phone');
  });

  it('gives entries a share of 1 and outcomes a successful result', () => {
    const map = createMap();
    const entry = nodeOf(map, addNode(map, { kind: 'entry', position: { x: 0, y: 0 } }));
    const outcome = nodeOf(map, addNode(map, { kind: 'outcome', position: { x: 0, y: 0 } }));
    expect(entry.share).toBe(1);
    expect(entry).not.toHaveProperty('result');
    expect(outcome.result).toBe('success');
    expect(outcome).not.toHaveProperty('share');
    expect(entry.id).toMatch(/^entry-/);
    expect(outcome.id).toMatch(/^outcome-/);
  });

  it('uses a given id and copies the position instead of keeping the caller’s object', () => {
    const map = createMap();
    const position = { x: 10, y: 20 };
    expect(addNode(map, { kind: 'touchpoint', id: 'mine', position })).toBe('mine');
    position.x = 999;
    expect(nodeOf(map, 'mine').position).toEqual({ x: 10, y: 20 });
  });

  it('never reuses an id', () => {
    const map = createMap();
    const ids = Array.from({ length: 50 }, () => addNode(map, { kind: 'touchpoint', position: { x: 0, y: 0 } }));
    expect(new Set(ids).size).toBe(50);
  });

  it('refuses an id already used by a node or an edge', () => {
    const map = makeMap();
    expectRefused(map, (m) => addNode(m, { kind: 'touchpoint', id: 'tp-web', position: { x: 0, y: 0 } }), /"tp-web" is already used/);
    expectRefused(map, (m) => addNode(m, { kind: 'touchpoint', id: 'e-web-lost', position: { x: 0, y: 0 } }), /already used/);
  });

  it('refuses a channel the map does not have', () => {
    expectRefused(makeMap(), (m) => addNode(m, { kind: 'touchpoint', channel: 'fax', position: { x: 0, y: 0 } }), /no channel "fax"/);
  });

  it('refuses a stage the map does not have, as updateNode does', () => {
    expectRefused(makeMap(), (m) => addNode(m, { kind: 'touchpoint', stage: 'nowhere', position: { x: 0, y: 0 } }), /no stage "nowhere"/);
  });

  it('refuses a position that is not a finite number', () => {
    for (const position of [{ x: Number.NaN, y: 0 }, { x: 0, y: Infinity }, { x: -Infinity, y: 0 }]) {
      expectRefused(makeMap(), (m) => addNode(m, { kind: 'touchpoint', position }), /position/i);
    }
  });
});

describe('updateNode', () => {
  it('sets plain fields', () => {
    const map = makeMap();
    updateNode(map, 'tp-web', { label: 'Product detail', stage: 'purchase', channel: 'phone', description: 'PDP', emotion: -2, dropOff: 0.25 });
    expect(nodeOf(map, 'tp-web')).toMatchObject({ label: 'Product detail', stage: 'purchase', channel: 'phone', description: 'PDP', emotion: -2, dropOff: 0.25 });
    updateNode(map, 'entry', { share: 2.5 });
    updateNode(map, 'out-success', { result: 'failure' });
    expect(nodeOf(map, 'entry').share).toBe(2.5);
    expect(nodeOf(map, 'out-success').result).toBe('failure');
  });

  it('moves a node whose stage is set into that stage\'s column, so the picture agrees with the data', () => {
    const map = makeMap();
    updateNode(map, 'tp-web', { stage: 'retention' });
    const node = nodeOf(map, 'tp-web');
    expect(stageForPosition(map, node.position)).toBe('retention');
    // A card already in that column at that height: the node goes below it, never on top of it.
    updateNode(map, 'tp-checkout', { stage: 'retention' });
    const second = nodeOf(map, 'tp-checkout');
    expect(stageForPosition(map, second.position)).toBe('retention');
    const column = map.nodes.filter((n) => n.stage === 'retention');
    expect(column.length).toBeGreaterThanOrEqual(2);
    for (const a of column) {
      for (const b of column) {
        if (a === b) continue;
        const apart = a.position.y + NODE_HEIGHT_ESTIMATE[a.kind] <= b.position.y || b.position.y + NODE_HEIGHT_ESTIMATE[b.kind] <= a.position.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it('moves a node whose stage is cleared out of every band', () => {
    const map = makeMap();
    updateNode(map, 'tp-web', { stage: undefined });
    expect(stageForPosition(map, nodeOf(map, 'tp-web').position)).toBeUndefined();
  });

  it('leaves the position alone when the stage does not change', () => {
    const map = makeMap();
    const before = { ...nodeOf(map, 'tp-web').position };
    updateNode(map, 'tp-web', { stage: 'consideration', label: 'Product detail' });
    expect(nodeOf(map, 'tp-web').position).toEqual(before);
  });

  it('clears a field given undefined, removing the key', () => {
    const map = makeMap();
    updateNode(map, 'tp-web', { stage: undefined, channel: undefined, emotion: undefined });
    const node = nodeOf(map, 'tp-web');
    expect(node).not.toHaveProperty('stage');
    expect(node).not.toHaveProperty('channel');
    expect(node).not.toHaveProperty('emotion');
    expect(node.label).toBe('Product page');
  });

  it('accepts the edges of each range', () => {
    const map = makeMap();
    updateNode(map, 'tp-web', { dropOff: 0 });
    expect(nodeOf(map, 'tp-web').dropOff).toBe(0);
    updateNode(map, 'tp-web', { dropOff: 0.999 });
    updateNode(map, 'tp-web', { emotion: 2 });
    updateNode(map, 'tp-web', { emotion: -2 });
    expect(nodeOf(map, 'tp-web')).toMatchObject({ dropOff: 0.999, emotion: -2 });
  });

  it.each<[string, NodePatch, RegExp]>([
    ['an unknown stage', { stage: 'nope' }, /no stage "nope"/],
    ['an unknown channel', { channel: 'fax' }, /no channel "fax"/],
    ['a drop-off of 1', { dropOff: 1 }, /Drop-off must be at least 0 and below 1/],
    ['a negative drop-off', { dropOff: -0.01 }, /Drop-off/],
    ['a NaN drop-off', { dropOff: Number.NaN }, /Drop-off/],
    ['a share of 0', { share: 0 }, /Share must be above 0/],
    ['an infinite share', { share: Infinity }, /Share/],
    ['a NaN share', { share: Number.NaN }, /Share/],
    ['an emotion of 3', { emotion: 3 as never }, /Emotion must be a whole number from -2 to 2/],
    ['a fractional emotion', { emotion: 0.5 as never }, /Emotion/],
    ['clearing the name', { label: undefined }, /A node needs a name/],
  ])('refuses %s and leaves the map unchanged', (_what, patch, message) => {
    expectRefused(makeMap(), (m) => updateNode(m, 'tp-web', patch), message);
  });

  it('refuses the whole patch when one part is invalid, applying none of it', () => {
    // Patch keys are applied in order, so a refusal found late must not leave the early keys applied.
    expectRefused(makeMap(), (m) => updateNode(m, 'tp-web', { stage: 'purchase', description: 'x', label: undefined }), /needs a name/);
    expectRefused(makeMap(), (m) => updateNode(m, 'tp-web', { label: 'New', dropOff: 2 }), /Drop-off/);
  });

  it('refuses a node that does not exist', () => {
    expectRefused(makeMap(), (m) => updateNode(m, 'ghost', { label: 'x' }), /no node "ghost"/);
  });

  it('drops the observed counts when the drop-off is typed by hand or cleared, and keeps them for any other field', () => {
    const calibrated = () => {
      const map = makeMap();
      Object.assign(nodeOf(map, 'tp-web'), { dropOff: 0.2, observed: { entered: 500, left: 100, designed: 0.35 } });
      return map;
    };
    const map = calibrated();
    updateNode(map, 'tp-web', { label: 'Product detail', emotion: -1, stage: 'purchase' });
    expect(nodeOf(map, 'tp-web').observed).toEqual({ entered: 500, left: 100, designed: 0.35 });
    updateNode(map, 'tp-web', { dropOff: 0.25 });
    expect(nodeOf(map, 'tp-web').dropOff).toBe(0.25);
    expect(nodeOf(map, 'tp-web')).not.toHaveProperty('observed');
    const cleared = calibrated();
    updateNode(cleared, 'tp-web', { dropOff: undefined });
    expect(nodeOf(cleared, 'tp-web')).not.toHaveProperty('dropOff');
    expect(nodeOf(cleared, 'tp-web')).not.toHaveProperty('observed');
    // Refused, it keeps them, as it keeps everything.
    expectRefused(calibrated(), (m) => updateNode(m, 'tp-web', { dropOff: 1 }), /Drop-off/);
  });
});

describe('moveNodes', () => {
  it('moves nodes and sets each stage from the band its centre lands in', () => {
    const map = makeMap();
    moveNodes(map, { 'tp-web': { x: xInBand(3), y: 50 }, entry: { x: xInBand(1), y: -20 } });
    expect(nodeOf(map, 'tp-web')).toMatchObject({ position: { x: xInBand(3), y: 50 }, stage: 'retention' });
    expect(nodeOf(map, 'entry')).toMatchObject({ position: { x: xInBand(1), y: -20 }, stage: 'consideration' });
    expect(nodeOf(map, 'tp-checkout').position).toEqual({ x: xInBand(2), y: 0 });
  });

  it('moves none of the nodes when one of them does not exist', () => {
    expectRefused(makeMap(), (m) => moveNodes(m, { 'tp-web': { x: 0, y: 0 }, ghost: { x: 1, y: 1 } }), /no node "ghost"/);
  });

  it('refuses a position that is not a finite number', () => {
    expectRefused(makeMap(), (m) => moveNodes(m, { 'tp-web': { x: Number.NaN, y: 0 } }), /position/i);
    expectRefused(makeMap(), (m) => moveNodes(m, { 'tp-web': { x: 0, y: 0 }, entry: { x: 0, y: -Infinity } }), /position/i);
  });
});

describe('setScores', () => {
  it('merges scores into what the node already has', () => {
    const map = makeMap();
    setScores(map, 'tp-web', { nps: -40, ces: 2 });
    expect(nodeOf(map, 'tp-web').scores).toEqual({ nps: -40, csat: 81, ces: 2, responses: 412 });
    setScores(map, 'tp-checkout', { csat: 50 });
    expect(nodeOf(map, 'tp-checkout').scores).toEqual({ csat: 50 });
  });

  it('accepts the ends of every range', () => {
    const map = makeMap();
    for (const scores of [{ nps: -100, csat: 0, ces: 1, responses: 0 }, { nps: 100, csat: 100, ces: 7, responses: 1_000_000 }]) {
      setScores(map, 'tp-web', scores);
      expect(nodeOf(map, 'tp-web').scores).toEqual(scores);
    }
  });

  it('clears a score given undefined, and the scores object when none is left', () => {
    const map = makeMap();
    setScores(map, 'tp-web', { nps: undefined, csat: undefined });
    expect(nodeOf(map, 'tp-web').scores).toEqual({ ces: 5.6, responses: 412 });
    expect(nodeOf(map, 'tp-web').scores).not.toHaveProperty('nps');
    setScores(map, 'tp-web', { ces: undefined, responses: undefined });
    expect(nodeOf(map, 'tp-web')).not.toHaveProperty('scores');
  });

  it.each<[string, Scores, RegExp]>([
    ['NPS above 100', { nps: 100.5 }, /NPS must be between -100 and 100/],
    ['NPS below -100', { nps: -101 }, /NPS/],
    ['CSAT above 100', { csat: 140 }, /CSAT must be between 0 and 100/],
    ['CSAT below 0', { csat: -1 }, /CSAT/],
    ['CES below 1', { ces: 0.9 }, /CES must be between 1 and 7/],
    ['CES above 7', { ces: 7.01 }, /CES/],
    ['NaN NPS', { nps: Number.NaN }, /NPS/],
    ['NaN CSAT', { csat: Number.NaN }, /CSAT/],
    ['NaN CES', { ces: Number.NaN }, /CES/],
    ['infinite NPS', { nps: Infinity }, /NPS/],
    ['minus infinite CSAT', { csat: -Infinity }, /CSAT/],
    ['infinite CES', { ces: Infinity }, /CES/],
    ['fractional responses', { responses: 2.5 }, /Responses must be a whole number/],
    ['negative responses', { responses: -1 }, /Responses/],
    ['NaN responses', { responses: Number.NaN }, /Responses/],
    ['infinite responses', { responses: Infinity }, /Responses/],
    ['responses beyond the safe integers', { responses: 2 ** 60 }, /Responses/],
  ])('refuses %s and leaves the map unchanged', (_what, scores, message) => {
    expectRefused(makeMap(), (m) => setScores(m, 'tp-web', scores), message);
  });

  it('refuses all of a score patch when one score is out of range', () => {
    expectRefused(makeMap(), (m) => setScores(m, 'tp-web', { nps: 10, csat: 101 }), /CSAT/);
  });

  it('refuses a node that does not exist', () => {
    expectRefused(makeMap(), (m) => setScores(m, 'ghost', { nps: 1 }), /no node "ghost"/);
  });

  describe('over scores computed from a survey (version 5)', () => {
    /** makeMap, with tp-web's scores computed from survey answers: CSAT as the mean answer, CES as the % of 5–7. */
    function surveyed(): JourneyMap {
      const map = makeMap();
      nodeOf(map, 'tp-web').scores = {
        nps: 31, csat: 4.1, ces: 62, responses: 412,
        evidence: { nps: { n: 412, low: 24, high: 38 }, csat: { n: 400, low: 4, high: 4.2, measure: 'mean' }, ces: { n: 20, low: 41, high: 79, measure: 'top3' } },
      };
      return map;
    }

    it('drops the evidence of a score typed by hand, keeping the other scores\' evidence', () => {
      const map = surveyed();
      setScores(map, 'tp-web', { nps: 35 });
      expect(nodeOf(map, 'tp-web').scores).toEqual({
        nps: 35, csat: 4.1, ces: 62, responses: 412,
        evidence: { csat: { n: 400, low: 4, high: 4.2, measure: 'mean' }, ces: { n: 20, low: 41, high: 79, measure: 'top3' } },
      });
      expect(validateMap(map).ok).toBe(true);
    });

    it('drops the evidence of a score cleared, and the evidence object when none is left', () => {
      const map = surveyed();
      setScores(map, 'tp-web', { csat: undefined });
      expect(nodeOf(map, 'tp-web').scores?.evidence).toEqual({ nps: { n: 412, low: 24, high: 38 }, ces: { n: 20, low: 41, high: 79, measure: 'top3' } });
      setScores(map, 'tp-web', { nps: 10, ces: 5 });
      expect(nodeOf(map, 'tp-web').scores).toEqual({ nps: 10, ces: 5, responses: 412 });
      expect(nodeOf(map, 'tp-web').scores).not.toHaveProperty('evidence');
    });

    it('keeps the evidence when only the number of responses is typed', () => {
      const map = surveyed();
      const evidence = structuredClone(nodeOf(map, 'tp-web').scores?.evidence);
      setScores(map, 'tp-web', { responses: 500 });
      expect(nodeOf(map, 'tp-web').scores?.evidence).toEqual(evidence);
    });

    it('checks a typed score against the default range: the survey\'s measure goes with its evidence', () => {
      // A CSAT typed over a mean answer is a % of 4s and 5s again (0 to 100); a CES typed over a % is a mean (1 to 7).
      const map = surveyed();
      setScores(map, 'tp-web', { csat: 80 });
      expect(nodeOf(map, 'tp-web').scores?.csat).toBe(80);
      expect(nodeOf(map, 'tp-web').scores?.evidence?.csat).toBeUndefined();
      expectRefused(surveyed(), (m) => setScores(m, 'tp-web', { ces: 60 }), /CES must be between 1 and 7/);
    });

    it('checks scores given with their evidence against the range that evidence gives', () => {
      const map = makeMap();
      setScores(map, 'tp-web', { csat: 4.4, evidence: { csat: { n: 50, low: 4.2, high: 4.6, measure: 'mean' } } });
      expect(nodeOf(map, 'tp-web').scores).toMatchObject({ csat: 4.4, evidence: { csat: { measure: 'mean' } } });
      setScores(map, 'tp-web', { ces: 70, evidence: { ces: { n: 50, low: 56, high: 81, measure: 'top3' } } });
      expect(nodeOf(map, 'tp-web').scores?.ces).toBe(70);
      expectRefused(makeMap(), (m) => setScores(m, 'tp-web', { csat: 81, evidence: { csat: { n: 50, low: 70, high: 90, measure: 'mean' } } }), /CSAT must be between 1 and 5/);
      expectRefused(makeMap(), (m) => setScores(m, 'tp-web', { ces: 0.5, evidence: { ces: { n: 50, low: 0, high: 1, measure: 'mean' } } }), /CES must be between 1 and 7/);
    });
  });
});

describe('removeNodes', () => {
  it('removes the nodes and every edge into or out of them', () => {
    const map = makeMap();
    removeNodes(map, ['tp-web']);
    expect(map.nodes.map((n) => n.id)).toEqual(['entry', 'tp-checkout', 'out-success', 'out-lost']);
    expect(map.edges.map((e) => e.id)).toEqual(['e-checkout-success']);
    expect(invariantProblems(map)).toEqual([]);
  });

  it('removes several nodes at once', () => {
    const map = makeMap();
    removeNodes(map, ['entry', 'out-success']);
    expect(map.nodes.map((n) => n.id)).toEqual(['tp-web', 'tp-checkout', 'out-lost']);
    expect(map.edges.map((e) => e.id)).toEqual(['e-web-checkout', 'e-web-lost']);
  });

  it('ignores ids it does not know, leaving the map as it was', () => {
    const map = makeMap();
    const before = snapshot(map);
    const { nodes, edges } = map;
    removeNodes(map, ['ghost']);
    expect(map).toEqual(before);
    // Untouched arrays keep their identity, so an immer draft sees no change (and records no undo step).
    expect(map.nodes).toBe(nodes);
    expect(map.edges).toBe(edges);
  });
});

describe('connect', () => {
  it('connects two nodes with weight 1 by default and returns the edge id', () => {
    const map = makeMap();
    const id = connect(map, { source: 'entry', target: 'tp-checkout' });
    expect(edgeOf(map, id)).toEqual({ id, source: 'entry', target: 'tp-checkout', weight: 1 });
    expect(id).toMatch(/^e-/);
  });

  it('keeps a given id, weight and label', () => {
    const map = makeMap();
    expect(connect(map, { id: 'mine', source: 'tp-checkout', target: 'out-lost', weight: 0.5, label: 'Gives up' })).toBe('mine');
    expect(edgeOf(map, 'mine')).toEqual({ id: 'mine', source: 'tp-checkout', target: 'out-lost', weight: 0.5, label: 'Gives up' });
  });

  it('allows the reverse of an existing edge (a loop back)', () => {
    const map = makeMap();
    connect(map, { source: 'tp-checkout', target: 'tp-web' });
    expect(map.edges).toHaveLength(5);
  });

  it.each<[string, NewEdge, RegExp]>([
    ['an edge out of an outcome', { source: 'out-success', target: 'tp-web' }, /"Order placed" is an outcome/],
    ['an edge into an entry', { source: 'tp-web', target: 'entry' }, /"Search ad" is an entry/],
    ['a second edge between the same nodes', { source: 'tp-web', target: 'tp-checkout' }, /"Product page" already leads to "Checkout"/],
    ['a missing source', { source: 'ghost', target: 'tp-web' }, /no node "ghost"/],
    ['a missing target', { source: 'tp-web', target: 'ghost' }, /no node "ghost"/],
    ['a weight of 0', { source: 'entry', target: 'tp-checkout', weight: 0 }, /Weight must be above 0/],
    ['a negative weight', { source: 'entry', target: 'tp-checkout', weight: -2 }, /Weight/],
    ['a NaN weight', { source: 'entry', target: 'tp-checkout', weight: Number.NaN }, /Weight/],
    ['an infinite weight', { source: 'entry', target: 'tp-checkout', weight: Infinity }, /Weight/],
    ['an id used by an edge', { id: 'e-web-lost', source: 'entry', target: 'tp-checkout' }, /"e-web-lost" is already used/],
    ['an id used by a node', { id: 'tp-web', source: 'entry', target: 'tp-checkout' }, /"tp-web" is already used/],
  ])('refuses %s and leaves the map unchanged', (_what, init, message) => {
    expectRefused(makeMap(), (m) => connect(m, init), message);
  });
});

describe('updateEdge', () => {
  it('changes the weight and the label', () => {
    const map = makeMap();
    updateEdge(map, 'e-web-lost', { weight: 2.5, label: 'Bounces' });
    expect(edgeOf(map, 'e-web-lost')).toEqual({ id: 'e-web-lost', source: 'tp-web', target: 'out-lost', weight: 2.5, label: 'Bounces' });
  });

  it('removes the label when given an empty one or undefined', () => {
    const map = makeMap();
    updateEdge(map, 'e-web-checkout', { label: '' });
    expect(edgeOf(map, 'e-web-checkout')).not.toHaveProperty('label');
    updateEdge(map, 'e-web-lost', { label: 'x' });
    updateEdge(map, 'e-web-lost', { label: undefined });
    expect(edgeOf(map, 'e-web-lost')).not.toHaveProperty('label');
  });

  it('leaves what the patch does not mention', () => {
    const map = makeMap();
    updateEdge(map, 'e-web-checkout', { weight: 9 });
    expect(edgeOf(map, 'e-web-checkout').label).toBe('Add to cart');
  });

  it.each([0, -1, Number.NaN, Infinity, undefined])('refuses weight %s', (weight) => {
    expectRefused(makeMap(), (m) => updateEdge(m, 'e-web-checkout', { weight, label: 'changed' }), /Weight must be above 0/);
  });

  it('refuses an edge that does not exist', () => {
    expectRefused(makeMap(), (m) => updateEdge(m, 'ghost', { weight: 1 }), /no edge "ghost"/);
  });

  it('drops the observed counts when the weight is typed by hand, and keeps them for a new label', () => {
    const calibrated = () => {
      const map = makeMap();
      edgeOf(map, 'e-web-checkout').observed = { count: 300, designed: 3 };
      edgeOf(map, 'e-web-lost').observed = { count: 100 };
      return map;
    };
    const map = calibrated();
    updateEdge(map, 'e-web-checkout', { label: 'Adds to cart' });
    expect(edgeOf(map, 'e-web-checkout').observed).toEqual({ count: 300, designed: 3 });
    updateEdge(map, 'e-web-checkout', { weight: 4 });
    expect(edgeOf(map, 'e-web-checkout')).toEqual({ id: 'e-web-checkout', source: 'tp-web', target: 'tp-checkout', weight: 4, label: 'Adds to cart' });
    // The other edges out of the node keep theirs.
    expect(edgeOf(map, 'e-web-lost').observed).toEqual({ count: 100 });
    expectRefused(calibrated(), (m) => updateEdge(m, 'e-web-lost', { weight: 0 }), /Weight must be above 0/);
  });
});

describe('removeEdges', () => {
  it('removes the listed edges and nothing else', () => {
    const map = makeMap();
    removeEdges(map, ['e-web-lost', 'e-entry-web', 'ghost']);
    expect(map.edges.map((e) => e.id)).toEqual(['e-web-checkout', 'e-checkout-success']);
    expect(map.nodes).toHaveLength(5);
  });

  it('leaves the edges array alone when nothing matches', () => {
    const map = makeMap();
    const edges = map.edges;
    removeEdges(map, ['ghost']);
    expect(map.edges).toBe(edges);
  });
});

describe('friction notes', () => {
  it('adds an open note with trimmed text and returns its id', () => {
    const map = makeMap();
    const id = addFriction(map, 'tp-web', '  Slow images  ', 2);
    expect(nodeOf(map, 'tp-web').friction).toEqual([{ id, note: 'Slow images', severity: 2 }]);
    expect(addFriction(map, 'tp-web', 'Another', 5, 'f-given')).toBe('f-given');
  });

  it.each<[string, string, number, RegExp]>([
    ['blank text', '   ', 3, /needs some text/],
    ['severity 0', 'x', 0, /Severity must be 1 to 5/],
    ['severity 6', 'x', 6, /Severity/],
    ['a fractional severity', 'x', 2.5, /Severity/],
  ])('refuses %s', (_what, note, severity, message) => {
    expectRefused(makeMap(), (m) => addFriction(m, 'tp-web', note, severity as Severity), message);
  });

  it('refuses a missing node and an id the node already uses', () => {
    expectRefused(makeMap(), (m) => addFriction(m, 'ghost', 'x', 1), /no node "ghost"/);
    expectRefused(makeMap(), (m) => addFriction(m, 'tp-checkout', 'x', 1, 'f-old'), /"f-old" is already used/);
  });

  it('resolves and reopens a note', () => {
    const map = makeMap();
    resolveFriction(map, 'tp-checkout', 'f-long-form', true);
    expect(nodeOf(map, 'tp-checkout').friction[0].resolved).toBe(true);
    resolveFriction(map, 'tp-checkout', 'f-long-form', false);
    expect(nodeOf(map, 'tp-checkout').friction[0]).toEqual({ id: 'f-long-form', note: 'Payment form is long', severity: 4 });
  });

  it('refuses to resolve a note that does not exist', () => {
    expectRefused(makeMap(), (m) => resolveFriction(m, 'tp-checkout', 'ghost', true), /no friction note "ghost"/);
    expectRefused(makeMap(), (m) => resolveFriction(m, 'ghost', 'f-old', true), /no node "ghost"/);
  });

  it('removes a note', () => {
    const map = makeMap();
    removeFriction(map, 'tp-checkout', 'f-long-form');
    expect(nodeOf(map, 'tp-checkout').friction.map((f) => f.id)).toEqual(['f-old']);
    expectRefused(map, (m) => removeFriction(m, 'ghost', 'f-old'), /no node "ghost"/);
  });

  it('leaves the notes alone when removing one that does not exist', () => {
    const map = makeMap();
    const notes = nodeOf(map, 'tp-checkout').friction;
    removeFriction(map, 'tp-checkout', 'ghost');
    expect(nodeOf(map, 'tp-checkout').friction).toBe(notes);
  });
});

describe('renameMap', () => {
  it('renames with trimmed text', () => {
    const map = makeMap();
    renameMap(map, '  Returns journey ');
    expect(map.name).toBe('Returns journey');
  });

  it('refuses a blank name', () => {
    expectRefused(makeMap(), (m) => renameMap(m, ' \t '), /A map needs a name/);
  });
});

describe('invariantProblems', () => {
  it('finds nothing wrong with a sound map', () => {
    expect(invariantProblems(makeMap())).toEqual([]);
  });

  it('names duplicate ids, dangling edges and edges out of outcomes', () => {
    const map = makeMap();
    map.edges.push({ id: 'tp-web', source: 'out-success', target: 'ghost', weight: 1 });
    expect(invariantProblems(map)).toEqual([
      'edges[4].id: duplicate id "tp-web"',
      'edges[4].target: there is no node "ghost"',
      'edges[4].source: "out-success" is an outcome; edges cannot leave an outcome',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties: whatever a user (or a buggy caller) throws at the edits, the map stays sound.

const pick = (ids: readonly string[], i: number) => (ids.length === 0 ? 'ghost' : ids[i % ids.length]);
const anyNumber = fc.oneof(
  fc.double({ min: -200, max: 200, noNaN: true }),
  fc.integer({ min: -3, max: 8 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, 1, -0),
);
const coordinate = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -400, max: 1800 }) }, { weight: 1, arbitrary: anyNumber });
const position = fc.record({ x: coordinate, y: coordinate });
// Absent half the time (fc.option gives nil with probability 1/freq), so compound patches are often entirely valid (and a late refusal is exercised).
const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const someId = fc.oneof(fc.constantFrom('n1', 'n2', 'e1', 'f1', 'tp-web', 'e-web-lost', 'ghost'), fc.stringMatching(/^[a-z]{1,6}$/));
const stageId = fc.constantFrom('awareness', 'purchase', 'advocacy', 'nowhere');
const channelId = fc.constantFrom('website', 'phone', 'fax');

type Step = (map: JourneyMap) => unknown;
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc
    .record({ kind: fc.constantFrom('entry', 'touchpoint', 'outcome'), position, id: maybe(someId), stage: maybe(stageId), channel: maybe(channelId), label: maybe(fc.string()) })
    .map((r) => (map: JourneyMap) => {
      const init: NewNode = { kind: r.kind, position: r.position };
      if (r.id !== undefined) init.id = r.id;
      if (r.stage !== undefined) init.stage = r.stage;
      if (r.channel !== undefined) init.channel = r.channel;
      if (r.label !== undefined) init.label = r.label;
      return addNode(map, init);
    }),
  fc
    .record({ from: fc.nat(), to: fc.nat(), id: maybe(someId), weight: maybe(anyNumber), ghost: fc.boolean() })
    .map((r) => (map: JourneyMap) => {
      const ids = map.nodes.map((n) => n.id);
      const init: NewEdge = { source: r.ghost ? 'ghost' : pick(ids, r.from), target: pick(ids, r.to) };
      if (r.id !== undefined) init.id = r.id;
      if (r.weight !== undefined) init.weight = r.weight;
      return connect(map, init);
    }),
  fc
    .record({
      i: fc.nat(),
      label: maybe(fc.string()),
      clearLabel: fc.boolean(),
      stage: maybe(stageId),
      channel: maybe(channelId),
      dropOff: maybe(anyNumber),
      share: maybe(anyNumber),
      emotion: maybe(anyNumber),
    })
    .map((r) => (map: JourneyMap) => {
      const patch: NodePatch = {};
      if (r.label !== undefined) patch.label = r.label;
      if (r.stage !== undefined) patch.stage = r.stage;
      if (r.channel !== undefined) patch.channel = r.channel;
      if (r.dropOff !== undefined) patch.dropOff = r.dropOff;
      if (r.share !== undefined) patch.share = r.share;
      if (r.emotion !== undefined) patch.emotion = r.emotion as never;
      if (r.clearLabel) patch.label = undefined;
      updateNode(map, pick(map.nodes.map((n) => n.id), r.i), patch);
    }),
  fc.record({ i: fc.nat(), to: position }).map((r) => (map: JourneyMap) => moveNodes(map, { [pick(map.nodes.map((n) => n.id), r.i)]: r.to })),
  fc
    .record({ i: fc.nat(), nps: maybe(anyNumber), csat: maybe(anyNumber), ces: maybe(anyNumber), responses: maybe(anyNumber) })
    .map((r) => (map: JourneyMap) => {
      const scores: Scores = {};
      for (const key of ['nps', 'csat', 'ces', 'responses'] as const) if (r[key] !== undefined) scores[key] = r[key];
      setScores(map, pick(map.nodes.map((n) => n.id), r.i), scores);
    }),
  fc.record({ i: fc.nat(), extra: fc.boolean() }).map((r) => (map: JourneyMap) => removeNodes(map, [pick(map.nodes.map((n) => n.id), r.i), ...(r.extra ? ['ghost'] : [])])),
  fc.record({ i: fc.nat(), weight: maybe(anyNumber), label: maybe(fc.string()) }).map((r) => (map: JourneyMap) => {
    updateEdge(map, pick(map.edges.map((e) => e.id), r.i), { ...(r.weight !== undefined ? { weight: r.weight } : {}), label: r.label });
  }),
  fc.nat().map((i) => (map: JourneyMap) => removeEdges(map, [pick(map.edges.map((e) => e.id), i)])),
  fc
    .record({ i: fc.nat(), note: fc.string(), severity: anyNumber, id: maybe(fc.constantFrom('f1', 'f2')) })
    .map((r) => (map: JourneyMap) => addFriction(map, pick(map.nodes.map((n) => n.id), r.i), r.note, r.severity as Severity, r.id)),
  fc.record({ i: fc.nat(), j: fc.nat(), resolved: fc.boolean(), remove: fc.boolean() }).map((r) => (map: JourneyMap) => {
    const node = map.nodes[r.i % Math.max(1, map.nodes.length)];
    const noteId = node ? pick(node.friction.map((f) => f.id), r.j) : 'ghost';
    const nodeId = node?.id ?? 'ghost';
    if (r.remove) removeFriction(map, nodeId, noteId);
    else resolveFriction(map, nodeId, noteId, r.resolved);
  }),
  fc.string().map((name) => (map: JourneyMap) => renameMap(map, name)),
);

function graphIds(map: JourneyMap): string[] {
  return [...map.nodes.map((n) => n.id), ...map.edges.map((e) => e.id)];
}

describe('every sequence of edits', () => {
  it('keeps the invariants and unique ids, and a refused edit changes nothing', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(stepArb, { maxLength: 40 }), (fromSample, steps) => {
        const map = fromSample ? makeMap() : createMap({ id: 'map-prop' });
        for (const step of steps) {
          const before = snapshot(map);
          try {
            step(map);
          } catch (error) {
            if (!(error instanceof EditError)) throw error;
            expect(map).toEqual(before);
          }
          expect(invariantProblems(map)).toEqual([]);
          const ids = graphIds(map);
          expect(new Set(ids).size).toBe(ids.length);
          for (const node of map.nodes) {
            const noteIds = node.friction.map((f) => f.id);
            expect(new Set(noteIds).size).toBe(noteIds.length);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a map the file format accepts, so what is saved can be opened again', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        const map = makeMap();
        for (const step of steps) {
          try {
            step(map);
          } catch (error) {
            if (!(error instanceof EditError)) throw error;
          }
        }
        const result = validateMap(map);
        expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
