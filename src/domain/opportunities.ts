/**
 * Opportunities: action items with an owner, a status and an effort, addressing touchpoints and friction
 * notes. Edits, and which friction notes an opportunity addresses (what its value is computed from).
 */
import { fail } from './edits';
import { freshId } from './ids';
import type { Effort, FrictionRef, JourneyMap, Opportunity, OpportunityStatus } from './types';

export const MAX_TITLE_LENGTH = 200;
const STATUSES: readonly OpportunityStatus[] = ['idea', 'planned', 'in-progress', 'done'];
const EFFORTS: readonly Effort[] = ['S', 'M', 'L'];

export const isOpen = (opportunity: Pick<Opportunity, 'status'>) => opportunity.status !== 'done';

function requireOpportunity(map: JourneyMap, id: string): Opportunity {
  const found = map.opportunities.find((o) => o.id === id);
  if (!found) fail(`There is no opportunity "${id}"`);
  return found;
}

function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') fail('An opportunity needs a title');
  if (trimmed.length > MAX_TITLE_LENGTH) fail(`A title must be at most ${MAX_TITLE_LENGTH} characters`);
  return trimmed;
}

function checkTargets(map: JourneyMap, touchpoints: readonly string[], friction: readonly FrictionRef[]): void {
  for (const id of touchpoints) {
    const node = map.nodes.find((n) => n.id === id);
    if (!node) fail(`There is no touchpoint "${id}"`);
    if (node.kind === 'outcome') fail(`"${node.label}" is an outcome; an opportunity addresses touchpoints`);
  }
  for (const ref of friction) {
    const node = map.nodes.find((n) => n.id === ref.node);
    if (!node?.friction.some((f) => f.id === ref.note)) fail(`There is no friction note "${ref.note}" at "${ref.node}"`);
  }
}

export interface NewOpportunity {
  title: string;
  description?: string;
  owner?: string;
  status?: OpportunityStatus;
  effort?: Effort;
  touchpoints?: string[];
  friction?: FrictionRef[];
  id?: string;
}

/** Adds an opportunity; the touchpoints of the friction notes it names are added to its touchpoints. */
export function addOpportunity(map: JourneyMap, init: NewOpportunity): string {
  const title = checkTitle(init.title);
  const friction = dedupeRefs(init.friction ?? []);
  const touchpoints = [...new Set([...(init.touchpoints ?? []), ...friction.map((f) => f.node)])];
  checkTargets(map, touchpoints, friction);
  const taken = new Set(map.opportunities.map((o) => o.id));
  if (init.id !== undefined && taken.has(init.id)) fail(`The id "${init.id}" is already used`);
  const status = init.status ?? 'idea';
  const effort = init.effort ?? 'M';
  if (!STATUSES.includes(status)) fail('Unknown status');
  if (!EFFORTS.includes(effort)) fail('Effort must be S, M or L');
  const opportunity: Opportunity = { id: init.id ?? freshId('opp', taken), title, status, effort, touchpoints, friction };
  if (init.description?.trim()) opportunity.description = init.description.trim();
  if (init.owner?.trim()) opportunity.owner = init.owner.trim();
  map.opportunities.push(opportunity);
  if (status === 'done') resolveAddressedNotes(map, opportunity);
  return opportunity.id;
}

export type OpportunityPatch = Partial<Pick<Opportunity, 'title' | 'description' | 'owner' | 'effort' | 'touchpoints' | 'friction'>>;

/** Changes an opportunity's fields (not its status: see setOpportunityStatus). Empty text clears a field. */
export function updateOpportunity(map: JourneyMap, id: string, patch: OpportunityPatch): void {
  const opportunity = requireOpportunity(map, id);
  if (patch.title !== undefined) opportunity.title = checkTitle(patch.title);
  for (const key of ['description', 'owner'] as const) {
    if (!(key in patch)) continue;
    const text = patch[key]?.trim();
    if (text) opportunity[key] = text;
    else delete opportunity[key];
  }
  if (patch.effort !== undefined) {
    if (!EFFORTS.includes(patch.effort)) fail('Effort must be S, M or L');
    opportunity.effort = patch.effort;
  }
  if (patch.touchpoints !== undefined || patch.friction !== undefined) {
    const friction = dedupeRefs(patch.friction ?? opportunity.friction);
    const touchpoints = [...new Set(patch.touchpoints ?? opportunity.touchpoints)];
    // A note can only be addressed at a touchpoint the opportunity names.
    for (const ref of friction) if (!touchpoints.includes(ref.node)) touchpoints.push(ref.node);
    checkTargets(map, touchpoints, friction);
    opportunity.touchpoints = touchpoints;
    opportunity.friction = friction;
  }
}

/** Sets the status; Done also marks every friction note it addresses resolved (in the same edit). */
export function setOpportunityStatus(map: JourneyMap, id: string, status: OpportunityStatus): void {
  const opportunity = requireOpportunity(map, id);
  if (!STATUSES.includes(status)) fail('Unknown status');
  opportunity.status = status;
  if (status === 'done') resolveAddressedNotes(map, opportunity);
}

export function removeOpportunity(map: JourneyMap, id: string): void {
  if (!map.opportunities.some((o) => o.id === id)) return;
  map.opportunities = map.opportunities.filter((o) => o.id !== id);
}

/**
 * The friction notes an opportunity addresses: the notes it names, and, at a touchpoint it names without
 * naming any of that touchpoint's notes, all of the touchpoint's notes ("fix this touchpoint"). Open and
 * resolved alike; callers filter.
 */
export function addressedNotes(map: Pick<JourneyMap, 'nodes'>, opportunity: Pick<Opportunity, 'touchpoints' | 'friction'>): FrictionRef[] {
  const refs = dedupeRefs(opportunity.friction);
  const named = new Set(refs.map((r) => r.node));
  for (const id of opportunity.touchpoints) {
    if (named.has(id)) continue;
    named.add(id); // a touchpoint listed twice (a file may hold that) counts once
    const node = map.nodes.find((n) => n.id === id);
    for (const f of node?.friction ?? []) refs.push({ node: id, note: f.id });
  }
  return refs;
}

/** The open friction notes an opportunity would resolve. */
export function openAddressedNotes(map: Pick<JourneyMap, 'nodes'>, opportunity: Pick<Opportunity, 'touchpoints' | 'friction'>): FrictionRef[] {
  return addressedNotes(map, opportunity).filter((ref) => {
    const note = map.nodes.find((n) => n.id === ref.node)?.friction.find((f) => f.id === ref.note);
    return note !== undefined && !note.resolved;
  });
}

function resolveAddressedNotes(map: JourneyMap, opportunity: Opportunity): void {
  for (const ref of addressedNotes(map, opportunity)) {
    const note = map.nodes.find((n) => n.id === ref.node)?.friction.find((f) => f.id === ref.note);
    if (note && !note.resolved) note.resolved = true;
  }
}

/** Open opportunities that address a node (the count on its card). */
export function openOpportunityCount(map: Pick<JourneyMap, 'opportunities'>, nodeId: string): number {
  let count = 0;
  for (const o of map.opportunities) if (isOpen(o) && (o.touchpoints.includes(nodeId) || o.friction.some((f) => f.node === nodeId))) count++;
  return count;
}

/** A map with every listed note resolved (a copy; `map` is untouched). What an opportunity's value is measured on. */
export function withNotesResolved(map: JourneyMap, refs: readonly FrictionRef[]): JourneyMap {
  if (refs.length === 0) return map;
  const byNode = new Map<string, Set<string>>();
  for (const ref of refs) {
    let set = byNode.get(ref.node);
    if (!set) byNode.set(ref.node, (set = new Set()));
    set.add(ref.note);
  }
  return {
    ...map,
    nodes: map.nodes.map((node) => {
      const notes = byNode.get(node.id);
      if (!notes || !node.friction.some((f) => notes.has(f.id) && !f.resolved)) return node;
      return { ...node, friction: node.friction.map((f) => (notes.has(f.id) && !f.resolved ? { ...f, resolved: true } : f)) };
    }),
  };
}

function dedupeRefs(refs: readonly FrictionRef[]): FrictionRef[] {
  const seen = new Set<string>();
  const out: FrictionRef[] = [];
  for (const ref of refs) {
    const key = JSON.stringify([ref.node, ref.note]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ node: ref.node, note: ref.note });
  }
  return out;
}
