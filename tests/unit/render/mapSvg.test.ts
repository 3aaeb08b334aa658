// @vitest-environment jsdom
// jsdom only parses the SVG text the way a browser would; the renderer itself uses no DOM.
import fc from 'fast-check';
import { createMap, DEFAULT_STAGES, STAGE_WIDTH, type JourneyMap, type JourneyNode } from '../../../src/domain';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { renderMapSvg, type Box } from '../../../src/render/mapSvg';
import { generateJourneyMap } from '../../bench/generateJourneyMap';

const PAYLOAD = '<img src=x onerror=alert(1)>';

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

const texts = (doc: Document) => Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? '');

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The share labels the canvas shows: "n%" on every edge whose source has more than one way out. */
function expectedShares(map: JourneyMap): Map<string, string> {
  const out = new Map<string, { total: number; count: number }>();
  for (const e of map.edges) {
    const o = out.get(e.source) ?? { total: 0, count: 0 };
    out.set(e.source, { total: o.total + e.weight, count: o.count + 1 });
  }
  const shares = new Map<string, string>();
  for (const e of map.edges) {
    const o = out.get(e.source)!;
    if (o.count >= 2) shares.set(e.id, `${Math.round((e.weight / o.total) * 100)}%`);
  }
  return shares;
}

/** A generated map laid out as a mapper would: columns of cards across wide stages, jittered so cards crowd. */
function laidOut(nodes: number, seed: number, jitter: number): JourneyMap {
  const map = generateJourneyMap({ nodes, seed });
  const rows = 5;
  const columns = Math.ceil(nodes / rows);
  const perStage = Math.ceil(columns / DEFAULT_STAGES.length);
  let state = seed * 7919 + 1;
  const random = () => ((state = (state * 48271) % 2147483647) / 2147483647);
  return {
    ...map,
    stages: DEFAULT_STAGES.map((s) => ({ ...s, width: perStage * STAGE_WIDTH })),
    nodes: map.nodes.map((n, i): JourneyNode => ({
      ...n,
      label: i % 7 === 0 ? `${n.label} with a much longer name that wraps onto several lines` : n.label,
      emotion: n.kind === 'touchpoint' ? (((i % 5) - 2) as JourneyNode['emotion']) : undefined,
      scores: i % 3 === 0 ? { nps: (i % 9) * 10 - 30, csat: 50 + (i % 5) * 10, responses: 40 + i } : undefined,
      position: { x: Math.floor(i / rows) * STAGE_WIDTH + 45 + (random() - 0.5) * jitter, y: (i % rows) * 200 + (random() - 0.5) * jitter },
    })),
  };
}

describe('renderMapSvg', () => {
  test('user text comes out as text: no markup, no script, no foreignObject, attributes stay attributes', () => {
    const map = createMap({
      id: 'xss',
      name: PAYLOAD,
      stages: [{ id: 's', name: PAYLOAD }],
      channels: [{ id: 'c', name: PAYLOAD, colour: '"><script>alert(1)</script>' }],
      nodes: [
        { id: 'a" onload="alert(1)', kind: 'entry', label: PAYLOAD, channel: 'c', position: { x: 40, y: 0 }, friction: [] },
        { id: 'b', kind: 'touchpoint', label: `bell\u0007 and nul\u0000 ${PAYLOAD}`, channel: 'c', emotion: -2, position: { x: 340, y: 0 }, friction: [{ id: 'f', note: PAYLOAD, severity: 5 }] },
      ],
      edges: [{ id: 'e', source: 'a" onload="alert(1)', target: 'b', weight: 1, label: PAYLOAD }],
      notes: [{ id: 'n', text: `${PAYLOAD}\n& 'quotes' "too"`, position: { x: 40, y: 300 } }],
      personas: [{ id: 'p', name: PAYLOAD, share: 1, nodes: [], edges: [] }],
    });
    const { svg } = renderMapSvg(map, { title: PAYLOAD, date: PAYLOAD, persona: 'p', scenario: PAYLOAD });
    expect(svg).not.toMatch(/<img|<script|<foreignObject|<iframe/i);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);

    const doc = parse(svg);
    expect(doc.querySelectorAll('img, script, foreignObject, iframe, a, image')).toHaveLength(0);
    // The only references are to the picture's own definitions.
    for (const use of Array.from(doc.querySelectorAll('use'))) expect(use.getAttribute('xlink:href')).toMatch(/^#jd-/);
    for (const element of Array.from(doc.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) expect(attribute.name).not.toMatch(/^on/i);
    }
    // The edge label and the title are whole lines of text, shown exactly as typed.
    expect(texts(doc)).toContain(PAYLOAD);
    expect(doc.querySelector('title')?.textContent).toBe(PAYLOAD);
    expect(doc.querySelector('[data-node]')?.getAttribute('data-node')).toBe('a" onload="alert(1)');
    expect(texts(doc).join(' ')).toContain('bell and nul');
    // A malformed colour from a file falls back to the neutral one rather than reaching the markup.
    expect(svg.toLowerCase()).not.toContain('script');
  });

  test('the sample is a real SVG document: text as <text>, edges as paths, every share as a label', () => {
    const map = onlineStoreSample();
    const picture = renderMapSvg(map, { title: map.name, date: '5 March 2026' });
    const doc = parse(picture.svg);
    expect(doc.documentElement.tagName).toBe('svg');
    expect(doc.documentElement.getAttribute('viewBox')).toBe(`0 0 ${picture.width} ${picture.height}`);
    expect(picture.svg).not.toMatch(/foreignObject|<script|javascript:|href="[^#]/i);
    const all = texts(doc);
    for (const word of ['Online store', '5 March 2026', 'Awareness', 'Advocacy', 'Checkout', 'CSAT', 'EMOTION CURVE', 'Moment of truth']) expect(all.join('\n')).toContain(word);
    const shares = expectedShares(map);
    expect(shares.size).toBeGreaterThan(5);
    for (const [id, share] of shares) {
      const label = doc.querySelector(`[data-edge="${id}"] text`)?.textContent ?? '';
      expect(label.startsWith(share)).toBe(true);
    }
    expect(Object.keys(picture.nodes)).toEqual(map.nodes.map((n) => n.id));
    expect(Object.keys(picture.stages)).toEqual(map.stages.map((s) => s.id));
    for (const box of [...Object.values(picture.nodes), ...Object.values(picture.stages), ...Object.values(picture.labels)]) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(picture.width);
      expect(box.y + box.height).toBeLessThanOrEqual(picture.height);
    }
  });

  test('the same map and options always give the same picture, byte for byte', async () => {
    const map = createMap({
      id: 'small',
      name: 'Small map',
      stages: DEFAULT_STAGES.slice(0, 3).map((s, i) => ({ ...s, ...(i === 1 ? { colour: '#0f766e' } : {}) })),
      nodes: [
        { id: 'ad', kind: 'entry', label: 'Search ad', channel: 'website', position: { x: 45, y: 0 }, friction: [] },
        {
          id: 'page', kind: 'touchpoint', label: 'Product page with a longer name', channel: 'website', position: { x: 325, y: 0 }, emotion: 1,
          scores: { nps: 31, csat: 81, ces: 5.6, responses: 412 }, friction: [{ id: 'f', note: 'Sizes', severity: 4 }],
        },
        { id: 'chat', kind: 'touchpoint', label: 'Live chat', channel: 'chat', position: { x: 325, y: 220 }, emotion: -1, friction: [] },
        { id: 'buy', kind: 'outcome', label: 'Buys', result: 'success', position: { x: 605, y: 0 }, friction: [] },
        { id: 'gone', kind: 'outcome', label: 'Leaves', result: 'failure', position: { x: 605, y: 220 }, friction: [] },
      ],
      edges: [
        { id: 'e1', source: 'ad', target: 'page', weight: 1 },
        { id: 'e2', source: 'page', target: 'buy', weight: 3 },
        { id: 'e3', source: 'page', target: 'chat', weight: 1, label: 'asks' },
        { id: 'e4', source: 'chat', target: 'buy', weight: 1 },
        { id: 'e5', source: 'chat', target: 'gone', weight: 1 },
      ],
      notes: [{ id: 'note', text: 'Check the size guide', position: { x: 45, y: 200 } }],
    });
    const options = { title: 'Small map', date: '1 January 2026', heat: { page: { lostPer1000: 120, level: 1 }, chat: { lostPer1000: 30, level: 0.25 } } };
    const first = renderMapSvg(map, options);
    expect(renderMapSvg(structuredClone(map), structuredClone(options)).svg).toBe(first.svg);
    await expect(first.svg).toMatchFileSnapshot('./smallMap.expected.svg');
  });

  test('a persona shows its own shares and its own curve; highlight dims the rest', () => {
    const map = onlineStoreSample();
    const persona = map.personas[0];
    const picture = renderMapSvg(map, { persona: persona.id, highlight: ['cart', 'checkout-payment'] });
    const doc = parse(picture.svg);
    expect(texts(doc).join('\n')).toContain(`Persona: ${persona.name}`);
    expect(doc.querySelector('[data-node="cart"]')?.getAttribute('opacity')).toBeNull();
    expect(doc.querySelector('[data-node="search-ad"]')?.getAttribute('opacity')).toBe('0.3');
    const weights = new Map(persona.edges.map((o) => [o.edge, o.weight]));
    const viewed = { ...map, edges: map.edges.map((e) => ({ ...e, weight: weights.get(e.id) ?? e.weight })) };
    for (const [id, share] of expectedShares(viewed)) expect(doc.querySelector(`[data-edge="${id}"] text`)?.textContent?.startsWith(share)).toBe(true);
  });

  test('without a lane, legend or title the picture is just the map', () => {
    const map = onlineStoreSample();
    const plain = renderMapSvg(map, { lane: false, legend: false });
    expect(plain.lane).toBeNull();
    expect(plain.svg).not.toContain('EMOTION CURVE');
    expect(plain.svg).not.toContain('CHANNELS');
    expect(renderMapSvg(map).lane).not.toBeNull();
  });

  test('an empty map, or one with stages only, is still a well-formed picture', () => {
    for (const map of [createMap({ id: 'empty', name: 'Empty', stages: [] }), createMap({ id: 'stages', name: 'Stages only' })]) {
      const picture = renderMapSvg(map, { title: map.name });
      parse(picture.svg);
      expect(picture.width).toBeGreaterThan(0);
      expect(picture.height).toBeGreaterThan(0);
      expect(picture.lane).toBeNull();
      expect(Object.keys(picture.stages)).toEqual(map.stages.map((s) => s.id));
    }
  });

  test('no edge label and no lane ever covers a card, on generated maps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 70 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 260 }), (nodes, seed, jitter) => {
        const map = laidOut(nodes, seed, jitter);
        const picture = renderMapSvg(map, { title: map.name });
        const cards = Object.values(picture.nodes);
        for (const [id, label] of Object.entries(picture.labels)) {
          for (const card of cards) if (overlaps(label, card)) throw new Error(`label of ${id} covers a card`);
        }
        if (picture.lane) for (const card of cards) expect(overlaps(picture.lane, card)).toBe(false);
        const shares = expectedShares(map);
        for (const [id, share] of shares) expect(picture.svg).toMatch(new RegExp(`data-edge="${id}"[^>]*>(?:(?!</g>).)*<text[^>]*>${share}`));
      }),
      { numRuns: 25 },
    );
  });

  test('labels stay off the cards even when every card sits on top of another (the raw generator layout)', () => {
    const map = generateJourneyMap({ nodes: 60, seed: 3 });
    const picture = renderMapSvg(map);
    const cards = Object.values(picture.nodes);
    for (const label of Object.values(picture.labels)) for (const card of cards) expect(overlaps(label, card)).toBe(false);
  });

  test('a 100-node map stays under 200 KB', () => {
    const map = laidOut(100, 1, 120);
    const { svg } = renderMapSvg(map, { title: map.name, date: '1 January 2026' });
    const kb = Buffer.byteLength(svg) / 1024;
    console.log(`100-node map: ${kb.toFixed(1)} KB of SVG`);
    expect(kb).toBeLessThan(200);
  });
});
