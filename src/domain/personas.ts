/**
 * Personas: edits, and the map as one persona sees it. A persona overrides entry shares, edge weights,
 * drop-off and emotion; anything it does not override falls back to the map's value. These are the only
 * fallback rules: the canvas, the inspector, the simulation and the emotion curve all read `personaView`.
 */
import { fail, isValidWeight, MAX_WEIGHT } from './edits';
import { freshId } from './ids';
import { MAX_NAME_LENGTH } from './structure';
import { findPersona } from './personaView';
import { COLOUR_PALETTE, COLOUR_PATTERN, type Emotion, type JourneyMap, type JourneyNode, type NodeOverride, type Persona } from './types';

export { findPersona, personaView } from './personaView';

function requirePersona(map: JourneyMap, id: string): Persona {
  const persona = findPersona(map, id);
  if (!persona) fail(`There is no persona "${id}"`);
  return persona;
}


/** Which fields a persona may override on a node of each kind. */
export const OVERRIDABLE: Record<JourneyNode['kind'], readonly (keyof Omit<NodeOverride, 'node'>)[]> = {
  entry: ['share', 'dropOff'],
  touchpoint: ['dropOff', 'emotion'],
  outcome: [],
};

export type OverrideField = keyof Omit<NodeOverride, 'node'>;

/** Each persona's share of customers, summing to 1 (empty without personas). */
export function personaShares(map: Pick<JourneyMap, 'personas'>): number[] {
  let total = 0;
  for (const p of map.personas) total += p.share;
  return map.personas.map((p) => (total > 0 ? p.share / total : 0));
}

/** The persona's override of one node field, if it has one. */
export function nodeOverride(persona: Persona | undefined, nodeId: string, field: OverrideField): number | undefined {
  const o = persona?.nodes.find((n) => n.node === nodeId);
  return o?.[field];
}

export function edgeOverride(persona: Persona | undefined, edgeId: string): number | undefined {
  return persona?.edges.find((e) => e.edge === edgeId)?.weight;
}

export interface NewPersona {
  name?: string;
  description?: string;
  colour?: string;
  share?: number;
  id?: string;
}

function checkName(map: JourneyMap, name: string, except?: string): string {
  const trimmed = name.trim();
  if (trimmed === '') fail('A persona needs a name');
  if (trimmed.length > MAX_NAME_LENGTH) fail(`A persona's name must be at most ${MAX_NAME_LENGTH} characters`);
  const key = trimmed.toLocaleLowerCase();
  if (map.personas.some((p) => p.id !== except && p.name.trim().toLocaleLowerCase() === key)) {
    fail(`There is already a persona called "${trimmed}"`);
  }
  return trimmed;
}

function checkShare(share: number): void {
  if (!isValidWeight(share)) fail(`A persona's share must be above 0 and at most ${MAX_WEIGHT.toLocaleString('en')}`);
}

function checkColour(colour: string): void {
  if (!COLOUR_PATTERN.test(colour)) fail('A colour must be written #rrggbb');
}

/** A name not yet taken: "Persona 1", "Persona 2", … */
function freeName(map: JourneyMap): string {
  const taken = new Set(map.personas.map((p) => p.name.trim().toLocaleLowerCase()));
  for (let i = map.personas.length + 1; ; i++) if (!taken.has(`persona ${i}`)) return `Persona ${i}`;
}

/** Adds a persona (by default with an equal share to the first one's, or 1). Returns its id. */
export function addPersona(map: JourneyMap, init: NewPersona = {}): string {
  const name = checkName(map, init.name ?? freeName(map));
  const share = init.share ?? 1;
  checkShare(share);
  const taken = new Set(map.personas.map((p) => p.id));
  if (init.id !== undefined && taken.has(init.id)) fail(`The id "${init.id}" is already used`);
  const colour = init.colour ?? COLOUR_PALETTE[(map.personas.length + 1) % COLOUR_PALETTE.length].hex;
  checkColour(colour);
  const persona: Persona = { id: init.id ?? freshId('persona', taken), name, colour, share, nodes: [], edges: [] };
  const description = init.description?.trim();
  if (description) persona.description = description;
  map.personas.push(persona);
  return persona.id;
}

export function updatePersona(
  map: JourneyMap,
  id: string,
  patch: { name?: string; description?: string; colour?: string | undefined; share?: number },
): void {
  const persona = requirePersona(map, id);
  if (patch.name !== undefined) persona.name = checkName(map, patch.name, id);
  if (patch.share !== undefined) {
    checkShare(patch.share);
    persona.share = patch.share;
  }
  if ('colour' in patch) {
    if (patch.colour === undefined) delete persona.colour;
    else {
      checkColour(patch.colour);
      persona.colour = patch.colour;
    }
  }
  if (patch.description !== undefined) {
    const text = patch.description.trim();
    if (text === '') delete persona.description;
    else persona.description = text;
  }
}

export function removePersona(map: JourneyMap, id: string): void {
  if (!map.personas.some((p) => p.id === id)) return;
  map.personas = map.personas.filter((p) => p.id !== id);
}

const KIND_ARTICLE: Record<JourneyNode['kind'], string> = { entry: 'an entry', touchpoint: 'a touchpoint', outcome: 'an outcome' };

function checkOverride(node: JourneyNode, field: OverrideField, value: number): void {
  if (!OVERRIDABLE[node.kind].includes(field)) fail(`A persona cannot override the ${field === 'dropOff' ? 'drop-off' : field} of ${KIND_ARTICLE[node.kind]}`);
  if (field === 'share') checkShare(value);
  if (field === 'dropOff' && !(value >= 0 && value < 1)) fail('Drop-off must be at least 0 and below 1');
  if (field === 'emotion' && !(Number.isInteger(value) && value >= -2 && value <= 2)) fail('Emotion must be a whole number from -2 to 2');
}

/** Sets (or, with `undefined`, resets to the map's value) one field of a persona's node override. */
export function setNodeOverride(map: JourneyMap, personaId: string, nodeId: string, field: OverrideField, value: number | undefined): void {
  const persona = requirePersona(map, personaId);
  const node = map.nodes.find((n) => n.id === nodeId);
  if (!node) fail(`There is no node "${nodeId}"`);
  const at = persona.nodes.findIndex((o) => o.node === nodeId);
  if (value === undefined) {
    if (at < 0 || persona.nodes[at][field] === undefined) return;
    delete persona.nodes[at][field];
    if (Object.keys(persona.nodes[at]).length === 1) persona.nodes.splice(at, 1);
    return;
  }
  checkOverride(node, field, value);
  if (at < 0) persona.nodes.push({ node: nodeId, [field]: value });
  else if (field === 'emotion') persona.nodes[at].emotion = value as Emotion;
  else persona.nodes[at][field] = value;
}

/** Sets (or, with `undefined`, resets) a persona's weight for an edge. */
export function setEdgeOverride(map: JourneyMap, personaId: string, edgeId: string, weight: number | undefined): void {
  const persona = requirePersona(map, personaId);
  if (!map.edges.some((e) => e.id === edgeId)) fail(`There is no edge "${edgeId}"`);
  const at = persona.edges.findIndex((o) => o.edge === edgeId);
  if (weight === undefined) {
    if (at >= 0) persona.edges.splice(at, 1);
    return;
  }
  if (!isValidWeight(weight)) fail(`Weight must be above 0 and at most ${MAX_WEIGHT.toLocaleString('en')}`);
  if (at < 0) persona.edges.push({ edge: edgeId, weight });
  else persona.edges[at].weight = weight;
}
