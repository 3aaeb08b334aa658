/**
 * Customer-path data (the ChannelAttribution format: `path;total_conversions;total_conversion_value;total_null`,
 * paths like `Search > Email > Store`) → a first-order journey map to simulate: an entry "Start", a touchpoint
 * per channel, a success outcome "Conversion". Edge weights are the observed transition counts and each
 * channel's drop-off is the share of customers whose path ended there without converting, so the map's exact
 * analysis is the Markov-chain attribution model, and its removal effects are the channels' (docs/evidence.md).
 * A channel repeated in a row (`C1 > C1`) counts once: a node cannot lead to itself, and in a first-order
 * chain a self-loop changes neither conversion nor removal effects.
 */
import {
  addNode,
  centredInBand,
  connect,
  createMap,
  DEFAULT_CHANNELS,
  STAGE_WIDTH,
  type JourneyMap,
} from '../domain';
import { addCount, dropOffFromCounts, weightsFromCounts } from './calibrate';
import { countProblem, findColumn, MAX_CSV_PROBLEMS, parseCount, readCsvTable, rowPath, type CsvRow } from './csvTable';
import type { EvidenceProblem } from './problems';

export interface PathRow {
  /** Channels in the order the customers met them, as written (repeats kept). */
  channels: string[];
  conversions: number;
  /** Customers on this path who did not convert. */
  nulls: number;
  row: number;
}

export type PathReading = { ok: true; paths: PathRow[] } | { ok: false; problems: EvidenceProblem[] };

export const START_ID = 'start';
export const CONVERSION_ID = 'conversion';
export const START_LABEL = 'Start';
export const CONVERSION_LABEL = 'Conversion';
/** ChannelAttribution's default `sep`; spaces around it are ignored. */
export const PATH_SEPARATOR = '>';
/** Vertical distance between the channels of one column. */
const ROW_HEIGHT = 160;

/** Path data in a CSV file, or what is wrong with it (a header without `path` and `total_conversions` included). */
export function parsePathCsv(text: string): PathReading {
  const reading = readCsvTable(text);
  if (!reading.ok) return reading;
  const [header, ...data] = reading.table.rows;
  const columns = {
    path: findColumn(header.cells, ['path']),
    conversions: findColumn(header.cells, ['total conversions']),
    nulls: findColumn(header.cells, ['total null', 'total nulls']),
  };
  if (columns.path < 0 || columns.conversions < 0) {
    const rule = 'this is not customer-path data: the header needs the columns path and total_conversions (and total_null for paths that did not convert)';
    return { ok: false, problems: [{ path: rowPath(header.row), rule }] };
  }
  const problems: EvidenceProblem[] = [];
  const paths: PathRow[] = [];
  for (const row of data) {
    const path = readPathRow(row, columns, header.cells, reading.table.delimiter, problems);
    if (path) paths.push(path);
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_CSV_PROBLEMS) };
  if (!paths.some((p) => p.conversions + p.nulls > 0)) {
    return { ok: false, problems: [{ path: '', rule: 'there are no customers: every path has 0 conversions and 0 nulls' }] };
  }
  return { ok: true, paths };
}

function readPathRow(
  row: CsvRow,
  columns: { path: number; conversions: number; nulls: number },
  header: readonly string[],
  delimiter: string,
  problems: EvidenceProblem[],
): PathRow | undefined {
  const channels = (row.cells[columns.path] ?? '').split(PATH_SEPARATOR).map((c) => c.trim());
  const count = (column: number) => {
    if (column < 0) return 0;
    const value = parseCount(row.cells[column] ?? '', delimiter);
    if (value === undefined) problems.push(countProblem(row.row, header[column], row.cells[column] ?? ''));
    return value;
  };
  const conversions = count(columns.conversions);
  const nulls = count(columns.nulls);
  if (channels.length === 1 && channels[0] === '') problems.push({ path: rowPath(row.row), rule: 'path is empty' });
  else if (channels.includes('')) problems.push({ path: rowPath(row.row), rule: `path has an empty channel (two "${PATH_SEPARATOR}" in a row, or one at an end)` });
  else if (conversions !== undefined && nulls !== undefined) return { channels, conversions, nulls, row: row.row };
  return undefined;
}

/** The counts a map is built from: channels met, customers per channel, transitions between them. */
interface PathTally {
  /** Channel names in first-seen order. */
  channels: string[];
  /** Smallest step number (1 = first touch) a channel was met at: its column. */
  depth: Map<string, number>;
  entered: Map<string, number>;
  left: Map<string, number>;
  /** Source → target → customers, in first-seen order; START_ID and CONVERSION_ID stand for the ends. */
  moves: Map<string, Map<string, number>>;
  customers: number;
  conversions: number;
}

/** Consecutive repeats of one channel collapsed: C1 > C1 > C2 is C1 > C2. */
export const collapseRepeats = (channels: readonly string[]): string[] => channels.filter((c, i) => i === 0 || c !== channels[i - 1]);

function tallyPaths(rows: readonly PathRow[]): PathTally {
  const tally: PathTally = { channels: [], depth: new Map(), entered: new Map(), left: new Map(), moves: new Map(), customers: 0, conversions: 0 };
  const move = (source: string, target: string, count: number) => {
    if (!tally.moves.has(source)) tally.moves.set(source, new Map());
    addCount(tally.moves.get(source)!, target, count);
  };
  for (const row of rows) {
    const customers = row.conversions + row.nulls;
    if (customers === 0) continue;
    tally.customers += customers;
    tally.conversions += row.conversions;
    const path = collapseRepeats(row.channels);
    path.forEach((channel, i) => {
      if (!tally.depth.has(channel)) tally.channels.push(channel);
      tally.depth.set(channel, Math.min(tally.depth.get(channel) ?? Infinity, i + 1));
      addCount(tally.entered, channel, customers);
      move(i === 0 ? START_ID : path[i - 1], channel, customers);
    });
    const last = path[path.length - 1];
    if (row.conversions > 0) move(last, CONVERSION_ID, row.conversions);
    addCount(tally.left, last, row.nulls);
  }
  return tally;
}

/** An id from a name: its lower-case letters and digits joined by "-", made unique against `taken` (and added to it). */
export function slugId(name: string, taken: Set<string>): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'channel';
  let id = slug;
  for (let k = 2; taken.has(id); k++) id = `${slug}-${k}`;
  taken.add(id);
  return id;
}

/** The default channel a path channel is, by name or id ("Email", "social"), if any. */
const defaultChannelOf = (name: string) =>
  DEFAULT_CHANNELS.find((c) => c.name.toLowerCase() === name.toLowerCase() || c.id === name.toLowerCase())?.id;

/** Top-left corner of the card in `column` (one stage band wide each, left to right) and `row`. */
const cardAt = (column: number, row: number) => ({ x: centredInBand({ x: column * STAGE_WIDTH, width: STAGE_WIDTH }), y: row * ROW_HEIGHT });

/**
 * The journey map of path data: Start → channels → Conversion, each channel in the column of the earliest
 * step it was met at (first touches next to Start), channels of a column in the order first met.
 */
export function buildPathMap(rows: readonly PathRow[], name: string): JourneyMap {
  const tally = tallyPaths(rows);
  const map = createMap({
    name,
    description: `Built from customer-path data: ${rows.length.toLocaleString('en')} paths, ${tally.customers.toLocaleString('en')} customers, ${tally.conversions.toLocaleString('en')} conversions.`,
  });
  // Ids the format refuses are taken from the start, so no channel gets them.
  const taken = new Set([START_ID, CONVERSION_ID, 'constructor', 'prototype']);
  addNode(map, { kind: 'entry', id: START_ID, label: START_LABEL, position: cardAt(0, 0) });
  const idOf = new Map<string, string>([[START_ID, START_ID], [CONVERSION_ID, CONVERSION_ID]]);
  const rowsUsed = new Map<number, number>();
  for (const channel of tally.channels) {
    const column = tally.depth.get(channel)!;
    const row = rowsUsed.get(column) ?? 0;
    rowsUsed.set(column, row + 1);
    const id = slugId(channel, taken);
    idOf.set(channel, id);
    const defaultChannel = defaultChannelOf(channel);
    addNode(map, { kind: 'touchpoint', id, label: channel, position: cardAt(column, row), ...(defaultChannel ? { channel: defaultChannel } : {}) });
    const node = map.nodes[map.nodes.length - 1];
    const entered = tally.entered.get(channel)!;
    const left = tally.left.get(channel) ?? 0;
    node.dropOff = dropOffFromCounts(entered, left);
    node.observed = { entered, left };
  }
  // An outcome is a success unless said otherwise.
  addNode(map, { kind: 'outcome', id: CONVERSION_ID, label: CONVERSION_LABEL, position: cardAt(Math.max(0, ...rowsUsed.keys()) + 1, 0) });
  for (const [source, targets] of tally.moves) connectCounted(map, idOf, source, targets, taken);
  return map;
}

/** The edges out of one source, weighted by their counts, each recording its count. */
function connectCounted(map: JourneyMap, idOf: ReadonlyMap<string, string>, source: string, targets: ReadonlyMap<string, number>, taken: Set<string>): void {
  const counts = [...targets.values()];
  const weights = weightsFromCounts(counts);
  [...targets.keys()].forEach((target, k) => {
    const [from, to] = [idOf.get(source)!, idOf.get(target)!];
    const id = slugId(`e-${from}-${to}`, taken);
    connect(map, { id, source: from, target: to, weight: weights[k] });
    map.edges[map.edges.length - 1].observed = { count: counts[k] };
  });
}
