import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { invariantProblems } from '../../../src/domain/edits';
import { applyScenario } from '../../../src/domain/scenarios';
import {
  exportMapText,
  formatProblem,
  importMapText,
  importMapValue,
  MAX_FILE_BYTES,
  MAX_REPORTED_PROBLEMS,
  validateMap,
} from '../../../src/format';
import { deepFreeze, expectMap, problemLines, sampleDocument, textOf } from './helpers';

// Index of "checkout-payment" in the online store sample, the node most tests damage.
const CHECKOUT = 6;

describe('importMapText', () => {
  it('opens an exported map unchanged, with no warnings', () => {
    const sample = onlineStoreSample();
    const result = importMapText(exportMapText(sample));
    expect(expectMap(result)).toEqual(sample);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('refuses text that is not JSON, saying so', () => {
    expect(problemLines(importMapText('{"format": "journey-map", nodes: ['))).toEqual([
      expect.stringMatching(/^The file is not valid JSON \(.+\)\.$/),
    ]);
    expect(problemLines(importMapText('   '))).toEqual(['The file is empty.']);
  });

  it('refuses JSON that is not a map', () => {
    expect(problemLines(importMapText('[1, 2, 3]'))[0]).toMatch(/not a Journey Designer map/);
    expect(problemLines(importMapText('"journey-map"'))[0]).toMatch(/not a Journey Designer map/);
    expect(problemLines(importMapText('{"nodes": [], "edges": []}'))).toEqual([
      'format: must be "journey-map" — this is not a Journey Designer map file',
    ]);
  });

  it('accepts a leading byte-order mark', () => {
    expectMap(importMapText(`\uFEFF${exportMapText(onlineStoreSample())}`));
  });

  it('names each missing required field', () => {
    const doc = sampleDocument();
    delete doc.name;
    delete doc.nodes[2].position;
    delete doc.edges[0].source;
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'name: is required',
      'nodes[2].position: is required',
      'edges[0].source: is required',
    ]);
  });

  it('fills in the fields a hand-written file may leave out', () => {
    const doc = sampleDocument();
    delete doc.description;
    delete doc.nodes[0].friction;
    delete doc.edges[0].weight;
    delete doc.notes;
    const map = expectMap(importMapText(textOf(doc)));
    expect(map.description).toBe('');
    expect(map.nodes[0].friction).toEqual([]);
    expect(map.edges[0].weight).toBe(1);
    expect(map.notes).toEqual([]);
  });

  it('names fields of the wrong type and what was found instead', () => {
    const doc = sampleDocument();
    doc.nodes[1].label = 42;
    doc.nodes[1].friction = 'none';
    doc.nodes[CHECKOUT].friction[0].resolved = 'yes';
    doc.channels = {};
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'channels: must be a list, not an object',
      'nodes[1].label: must be text, not 42',
      'nodes[1].friction: must be a list, not the text "none"',
      `nodes[${CHECKOUT}].friction[0].resolved: must be true or false, not the text "yes"`,
    ]);
  });

  it.each([
    ['scores', 'csat', 140, 'must be between 0 and 100'],
    ['scores', 'nps', -101, 'must be between -100 and 100'],
    ['scores', 'ces', 0.5, 'must be between 1 and 7'],
    ['scores', 'responses', 2.5, 'must be a whole number from 0 to 9007199254740991'],
    ['scores', 'responses', -1, 'must be a whole number from 0 to 9007199254740991'],
    ['node', 'dropOff', 1, 'must be at least 0 and below 1'],
    ['node', 'dropOff', -0.1, 'must be at least 0 and below 1'],
    ['node', 'emotion', 3, 'must be a whole number from -2 to 2'],
    ['node', 'emotion', 0.5, 'must be a whole number from -2 to 2'],
    ['node', 'share', 0, 'must be above 0 and at most 1000000000'],
  ])('refuses %s.%s = %s: "%s"', (where, field, value, message) => {
    const doc = sampleDocument();
    const node = doc.nodes[CHECKOUT];
    (where === 'scores' ? node.scores : node)[field] = value;
    const path = where === 'scores' ? `nodes[${CHECKOUT}].scores.${field}` : `nodes[${CHECKOUT}].${field}`;
    expect(problemLines(importMapText(textOf(doc)))).toEqual([`${path}: ${message}`]);
  });

  it('refuses out-of-range values elsewhere in the map', () => {
    const doc = sampleDocument();
    doc.nodes[CHECKOUT].friction[0].severity = 6;
    doc.edges[1].weight = -2;
    doc.simulation = { customers: 0, seed: -1, maxSteps: 1.5, severityDropOff: [0.1, 0.2, 0.3] };
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'simulation.customers: must be a whole number from 1 to 10000000',
      'simulation.seed: must be a whole number from 0 to 4294967295',
      'simulation.maxSteps: must be a whole number from 1 to 10000',
      'simulation.severityDropOff[3]: must be a number',
      'simulation.severityDropOff[4]: must be a number',
      `nodes[${CHECKOUT}].friction[0].severity: must be a whole number from 1 to 5`,
      'edges[1].weight: must be above 0 and at most 1000000000',
    ]);
  });

  it('refuses NaN and Infinity written as strings', () => {
    const doc = sampleDocument();
    doc.nodes[CHECKOUT].scores.csat = 'NaN';
    doc.nodes[0].position.x = 'Infinity';
    doc.edges[0].weight = '-Infinity';
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'nodes[0].position.x: must be a number, not the text "Infinity"',
      `nodes[${CHECKOUT}].scores.csat: must be a number, not the text "NaN"`,
      'edges[0].weight: must be a number, not the text "-Infinity"',
    ]);
  });

  it('refuses duplicate node, edge and friction ids', () => {
    const doc = sampleDocument();
    doc.nodes[4].id = doc.nodes[3].id;
    doc.edges[2].id = doc.edges[1].id;
    doc.edges[5].id = doc.nodes[0].id;
    doc.nodes[CHECKOUT].friction[1].id = doc.nodes[CHECKOUT].friction[0].id;
    doc.stages[1].id = doc.stages[0].id;
    const lines = problemLines(importMapText(textOf(doc)));
    expect(lines).toEqual(
      expect.arrayContaining([
        'stages[1].id: duplicate id "awareness"',
        'nodes[4].id: duplicate id "product-page"',
        'edges[2].id: duplicate id "e-social-product"',
        'edges[5].id: duplicate id "search-ad"',
        `nodes[${CHECKOUT}].friction[1].id: duplicate id "f-payment-form"`,
      ]),
    );
  });

  it('refuses edges to missing nodes, out of outcomes, into entries, to themselves and repeated pairs', () => {
    const doc = sampleDocument();
    const outcome = doc.nodes.find((n: { kind: string }) => n.kind === 'outcome').id;
    doc.edges.push(
      { id: 'e-missing', source: 'cart', target: 'nowhere', weight: 1 },
      { id: 'e-from-outcome', source: outcome, target: 'cart', weight: 1 },
      { id: 'e-into-entry', source: 'cart', target: 'search-ad', weight: 1 },
      { id: 'e-loop', source: 'cart', target: 'cart', weight: 1 },
      { id: 'e-again', source: 'search-ad', target: 'product-page', weight: 2 },
      { id: 'e-lost', source: 'gone', target: 'also-gone', weight: 1 },
    );
    const n = doc.edges.length;
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      `edges[${n - 6}].target: there is no node "nowhere"`,
      `edges[${n - 5}].source: "${outcome}" is an outcome: a journey ends there, so it cannot lead anywhere`,
      `edges[${n - 4}].target: "search-ad" is an entry: customers start there, so nothing can lead into it`,
      `edges[${n - 3}].target: "cart" cannot lead to itself`,
      `edges[${n - 2}]: "search-ad" already leads to "product-page"`,
      `edges[${n - 1}].source: there is no node "gone"`,
      `edges[${n - 1}].target: there is no node "also-gone"`,
    ]);
  });

  it('refuses stage and channel references that the map does not define', () => {
    const doc = sampleDocument();
    doc.nodes[1].stage = 'loyalty';
    doc.nodes[2].channel = 'fax';
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'nodes[1].stage: there is no stage "loyalty"',
      'nodes[2].channel: there is no channel "fax"',
    ]);
  });

  it('drops unknown fields and says which', () => {
    const doc = sampleDocument();
    doc.theme = 'dark';
    doc.nodes[0].colour = 'red';
    doc.nodes[CHECKOUT].scores.mood = 3;
    const result = importMapText(textOf(doc));
    const map = expectMap(result);
    expect(map).toEqual(onlineStoreSample());
    expect(Object.keys(map)).not.toContain('theme');
    expect(Object.keys(map.nodes[0])).not.toContain('colour');
    expect(result.ok && result.warnings).toEqual([
      `Ignored 3 unknown fields: nodes[0].colour, nodes[${CHECKOUT}].scores.mood, theme.`,
    ]);
  });

  it('keeps HTML and script in text fields as plain text', () => {
    const doc = sampleDocument();
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    doc.name = html;
    doc.nodes[0].label = html;
    doc.nodes[CHECKOUT].friction[0].note = html;
    const map = expectMap(importMapText(textOf(doc)));
    expect([map.name, map.nodes[0].label, map.nodes[CHECKOUT].friction[0].note]).toEqual([html, html, html]);
  });

  it('reports at most the first problems of a file full of junk, quickly', () => {
    const doc = sampleDocument();
    doc.nodes = new Array(1_000_000).fill(1);
    const started = performance.now();
    const lines = problemLines(importMapText(textOf(doc)));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(lines).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(lines[0]).toBe('nodes[0]: must be an object, not 1');
  });
});

describe('version 2 fields', () => {
  const note = (id: string, extra: Record<string, unknown> = {}) => ({ id, text: 'Ask the payments team', position: { x: 900, y: 40 }, ...extra });

  it('opens stage and channel colours, stage widths and sticky notes as written', () => {
    const doc = sampleDocument();
    doc.stages[1].colour = '#0f766e';
    doc.stages[1].width = 560;
    doc.channels[6].colour = '#123abc';
    delete doc.channels[0].colour;
    doc.notes = [note('note-1', { width: 240 }), note('note-2', { text: '' })];
    const result = importMapText(textOf(doc));
    const map = expectMap(result);
    expect(map.stages[1]).toEqual({ id: 'consideration', name: 'Consideration', colour: '#0f766e', width: 560 });
    expect(map.channels[6].colour).toBe('#123abc');
    expect(map.channels[0]).toEqual({ id: 'website', name: 'Website' });
    expect(map.notes).toEqual(doc.notes);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('refuses a repeated stage or channel name, whatever its case and surrounding spaces', () => {
    const doc = sampleDocument();
    doc.stages[2].name = 'Awareness';
    doc.stages[4].name = ' consideration ';
    doc.channels[3].name = 'WEBSITE';
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'stages[2].name: duplicate name "Awareness"',
      'stages[4].name: duplicate name " consideration "',
      'channels[3].name: duplicate name "WEBSITE"',
    ]);
  });

  it('refuses empty, blank and over-long stage and channel names', () => {
    const doc = sampleDocument();
    doc.stages[0].name = '';
    doc.stages[1].name = 'x'.repeat(81);
    doc.channels[1].name = '   ';
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'stages[0].name: must not be empty',
      'stages[1].name: must be at most 80 characters',
    ]);
    doc.stages[0].name = 'Awareness';
    doc.stages[1].name = 'x'.repeat(80);
    expect(problemLines(importMapText(textOf(doc)))).toEqual(['channels[1].name: must not be blank']);
  });

  it('refuses an edge from a node to itself', () => {
    const doc = sampleDocument();
    doc.edges.push({ id: 'e-loop', source: 'cart', target: 'cart', weight: 1 });
    expect(problemLines(importMapText(textOf(doc)))).toEqual([`edges[${doc.edges.length - 1}].target: "cart" cannot lead to itself`]);
  });

  it('refuses a sticky note whose id a node, an edge or another note already has', () => {
    const doc = sampleDocument();
    doc.notes = [note('cart'), note(doc.edges[0].id), note('note-1'), note('note-1')];
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'notes[0].id: duplicate id "cart"',
      `notes[1].id: duplicate id "${doc.edges[0].id}"`,
      'notes[3].id: duplicate id "note-1"',
    ]);
  });

  it.each([
    ['stages[0].colour', 'red'],
    ['stages[0].colour', '#1D4ED8'],
    ['channels[2].colour', '#1d4ed'],
    ['channels[2].colour', ' #1d4ed8'],
  ])('refuses %s = "%s": not #rrggbb in lower-case hex', (path, colour) => {
    const doc = sampleDocument();
    const [list, index] = path.split(/[[\].]+/);
    doc[list][Number(index)].colour = colour;
    expect(problemLines(importMapText(textOf(doc)))).toEqual([`${path}: must be a colour written #rrggbb (lower-case hex)`]);
  });

  it('refuses stage widths, note widths, note text and positions out of range', () => {
    const doc = sampleDocument();
    doc.stages[0].width = 219;
    doc.stages[1].width = 11_201;
    doc.nodes[0].position.x = 10_000_001;
    doc.notes = [note('n1', { width: 119 }), note('n2', { width: 601, text: 'x'.repeat(2001) }), note('n3', { position: { x: 0, y: -10_000_001 } })];
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'stages[0].width: must be between 220 and 11200',
      'stages[1].width: must be between 220 and 11200',
      'nodes[0].position.x: must be a number from -10000000 to 10000000',
      'notes[0].width: must be between 120 and 600',
      'notes[1].text: must be at most 2000 characters',
      'notes[1].width: must be between 120 and 600',
      'notes[2].position.y: must be a number from -10000000 to 10000000',
    ]);
  });

  it('accepts positions at exactly ±10,000,000 px', () => {
    const doc = sampleDocument();
    doc.nodes[0].position = { x: -10_000_000, y: 10_000_000 };
    doc.notes = [note('n1', { position: { x: 10_000_000, y: -10_000_000 } })];
    expect(expectMap(importMapText(textOf(doc))).nodes[0].position).toEqual({ x: -10_000_000, y: 10_000_000 });
  });
});

describe('version 3 fields', () => {
  const persona = (extra: Record<string, unknown> = {}) => ({ id: 'persona-mobile', name: 'Mobile-first shopper', share: 10, ...extra });
  const opportunity = (extra: Record<string, unknown> = {}) => ({ id: 'opp-sizes', title: 'Size guide on mobile', status: 'idea', effort: 'S', ...extra });

  /** Sets the value at a path such as "personas[0].nodes[2].dropOff" in a parsed document. */
  function setAt(doc: Record<string, any>, path: string, value: unknown): void {
    const keys = path.split(/[[\].]+/).filter((k) => k !== '');
    const last = keys.pop()!;
    let at: any = doc;
    for (const key of keys) at = at[key];
    at[last] = value;
  }

  it('opens personas with their overrides, and opportunities, as written', () => {
    const doc = sampleDocument();
    const result = importMapText(textOf(doc));
    const map = expectMap(result);
    expect(map.personas.map((p) => p.name)).toEqual(['First-time buyer', 'Returning customer']);
    expect(map.personas).toEqual(doc.personas);
    expect(map.opportunities).toEqual(doc.opportunities);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('fills in what a hand-written file may leave out: the lists, overrides and references', () => {
    const doc = sampleDocument();
    delete doc.personas;
    delete doc.opportunities;
    const bare = expectMap(importMapText(textOf(doc)));
    expect([bare.personas, bare.opportunities]).toEqual([[], []]);
    doc.personas = [persona()];
    doc.opportunities = [opportunity()];
    const result = importMapText(textOf(doc));
    const map = expectMap(result);
    expect(map.personas).toEqual([{ ...persona(), nodes: [], edges: [] }]);
    expect(map.opportunities).toEqual([{ ...opportunity(), touchpoints: [], friction: [] }]);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('refuses overrides of a node or an edge the map does not have, at the override', () => {
    const doc = sampleDocument();
    doc.personas[0].nodes[1].node = 'tp-x';
    doc.personas[1].edges[0].edge = 'e-x';
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'personas[0].nodes[1].node: there is no node "tp-x"',
      'personas[1].edges[0].edge: there is no edge "e-x"',
    ]);
  });

  it('refuses an override that a node of its kind cannot have, at the field', () => {
    const doc = sampleDocument();
    doc.personas[0].nodes[0] = { node: 'live-chat', share: 2 };
    doc.personas[0].nodes[1].emotion = 1; // organic-search, an entry
    doc.personas[1].nodes.push({ node: 'review', dropOff: 0.1, emotion: -1 });
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'personas[0].nodes[0].share: "live-chat" is a touchpoint; a persona cannot override its share',
      'personas[0].nodes[1].emotion: "organic-search" is an entry; a persona cannot override its emotion',
      'personas[1].nodes[5].dropOff: "review" is an outcome; a persona cannot override its drop-off',
      'personas[1].nodes[5].emotion: "review" is an outcome; a persona cannot override its emotion',
    ]);
  });

  it('refuses a node or an edge overridden twice by one persona; two personas may override the same one', () => {
    const doc = sampleDocument();
    expect(doc.personas[0].nodes[0].node).toBe(doc.personas[1].nodes[0].node);
    doc.personas[1].nodes.push({ node: 'cart', dropOff: 0.1 }, { node: 'cart', emotion: 1 });
    doc.personas[1].edges.push({ edge: 'e-product-cart', weight: 1 });
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'personas[1].nodes[6].node: node "cart" is overridden twice',
      'personas[1].edges[2].edge: edge "e-product-cart" is overridden twice',
    ]);
  });

  it('refuses repeated persona ids and names (whatever their case and spaces) and blank names', () => {
    const doc = sampleDocument();
    doc.personas.push(persona({ id: 'persona-first-time', name: ' first-time BUYER ' }), persona({ name: '   ' }));
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'personas[2].id: duplicate id "persona-first-time"',
      'personas[2].name: duplicate name " first-time BUYER "',
      'personas[3].name: must not be blank',
    ]);
  });

  it('refuses repeated opportunity ids', () => {
    const doc = sampleDocument();
    doc.opportunities[2].id = doc.opportunities[0].id;
    expect(problemLines(importMapText(textOf(doc)))).toEqual(['opportunities[2].id: duplicate id "opp-one-page-checkout"']);
  });

  it('keeps persona and opportunity ids apart from node ids and from each other', () => {
    const doc = sampleDocument();
    doc.personas[0].id = 'cart';
    doc.opportunities[0].id = 'persona-returning';
    doc.opportunities[1].id = 'cart';
    expect(expectMap(importMapText(textOf(doc))).personas[0].id).toBe('cart');
  });

  it.each([
    ['personas[0].share', 0, 'must be above 0 and at most 1000000000'],
    ['personas[0].share', 1e9 + 1, 'must be above 0 and at most 1000000000'],
    ['personas[0].nodes[0].share', -1, 'must be above 0 and at most 1000000000'],
    ['personas[0].nodes[2].dropOff', 1, 'must be at least 0 and below 1'],
    ['personas[0].nodes[2].emotion', -3, 'must be a whole number from -2 to 2'],
    ['personas[1].edges[0].weight', 0, 'must be above 0 and at most 1000000000'],
    ['personas[0].colour', '#C2410C', 'must be a colour written #rrggbb (lower-case hex)'],
    ['personas[0].name', 'x'.repeat(81), 'must be at most 80 characters'],
    ['opportunities[0].title', '', 'must not be empty'],
    ['opportunities[0].title', 'x'.repeat(201), 'must be at most 200 characters'],
    ['opportunities[0].status', 'blocked', 'must be "idea", "planned", "in-progress" or "done"'],
    ['opportunities[0].effort', 'XL', 'must be "S", "M" or "L"'],
  ])('refuses %s = %s: "%s"', (path, value, message) => {
    const doc = sampleDocument();
    setAt(doc, path, value);
    expect(problemLines(importMapText(textOf(doc)))).toEqual([`${path}: ${message}`]);
  });

  it('refuses opportunities that name missing nodes, outcomes or missing friction notes, at the reference', () => {
    const doc = sampleDocument();
    doc.opportunities[0].friction[0].note = 'f-x';
    doc.opportunities[1].friction[0].node = 'nowhere';
    doc.opportunities[2].touchpoints.push('tp-x', 'review');
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'opportunities[0].friction[0].note: node "checkout-payment" has no friction note "f-x"',
      'opportunities[1].friction[0].node: there is no node "nowhere"',
      'opportunities[2].touchpoints[1]: there is no node "tp-x"',
      'opportunities[2].touchpoints[2]: "review" is an outcome; an opportunity addresses touchpoints',
    ]);
  });
});

describe('version 4 fields: scenarios', () => {
  const noChanges = () => ({ addedNodes: [], removedNodes: [], changedNodes: [], addedEdges: [], removedEdges: [], changedEdges: [] });
  /** A scenario on the online store sample: checkout's payment-form note resolved, the cart's drop-off halved. */
  const scenario = (changes: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
    id: 'scenario-form',
    name: 'Shorter payment form',
    changes: {
      ...noChanges(),
      changedNodes: [{ id: 'cart', set: { dropOff: 0.1 }, unset: [] }],
      ...changes,
    },
    ...extra,
  });
  /** The sample document with these scenarios. */
  const withScenarios = (...scenarios: unknown[]): Record<string, any> => ({ ...sampleDocument(), scenarios });
  const touchpoint = (id: string, extra: Record<string, unknown> = {}) => ({
    id, kind: 'touchpoint', label: id, stage: 'purchase', position: { x: 605, y: 900 }, friction: [], ...extra,
  });

  it('opens scenarios as written, with no warning, and exports them again unchanged', () => {
    const doc = withScenarios(
      scenario({
        addedNodes: [touchpoint('express-pay', { channel: 'website', dropOff: 0.02 })],
        removedNodes: ['live-chat'],
        changedNodes: [{ id: 'checkout-payment', set: { label: 'One-page checkout', emotion: 0 }, unset: ['scores'] }],
        addedEdges: [
          { id: 'e-cart-express', source: 'cart', target: 'express-pay', weight: 2 },
          { id: 'e-express-delivery', source: 'express-pay', target: 'delivery-updates', weight: 1, label: 'pays' },
        ],
        removedEdges: ['e-product-chat'],
        changedEdges: [{ id: 'e-cart-checkout', set: { weight: 0.5 }, unset: [] }],
      }, { description: 'Fix the form; add express pay.' }),
      scenario({}, { id: 'scenario-copy', name: 'Copy' }),
    );
    const result = importMapText(textOf(doc));
    const map = expectMap(result);
    expect(map.scenarios).toEqual(doc.scenarios);
    expect(result.ok && result.warnings).toEqual([]);
    expect(expectMap(importMapText(exportMapText(map)))).toEqual(map);
  });

  it('fills in a missing scenarios list, but a scenario must list all six kinds of change', () => {
    const doc = sampleDocument();
    delete doc.scenarios;
    expect(expectMap(importMapText(textOf(doc))).scenarios).toEqual([]);
    const partial = scenario();
    delete (partial.changes as Record<string, unknown>).addedEdges;
    expect(problemLines(importMapText(textOf(withScenarios(partial))))).toEqual(['scenarios[0].changes.addedEdges: is required']);
  });

  it('refuses changes that name nodes and edges the as-is map does not have, at the change', () => {
    const doc = withScenarios(
      scenario({
        removedNodes: ['x'],
        changedNodes: [{ id: 'cart', set: {}, unset: [] }, { id: 'tp-y', set: { dropOff: 0.1 }, unset: [] }],
        removedEdges: ['e-cart-checkout', 'e-x'],
        changedEdges: [{ id: 'e-y', set: { weight: 2 }, unset: [] }],
      }),
    );
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'scenarios[0].changes.removedNodes[0]: there is no node "x" in the as-is map',
      'scenarios[0].changes.changedNodes[1].id: there is no node "tp-y" in the as-is map',
      'scenarios[0].changes.removedEdges[1]: there is no edge "e-x" in the as-is map',
      'scenarios[0].changes.changedEdges[0].id: there is no edge "e-y" in the as-is map',
    ]);
  });

  it('refuses added nodes and edges whose ids the as-is map uses (nodes, edges and sticky notes alike)', () => {
    const doc = withScenarios(
      scenario({
        addedNodes: [touchpoint('cart'), touchpoint('e-cart-checkout')],
        addedEdges: [{ id: 'search-ad', source: 'cart', target: 'review', weight: 1 }],
      }),
    );
    doc.notes = [{ id: 'note-1', text: 'hello', position: { x: 0, y: 0 } }];
    doc.scenarios[0].changes.addedNodes.push(touchpoint('note-1'));
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'scenarios[0].changes.addedNodes[0].id: "cart" is already used by the as-is map',
      'scenarios[0].changes.addedNodes[1].id: "e-cart-checkout" is already used by the as-is map',
      'scenarios[0].changes.addedNodes[2].id: "note-1" is already used by the as-is map',
      'scenarios[0].changes.addedEdges[0].id: "search-ad" is already used by the as-is map',
    ]);
  });

  it('refuses added edges and reconnected edges whose ends are not in the scenario (missing, or removed by it)', () => {
    const doc = withScenarios(
      scenario({
        removedNodes: ['live-chat'],
        addedEdges: [
          { id: 'e-a', source: 'cart', target: 'nowhere', weight: 1 },
          { id: 'e-b', source: 'live-chat', target: 'cart', weight: 1 },
        ],
        changedEdges: [{ id: 'e-cart-checkout', set: { target: 'live-chat' }, unset: [] }],
      }),
    );
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'scenarios[0].changes.addedEdges[0].target: there is no node "nowhere" in this scenario',
      'scenarios[0].changes.addedEdges[1].source: there is no node "live-chat" in this scenario',
      'scenarios[0].changes.changedEdges[0].set.target: there is no node "live-chat" in this scenario',
    ]);
  });

  it('checks the map with the scenario applied like any map, naming the scenario: an added edge into an entry', () => {
    const doc = withScenarios(scenario(), scenario({ addedEdges: [{ id: 'e-into-ad', source: 'cart', target: 'search-ad', weight: 1 }] }, { id: 's2', name: 'Loop back' }));
    const edges = doc.edges.length;
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      `scenarios[1].changes (applied): edges[${edges}].target: "search-ad" is an entry: customers start there, so nothing can lead into it`,
    ]);
  });

  it('checks the applied map\'s references and ids too: a missing stage or channel, a self-loop, clashing added ids', () => {
    const doc = withScenarios(
      scenario({
        addedNodes: [touchpoint('express-pay', { stage: 'nowhere' }), touchpoint('twice'), touchpoint('twice')],
        addedEdges: [{ id: 'e-self', source: 'cart', target: 'cart', weight: 1 }],
        changedNodes: [{ id: 'cart', set: { channel: 'fax' }, unset: [] }],
      }),
    );
    const nodes = doc.nodes.length;
    const edges = doc.edges.length;
    const cart = doc.nodes.findIndex((n: { id: string }) => n.id === 'cart');
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      `scenarios[0].changes (applied): nodes[${nodes + 2}].id: duplicate id "twice"`,
      `scenarios[0].changes (applied): nodes[${cart}].channel: there is no channel "fax"`,
      `scenarios[0].changes (applied): nodes[${nodes}].stage: there is no stage "nowhere"`,
      `scenarios[0].changes (applied): edges[${edges}].target: "cart" cannot lead to itself`,
    ]);
  });

  it('ignores an added edge between two nodes the as-is map already joins: the as-is edge stands in the scenario', () => {
    // The editor can leave one behind: a scenario adds cart → checkout, then the as-is map gains that edge too.
    const doc = withScenarios(scenario({ addedEdges: [{ id: 'e-again', source: 'cart', target: 'checkout-payment', weight: 7 }] }));
    const map = expectMap(importMapText(textOf(doc)));
    const shown = applyScenario(map, 'scenario-form');
    expect(shown.edges.filter((e) => e.source === 'cart' && e.target === 'checkout-payment')).toEqual([
      map.edges.find((e) => e.id === 'e-cart-checkout'),
    ]);
  });

  it('refuses a node or an edge changed twice by one scenario, and required fields left empty', () => {
    const doc = withScenarios(
      scenario({
        changedNodes: [
          { id: 'cart', set: { dropOff: 0.1 }, unset: [] },
          { id: 'cart', set: {}, unset: ['label', 'friction'] },
        ],
        changedEdges: [
          { id: 'e-cart-checkout', set: {}, unset: ['weight'] },
          { id: 'e-cart-checkout', set: {}, unset: ['label'] },
        ],
      }),
    );
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'scenarios[0].changes.changedNodes[1].id: node "cart" is changed twice',
      'scenarios[0].changes.changedNodes[1].unset[0]: "label" is required; a scenario cannot leave it empty',
      'scenarios[0].changes.changedNodes[1].unset[1]: "friction" is required; a scenario cannot leave it empty',
      'scenarios[0].changes.changedEdges[0].unset[0]: "weight" is required; a scenario cannot leave it empty',
      'scenarios[0].changes.changedEdges[1].id: edge "e-cart-checkout" is changed twice',
    ]);
  });

  it('refuses repeated scenario ids and names, blank names and "As-is"; keeps scenario ids apart from node ids', () => {
    const doc = withScenarios(scenario(), scenario({}, { name: ' shorter PAYMENT form ' }), scenario({}, { id: 's3', name: '  ' }), scenario({}, { id: 's4', name: ' as-IS ' }));
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'scenarios[1].id: duplicate id "scenario-form"',
      'scenarios[1].name: duplicate name " shorter PAYMENT form "',
      'scenarios[2].name: must not be blank',
      'scenarios[3].name: "As-is" is the map itself; a scenario needs another name',
    ]);
    expect(expectMap(importMapText(textOf(withScenarios(scenario({}, { id: 'cart' })))) ).scenarios[0].id).toBe('cart');
  });

  it('lets two scenarios add the same node and edge ids (a scenario copied from another)', () => {
    const added = { addedNodes: [touchpoint('express-pay')], addedEdges: [{ id: 'e-cart-express', source: 'cart', target: 'express-pay', weight: 1 }] };
    const doc = withScenarios(scenario(added), scenario(added, { id: 'scenario-copy', name: 'Copy' }));
    expect(expectMap(importMapText(textOf(doc))).scenarios).toHaveLength(2);
  });

  it.each([
    ['scenarios[0].changes.changedNodes[0].set.dropOff', 1, 'must be at least 0 and below 1'],
    ['scenarios[0].changes.changedNodes[0].set.emotion', 3, 'must be a whole number from -2 to 2'],
    ['scenarios[0].changes.changedNodes[0].unset', ['kind'], null],
    ['scenarios[0].changes.changedEdges', [{ id: 'e-cart-checkout', set: { weight: 0 }, unset: [] }], null],
    ['scenarios[0].name', 'x'.repeat(81), 'must be at most 80 characters'],
    ['scenarios[0].id', '', 'must not be empty'],
  ])('refuses %s = %j by the schema, at the field', (path, value, message) => {
    const doc = withScenarios(scenario());
    const keys = path.split(/[[\].]+/).filter((k) => k !== '');
    const last = keys.pop()!;
    let at: any = doc;
    for (const key of keys) at = at[key];
    at[last] = value;
    const lines = problemLines(importMapText(textOf(doc)));
    if (message !== null) expect(lines).toEqual([`${path}: ${message}`]);
    else expect(lines).toEqual([
      path.endsWith('unset') ? `${path}[0]: must name an optional node field` : `${path}[0].set.weight: must be above 0 and at most 1000000000`,
    ]);
  });

  it('keeps what a scenario removes when a map with personas is validated (validation changes nothing)', () => {
    const map = onlineStoreSample();
    expect(map.personas.length).toBeGreaterThan(0);
    map.scenarios.push(scenario({ removedNodes: ['live-chat'], removedEdges: ['e-product-chat', 'e-chat-product', 'e-chat-cart'] }) as never);
    const before = structuredClone(map);
    const validated = expectMap(validateMap(deepFreeze(map)));
    expect(validated.scenarios).toEqual(before.scenarios);
    expect(map).toEqual(before);
  });
});

describe('version 5 fields: evidence, observed counts and import mappings', () => {
  // Indices in the online store sample: product-page (a touchpoint with every score), review (an outcome).
  const PRODUCT = 3;
  const REVIEW = 11;
  /** The sample document with evidence behind checkout's scores, counts behind its drop-off and an edge's weight, and import mappings. */
  function withEvidence(): Record<string, any> {
    const doc = sampleDocument();
    doc.nodes[CHECKOUT].scores = {
      nps: -14, csat: 52, ces: 3.2, responses: 305,
      evidence: { nps: { n: 305, low: -24.5, high: -3.5 }, csat: { n: 290, low: 46.3, high: 57.7, measure: 'top2' }, ces: { n: 12, low: 2.4, high: 4, measure: 'mean' } },
    };
    doc.nodes[CHECKOUT].dropOff = 0.3;
    doc.nodes[CHECKOUT].observed = { entered: 1000, left: 300, designed: 0.42 };
    doc.edges[0].observed = { count: 640, designed: 1 };
    doc.imports = {
      survey: {
        columns: [
          { column: 'Which step?', role: 'touchpoint', values: [{ value: 'Checkout', node: 'checkout-payment' }, { value: 'Cart', node: 'cart' }] },
          { column: 'How likely are you to recommend us?', role: 'nps' },
          { column: 'How easy was paying?', role: 'ces', node: 'checkout-payment' },
        ],
        csat: 'top2',
        ces: 'mean',
      },
      funnel: { steps: [{ step: 'Checkout', node: 'checkout-payment' }, { step: '/cart', node: 'cart' }] },
    };
    return doc;
  }

  it('opens evidence, observed counts and import mappings as written, with no warning, and exports them again unchanged', () => {
    const doc = withEvidence();
    const result = importMapText(textOf(doc));
    const map = expectMap(result);
    expect(result.ok && result.warnings).toEqual([]);
    expect(map.nodes[CHECKOUT].scores).toEqual(doc.nodes[CHECKOUT].scores);
    expect(map.nodes[CHECKOUT].observed).toEqual({ entered: 1000, left: 300, designed: 0.42 });
    expect(map.edges[0].observed).toEqual({ count: 640, designed: 1 });
    expect(map.imports).toEqual(doc.imports);
    expect(expectMap(importMapText(exportMapText(map)))).toEqual(map);
  });

  it('leaves all of them out of a map that has none: they are optional', () => {
    const map = expectMap(importMapText(textOf(sampleDocument())));
    expect(Object.hasOwn(map, 'imports')).toBe(false);
    expect(map.nodes.some((n) => Object.hasOwn(n, 'observed') || Object.hasOwn(n.scores ?? {}, 'evidence'))).toBe(false);
    expect(expectMap(importMapText(textOf({ ...sampleDocument(), imports: {} }))).imports).toEqual({});
  });

  it('accepts a CSAT measured as the mean answer (1 to 5), and refuses one outside that range', () => {
    const doc = sampleDocument();
    doc.nodes[PRODUCT].scores = { csat: 4.2, evidence: { csat: { n: 80, low: 4, high: 4.4, measure: 'mean' } } };
    expect(expectMap(importMapText(textOf(doc))).nodes[PRODUCT].scores?.csat).toBe(4.2);
    doc.nodes[PRODUCT].scores = { csat: 80, evidence: { csat: { n: 80, low: 4, high: 4.4, measure: 'mean' } } };
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      `nodes[${PRODUCT}].scores.csat: must be between 1 and 5`,
      `nodes[${PRODUCT}].scores.evidence.csat: the interval 4 to 4.4 must contain the score 80`,
    ]);
    doc.nodes[PRODUCT].scores = { csat: 0.5, evidence: { csat: { n: 80, low: 0.4, high: 0.6, measure: 'mean' } } };
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      `nodes[${PRODUCT}].scores.csat: must be between 1 and 5`,
      `nodes[${PRODUCT}].scores.evidence.csat: the interval must lie between 1 and 5`,
    ]);
  });

  it('accepts a CES of 60 only as the % of 5–7 answers ("top3"); without that, a CES is 1 to 7', () => {
    const doc = sampleDocument();
    doc.nodes[PRODUCT].scores = { ces: 60 };
    expect(problemLines(importMapText(textOf(doc)))).toEqual([`nodes[${PRODUCT}].scores.ces: must be between 1 and 7`]);
    doc.nodes[PRODUCT].scores = { ces: 60, evidence: { ces: { n: 50, low: 46, high: 73, measure: 'mean' } } };
    expect(problemLines(importMapText(textOf(doc)))).toContain(`nodes[${PRODUCT}].scores.ces: must be between 1 and 7`);
    doc.nodes[PRODUCT].scores = { ces: 60, evidence: { ces: { n: 50, low: 46, high: 73, measure: 'top3' } } };
    expect(expectMap(importMapText(textOf(doc))).nodes[PRODUCT].scores?.ces).toBe(60);
    // Evidence for another score does not widen the CES range.
    doc.nodes[PRODUCT].scores = { ces: 60, nps: 10, evidence: { nps: { n: 50, low: 0, high: 20 } } };
    expect(problemLines(importMapText(textOf(doc)))).toEqual([`nodes[${PRODUCT}].scores.ces: must be between 1 and 7`]);
  });

  it('refuses an interval that does not contain its score, at the evidence', () => {
    const doc = sampleDocument();
    doc.nodes[PRODUCT].scores = { nps: 31, csat: 81, evidence: { nps: { n: 412, low: 40, high: 50 }, csat: { n: 412, low: 77, high: 85, measure: 'top2' } } };
    expect(problemLines(importMapText(textOf(doc)))).toEqual([`nodes[${PRODUCT}].scores.evidence.nps: the interval 40 to 50 must contain the score 31`]);
    // Its ends may be the score itself.
    doc.nodes[PRODUCT].scores.evidence.nps = { n: 412, low: 31, high: 31 };
    expect(expectMap(importMapText(textOf(doc))).nodes[PRODUCT].scores?.evidence?.nps).toEqual({ n: 412, low: 31, high: 31 });
  });

  it('refuses an interval reaching outside the range of its score', () => {
    const doc = sampleDocument();
    doc.nodes[PRODUCT].scores = { nps: 95, evidence: { nps: { n: 20, low: 80, high: 104 } } };
    expect(problemLines(importMapText(textOf(doc)))).toEqual([`nodes[${PRODUCT}].scores.evidence.nps: the interval must lie between -100 and 100`]);
  });

  it('refuses evidence for a score the node does not have', () => {
    const doc = sampleDocument();
    doc.nodes[CHECKOUT].scores = { nps: -14, evidence: { csat: { n: 30, low: 40, high: 60, measure: 'top2' } } };
    expect(problemLines(importMapText(textOf(doc)))).toEqual([`nodes[${CHECKOUT}].scores.evidence.csat: has an interval but there is no csat score`]);
  });

  it('refuses observed counts on an outcome, and more customers leaving than arrived', () => {
    const doc = sampleDocument();
    doc.nodes[REVIEW].observed = { entered: 10, left: 0 };
    doc.nodes[PRODUCT].observed = { entered: 10, left: 11 };
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      `nodes[${PRODUCT}].observed.left: must be at most entered (10)`,
      `nodes[${REVIEW}].observed: an outcome has no drop-off to calibrate`,
    ]);
    // Entries have a drop-off too; all leaving is allowed, and so is nobody arriving.
    delete doc.nodes[REVIEW].observed;
    doc.nodes[PRODUCT].observed = { entered: 10, left: 10 };
    doc.nodes[0].observed = { entered: 0, left: 0 };
    expect(expectMap(importMapText(textOf(doc))).nodes[0].observed).toEqual({ entered: 0, left: 0 });
  });

  it('refuses import mappings that name nodes the map does not have, at the mapping', () => {
    const doc = withEvidence();
    doc.imports.survey.columns[0].values[1].node = 'ghost';
    doc.imports.survey.columns.unshift({ column: 'Rate the chat', role: 'csat', node: 'chat-x' });
    doc.imports.funnel.steps[0].node = 'nowhere';
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'imports.survey.columns[0].node: there is no node "chat-x"',
      'imports.survey.columns[1].values[1].node: there is no node "ghost"',
      'imports.funnel.steps[0].node: there is no node "nowhere"',
    ]);
  });

  it('refuses column headers and step names over 1,000 characters', () => {
    const doc = withEvidence();
    doc.imports.survey.columns[1].column = 'x'.repeat(1001);
    doc.imports.funnel.steps[1].step = 'y'.repeat(1001);
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      'imports.survey.columns[1].column: must be at most 1000 characters',
      'imports.funnel.steps[1].step: must be at most 1000 characters',
    ]);
    doc.imports.survey.columns[1].column = 'x'.repeat(1000);
    doc.imports.funnel.steps[1].step = '';
    expect(expectMap(importMapText(textOf(doc))).imports?.survey?.columns[1].column).toHaveLength(1000);
  });

  it.each([
    ['nodes[6].scores.evidence.csat.measure', 'median', 'must be "top2" or "mean"'],
    ['nodes[6].scores.evidence.ces.measure', 'top2', 'must be "mean" or "top3"'],
    ['nodes[6].scores.evidence.nps.n', 0, 'must be a whole number from 1 to 9007199254740991'],
    ['nodes[6].scores.evidence.nps.n', 2.5, 'must be a whole number from 1 to 9007199254740991'],
    ['nodes[6].scores.ces', 101, 'must be between 0 and 100'],
    ['nodes[6].observed.entered', -1, 'must be a whole number from 0 to 9007199254740991'],
    ['nodes[6].observed.designed', 1, 'must be at least 0 and below 1'],
    ['edges[0].observed.count', 1.5, 'must be a whole number from 0 to 9007199254740991'],
    ['edges[0].observed.designed', 0, 'must be above 0 and at most 1000000000'],
    ['imports.survey.columns[0].role', 'age', 'must be "nps", "csat", "ces" or "touchpoint"'],
    ['imports.survey.csat', 'mean2', 'must be "top2" or "mean"'],
  ])('refuses %s = %j by the schema, at the field', (path, value, message) => {
    const doc = withEvidence();
    const keys = path.split(/[[\].]+/).filter((k) => k !== '');
    const last = keys.pop()!;
    let at: any = doc;
    for (const key of keys) at = at[key];
    at[last] = value;
    expect(problemLines(importMapText(textOf(doc)))).toEqual([`${path}: ${message}`]);
  });

  it('checks scores and counts a scenario gives a node like the map\'s own', () => {
    const doc = sampleDocument();
    doc.scenarios = [{
      id: 'scenario-survey', name: 'New survey',
      changes: {
        addedNodes: [], removedNodes: [], addedEdges: [], removedEdges: [], changedEdges: [],
        changedNodes: [
          { id: 'product-page', set: { scores: { ces: 60 } }, unset: [] },
          { id: 'review', set: { observed: { entered: 3, left: 1 } }, unset: [] },
        ],
      },
    }];
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      `scenarios[0].changes (applied): nodes[${PRODUCT}].scores.ces: must be between 1 and 7`,
      `scenarios[0].changes (applied): nodes[${REVIEW}].observed: an outcome has no drop-off to calibrate`,
    ]);
    doc.scenarios[0].changes.changedNodes = [
      { id: 'product-page', set: { scores: { ces: 60, evidence: { ces: { n: 40, low: 45, high: 74, measure: 'top3' } } } }, unset: [] },
      { id: 'checkout-payment', set: { dropOff: 0.2, observed: { entered: 50, left: 10 } }, unset: [] },
    ];
    expect(expectMap(importMapText(textOf(doc))).scenarios[0].changes.changedNodes).toEqual(doc.scenarios[0].changes.changedNodes);
  });

  it('accepts a scenario that removes a node the import mappings name: they are the as-is map\'s', () => {
    const doc = withEvidence();
    doc.scenarios = [{
      id: 'scenario-no-cart', name: 'No cart',
      changes: { addedNodes: [], removedNodes: ['cart'], changedNodes: [], addedEdges: [], removedEdges: ['e-product-cart', 'e-chat-cart', 'e-cart-checkout'], changedEdges: [] },
    }];
    const map = expectMap(importMapText(textOf(doc)));
    expect(map.imports).toEqual(doc.imports);
    // Shown, the scenario has the mappings to the nodes it keeps.
    const shown = applyScenario(map, 'scenario-no-cart');
    expect(shown.imports?.funnel?.steps).toEqual([{ step: 'Checkout', node: 'checkout-payment' }]);
    expect(shown.imports?.survey?.columns[0].values).toEqual([{ value: 'Checkout', node: 'checkout-payment' }]);
    expect(map.imports).toEqual(doc.imports);
  });

  it('validates a frozen map whose scenario removes a mapped node without changing it (nor throwing)', () => {
    const map = expectMap(importMapText(textOf(withEvidence())));
    expect(map.personas.length).toBeGreaterThan(0);
    map.scenarios.push({
      id: 'scenario-no-cart', name: 'No cart',
      changes: { addedNodes: [], removedNodes: ['cart'], changedNodes: [], addedEdges: [], removedEdges: [], changedEdges: [] },
    });
    const before = structuredClone(map);
    const validated = expectMap(validateMap(deepFreeze(map)));
    expect(validated).toEqual(before);
    expect(map).toEqual(before);
  });
});

describe('prototype pollution', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('ignores __proto__, constructor and prototype keys anywhere in a file', () => {
    const sample = exportMapText(onlineStoreSample());
    const poison = '"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"},';
    const text = sample
      .replace('{\n  "format"', `{ ${poison}\n  "format"`)
      .replace('"id": "search-ad",', `${poison} "id": "search-ad",`)
      .replace('"scores": {', `"scores": { ${poison}`)
      .replace('"position": {', `"position": { ${poison}`);
    const result = importMapText(text);
    const map = expectMap(result);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(map.nodes[0])).toBe(Object.prototype);
    expect(Object.hasOwn(map, '__proto__')).toBe(false);
    expect(map).toEqual(onlineStoreSample());
    expect(result.ok && result.warnings[0]).toMatch(/^Ignored 12 unknown fields: __proto__, constructor, prototype, /);
  });

  it('refuses ids that would collide with object internals', () => {
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      const doc = sampleDocument();
      doc.nodes[0].id = id;
      expect(problemLines(importMapText(textOf(doc)))).toEqual([
        'nodes[0].id: must not be "__proto__", "constructor" or "prototype"',
      ]);
    }
  });
});

describe('nesting depth', () => {
  const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it('refuses deeply nested junk before parsing it', () => {
    expect(problemLines(importMapText(nested(200_000)))).toEqual([
      'The file is nested more than 64 levels deep, so it cannot be a Journey Designer map.',
    ]);
  });

  it('counts the depth of the whole file, including unknown fields', () => {
    const withJunk = (levels: number) => {
      const doc = sampleDocument();
      doc.junk = 0;
      return textOf(doc).replace('"junk":0', `"junk":${nested(levels)}`);
    };
    // The root object is level 1, so 63 nested lists inside it reach exactly the limit.
    expect(importMapText(withJunk(63)).ok).toBe(true);
    expect(problemLines(importMapText(withJunk(64)))[0]).toMatch(/nested more than 64 levels/);
  });

  it('ignores brackets inside strings', () => {
    const doc = sampleDocument();
    doc.description = '['.repeat(500);
    expect(expectMap(importMapText(textOf(doc))).description).toBe('['.repeat(500));
  });

  it('refuses a deeply nested value that was never JSON, without overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const doc = { ...sampleDocument(), junk: deep };
    expect(problemLines(importMapValue(doc))[0]).toMatch(/nested more than 64 levels/);
    expect(problemLines(validateMap({ ...onlineStoreSample(), junk: deep }))[0]).toMatch(/nested more than 64 levels/);
  });

  it('survives a value that contains itself', () => {
    const doc: Record<string, unknown> = sampleDocument();
    doc.self = doc;
    const map = expectMap(importMapValue(doc));
    expect(JSON.parse(JSON.stringify(map))).toEqual(onlineStoreSample());
  });
});

describe('file size', () => {
  it('refuses a 50 MB file by its size, before parsing it', () => {
    const text = `{"format":"journey-map","version":1,"junk":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    const started = performance.now();
    const lines = problemLines(importMapText(text));
    expect(performance.now() - started).toBeLessThan(500);
    expect(lines).toEqual(['The file is too large (50.0 MB); Journey Designer opens map files up to 10.0 MB.']);
  });

  it('opens a file just under the limit', () => {
    const doc = sampleDocument();
    doc.description = 'x';
    const text = textOf(doc);
    const padded = text.replace('"description":"x"', `"description":"${'x'.repeat(MAX_FILE_BYTES - text.length + 1)}"`);
    expect(padded.length).toBe(MAX_FILE_BYTES);
    expect(importMapText(padded).ok).toBe(true);
    expect(importMapText(`${padded} `).ok).toBe(false);
  });
});

describe('importMapValue', () => {
  it('does not mutate the value it is given and shares nothing with it', () => {
    const doc = deepFreeze(sampleDocument());
    const map = expectMap(importMapValue(doc));
    expect(map).toEqual(onlineStoreSample());
    expect(map.nodes).not.toBe(doc.nodes);
    expect(map.nodes[0].position).not.toBe(doc.nodes[0].position);
  });

  it('refuses NaN and Infinity numbers (possible in structured-cloned values)', () => {
    const doc = sampleDocument();
    doc.nodes[CHECKOUT].scores.nps = Number.NaN;
    doc.nodes[0].position.y = Number.POSITIVE_INFINITY;
    expect(problemLines(importMapValue(doc))).toEqual([
      'nodes[0].position.y: must be a number from -10000000 to 10000000',
      `nodes[${CHECKOUT}].scores.nps: must be a number, not NaN`,
    ]);
  });

  it('drops fields set to undefined instead of keeping them as keys', () => {
    const doc = sampleDocument();
    doc.nodes[0].stage = undefined;
    const map = expectMap(importMapValue(doc));
    expect(Object.keys(map.nodes[0])).not.toContain('stage');
  });

  it('never throws, even for values whose getters throw', () => {
    const doc = sampleDocument();
    Object.defineProperty(doc.nodes[0], 'label', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(problemLines(importMapValue(doc))).toEqual(['The map could not be read (boom).']);
  });
});

describe('validateMap', () => {
  it('accepts a map without the file envelope and returns a clean copy', () => {
    const sample = onlineStoreSample();
    const result = validateMap(sample);
    expect(expectMap(result)).toEqual(sample);
    expect(expectMap(result)).not.toBe(sample);
  });

  it('reports problems with the same paths as an import', () => {
    const map = onlineStoreSample();
    map.nodes[CHECKOUT].scores!.csat = 140;
    expect(problemLines(validateMap(map))).toEqual([`nodes[${CHECKOUT}].scores.csat: must be between 0 and 100`]);
  });

  it('refuses a map that breaks a domain invariant', () => {
    const map = onlineStoreSample();
    map.edges.push({ ...map.edges[0] });
    expect(invariantProblems(map)).not.toEqual([]);
    expect(validateMap(map).ok).toBe(false);
  });
});

it('formats problems as "path: rule", root problems as the rule alone', () => {
  expect(formatProblem({ path: 'nodes[3].scores.csat', message: 'must be between 0 and 100' })).toBe(
    'nodes[3].scores.csat: must be between 0 and 100',
  );
  expect(formatProblem({ path: '', message: 'The file is empty.' })).toBe('The file is empty.');
});
