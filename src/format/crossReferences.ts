/**
 * Rules that span several records and so cannot live in the per-field schema: unique ids and names,
 * references to stages, channels and nodes, and the edge rules of domain `canConnect` (the same function the
 * canvas and the store ask).
 */
import { invariantProblems } from '../domain/edits';
import { SCORE_METRICS, scoreRange } from '../domain/evidence';
import { OVERRIDABLE } from '../domain/personas';
import { applyScenario } from '../domain/scenarios';
import { canConnect, connectionRuleText } from '../domain/rules';
import type { JourneyMap, NodeKind } from '../domain/types';
import { MAX_REPORTED_PROBLEMS } from './collectProblems';
import { problem, type Problem } from './problems';

function duplicateIds(items: readonly { id: string }[], list: string, problems: Problem[], taken = new Set<string>()) {
  items.forEach((item, i) => {
    if (taken.has(item.id)) problems.push(problem(`${list}[${i}].id`, `duplicate id "${item.id}"`));
    taken.add(item.id);
  });
}

function duplicateNames(items: readonly { name: string }[], list: string, problems: Problem[]) {
  const taken = new Set<string>();
  items.forEach((item, i) => {
    const key = item.name.trim().toLocaleLowerCase();
    if (key === '') problems.push(problem(`${list}[${i}].name`, 'must not be blank'));
    else if (taken.has(key)) problems.push(problem(`${list}[${i}].name`, `duplicate name "${item.name}"`));
    taken.add(key);
  });
}

export function referenceProblems(map: JourneyMap): Problem[] {
  const problems: Problem[] = [];
  duplicateIds(map.stages, 'stages', problems);
  duplicateIds(map.channels, 'channels', problems);
  duplicateNames(map.stages, 'stages', problems);
  duplicateNames(map.channels, 'channels', problems);
  // Nodes, edges and sticky notes share one id space, as in domain `invariantProblems`.
  const graphIds = new Set<string>();
  duplicateIds(map.nodes, 'nodes', problems, graphIds);
  duplicateIds(map.edges, 'edges', problems, graphIds);
  duplicateIds(map.notes, 'notes', problems, graphIds);

  const stages = new Set(map.stages.map((s) => s.id));
  const channels = new Set(map.channels.map((c) => c.id));
  const kinds = new Map<string, NodeKind>();
  map.nodes.forEach((node, i) => {
    if (!kinds.has(node.id)) kinds.set(node.id, node.kind);
    if (node.stage !== undefined && !stages.has(node.stage)) problems.push(problem(`nodes[${i}].stage`, `there is no stage "${node.stage}"`));
    if (node.channel !== undefined && !channels.has(node.channel)) {
      problems.push(problem(`nodes[${i}].channel`, `there is no channel "${node.channel}"`));
    }
    duplicateIds(node.friction, `nodes[${i}].friction`, problems);
  });

  const pairs = new Set<string>();
  const pairKey = (source: string, target: string) => JSON.stringify([source, target]);
  map.edges.forEach((edge, i) => {
    const check = canConnect((id) => kinds.get(id), (s, t) => pairs.has(pairKey(s, t)), edge.source, edge.target);
    if (!check.ok) {
      const field = check.rule === 'missing-source' || check.rule === 'from-outcome' ? 'source' : check.rule === 'duplicate' ? '' : 'target';
      problems.push(problem(field === '' ? `edges[${i}]` : `edges[${i}].${field}`, connectionRuleText(check.rule, edge.source, edge.target)));
      // A missing target is reported too when the source is missing as well.
      if (check.rule === 'missing-source' && !kinds.has(edge.target)) {
        problems.push(problem(`edges[${i}].target`, connectionRuleText('missing-target', edge.source, edge.target)));
      }
    }
    pairs.add(pairKey(edge.source, edge.target));
  });

  personaProblems(map, kinds, problems);
  opportunityProblems(map, kinds, problems);
  evidenceProblems(map, problems);
  importProblems(map, kinds, problems);
  if (problems.length === 0) scenarioProblems(map, problems);

  // Anything the domain adds to its invariants later is refused too.
  if (problems.length === 0) {
    for (const text of invariantProblems(map)) {
      const at = text.indexOf(': ');
      problems.push(at < 0 ? problem('', text) : problem(text.slice(0, at), text.slice(at + 2)));
    }
  }
  return problems.slice(0, MAX_REPORTED_PROBLEMS);
}

const KIND_ARTICLE: Record<NodeKind, string> = { entry: 'an entry', touchpoint: 'a touchpoint', outcome: 'an outcome' };
const FIELD_NAME = { share: 'share', dropOff: 'drop-off', emotion: 'emotion' } as const;

/** Persona ids and names unique; every override names an existing node of a kind that may have it, or an edge. */
function personaProblems(map: JourneyMap, kinds: ReadonlyMap<string, NodeKind>, problems: Problem[]): void {
  duplicateIds(map.personas, 'personas', problems);
  duplicateNames(map.personas, 'personas', problems);
  const edges = new Set(map.edges.map((e) => e.id));
  map.personas.forEach((persona, p) => {
    const seenNodes = new Set<string>();
    persona.nodes.forEach((o, i) => {
      const at = `personas[${p}].nodes[${i}]`;
      const kind = kinds.get(o.node);
      if (kind === undefined) return void problems.push(problem(`${at}.node`, `there is no node "${o.node}"`));
      if (seenNodes.has(o.node)) problems.push(problem(`${at}.node`, `node "${o.node}" is overridden twice`));
      seenNodes.add(o.node);
      for (const field of ['share', 'dropOff', 'emotion'] as const) {
        if (o[field] !== undefined && !OVERRIDABLE[kind].includes(field)) {
          problems.push(problem(`${at}.${field}`, `"${o.node}" is ${KIND_ARTICLE[kind]}; a persona cannot override its ${FIELD_NAME[field]}`));
        }
      }
    });
    const seenEdges = new Set<string>();
    persona.edges.forEach((o, i) => {
      const at = `personas[${p}].edges[${i}].edge`;
      if (!edges.has(o.edge)) problems.push(problem(at, `there is no edge "${o.edge}"`));
      else if (seenEdges.has(o.edge)) problems.push(problem(at, `edge "${o.edge}" is overridden twice`));
      seenEdges.add(o.edge);
    });
  });
}

/** Opportunity ids unique; touchpoints exist and are not outcomes; friction references name existing notes. */
function opportunityProblems(map: JourneyMap, kinds: ReadonlyMap<string, NodeKind>, problems: Problem[]): void {
  duplicateIds(map.opportunities, 'opportunities', problems);
  const notes = new Map<string, Set<string>>();
  for (const node of map.nodes) if (!notes.has(node.id)) notes.set(node.id, new Set(node.friction.map((f) => f.id)));
  map.opportunities.forEach((opportunity, o) => {
    opportunity.touchpoints.forEach((id, i) => {
      const kind = kinds.get(id);
      if (kind === undefined) problems.push(problem(`opportunities[${o}].touchpoints[${i}]`, `there is no node "${id}"`));
      else if (kind === 'outcome') problems.push(problem(`opportunities[${o}].touchpoints[${i}]`, `"${id}" is an outcome; an opportunity addresses touchpoints`));
    });
    opportunity.friction.forEach((ref, i) => {
      const at = `opportunities[${o}].friction[${i}]`;
      const onNode = notes.get(ref.node);
      if (!onNode) problems.push(problem(`${at}.node`, `there is no node "${ref.node}"`));
      else if (!onNode.has(ref.note)) problems.push(problem(`${at}.note`, `node "${ref.node}" has no friction note "${ref.note}"`));
    });
  });
}

/**
 * Scores within the range of how they were measured, each interval around its score; observed counts only
 * where a drop-off can be, and no more customers leaving than arrived.
 */
function evidenceProblems(map: JourneyMap, problems: Problem[]): void {
  map.nodes.forEach((node, i) => {
    const scores = node.scores;
    if (scores) {
      for (const metric of SCORE_METRICS) {
        const at = `nodes[${i}].scores`;
        const value = scores[metric];
        const { min, max } = scoreRange(metric, scores.evidence);
        if (value !== undefined && (value < min || value > max)) problems.push(problem(`${at}.${metric}`, `must be between ${min} and ${max}`));
        const evidence = scores.evidence?.[metric];
        if (!evidence) continue;
        if (value === undefined) problems.push(problem(`${at}.evidence.${metric}`, `has an interval but there is no ${metric} score`));
        else if (!(evidence.low <= value && value <= evidence.high)) {
          problems.push(problem(`${at}.evidence.${metric}`, `the interval ${evidence.low} to ${evidence.high} must contain the score ${value}`));
        }
        if (evidence.low < min || evidence.high > max) problems.push(problem(`${at}.evidence.${metric}`, `the interval must lie between ${min} and ${max}`));
      }
    }
    if (node.observed) {
      if (node.kind === 'outcome') problems.push(problem(`nodes[${i}].observed`, 'an outcome has no drop-off to calibrate'));
      else if (node.observed.left > node.observed.entered) {
        problems.push(problem(`nodes[${i}].observed.left`, `must be at most entered (${node.observed.entered})`));
      }
    }
  });
}

/** Remembered import mappings name nodes that exist. */
function importProblems(map: JourneyMap, kinds: ReadonlyMap<string, NodeKind>, problems: Problem[]): void {
  const check = (node: string | undefined, at: string) => {
    if (node !== undefined && !kinds.has(node)) problems.push(problem(at, `there is no node "${node}"`));
  };
  map.imports?.survey?.columns.forEach((column, c) => {
    check(column.node, `imports.survey.columns[${c}].node`);
    column.values?.forEach((value, j) => check(value.node, `imports.survey.columns[${c}].values[${j}].node`));
  });
  map.imports?.funnel?.steps.forEach((step, s) => check(step.node, `imports.funnel.steps[${s}].node`));
}

/** Fields every node or edge has: a scenario may give them other values but never leave them empty. */
const REQUIRED_NODE_FIELDS: readonly string[] = ['label', 'position', 'friction'];
const REQUIRED_EDGE_FIELDS: readonly string[] = ['source', 'target', 'weight'];

function requiredUnset(unset: readonly string[], required: readonly string[], at: string, problems: Problem[]): void {
  unset.forEach((field, j) => {
    if (required.includes(field)) problems.push(problem(`${at}.unset[${j}]`, `"${field}" is required; a scenario cannot leave it empty`));
  });
}

/**
 * Scenario ids and names unique; changes name as-is nodes and edges; added ones use new ids; and the map
 * with the scenario applied keeps every rule of a map (checked like a map, its problems under the scenario).
 */
function scenarioProblems(map: JourneyMap, problems: Problem[]): void {
  duplicateIds(map.scenarios, 'scenarios', problems);
  duplicateNames(map.scenarios, 'scenarios', problems);
  map.scenarios.forEach((scenario, i) => {
    if (scenario.name.trim().toLocaleLowerCase() === 'as-is') problems.push(problem(`scenarios[${i}].name`, '"As-is" is the map itself; a scenario needs another name'));
  });
  const nodes = new Set(map.nodes.map((n) => n.id));
  const edges = new Set(map.edges.map((e) => e.id));
  const taken = new Set([...nodes, ...edges, ...map.notes.map((n) => n.id)]);
  map.scenarios.forEach((scenario, s) => {
    const at = `scenarios[${s}].changes`;
    const c = scenario.changes;
    const before = problems.length;
    c.removedNodes.forEach((id, i) => {
      if (!nodes.has(id)) problems.push(problem(`${at}.removedNodes[${i}]`, `there is no node "${id}" in the as-is map`));
    });
    const changedNodes = new Set<string>();
    c.changedNodes.forEach((ch, i) => {
      if (!nodes.has(ch.id)) problems.push(problem(`${at}.changedNodes[${i}].id`, `there is no node "${ch.id}" in the as-is map`));
      else if (changedNodes.has(ch.id)) problems.push(problem(`${at}.changedNodes[${i}].id`, `node "${ch.id}" is changed twice`));
      changedNodes.add(ch.id);
      requiredUnset(ch.unset, REQUIRED_NODE_FIELDS, `${at}.changedNodes[${i}]`, problems);
    });
    c.removedEdges.forEach((id, i) => {
      if (!edges.has(id)) problems.push(problem(`${at}.removedEdges[${i}]`, `there is no edge "${id}" in the as-is map`));
    });
    const changedEdges = new Set<string>();
    c.changedEdges.forEach((ch, i) => {
      if (!edges.has(ch.id)) problems.push(problem(`${at}.changedEdges[${i}].id`, `there is no edge "${ch.id}" in the as-is map`));
      else if (changedEdges.has(ch.id)) problems.push(problem(`${at}.changedEdges[${i}].id`, `edge "${ch.id}" is changed twice`));
      changedEdges.add(ch.id);
      requiredUnset(ch.unset, REQUIRED_EDGE_FIELDS, `${at}.changedEdges[${i}]`, problems);
    });
    c.addedNodes.forEach((n, i) => {
      if (taken.has(n.id)) problems.push(problem(`${at}.addedNodes[${i}].id`, `"${n.id}" is already used by the as-is map`));
    });
    const present = new Set([...nodes, ...c.addedNodes.map((n) => n.id)]);
    for (const id of c.removedNodes) present.delete(id);
    c.addedEdges.forEach((e, i) => {
      if (taken.has(e.id)) problems.push(problem(`${at}.addedEdges[${i}].id`, `"${e.id}" is already used by the as-is map`));
      for (const end of ['source', 'target'] as const) {
        if (!present.has(e[end])) problems.push(problem(`${at}.addedEdges[${i}].${end}`, `there is no node "${e[end]}" in this scenario`));
      }
    });
    // A reconnected edge whose new end is missing would silently vanish from the scenario (applyScenario drops it).
    c.changedEdges.forEach((ch, i) => {
      for (const end of ['source', 'target'] as const) {
        const node = ch.set[end];
        if (node !== undefined && !present.has(node)) problems.push(problem(`${at}.changedEdges[${i}].set.${end}`, `there is no node "${node}" in this scenario`));
      }
    });
    if (problems.length > before) return;
    const applied = applyScenario(map, scenario.id);
    for (const p of referenceProblems({ ...applied, scenarios: [] })) problems.push(problem(`${at} (applied)`, `${p.path}: ${p.message}`));
  });
}
