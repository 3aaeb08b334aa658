/**
 * Pure edits of a journey map. Each one mutates the map it is given (the store applies them to an immer
 * draft, tests to a plain object) and throws an EditError, leaving the map untouched, when the edit would
 * break an invariant: unique ids, edges only between existing nodes, no edge out of an outcome.
 */
import { freshId } from './ids';
import { bandsRight, centredInBand, NODE_WIDTH, stageBands, stageForPosition } from './layout';
import { pruneReferences } from './references';
import { SCORE_METRICS, scoreRange, withTypedScores } from './evidence';
import { canConnectInMap, connectionRuleText } from './rules';
import {
  DEFAULT_CHANNELS,
  DEFAULT_STAGES,
  type FrictionNote,
  type JourneyEdge,
  type JourneyMap,
  type JourneyNode,
  type NodeKind,
  type Position,
  type Scores,
  type Severity,
} from './types';

export class EditError extends Error {
  override name = 'EditError';
}

export function fail(message: string): never {
  throw new EditError(message);
}

function nodeIndex(map: JourneyMap, id: string): number {
  const i = map.nodes.findIndex((n) => n.id === id);
  if (i < 0) fail(`There is no node "${id}"`);
  return i;
}

function requireNode(map: JourneyMap, id: string): JourneyNode {
  return map.nodes[nodeIndex(map, id)];
}

function requireEdge(map: JourneyMap, id: string): JourneyEdge {
  const edge = map.edges.find((e) => e.id === id);
  if (!edge) fail(`There is no edge "${id}"`);
  return edge;
}

/**
 * Largest edge weight or entry share. Weights are relative, so nothing is lost by the bound, and the sum of
 * any realistic number of them stays far from overflowing (two weights of 1.7e308 once summed to Infinity).
 */
export const MAX_WEIGHT = 1_000_000_000;

/** A relative weight or share: above 0 and at most MAX_WEIGHT. */
export function isValidWeight(value: number): boolean {
  return Number.isFinite(value) && value > 0 && value <= MAX_WEIGHT;
}

const weightRule = (what: string) => `${what} must be above 0 and at most ${MAX_WEIGHT.toLocaleString('en')}`;

/** Largest |x| or |y| of a position: far beyond any real map, small enough that fitting the view stays finite. */
export const MAX_COORDINATE = 10_000_000;

export function requireFinitePosition(position: Position): void {
  if (!(Number.isFinite(position.x) && Number.isFinite(position.y))) fail('A position must be a finite number of pixels');
  if (Math.abs(position.x) > MAX_COORDINATE || Math.abs(position.y) > MAX_COORDINATE) {
    fail(`A position must be within ${MAX_COORDINATE.toLocaleString('en')} pixels of the origin`);
  }
}

/** Nodes, edges and sticky notes share one id space (they are all elements of the canvas). */
export function allIds(map: JourneyMap): Set<string> {
  const ids = new Set<string>();
  for (const n of map.nodes) ids.add(n.id);
  for (const e of map.edges) ids.add(e.id);
  for (const note of map.notes) ids.add(note.id);
  // Nodes and edges only a scenario has: an as-is element must never take their ids.
  for (const scenario of map.scenarios) {
    for (const n of scenario.changes.addedNodes) ids.add(n.id);
    for (const e of scenario.changes.addedEdges) ids.add(e.id);
  }
  return ids;
}

export function createMap(init: Partial<JourneyMap> = {}): JourneyMap {
  return {
    id: init.id ?? freshId('map', new Set()),
    name: init.name ?? 'Untitled journey',
    description: init.description ?? '',
    stages: init.stages ?? DEFAULT_STAGES.map((s) => ({ ...s })),
    channels: init.channels ?? DEFAULT_CHANNELS.map((c) => ({ ...c })),
    nodes: init.nodes ?? [],
    edges: init.edges ?? [],
    notes: init.notes ?? [],
    personas: init.personas ?? [],
    opportunities: init.opportunities ?? [],
    scenarios: init.scenarios ?? [],
    ...(init.simulation ? { simulation: init.simulation } : {}),
    ...(init.imports ? { imports: init.imports } : {}),
  };
}

export const DEFAULT_LABELS: Record<NodeKind, string> = {
  entry: 'Entry',
  touchpoint: 'Touchpoint',
  outcome: 'Outcome',
};

export interface NewNode {
  kind: NodeKind;
  position: Position;
  id?: string;
  label?: string;
  channel?: string;
  stage?: string;
}

/** Adds a node; its stage follows from the band it is dropped in unless given. Returns the new node's id. */
export function addNode(map: JourneyMap, init: NewNode): string {
  const taken = allIds(map);
  if (init.id !== undefined && taken.has(init.id)) fail(`The id "${init.id}" is already used`);
  if (init.channel !== undefined && !map.channels.some((c) => c.id === init.channel)) {
    fail(`There is no channel "${init.channel}"`);
  }
  if (init.stage !== undefined && !map.stages.some((s) => s.id === init.stage)) fail(`There is no stage "${init.stage}"`);
  requireFinitePosition(init.position);
  const id = init.id ?? freshId(init.kind === 'touchpoint' ? 'tp' : init.kind, taken);
  const channelName = map.channels.find((c) => c.id === init.channel)?.name;
  const node: JourneyNode = {
    id,
    kind: init.kind,
    label: init.label ?? (init.kind === 'touchpoint' && channelName ? `${channelName} touchpoint` : DEFAULT_LABELS[init.kind]),
    position: { x: init.position.x, y: init.position.y },
    friction: [],
  };
  const stage = init.stage ?? stageForPosition(map, init.position);
  if (stage !== undefined) node.stage = stage;
  if (init.channel !== undefined) node.channel = init.channel;
  if (init.kind === 'entry') node.share = 1;
  if (init.kind === 'outcome') node.result = 'success';
  map.nodes.push(node);
  return id;
}

export type NodePatch = Partial<
  Pick<JourneyNode, 'label' | 'stage' | 'channel' | 'description' | 'emotion' | 'dropOff' | 'share' | 'result'>
>;

/** Sets (or, with `undefined`, clears) plain fields of a node. */
export function updateNode(map: JourneyMap, id: string, patch: NodePatch): void {
  const node = requireNode(map, id);
  if ('label' in patch && patch.label === undefined) fail('A node needs a name');
  if (patch.stage !== undefined && !map.stages.some((s) => s.id === patch.stage)) fail(`There is no stage "${patch.stage}"`);
  if (patch.channel !== undefined && !map.channels.some((c) => c.id === patch.channel)) {
    fail(`There is no channel "${patch.channel}"`);
  }
  if (patch.dropOff !== undefined && !(patch.dropOff >= 0 && patch.dropOff < 1)) fail('Drop-off must be at least 0 and below 1');
  if (patch.share !== undefined && !isValidWeight(patch.share)) fail(weightRule('Share'));
  if (patch.emotion !== undefined && !(Number.isInteger(patch.emotion) && patch.emotion >= -2 && patch.emotion <= 2)) {
    fail('Emotion must be a whole number from -2 to 2');
  }
  const stageChanged = 'stage' in patch && patch.stage !== node.stage;
  for (const [key, value] of Object.entries(patch) as [keyof NodePatch, unknown][]) {
    if (value === undefined) {
      delete node[key];
    } else {
      (node as unknown as Record<string, unknown>)[key] = value;
    }
  }
  // A drop-off typed by hand no longer rests on the counts it was calibrated from.
  if ('dropOff' in patch) delete node.observed;
  if (stageChanged) placeInStageColumn(map, node);
}

/** Rough card heights before the canvas has measured a card: what placement and layout assume. */
export const NODE_HEIGHT_ESTIMATE = { entry: 60, touchpoint: 110, outcome: 50 } as const;
const PLACEMENT_GAP = 20;

/**
 * Moves a node whose stage was just set into that stage's column (or, with no stage, just right of the
 * bands), keeping its height on the canvas unless another card is there: then it goes down to the first
 * free spot. The data and the picture then agree.
 */
function placeInStageColumn(map: JourneyMap, node: JourneyNode): void {
  const band = stageBands(map).find((b) => b.id === node.stage);
  const x = band ? centredInBand(band) : bandsRight(map) + 40;
  const height = NODE_HEIGHT_ESTIMATE[node.kind];
  let y = node.position.y;
  const others = map.nodes.filter((n) => n !== node && Math.abs(n.position.x - x) < NODE_WIDTH);
  for (let guard = 0; guard < 10_000; guard++) {
    const blocker = others.find((n) => y < n.position.y + NODE_HEIGHT_ESTIMATE[n.kind] + PLACEMENT_GAP && n.position.y < y + height + PLACEMENT_GAP);
    if (!blocker) break;
    y = blocker.position.y + NODE_HEIGHT_ESTIMATE[blocker.kind] + PLACEMENT_GAP;
  }
  node.position = { x, y };
}

/** Moves nodes and sticky notes; each node's stage follows the band its centre lands in. */
export function moveNodes(map: JourneyMap, positions: Record<string, Position>): void {
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const notes = new Map(map.notes.map((n) => [n.id, n]));
  for (const [id, position] of Object.entries(positions)) {
    if (!nodes.has(id) && !notes.has(id)) fail(`There is no node "${id}"`);
    requireFinitePosition(position);
  }
  for (const [id, position] of Object.entries(positions)) {
    const note = notes.get(id);
    if (note) {
      note.position = { x: position.x, y: position.y };
      continue;
    }
    const node = nodes.get(id) as JourneyNode;
    node.position = { x: position.x, y: position.y };
    const stage = stageForPosition(map, position);
    if (stage !== undefined) node.stage = stage;
    else delete node.stage;
  }
}

export function setScores(map: JourneyMap, id: string, scores: Scores): void {
  const node = requireNode(map, id);
  const next = withTypedScores(node.scores, scores);
  const names = { nps: 'NPS', csat: 'CSAT', ces: 'CES' } as const;
  for (const metric of SCORE_METRICS) {
    const value = next[metric];
    const { min, max } = scoreRange(metric, next.evidence);
    if (value !== undefined && !(Number.isFinite(value) && value >= min && value <= max)) fail(`${names[metric]} must be between ${min} and ${max}`);
  }
  if (next.responses !== undefined && !(Number.isSafeInteger(next.responses) && next.responses >= 0)) {
    fail('Responses must be a whole number of at least 0');
  }
  for (const key of Object.keys(next) as (keyof Scores)[]) if (next[key] === undefined) delete next[key];
  if (Object.keys(next).length === 0) delete node.scores;
  else node.scores = next;
}

/** Removes nodes (and sticky notes) with these ids and every edge that touches them, as one edit. */
export function removeNodes(map: JourneyMap, ids: readonly string[]): void {
  const gone = new Set(ids);
  // Arrays are replaced only when something goes, so removing nothing is no change (and no undo step).
  if (map.notes.some((n) => gone.has(n.id))) map.notes = map.notes.filter((n) => !gone.has(n.id));
  if (!map.nodes.some((n) => gone.has(n.id))) return;
  map.nodes = map.nodes.filter((n) => !gone.has(n.id));
  map.edges = map.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
  pruneReferences(map);
}

export interface NewEdge {
  source: string;
  target: string;
  id?: string;
  weight?: number;
  label?: string;
}

/** Connects two nodes. Returns the new edge's id. */
export function connect(map: JourneyMap, init: NewEdge): string {
  const source = requireNode(map, init.source);
  const target = requireNode(map, init.target);
  const allowed = canConnectInMap(map, init.source, init.target);
  if (!allowed.ok) fail(connectionRuleText(allowed.rule, source.label, target.label));
  const weight = init.weight ?? 1;
  if (!isValidWeight(weight)) fail(weightRule('Weight'));
  const taken = allIds(map);
  if (init.id !== undefined && taken.has(init.id)) fail(`The id "${init.id}" is already used`);
  const edge: JourneyEdge = { id: init.id ?? freshId('e', taken), source: init.source, target: init.target, weight };
  if (init.label !== undefined) edge.label = init.label;
  map.edges.push(edge);
  return edge.id;
}

export function updateEdge(map: JourneyMap, id: string, patch: { weight?: number; label?: string | undefined }): void {
  const edge = requireEdge(map, id);
  if ('weight' in patch) {
    if (!(patch.weight !== undefined && isValidWeight(patch.weight))) fail(weightRule('Weight'));
    edge.weight = patch.weight;
    delete edge.observed; // typed by hand: no longer from data
  }
  if ('label' in patch) {
    if (patch.label === undefined || patch.label === '') delete edge.label;
    else edge.label = patch.label;
  }
}

export function removeEdges(map: JourneyMap, ids: readonly string[]): void {
  const gone = new Set(ids);
  if (!map.edges.some((e) => gone.has(e.id))) return;
  map.edges = map.edges.filter((e) => !gone.has(e.id));
  pruneReferences(map);
}

export function addFriction(map: JourneyMap, nodeId: string, note: string, severity: Severity, id?: string): string {
  const node = requireNode(map, nodeId);
  const text = note.trim();
  if (text === '') fail('A friction note needs some text');
  if (!(Number.isInteger(severity) && severity >= 1 && severity <= 5)) fail('Severity must be 1 to 5');
  const taken = new Set(node.friction.map((f) => f.id));
  if (id !== undefined && taken.has(id)) fail(`The id "${id}" is already used`);
  const friction: FrictionNote = { id: id ?? freshId('f', taken), note: text, severity };
  node.friction.push(friction);
  return friction.id;
}

/** Rewrites a friction note's text and/or severity. */
export function updateFriction(map: JourneyMap, nodeId: string, frictionId: string, patch: { note?: string; severity?: Severity }): void {
  const note = requireNode(map, nodeId).friction.find((f) => f.id === frictionId);
  if (!note) fail(`There is no friction note "${frictionId}"`);
  const text = patch.note?.trim();
  if (text === '') fail('A friction note needs some text');
  if (patch.severity !== undefined && !(Number.isInteger(patch.severity) && patch.severity >= 1 && patch.severity <= 5)) fail('Severity must be 1 to 5');
  if (text !== undefined && text !== note.note) note.note = text;
  if (patch.severity !== undefined && patch.severity !== note.severity) note.severity = patch.severity;
}

export function resolveFriction(map: JourneyMap, nodeId: string, frictionId: string, resolved: boolean): void {
  const note = requireNode(map, nodeId).friction.find((f) => f.id === frictionId);
  if (!note) fail(`There is no friction note "${frictionId}"`);
  if (resolved) note.resolved = true;
  else delete note.resolved;
}

export function removeFriction(map: JourneyMap, nodeId: string, frictionId: string): void {
  const node = requireNode(map, nodeId);
  if (!node.friction.some((f) => f.id === frictionId)) return;
  node.friction = node.friction.filter((f) => f.id !== frictionId);
  pruneReferences(map);
}

export function renameMap(map: JourneyMap, name: string): void {
  const trimmed = name.trim();
  if (trimmed === '') fail('A map needs a name');
  map.name = trimmed;
}

/** Structural problems of a map (empty when it is sound): the invariants every edit keeps. */
export function invariantProblems(map: JourneyMap): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const kinds = new Map<string, NodeKind>();
  map.nodes.forEach((n, i) => {
    if (ids.has(n.id)) problems.push(`nodes[${i}].id: duplicate id "${n.id}"`);
    ids.add(n.id);
    kinds.set(n.id, n.kind);
  });
  map.edges.forEach((e, i) => {
    if (ids.has(e.id)) problems.push(`edges[${i}].id: duplicate id "${e.id}"`);
    ids.add(e.id);
    if (!kinds.has(e.source)) problems.push(`edges[${i}].source: there is no node "${e.source}"`);
    if (!kinds.has(e.target)) problems.push(`edges[${i}].target: there is no node "${e.target}"`);
    if (kinds.get(e.source) === 'outcome') problems.push(`edges[${i}].source: "${e.source}" is an outcome; edges cannot leave an outcome`);
    if (kinds.get(e.target) === 'entry') problems.push(`edges[${i}].target: "${e.target}" is an entry; edges cannot lead into an entry`);
    if (e.source === e.target) problems.push(`edges[${i}].target: "${e.target}" cannot lead to itself`);
  });
  map.notes.forEach((n, i) => {
    if (ids.has(n.id)) problems.push(`notes[${i}].id: duplicate id "${n.id}"`);
    ids.add(n.id);
  });
  return problems;
}

/** Limits of the simulation settings saved with a map (the file format publishes the same). */
export const SIMULATION_LIMITS = {
  customers: { min: 1, max: 10_000_000 },
  seed: { min: 0, max: 4_294_967_295 },
  maxSteps: { min: 1, max: 10_000 },
} as const;

/** Sets (or, with `undefined`, clears) the map's saved simulation settings. */
export function setSimulationSettings(
  map: JourneyMap,
  patch: { customers?: number | undefined; seed?: number | undefined; maxSteps?: number | undefined },
): void {
  const next: NonNullable<JourneyMap['simulation']> = { ...map.simulation };
  for (const key of ['customers', 'seed', 'maxSteps'] as const) {
    if (!(key in patch)) continue;
    const value = patch[key];
    if (value === undefined) {
      delete next[key];
      continue;
    }
    const { min, max } = SIMULATION_LIMITS[key];
    if (!(Number.isInteger(value) && value >= min && value <= max)) {
      fail(`${key === 'maxSteps' ? 'Max steps' : key === 'seed' ? 'Seed' : 'Customers'} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`);
    }
    next[key] = value;
  }
  if (Object.keys(next).length === 0) delete map.simulation;
  else map.simulation = next;
}
