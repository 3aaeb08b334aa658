/**
 * Small journey maps with known ids, so tests say what they change instead of building a map each time.
 *
 *   entry ──▶ tp-web ──▶ tp-checkout ──▶ out-success
 *                  └────────────────────▶ out-lost   (weights 3 and 1 out of tp-web)
 *
 * tp-checkout holds two friction notes: f-long-form (open, severity 4) and f-old (resolved).
 */
import { createMap, EditError } from '../../src/domain/edits';
import { STAGE_WIDTH } from '../../src/domain/layout';
import type { JourneyEdge, JourneyMap, JourneyNode, StickyNote } from '../../src/domain/types';

/** Top-left x of a node whose centre sits in the middle of stage band `index`. */
export const xInBand = (index: number) => index * STAGE_WIDTH + 45;

export function makeNode(init: Partial<JourneyNode> & Pick<JourneyNode, 'id'>): JourneyNode {
  return { kind: 'touchpoint', label: init.id, position: { x: 0, y: 0 }, friction: [], ...init };
}

export function makeMap(overrides: Partial<JourneyMap> = {}): JourneyMap {
  const nodes: JourneyNode[] = [
    makeNode({ id: 'entry', kind: 'entry', label: 'Search ad', stage: 'awareness', position: { x: xInBand(0), y: 0 }, share: 1 }),
    makeNode({
      id: 'tp-web',
      label: 'Product page',
      stage: 'consideration',
      channel: 'website',
      position: { x: xInBand(1), y: 0 },
      scores: { nps: 31, csat: 81, ces: 5.6, responses: 412 },
      emotion: 1,
    }),
    makeNode({
      id: 'tp-checkout',
      label: 'Checkout',
      stage: 'purchase',
      channel: 'website',
      position: { x: xInBand(2), y: 0 },
      friction: [
        { id: 'f-long-form', note: 'Payment form is long', severity: 4 },
        { id: 'f-old', note: 'Old coupon bug', severity: 5, resolved: true },
      ],
    }),
    makeNode({ id: 'out-success', kind: 'outcome', label: 'Order placed', stage: 'retention', position: { x: xInBand(3), y: 0 }, result: 'success' }),
    makeNode({ id: 'out-lost', kind: 'outcome', label: 'Leaves', stage: 'retention', position: { x: xInBand(3), y: 200 }, result: 'failure' }),
  ];
  const edges: JourneyEdge[] = [
    { id: 'e-entry-web', source: 'entry', target: 'tp-web', weight: 1 },
    { id: 'e-web-checkout', source: 'tp-web', target: 'tp-checkout', weight: 3, label: 'Add to cart' },
    { id: 'e-web-lost', source: 'tp-web', target: 'out-lost', weight: 1 },
    { id: 'e-checkout-success', source: 'tp-checkout', target: 'out-success', weight: 1 },
  ];
  return createMap({ id: 'map-test', name: 'Test journey', description: 'A map for tests', nodes, edges, ...overrides });
}

/**
 * makeMap with two personas and two opportunities:
 *   persona-new "First-time buyer" (share 3): entry share 2; tp-web drop-off 0.3 and emotion -1; tp-checkout
 *     drop-off 0.4; edge e-web-checkout weight 1 (instead of 3)
 *   persona-loyal "Regular" (share 1): tp-checkout emotion 1; edge e-web-lost weight 0.5
 *   opp-form "Shorter payment form" (planned, M): the note f-long-form at tp-checkout
 *   opp-page "Better product page" (idea, S): tp-web, naming none of its notes
 */
export function makeMapWithPersonas(overrides: Partial<JourneyMap> = {}): JourneyMap {
  return makeMap({
    personas: [
      {
        id: 'persona-new',
        name: 'First-time buyer',
        colour: '#c2410c',
        share: 3,
        nodes: [
          { node: 'entry', share: 2 },
          { node: 'tp-web', dropOff: 0.3, emotion: -1 },
          { node: 'tp-checkout', dropOff: 0.4 },
        ],
        edges: [{ edge: 'e-web-checkout', weight: 1 }],
      },
      {
        id: 'persona-loyal',
        name: 'Regular',
        share: 1,
        nodes: [{ node: 'tp-checkout', emotion: 1 }],
        edges: [{ edge: 'e-web-lost', weight: 0.5 }],
      },
    ],
    opportunities: [
      {
        id: 'opp-form',
        title: 'Shorter payment form',
        owner: 'Payments team',
        status: 'planned',
        effort: 'M',
        touchpoints: ['tp-checkout'],
        friction: [{ node: 'tp-checkout', note: 'f-long-form' }],
      },
      { id: 'opp-page', title: 'Better product page', status: 'idea', effort: 'S', touchpoints: ['tp-web'], friction: [] },
    ],
    ...overrides,
  });
}

/** A deep copy, for comparing a map with what it was before an edit. */
export const snapshot = (map: JourneyMap): JourneyMap => structuredClone(map);

/** Runs an edit that must be refused: it throws an EditError whose message matches, and the map is exactly as it was. */
export function expectRefused(map: JourneyMap, run: (map: JourneyMap) => unknown, message: RegExp): void {
  const before = snapshot(map);
  let thrown: unknown;
  try {
    run(map);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'the edit should have been refused').toBeInstanceOf(EditError);
  expect((thrown as EditError).name).toBe('EditError');
  expect((thrown as EditError).message).toMatch(message);
  expect(map).toStrictEqual(before);
}

export function noteOf(map: JourneyMap, id: string): StickyNote {
  const note = map.notes.find((n) => n.id === id);
  if (!note) throw new Error(`test map has no note "${id}"`);
  return note;
}

export function nodeOf(map: JourneyMap, id: string): JourneyNode {
  const node = map.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`test map has no node "${id}"`);
  return node;
}

export function edgeOf(map: JourneyMap, id: string): JourneyEdge {
  const edge = map.edges.find((e) => e.id === id);
  if (!edge) throw new Error(`test map has no edge "${id}"`);
  return edge;
}
