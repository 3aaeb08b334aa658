/**
 * Keeps the references personas, opportunities, scenarios and remembered import mappings hold (to nodes,
 * edges and friction notes) pointing at things that exist, after an edit removed some. Called by the edits
 * that remove; arrays are replaced only when something goes, so removing nothing is no change.
 */
import type { JourneyMap } from './types';

export function pruneReferences(map: JourneyMap): void {
  const nodes = new Set(map.nodes.map((n) => n.id));
  const edges = new Set(map.edges.map((e) => e.id));
  for (const persona of map.personas) {
    if (persona.nodes.some((o) => !nodes.has(o.node))) persona.nodes = persona.nodes.filter((o) => nodes.has(o.node));
    if (persona.edges.some((o) => !edges.has(o.edge))) persona.edges = persona.edges.filter((o) => edges.has(o.edge));
  }
  pruneScenarios(map, nodes, edges);
  pruneImports(map, nodes);
  if (map.opportunities.length === 0) return;
  const notes = new Set<string>();
  for (const node of map.nodes) for (const f of node.friction) notes.add(JSON.stringify([node.id, f.id]));
  const exists = (ref: { node: string; note: string }) => notes.has(JSON.stringify([ref.node, ref.note]));
  for (const opportunity of map.opportunities) {
    // A touchpoint named without any of its notes stands for all of them (addressedNotes): when the last
    // note an opportunity named there goes, the touchpoint goes too, so that it does not start addressing
    // the touchpoint's other notes.
    const gone = new Set<string>();
    if (opportunity.friction.some((ref) => !exists(ref))) {
      const before = new Set(opportunity.friction.map((ref) => ref.node));
      opportunity.friction = opportunity.friction.filter(exists);
      const after = new Set(opportunity.friction.map((ref) => ref.node));
      for (const node of before) if (!after.has(node)) gone.add(node);
    }
    const keep = (id: string) => nodes.has(id) && !gone.has(id);
    if (opportunity.touchpoints.some((id) => !keep(id))) opportunity.touchpoints = opportunity.touchpoints.filter(keep);
  }
}

/**
 * Scenario changes that name as-is nodes or edges no longer there go; so do added edges left without an end,
 * and changes that would move an edge's end onto a node no longer there.
 */
function pruneScenarios(map: JourneyMap, nodes: ReadonlySet<string>, edges: ReadonlySet<string>): void {
  for (const scenario of map.scenarios) {
    const c = scenario.changes;
    if (c.removedNodes.some((id) => !nodes.has(id))) c.removedNodes = c.removedNodes.filter((id) => nodes.has(id));
    if (c.changedNodes.some((ch) => !nodes.has(ch.id))) c.changedNodes = c.changedNodes.filter((ch) => nodes.has(ch.id));
    if (c.removedEdges.some((id) => !edges.has(id))) c.removedEdges = c.removedEdges.filter((id) => edges.has(id));
    if (c.changedEdges.some((ch) => !edges.has(ch.id))) c.changedEdges = c.changedEdges.filter((ch) => edges.has(ch.id));
    const present = new Set([...nodes, ...c.addedNodes.map((n) => n.id)]);
    for (const id of c.removedNodes) present.delete(id);
    const ends = (e: { source: string; target: string }) => present.has(e.source) && present.has(e.target);
    if (c.addedEdges.some((e) => !ends(e))) c.addedEdges = c.addedEdges.filter(ends);
    const newEnds = (ch: (typeof c.changedEdges)[number]) =>
      (ch.set.source === undefined || present.has(ch.set.source)) && (ch.set.target === undefined || present.has(ch.set.target));
    if (c.changedEdges.some((ch) => !newEnds(ch))) c.changedEdges = c.changedEdges.filter(newEnds);
  }
}

/**
 * Remembered import mappings forget the nodes no longer there (the column or step is asked about again).
 * `imports` is replaced, never changed in place: applyScenario prunes a shallow copy of the document, whose
 * mappings are the document's own (and frozen in the store).
 */
function pruneImports(map: JourneyMap, nodes: ReadonlySet<string>): void {
  const imports = map.imports;
  if (!imports) return;
  const survey = imports.survey;
  const staleColumn = (c: NonNullable<typeof survey>['columns'][number]) =>
    (c.node !== undefined && !nodes.has(c.node)) || (c.values?.some((v) => !nodes.has(v.node)) ?? false);
  const funnel = imports.funnel;
  const surveyStale = survey?.columns.some(staleColumn) ?? false;
  const funnelStale = funnel?.steps.some((s) => !nodes.has(s.node)) ?? false;
  if (!surveyStale && !funnelStale) return;
  const next = { ...imports };
  if (survey && surveyStale) {
    next.survey = {
      ...survey,
      columns: survey.columns
        .filter((c) => c.node === undefined || nodes.has(c.node))
        .map((c) => (c.values?.some((v) => !nodes.has(v.node)) ? { ...c, values: c.values.filter((v) => nodes.has(v.node)) } : c)),
    };
  }
  if (funnel && funnelStale) next.funnel = { ...funnel, steps: funnel.steps.filter((s) => nodes.has(s.node)) };
  map.imports = next;
}
