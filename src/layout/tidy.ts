/**
 * Tidy layout: ELK's layered algorithm arranges a journey map left to right, one partition per stage, and this
 * module turns its answer into stage bands (each as wide as its columns need) and grid-snapped card positions.
 *
 * Pure: no React, no DOM. It runs on the main thread, in a web worker and in Node unchanged; callers load it with
 * a dynamic `import()` so that ELK (≈ 1.5 MB) stays out of the initial bundle.
 */
import ElkConstructor, {
  type ELK,
  type ElkExtendedEdge,
  type ElkNode,
  type LayoutOptions,
} from 'elkjs/lib/elk.bundled.js';
import { GRID, STAGE_MAX_WIDTH, STAGE_WIDTH } from '../domain/layout';

export interface TidyInput {
  /** Left to right. */
  stages: { id: string }[];
  /** Every node's stage is one of `stages` (the caller resolves nodes without one). */
  nodes: { id: string; stage: string; width: number; height: number }[];
  edges: { source: string; target: string }[];
}

export interface TidyResult {
  /** Top-left corners, on the GRID. */
  positions: Record<string, { x: number; y: number }>;
  /** Every stage's band width: STAGE_WIDTH, or wider when its columns need it (up to STAGE_MAX_WIDTH); on the GRID. */
  stageWidths: Record<string, number>;
}

/** Room left and right of a stage's cards: a 190 px card centred in a 280 px band, as cards are placed today. */
export const BAND_MARGIN = 45;
/** Horizontal gap between two columns of cards in one stage. */
export const COLUMN_GAP = 50;
/** Vertical gap ELK keeps between cards; snapping to the grid may take up to GRID of it. */
const CARD_GAP = 2 * GRID;
/** The gap the result guarantees between cards above one another. */
export const MIN_CARD_GAP = GRID;
/**
 * A stage may always use this many columns to show the flow among its own cards, and a crowded one about
 * √(cards): it reads better as a block than as a strip a hundred columns wide (or a column a thousand cards tall).
 */
const FEW_COLUMNS = 8;

/** Options that shape the result; anything not set is ELK's default. */
const LAYOUT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Stages are partitions: every card of a lower partition lies left of every card of a higher one.
  'elk.partitioning.activate': 'true',
  // Laid out apart, each connected component would start again at x = 0 and the stages would not line up.
  'elk.separateConnectedComponents': 'false',
  // Nothing is left for the cycle breaker to turn round (stageFlow turns loops within a stage, partitioning those
  // between stages), but GREEDY threw and broke partition order on generated journeys; depth-first did neither.
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  // The canvas draws its own edges: polyline routing needs no extra room between columns, orthogonal would.
  'elk.edgeRouting': 'POLYLINE',
  'elk.randomSeed': '1',
  'elk.spacing.nodeNode': String(CARD_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(COLUMN_GAP),
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

/** What a big map trades for time and height. */
function sizeOptions(cards: number): LayoutOptions {
  return {
    // Each crossing-minimisation restart costs about as much as the first.
    'elk.layered.thoroughness': String(cards <= 300 ? 7 : cards <= 1000 ? 3 : 1),
    // Brandes–Köpf straightens long edges; on a big map that spreads the cards far apart (500 generated cards:
    // 16,900 px tall against 3,600 px stacked simply).
    'elk.layered.nodePlacement.strategy': cards <= 200 ? 'BRANDES_KOEPF' : 'SIMPLE',
  };
}

export async function tidyLayout(input: TidyInput): Promise<TidyResult> {
  const stageIndex = new Map(input.stages.map((stage, index) => [stage.id, index]));
  const cards = input.nodes.map((node, index) => {
    const stage = stageIndex.get(node.stage);
    if (stage === undefined) throw new RangeError(`Node ${node.id} is in unknown stage ${node.stage}`);
    return { ...node, index, stageIndex: stage };
  });
  const byId = new Map(cards.map((card) => [card.id, card]));
  if (byId.size !== cards.length) throw new RangeError('Node ids are not unique');

  const stageCards: Card[][] = input.stages.map(() => []);
  for (const card of cards) stageCards[card.stageIndex].push(card);
  const links = distinctLinks(input.edges, byId);

  const stageWidths: TidyResult['stageWidths'] = Object.fromEntries(input.stages.map(({ id }) => [id, STAGE_WIDTH]));
  if (cards.length === 0) return { positions: {}, stageWidths };

  const laidOut = await layoutEngine().layout(elkGraph(stageCards, links));
  const elkBox = new Map<string, { x: number; y: number }>();
  for (const child of laidOut.children ?? []) elkBox.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  const box = (card: Card) => elkBox.get(elkId(card)) ?? { x: 0, y: 0 };
  const top = Math.min(...cards.map((card) => box(card).y));

  const placed = new Map<Card, { x: number; y: number }>();
  let bandX = 0;
  input.stages.forEach((stage, s) => {
    const columns = atMostFitting(columnsOf(stageCards[s].map((card) => ({ card, x: box(card).x }))));
    const extent = columns.reduce((sum, column) => sum + column.width, 0) + COLUMN_GAP * Math.max(0, columns.length - 1);
    const width = columns.length === 0 ? STAGE_WIDTH : bandWidth(extent);
    stageWidths[stage.id] = width;
    let columnX = bandX + (width - extent) / 2;
    for (const column of columns) {
      const snapped = column.cards.map((card) => ({
        card,
        x: snap(columnX + (column.width - card.width) / 2),
        y: snap(box(card).y - top),
      }));
      for (const { card, x, y } of stackWithGaps(snapped)) placed.set(card, { x, y });
      columnX += column.width + COLUMN_GAP;
    }
    bandX += width;
  });
  return { positions: Object.fromEntries(cards.map((card) => [card.id, placed.get(card)!])), stageWidths };
}

type Card = TidyInput['nodes'][number] & { index: number; stageIndex: number };
interface Link {
  source: Card;
  target: Card;
}

const snap = (v: number) => Math.round(v / GRID) * GRID;
const snapUp = (v: number) => Math.ceil(v / GRID) * GRID;
const bandWidth = (extent: number) => Math.min(STAGE_MAX_WIDTH, Math.max(STAGE_WIDTH, snapUp(extent + 2 * BAND_MARGIN)));
/** How many columns of cards this wide fit in a band of STAGE_MAX_WIDTH. */
const columnsThatFit = (widest: number) =>
  Math.max(1, Math.floor((STAGE_MAX_WIDTH - 2 * BAND_MARGIN + COLUMN_GAP) / (widest + COLUMN_GAP)));
const elkId = (card: Pick<Card, 'index'>) => `n${card.index}`;

/** Edges between known, distinct nodes, each pair once, in input order. */
function distinctLinks(edges: TidyInput['edges'], byId: Map<string, Card>): Link[] {
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target || source === target) continue;
    const key = `${source.index}>${target.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ source, target });
  }
  return links;
}

let engine: ELK | undefined;

function layoutEngine(): ELK {
  if (!engine) {
    // Loaded in a web worker, elkjs's in-thread "fake worker" makes itself the worker's onmessage handler;
    // the worker that imported this module keeps its own.
    const scope = globalThis as { onmessage?: unknown };
    const hostHandler = scope.onmessage;
    engine = new ElkConstructor();
    if (scope.onmessage !== hostHandler) scope.onmessage = hostHandler;
  }
  return engine;
}

/**
 * The graph ELK lays out. Stage s's cards are partition 2·s + 1. ELK keeps partitions apart by linking every
 * node of one partition to every node of the next, which grows with the square of the stage sizes (minutes for
 * 2,000 cards), so a one-pixel gate node stands before the first stage and after every stage: two links per
 * card instead. Gates at both ends also make stretching any stage over more columns than it needs costly.
 */
function elkGraph(stageCards: Card[][], links: Link[]): ElkNode {
  const children: ElkNode[] = [];
  const gate = (p: number) => children.push({ id: `gate${p}`, width: 1, height: 1, layoutOptions: partition(p) });
  stageCards.forEach((cards, s) => {
    if (cards.length === 0) return;
    if (children.length === 0) gate(2 * s);
    for (const { width, height, ...card } of cards) {
      children.push({ id: elkId(card), width, height, layoutOptions: partition(2 * s + 1) });
    }
    gate(2 * s + 2);
  });
  const crossStage = links.filter((link) => link.source.stageIndex !== link.target.stageIndex);
  const inStage = stageCards.flatMap((cards) => stageFlow(cards, links));
  const edges: ElkExtendedEdge[] = [...crossStage, ...inStage].map((link, i) => ({
    id: `e${i}`,
    sources: [elkId(link.source)],
    targets: [elkId(link.target)],
  }));
  return {
    id: 'journey',
    layoutOptions: { ...LAYOUT_OPTIONS, ...sizeOptions(stageCards.reduce((sum, cards) => sum + cards.length, 0)) },
    children,
    edges,
  };
}

const partition = (p: number): LayoutOptions => ({ 'elk.partitioning.partition': String(p) });

/**
 * The links among one stage's cards as ELK should see them. Each such link puts its target at least one column
 * right of its source, so a long chain inside a crowded stage would make the stage hundreds of columns wide.
 * Loops are turned round here, depth-first as ELK would (crossings do not depend on direction), and a link that
 * would need more columns than the stage may have is left out: a long chain then wraps onto new rows, like text.
 */
function stageFlow(cards: Card[], links: Link[]): Link[] {
  if (cards.length < 2) return [];
  const stage = cards[0].stageIndex;
  const local = new Map(cards.map((card, i) => [card, i]));
  const out: number[][] = cards.map(() => []);
  const hasIncoming = cards.map(() => false);
  for (const link of links) {
    if (link.source.stageIndex !== stage || link.target.stageIndex !== stage) continue;
    const target = local.get(link.target)!;
    out[local.get(link.source)!].push(target);
    hasIncoming[target] = true;
  }

  // Iterative depth-first search from the stage's sources first: finishing order, and the links that close a loop.
  const state = cards.map(() => 0); // 0 unseen, 1 on the stack, 2 done
  const finished: number[] = [];
  const oriented: [number, number][] = [];
  const starts = [...cards.keys()].sort((a, b) => Number(hasIncoming[a]) - Number(hasIncoming[b]));
  for (const start of starts) {
    if (state[start] !== 0) continue;
    state[start] = 1;
    const stack: [number, number][] = [[start, 0]];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const [u, next] = frame;
      if (next < out[u].length) {
        frame[1] = next + 1;
        const v = out[u][next];
        if (state[v] === 1) oriented.push([v, u]);
        else {
          oriented.push([u, v]);
          if (state[v] === 0) {
            state[v] = 1;
            stack.push([v, 0]);
          }
        }
      } else {
        state[u] = 2;
        finished.push(u);
        stack.pop();
      }
    }
  }

  // In topological order (reverse finishing order), keep a link unless it would need one column too many.
  const distinct = [...new Map(oriented.map(([u, v]) => [`${u}>${v}`, [u, v] as const])).values()];
  const succ: number[][] = cards.map(() => []);
  for (const [u, v] of distinct) succ[u].push(v);
  const widest = Math.max(...cards.map((card) => card.width));
  const allowed = Math.min(columnsThatFit(widest), Math.max(FEW_COLUMNS, Math.ceil(Math.sqrt(cards.length))));
  const column = cards.map(() => 0);
  const kept: Link[] = [];
  for (let i = finished.length - 1; i >= 0; i--) {
    const u = finished[i];
    if (column[u] + 1 >= allowed) continue;
    for (const v of succ[u]) {
      kept.push({ source: cards[u], target: cards[v] });
      column[v] = Math.max(column[v], column[u] + 1);
    }
  }
  return kept;
}

interface Column {
  cards: Card[];
  width: number;
}

/** ELK's layers within one stage, left to right: cards whose x ranges overlap share a column. */
function columnsOf(placed: { card: Card; x: number }[]): Column[] {
  const sorted = [...placed].sort((a, b) => a.x - b.x || a.card.index - b.card.index);
  const columns: (Column & { right: number; left: number })[] = [];
  for (const { card, x } of sorted) {
    const column = columns[columns.length - 1];
    if (column && x < column.right) {
      column.cards.push(card);
      column.right = Math.max(column.right, x + card.width);
      column.width = column.right - column.left;
    } else columns.push({ cards: [card], left: x, right: x + card.width, width: card.width });
  }
  return columns.map(({ cards, width }) => ({ cards, width }));
}

/**
 * ELK's columns, merged evenly into as many as fit in STAGE_MAX_WIDTH. Rarely needed: its layering can stretch
 * a stage beyond the columns its links need when that shortens other links.
 */
function atMostFitting(columns: Column[]): Column[] {
  const fit = columnsThatFit(Math.max(0, ...columns.map((column) => column.width)));
  if (columns.length <= fit) return columns;
  const merged: Column[] = Array.from({ length: fit }, () => ({ cards: [], width: 0 }));
  columns.forEach((column, i) => {
    const into = merged[Math.floor((i * fit) / columns.length)];
    into.cards.push(...column.cards);
    into.width = Math.max(into.width, column.width);
  });
  return merged;
}

/** A column's cards top to bottom, each at least MIN_CARD_GAP below the one above (ELK keeps more; snapping may not). */
function stackWithGaps<T extends { card: Card; y: number }>(placed: T[]): T[] {
  const sorted = [...placed].sort((a, b) => a.y - b.y || a.card.index - b.card.index);
  let free = -Infinity;
  for (const item of sorted) {
    if (item.y < free) item.y = snapUp(free);
    free = item.y + item.card.height + MIN_CARD_GAP;
  }
  return sorted;
}
