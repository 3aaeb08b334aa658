/**
 * Scenarios: "to-be" versions of a journey kept as changes on top of the map as it is (the as-is). The
 * editor edits a scenario by editing the map with the scenario applied (applyScenario) and storing what
 * then differs from the as-is (diffScenario), so every ordinary edit works in a scenario too.
 *
 * A scenario changes nodes and edges only. Stages, channels, sticky notes, personas and opportunities are
 * the as-is map's, in every scenario (mergeScenarioEdit puts edits of those into the as-is).
 */
import { fail } from './edits';
import { freshId } from './ids';
import { pruneReferences } from './references';
import { MAX_NAME_LENGTH } from './structure';
import type { EdgeFields, ElementChange, JourneyEdge, JourneyMap, JourneyNode, NodeFields, Scenario, ScenarioChanges } from './types';

export const emptyChanges = (): ScenarioChanges => ({
  addedNodes: [],
  removedNodes: [],
  changedNodes: [],
  addedEdges: [],
  removedEdges: [],
  changedEdges: [],
});

export function findScenario(map: Pick<JourneyMap, 'scenarios'>, id: string | null | undefined): Scenario | undefined {
  return id == null ? undefined : map.scenarios.find((s) => s.id === id);
}

/** Equal values, whatever the order of their keys (an edit may rebuild `scores` in another order). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  if (keys.length !== Object.keys(y).filter((k) => y[k] !== undefined).length) return false;
  return keys.every((k) => Object.hasOwn(y, k) && same(x[k], y[k]));
}

function applyChange<T extends object>(item: T, change: ElementChange<Omit<T, 'id'>> | undefined): T {
  if (!change) return item;
  const next = { ...item, ...change.set } as Record<string, unknown>;
  for (const key of change.unset) delete next[key];
  return next as T;
}

/**
 * The map as the scenario has it: as-is nodes and edges without the removed ones, with the changes, plus
 * the added ones. Changes naming something the as-is no longer has are skipped; edges left without an end
 * are dropped. Unchanged nodes and edges are the as-is objects themselves. Without the scenario: `map`.
 */
export function applyScenario(map: JourneyMap, id: string | null | undefined): JourneyMap {
  const scenario = findScenario(map, id);
  if (!scenario) return map;
  const c = scenario.changes;
  const removedNodes = new Set(c.removedNodes);
  const removedEdges = new Set(c.removedEdges);
  const nodeChanges = new Map(c.changedNodes.map((ch) => [ch.id, ch]));
  const edgeChanges = new Map(c.changedEdges.map((ch) => [ch.id, ch]));
  const asIsIds = new Set([...map.nodes.map((n) => n.id), ...map.edges.map((e) => e.id), ...map.notes.map((n) => n.id)]);
  const nodes: JourneyNode[] = [];
  for (const node of map.nodes) if (!removedNodes.has(node.id)) nodes.push(applyChange(node, nodeChanges.get(node.id)));
  for (const node of c.addedNodes) if (!asIsIds.has(node.id)) nodes.push(node);
  const present = new Set(nodes.map((n) => n.id));
  const edges: JourneyEdge[] = [];
  const pairs = new Set<string>();
  const keep = (edge: JourneyEdge) => {
    const pair = JSON.stringify([edge.source, edge.target]);
    if (!present.has(edge.source) || !present.has(edge.target) || pairs.has(pair)) return;
    pairs.add(pair);
    edges.push(edge);
  };
  for (const edge of map.edges) if (!removedEdges.has(edge.id)) keep(applyChange(edge, edgeChanges.get(edge.id)));
  for (const edge of c.addedEdges) if (!asIsIds.has(edge.id)) keep(edge);
  const view: JourneyMap = { ...map, nodes, edges };
  if (map.personas.length > 0 || map.opportunities.length > 0 || map.imports) {
    // Pruned on copies and without the scenarios: those are the document's own objects, and pruning them
    // against the view (which lacks what this scenario removes) would drop the scenario's removals. Import
    // mappings are replaced, never changed in place, by the pruning.
    const pruned: JourneyMap = {
      ...view,
      scenarios: [],
      personas: map.personas.map((p) => ({ ...p, nodes: [...p.nodes], edges: [...p.edges] })),
      opportunities: map.opportunities.map((o) => ({ ...o, touchpoints: [...o.touchpoints], friction: [...o.friction] })),
    };
    pruneReferences(pruned);
    view.personas = pruned.personas;
    view.opportunities = pruned.opportunities;
    if (pruned.imports) view.imports = pruned.imports;
  }
  return view;
}

function diffFields<T extends { id: string }>(before: T, after: T): ElementChange<Omit<T, 'id'>> | null {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const key of Object.keys(after)) {
    if (key === 'id') continue;
    const value = (after as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!same((before as Record<string, unknown>)[key], value)) set[key] = value;
  }
  for (const key of Object.keys(before)) {
    if (key === 'id') continue;
    if ((before as Record<string, unknown>)[key] !== undefined && (after as Record<string, unknown>)[key] === undefined) unset.push(key);
  }
  if (Object.keys(set).length === 0 && unset.length === 0) return null;
  return { id: after.id, set: set as Partial<Omit<T, 'id'>>, unset: unset as (keyof Omit<T, 'id'> & string)[] };
}

/** What `view` changes in the nodes and edges of `asIs`. diff(asIs, applyScenario(asIs, s)) reproduces s's effect. */
export function diffScenario(asIs: Pick<JourneyMap, 'nodes' | 'edges'>, view: Pick<JourneyMap, 'nodes' | 'edges'>): ScenarioChanges {
  const changes = emptyChanges();
  const viewNodes = new Map(view.nodes.map((n) => [n.id, n]));
  const viewEdges = new Map(view.edges.map((e) => [e.id, e]));
  const asIsNodes = new Set(asIs.nodes.map((n) => n.id));
  const asIsEdges = new Set(asIs.edges.map((e) => e.id));
  for (const node of asIs.nodes) {
    const now = viewNodes.get(node.id);
    if (!now) changes.removedNodes.push(node.id);
    else if (now !== node) {
      const change = diffFields(node, now);
      if (change) changes.changedNodes.push(change as ElementChange<NodeFields>);
    }
  }
  for (const node of view.nodes) if (!asIsNodes.has(node.id)) changes.addedNodes.push(node);
  for (const edge of asIs.edges) {
    const now = viewEdges.get(edge.id);
    if (!now) changes.removedEdges.push(edge.id);
    else if (now !== edge) {
      const change = diffFields(edge, now);
      if (change) changes.changedEdges.push(change as ElementChange<EdgeFields>);
    }
  }
  for (const edge of view.edges) if (!asIsEdges.has(edge.id)) changes.addedEdges.push(edge);
  return changes;
}

export const changeCount = (c: ScenarioChanges): number =>
  c.addedNodes.length + c.removedNodes.length + c.changedNodes.length + c.addedEdges.length + c.removedEdges.length + c.changedEdges.length;

/**
 * The document after an edit made in scenario `id` (`before` the view the edit started from, `after` the
 * edited view): the view's nodes and edges become the scenario's changes; whatever else the edit changed
 * (stages, channels, notes, personas, opportunities, name, settings) goes into the as-is. Persona overrides
 * and opportunity references to as-is nodes the scenario removes are not in the view; they are kept. Import
 * mappings stay the document's: the view's are pruned copies.
 */
export function mergeScenarioEdit(document: JourneyMap, id: string, before: JourneyMap, after: JourneyMap): JourneyMap {
  const merged: JourneyMap = { ...document };
  for (const key of Object.keys(after) as (keyof JourneyMap)[]) {
    // Import mappings are the as-is map's (evidence is imported into the document, never into a scenario);
    // the view's are pruned to what the scenario has, and an edit of the view prunes them further.
    if (key === 'nodes' || key === 'edges' || key === 'scenarios' || key === 'imports') continue;
    if (after[key] !== before[key]) (merged as unknown as Record<string, unknown>)[key] = after[key];
  }
  merged.scenarios = document.scenarios.map((s) => (s.id === id ? { ...s, changes: diffScenario(document, after) } : s));
  const inView = new Set(after.nodes.map((n) => n.id));
  const asIs = new Set(document.nodes.map((n) => n.id));
  const hidden = (node: string) => asIs.has(node) && !inView.has(node);
  if (after.personas !== before.personas) {
    merged.personas = after.personas
      .map((p) => {
        const old = document.personas.find((q) => q.id === p.id);
        const kept = old ? old.nodes.filter((o) => hidden(o.node) && !p.nodes.some((n) => n.node === o.node)) : [];
        const keptEdges = old ? old.edges.filter((o) => !after.edges.some((e) => e.id === o.edge) && document.edges.some((e) => e.id === o.edge)) : [];
        return kept.length === 0 && keptEdges.length === 0 ? p : { ...p, nodes: [...p.nodes, ...kept], edges: [...p.edges, ...keptEdges] };
      })
      .map((p) => ({ ...p, nodes: p.nodes.filter((o) => asIs.has(o.node)), edges: p.edges.filter((o) => document.edges.some((e) => e.id === o.edge)) }));
  }
  if (after.opportunities !== before.opportunities) {
    merged.opportunities = after.opportunities.map((o) => {
      const old = document.opportunities.find((q) => q.id === o.id);
      const touchpoints = [...o.touchpoints, ...(old?.touchpoints.filter((t) => hidden(t) && !o.touchpoints.includes(t)) ?? [])].filter((t) => asIs.has(t));
      const friction = [...o.friction, ...(old?.friction.filter((f) => hidden(f.node) && !o.friction.some((g) => g.node === f.node && g.note === f.note)) ?? [])].filter(
        (f) => document.nodes.find((n) => n.id === f.node)?.friction.some((x) => x.id === f.note),
      );
      return { ...o, touchpoints, friction };
    });
  }
  return merged;
}

/** Node id → how the scenario's node differs from the as-is ('added' or 'changed'); edges likewise. */
export interface ScenarioDifferences {
  nodes: Map<string, 'added' | 'changed'>;
  edges: Map<string, 'added' | 'changed'>;
  removedNodes: string[];
  removedEdges: string[];
}

export function scenarioDifferences(map: JourneyMap, id: string | null | undefined): ScenarioDifferences | null {
  const scenario = findScenario(map, id);
  if (!scenario) return null;
  const c = scenario.changes;
  const nodes = new Map<string, 'added' | 'changed'>();
  const edges = new Map<string, 'added' | 'changed'>();
  for (const n of c.changedNodes) nodes.set(n.id, 'changed');
  for (const n of c.addedNodes) nodes.set(n.id, 'added');
  for (const e of c.changedEdges) edges.set(e.id, 'changed');
  for (const e of c.addedEdges) edges.set(e.id, 'added');
  return { nodes, edges, removedNodes: [...c.removedNodes], removedEdges: [...c.removedEdges] };
}

function checkName(map: JourneyMap, name: string, except?: string): string {
  const trimmed = name.trim();
  if (trimmed === '') fail('A scenario needs a name');
  if (trimmed.length > MAX_NAME_LENGTH) fail(`A scenario's name must be at most ${MAX_NAME_LENGTH} characters`);
  const key = trimmed.toLocaleLowerCase();
  if (key === 'as-is') fail('"As-is" is the map itself; give the scenario another name');
  if (map.scenarios.some((s) => s.id !== except && s.name.trim().toLocaleLowerCase() === key)) fail(`There is already a scenario called "${trimmed}"`);
  return trimmed;
}

/** Adds a scenario with no changes yet (or a copy of `from`'s changes). Returns its id. */
export function addScenario(map: JourneyMap, init: { name: string; description?: string; from?: string; id?: string }): string {
  const name = checkName(map, init.name);
  const taken = new Set(map.scenarios.map((s) => s.id));
  if (init.id !== undefined && taken.has(init.id)) fail(`The id "${init.id}" is already used`);
  const source = findScenario(map, init.from);
  const scenario: Scenario = {
    id: init.id ?? freshId('scenario', taken),
    name,
    changes: source ? (JSON.parse(JSON.stringify(source.changes)) as ScenarioChanges) : emptyChanges(),
  };
  if (init.description?.trim()) scenario.description = init.description.trim();
  map.scenarios.push(scenario);
  return scenario.id;
}

export function renameScenario(map: JourneyMap, id: string, name: string): void {
  const scenario = findScenario(map, id);
  if (!scenario) fail(`There is no scenario "${id}"`);
  scenario.name = checkName(map, name, id);
}

export function removeScenario(map: JourneyMap, id: string): void {
  if (!map.scenarios.some((s) => s.id === id)) return;
  map.scenarios = map.scenarios.filter((s) => s.id !== id);
}
