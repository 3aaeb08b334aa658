/**
 * The cards a card may be connected to, by the domain's one rule (canConnect): no outcome leads anywhere,
 * nothing leads into an entry, no card to itself, no second edge between the same two cards.
 */
import { canConnect, connectionRuleText, type ConnectionCheck } from '../../domain/rules';
import type { JourneyMap, NodeKind } from '../../domain/types';
import { edgePairs, nodeIndex } from '../../store/selectors';

export interface ConnectTarget {
  id: string;
  label: string;
  kind: NodeKind;
  /** The stage's name, if the card is in one. */
  stage?: string;
}

/** canConnect against the map, with its cached indexes (as the canvas asks it while a connection is dragged). */
function ruleOf(map: JourneyMap): (source: string, target: string) => ConnectionCheck {
  const index = nodeIndex(map.nodes);
  const pairs = edgePairs(map.edges);
  const kindOf = (id: string) => index.get(id)?.kind;
  const exists = (s: string, t: string) => pairs.has(`${s}\u0000${t}`);
  return (source, target) => canConnect(kindOf, exists, source, target);
}

/** Allowed targets of `source` in journey order: stage by stage, left to right, top to bottom. */
export function connectTargets(map: JourneyMap, source: string): ConnectTarget[] {
  const check = ruleOf(map);
  const stageOrder = new Map(map.stages.map((stage, i) => [stage.id, i]));
  const stageName = new Map(map.stages.map((stage) => [stage.id, stage.name]));
  const column = (stage: string | undefined) => (stage === undefined ? map.stages.length : (stageOrder.get(stage) ?? map.stages.length));
  return map.nodes
    .filter((node) => check(source, node.id).ok)
    .sort((a, b) => column(a.stage) - column(b.stage) || a.position.x - b.position.x || a.position.y - b.position.y)
    .map((node) => {
      const stage = node.stage === undefined ? undefined : stageName.get(node.stage);
      return { id: node.id, label: node.label, kind: node.kind, ...(stage === undefined ? {} : { stage }) };
    });
}

/**
 * Why `source` may lead to no card at all, in the rule's words, when that lies in the card itself (an
 * outcome); null when it may lead somewhere, or only existing edges stand in the way.
 */
export function whyNoTargets(map: JourneyMap, source: string): string | null {
  const check = ruleOf(map);
  const name = nodeIndex(map.nodes).get(source)?.label ?? source;
  for (const node of map.nodes) {
    if (node.id === source) continue;
    const result = check(source, node.id);
    if (!result.ok && result.rule === 'from-outcome') return connectionRuleText(result.rule, name, node.label);
  }
  return null;
}

/** The targets whose name contains `query` (any case), those starting with it first. */
export function filterTargets(targets: readonly ConnectTarget[], query: string): ConnectTarget[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return targets.slice();
  const starts: ConnectTarget[] = [];
  const contains: ConnectTarget[] = [];
  for (const target of targets) {
    const name = target.label.toLocaleLowerCase();
    if (name.startsWith(q)) starts.push(target);
    else if (name.includes(q)) contains.push(target);
  }
  return [...starts, ...contains];
}
