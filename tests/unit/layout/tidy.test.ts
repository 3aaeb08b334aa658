import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { GRID, NODE_WIDTH, STAGE_MAX_WIDTH, STAGE_MIN_WIDTH, STAGE_WIDTH } from '../../../src/domain/layout';
import { bankAccountSample, onlineStoreSample, telecomSupportSample } from '../../../src/domain/samples';
import type { JourneyMap } from '../../../src/domain/types';
import {
  BAND_MARGIN,
  COLUMN_GAP,
  MIN_CARD_GAP,
  tidyLayout,
  type TidyInput,
  type TidyResult,
} from '../../../src/layout/tidy';
import { generateJourneyMap } from '../../bench/generateJourneyMap';

type Positions = TidyResult['positions'];

/** A journey from stage → card ids (left to right) and `source>target` links. */
function journey(stages: Record<string, string[]>, links: string[] = [], height = 100): TidyInput {
  return {
    stages: Object.keys(stages).map((id) => ({ id })),
    nodes: Object.entries(stages).flatMap(([stage, ids]) => ids.map((id) => ({ id, stage, width: NODE_WIDTH, height }))),
    edges: links.map((link) => {
      const [source, target] = link.split('>');
      return { source, target };
    }),
  };
}

/** A sample map with every node in a stage (they all have one) and cards of a few heights. */
function fromMap(map: JourneyMap, stageOf = (_index: number, node: JourneyMap['nodes'][number]) => node.stage!): TidyInput {
  return {
    stages: map.stages.map(({ id }) => ({ id })),
    nodes: map.nodes.map((node, i) => ({ id: node.id, stage: stageOf(i, node), width: NODE_WIDTH, height: 80 + 20 * (i % 3) })),
    edges: map.edges.map(({ source, target }) => ({ source, target })),
  };
}

/** A generated map with its nodes spread over the five default stages in journey order. */
function generated(nodes: number, seed = 1): TidyInput {
  const map = generateJourneyMap({ nodes, seed });
  const stages = map.stages.length;
  return fromMap(map, (i) => map.stages[Math.min(stages - 1, Math.floor((i * stages) / map.nodes.length))].id);
}

function bandsOf(input: TidyInput, result: TidyResult) {
  let x = 0;
  return new Map(
    input.stages.map(({ id }) => {
      const band = { x, width: result.stageWidths[id] };
      x += band.width;
      return [id, band];
    }),
  );
}

/** Every property a tidy layout promises, checked on one result. */
function expectTidy(input: TidyInput, result: TidyResult) {
  expect(Object.keys(result.stageWidths)).toEqual(input.stages.map(({ id }) => id));
  for (const width of Object.values(result.stageWidths)) {
    expect(width % GRID).toBe(0);
    expect(width).toBeGreaterThanOrEqual(Math.max(STAGE_WIDTH, STAGE_MIN_WIDTH));
    expect(width).toBeLessThanOrEqual(STAGE_MAX_WIDTH);
  }
  expect(Object.keys(result.positions).sort()).toEqual(input.nodes.map(({ id }) => id).sort());

  const bands = bandsOf(input, result);
  const boxes = input.nodes.map((node) => ({ ...node, ...result.positions[node.id] }));
  for (const box of boxes) {
    expect(box.x % GRID, box.id).toBe(0);
    expect(box.y % GRID, box.id).toBe(0);
    const band = bands.get(box.stage)!;
    const centre = box.x + box.width / 2;
    expect(centre, `${box.id} centre in its band`).toBeGreaterThanOrEqual(band.x);
    expect(centre, `${box.id} centre in its band`).toBeLessThan(band.x + band.width);
    expect(box.x, `${box.id} inside its band`).toBeGreaterThanOrEqual(band.x);
    expect(box.x + box.width, `${box.id} inside its band`).toBeLessThanOrEqual(band.x + band.width);
  }
  if (boxes.length > 0) expect(Math.min(...boxes.map((box) => box.y))).toBe(0);

  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const apartSideways = a.x + a.width <= b.x || b.x + b.width <= a.x;
      const gap = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height));
      if (!apartSideways) expect(gap, `${a.id} and ${b.id} overlap or touch`).toBeGreaterThanOrEqual(MIN_CARD_GAP);
    }
  }

  // Stage order: every card of an earlier stage lies left of every card of a later one.
  const stageIndex = new Map(input.stages.map(({ id }, index) => [id, index]));
  const right = input.stages.map(() => -Infinity);
  const left = input.stages.map(() => Infinity);
  for (const box of boxes) {
    const s = stageIndex.get(box.stage)!;
    right[s] = Math.max(right[s], box.x + box.width);
    left[s] = Math.min(left[s], box.x);
  }
  for (let s = 0; s < input.stages.length; s++) {
    for (let t = s + 1; t < input.stages.length; t++) expect(right[s]).toBeLessThan(left[t]);
  }
}

/** Crossings of straight segments between card centres (edges sharing a card do not count). */
function crossings(input: TidyInput, positions: Positions): number {
  const centre = new Map(
    input.nodes.map(({ id, width, height }) => [id, { x: positions[id].x + width / 2, y: positions[id].y + height / 2 }]),
  );
  const segments = input.edges
    .filter(({ source, target }) => source !== target)
    .map(({ source, target }) => ({ source, target, a: centre.get(source)!, b: centre.get(target)! }));
  type P = { x: number; y: number };
  const turn = (p: P, q: P, r: P) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const [s, t] = [segments[i], segments[j]];
      if (s.source === t.source || s.source === t.target || s.target === t.source || s.target === t.target) continue;
      if (turn(s.a, s.b, t.a) * turn(s.a, s.b, t.b) < 0 && turn(t.a, t.b, s.a) * turn(t.a, t.b, s.b) < 0) count++;
    }
  }
  return count;
}

/** Today's layout without tidying: one column per stage, centred in a default band, cards stacked in input order. */
function stacked(input: TidyInput): Positions {
  const bandIndex = new Map(input.stages.map(({ id }, index) => [id, index]));
  const nextY = input.stages.map(() => 0);
  return Object.fromEntries(
    input.nodes.map(({ id, stage, width, height }) => {
      const s = bandIndex.get(stage)!;
      const y = nextY[s];
      nextY[s] += height + 2 * GRID;
      return [id, { x: s * STAGE_WIDTH + (STAGE_WIDTH - width) / 2, y }];
    }),
  );
}

const columnsIn = (input: TidyInput, result: TidyResult, stage: string) =>
  new Set(input.nodes.filter((node) => node.stage === stage).map(({ id }) => result.positions[id].x)).size;

// ELK takes a while to warm up, and longer on a busy machine.
describe('tidyLayout', { timeout: 60_000 }, () => {
  it('leaves an empty map with default stage widths', async () => {
    const input = journey({ awareness: [], consideration: [], purchase: [] });
    expect(await tidyLayout(input)).toEqual({
      positions: {},
      stageWidths: { awareness: STAGE_WIDTH, consideration: STAGE_WIDTH, purchase: STAGE_WIDTH },
    });
    expect(await tidyLayout({ stages: [], nodes: [], edges: [] })).toEqual({ positions: {}, stageWidths: {} });
  });

  it('puts a card per stage in a default band, on one line, as cards sit today', async () => {
    const input = journey({ awareness: ['ad'], consideration: ['page'], purchase: ['checkout'] }, ['ad>page', 'page>checkout']);
    const result = await tidyLayout(input);
    expectTidy(input, result);
    expect(result.stageWidths).toEqual({ awareness: 280, consideration: 280, purchase: 280 });
    // A 190 px card in a 280 px band: 45 px either side, snapped to the grid.
    expect(result.positions).toEqual({ ad: { x: 40, y: 0 }, page: { x: 320, y: 0 }, checkout: { x: 600, y: 0 } });
  });

  it('keeps empty stages at the default width and cards in their own bands', async () => {
    const input = journey(
      { awareness: [], consideration: ['page', 'chat'], purchase: [], retention: ['email', 'app'], advocacy: [] },
      ['page>email', 'chat>app', 'app>page'],
    );
    const result = await tidyLayout(input);
    expectTidy(input, result);
    for (const empty of ['awareness', 'purchase', 'advocacy']) expect(result.stageWidths[empty]).toBe(STAGE_WIDTH);
  });

  it('keeps stage order when journeys loop back to earlier stages', async () => {
    const input = journey(
      { awareness: ['ad', 'search'], consideration: ['page', 'reviews'], purchase: ['cart', 'pay'], advocacy: ['review', 'lost'] },
      ['ad>page', 'search>reviews', 'reviews>page', 'page>cart', 'cart>pay', 'pay>review', 'pay>lost',
        'cart>page', 'review>ad', 'lost>search', 'pay>reviews', 'page>reviews'],
    );
    const result = await tidyLayout(input);
    expectTidy(input, result);
  });

  it('copes with loops inside a stage, self-loops, repeated edges and edges to unknown cards', async () => {
    const input = journey(
      { awareness: ['a'], consideration: ['b', 'c', 'd'], purchase: ['e'] },
      ['a>b', 'b>c', 'c>d', 'd>b', 'c>b', 'c>c', 'b>c', 'b>c', 'd>e', 'e>a', 'e>ghost', 'ghost>a'],
    );
    const result = await tidyLayout(input);
    expectTidy(input, result);
    expect(columnsIn(input, result, 'consideration')).toBeGreaterThan(1);
  });

  it('widens a stage whose cards lead from one to the next', async () => {
    const input = journey(
      { awareness: ['ad'], consideration: ['page', 'compare', 'reviews', 'chat'], purchase: ['checkout'] },
      ['ad>page', 'page>compare', 'compare>reviews', 'reviews>chat', 'chat>checkout'],
    );
    const result = await tidyLayout(input);
    expectTidy(input, result);
    expect(columnsIn(input, result, 'consideration')).toBe(4);
    expect(result.stageWidths.consideration).toBe(4 * NODE_WIDTH + 3 * COLUMN_GAP + 2 * BAND_MARGIN);
    expect(result.stageWidths.awareness).toBe(STAGE_WIDTH);
    expect(result.stageWidths.purchase).toBe(STAGE_WIDTH);
  });

  it('stacks a crowded stage of unconnected cards in one column', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `tp${i}`);
    const input = journey({ awareness: ['ad'], consideration: ids }, ids.map((id) => `ad>${id}`));
    const result = await tidyLayout(input);
    expectTidy(input, result);
    expect(result.stageWidths.consideration).toBe(STAGE_WIDTH);
  });

  it('gives a stage with a very long chain a bounded number of columns', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `tp${i}`);
    const chain = ids.slice(1).map((id, i) => `${ids[i]}>${id}`);
    const input = journey({ awareness: ['ad'], consideration: ids, purchase: ['done'] }, ['ad>tp0', ...chain, 'tp59>done']);
    const result = await tidyLayout(input);
    expectTidy(input, result);
    const columns = columnsIn(input, result, 'consideration');
    expect(columns).toBeGreaterThan(1);
    expect(columns).toBeLessThanOrEqual(8);
  });

  it('untangles crossings that stacking in input order makes', async () => {
    const input = journey(
      { awareness: ['a1', 'a2', 'a3'], consideration: ['b1', 'b2', 'b3'], purchase: ['c1', 'c2', 'c3'] },
      ['a1>b3', 'a2>b2', 'a3>b1', 'b1>c3', 'b2>c2', 'b3>c1'],
    );
    expect(crossings(input, stacked(input))).toBe(6);
    const result = await tidyLayout(input);
    expectTidy(input, result);
    expect(crossings(input, result.positions)).toBe(0);
  });

  it('untangles a crossing when a journey also loops back', async () => {
    const input = journey(
      { awareness: ['ad', 'social'], consideration: ['reviews', 'page'], purchase: ['cart'] },
      ['ad>page', 'social>reviews', 'reviews>cart', 'page>cart', 'cart>page'],
    );
    expect(crossings(input, stacked(input))).toBe(1);
    const result = await tidyLayout(input);
    expectTidy(input, result);
    expect(crossings(input, result.positions)).toBe(0);
  });

  it.each([
    ['online store', onlineStoreSample],
    ['bank account', bankAccountSample],
    ['telecom support', telecomSupportSample],
  ])('lays out the %s sample', async (_, sample) => {
    const input = fromMap(sample());
    expectTidy(input, await tidyLayout(input));
  });

  it('gives the same result for the same input, alone, repeated or side by side', async () => {
    const input = generated(120, 7);
    const other = generated(60, 8);
    const first = await tidyLayout(input);
    await tidyLayout(other);
    const [again, , once] = await Promise.all([tidyLayout(input), tidyLayout(other), tidyLayout(structuredClone(input))]);
    expect(again).toEqual(first);
    expect(once).toEqual(first);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });

  it('does not change its input', async () => {
    const input = generated(40, 2);
    const copy = structuredClone(input);
    await tidyLayout(input);
    expect(input).toEqual(copy);
  });

  it('lays out a generated 500-card map', async () => {
    const input = generated(500, 3);
    const result = await tidyLayout(input);
    expectTidy(input, result);
  });

  it('rejects a card in a stage the map does not have', async () => {
    const input = journey({ awareness: ['ad'] });
    input.nodes.push({ id: 'stray', stage: 'nowhere', width: NODE_WIDTH, height: 100 });
    await expect(tidyLayout(input)).rejects.toThrow(RangeError);
  });

  it('keeps its promises for any small journey', { timeout: 120_000 }, async () => {
    const arbitraryJourney = fc
      .record({ stages: fc.integer({ min: 1, max: 5 }), cards: fc.integer({ min: 0, max: 14 }) })
      .chain(({ stages, cards }) =>
        fc.record({
          stages: fc.constant(stages),
          cards: fc.array(
            fc.record({
              stage: fc.integer({ min: 0, max: stages - 1 }),
              width: fc.constantFrom(NODE_WIDTH, 160, 240),
              height: fc.integer({ min: 40, max: 220 }),
            }),
            { minLength: cards, maxLength: cards },
          ),
          links:
            cards === 0
              ? fc.constant<[number, number][]>([])
              : fc.array(fc.tuple(fc.nat(cards - 1), fc.nat(cards - 1)), { maxLength: 3 * cards }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(arbitraryJourney, async ({ stages, cards, links }) => {
        const input: TidyInput = {
          stages: Array.from({ length: stages }, (_, s) => ({ id: `s${s}` })),
          nodes: cards.map((card, i) => ({ id: `n${i}`, stage: `s${card.stage}`, width: card.width, height: card.height })),
          edges: links.map(([source, target]) => ({ source: `n${source}`, target: `n${target}` })),
        };
        expectTidy(input, await tidyLayout(input));
      }),
      { numRuns: 40, seed: 20240601 },
    );
  });

  it("leaves a web worker's own message handler in place", () => {
    // elkjs's in-thread worker claims `self.onmessage` when it loads where there is a `self` and no `document`.
    const tidy = fileURLToPath(new URL('../../../src/layout/tidy.ts', import.meta.url));
    const script = `
      const handler = () => {};
      globalThis.self = globalThis;
      globalThis.onmessage = handler;
      const { tidyLayout } = await import(${JSON.stringify(tidy)});
      await tidyLayout({ stages: [{ id: 's' }], nodes: [{ id: 'a', stage: 's', width: 190, height: 80 }], edges: [] });
      process.stdout.write(globalThis.onmessage === handler ? 'kept' : 'replaced');`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(output).toBe('kept');
  });
});
