/**
 * Edits of the map's structure: its stages (the columns) and channels. Like every edit they mutate the
 * map they are given and throw an EditError, leaving it untouched, when refused. Stage edits keep the
 * picture and the data in step: when bands move, the nodes and sticky notes inside them move along.
 */
import { fail } from './edits';
import { freshId } from './ids';
import { stageBands, STAGE_MAX_WIDTH, STAGE_MIN_WIDTH, STAGE_WIDTH, NODE_WIDTH, STICKY_WIDTH, type StageBand } from './layout';
import { COLOUR_PATTERN, type Channel, type JourneyMap, type Position, type Stage } from './types';

export const MAX_NAME_LENGTH = 80;

function cleanName(name: string, what: string): string {
  const trimmed = name.trim();
  if (trimmed === '') fail(`A ${what} needs a name`);
  if (trimmed.length > MAX_NAME_LENGTH) fail(`A ${what} name can be at most ${MAX_NAME_LENGTH} characters`);
  return trimmed;
}

function requireUniqueName(items: readonly { id: string; name: string }[], name: string, what: string, except?: string): void {
  const taken = items.find((item) => item.id !== except && item.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (taken) fail(`There is already a ${what} named "${taken.name}"`);
}

function requireColour(colour: string | undefined): void {
  if (colour !== undefined && !COLOUR_PATTERN.test(colour)) fail('A colour must be written #rrggbb');
}

const RESERVED_IDS = ['__proto__', 'constructor', 'prototype'];
const MAX_ID_LENGTH = 256;

/** The file format's id rules, so an edit never makes a map the format refuses. */
function requireUsableId(id: string, taken: ReadonlySet<string>): void {
  if (id === '' || id.length > MAX_ID_LENGTH || RESERVED_IDS.includes(id)) fail(`"${id.slice(0, 40)}" cannot be used as an id`);
  if (taken.has(id)) fail(`The id "${id}" is already used`);
}

function stageIndex(map: JourneyMap, id: string): number {
  const i = map.stages.findIndex((s) => s.id === id);
  if (i < 0) fail(`There is no stage "${id}"`);
  return i;
}

/** Which band a node or note belongs to: its stage if it has one, else the band its centre is in. */
function bandOf(bands: readonly StageBand[], stage: string | undefined, position: Position, width: number): StageBand | 'left' | 'right' {
  const byStage = stage === undefined ? undefined : bands.find((b) => b.id === stage);
  if (byStage) return byStage;
  const centre = position.x + width / 2;
  if (centre < 0) return 'left';
  return bands.find((b) => centre < b.x + b.width) ?? 'right';
}

/**
 * Applies a change of the stage list: `change` rewrites map.stages; nodes and notes then shift with their
 * band (those right of every band shift with the right edge). Bands that no longer exist must have been
 * emptied by the caller.
 */
function reflow(map: JourneyMap, change: () => void): void {
  const before = stageBands(map);
  const rightBefore = before.length ? before[before.length - 1].x + before[before.length - 1].width : 0;
  change();
  const after = new Map(stageBands(map).map((b) => [b.id, b]));
  const last = stageBands(map)[map.stages.length - 1];
  const rightAfter = last ? last.x + last.width : 0;
  const shift = (stage: string | undefined, position: Position, width: number): Position => {
    const band = bandOf(before, stage, position, width);
    if (band === 'left') return position;
    const dx = band === 'right' ? rightAfter - rightBefore : (after.get(band.id)?.x ?? band.x) - band.x;
    return dx === 0 ? position : { x: position.x + dx, y: position.y };
  };
  for (const node of map.nodes) {
    const next = shift(node.stage, node.position, NODE_WIDTH);
    if (next !== node.position) node.position = next;
  }
  for (const note of map.notes) {
    const next = shift(undefined, note.position, note.width ?? STICKY_WIDTH);
    if (next !== note.position) note.position = next;
  }
}

export interface NewStage {
  name?: string;
  /** Insert after this stage; at the end when absent. */
  after?: string;
  id?: string;
  colour?: string;
}

/** Adds a stage (at the end, or after another); the bands to its right and their nodes move right. */
export function addStage(map: JourneyMap, init: NewStage = {}): string {
  const name = cleanName(init.name ?? uniqueStageName(map, 'New stage'), 'stage');
  requireUniqueName(map.stages, name, 'stage');
  requireColour(init.colour);
  const taken = new Set(map.stages.map((s) => s.id));
  if (init.id !== undefined) requireUsableId(init.id, taken);
  const at = init.after === undefined ? map.stages.length : stageIndex(map, init.after) + 1;
  const stage: Stage = { id: init.id ?? freshId('stage', taken), name };
  if (init.colour !== undefined) stage.colour = init.colour;
  // Nodes right of every band belong to no stage; they move right with the new band's width.
  reflow(map, () => {
    map.stages = [...map.stages.slice(0, at), stage, ...map.stages.slice(at)];
  });
  return stage.id;
}

/** "New stage", "New stage 2", … whichever is free. */
export function uniqueStageName(map: Pick<JourneyMap, 'stages'>, base: string): string {
  const names = new Set(map.stages.map((s) => s.name.toLocaleLowerCase()));
  if (!names.has(base.toLocaleLowerCase())) return base;
  for (let i = 2; ; i++) if (!names.has(`${base} ${i}`.toLocaleLowerCase())) return `${base} ${i}`;
}

export function renameStage(map: JourneyMap, id: string, name: string): void {
  const stage = map.stages[stageIndex(map, id)];
  const clean = cleanName(name, 'stage');
  if (clean === stage.name) return;
  requireUniqueName(map.stages, clean, 'stage', id);
  stage.name = clean;
}

export function setStageColour(map: JourneyMap, id: string, colour: string | undefined): void {
  const stage = map.stages[stageIndex(map, id)];
  requireColour(colour);
  if (colour === stage.colour) return;
  if (colour === undefined) delete stage.colour;
  else stage.colour = colour;
}

/** Moves a stage one place left (-1) or right (+1); its band's nodes go with it, as do the neighbour's. */
export function moveStage(map: JourneyMap, id: string, direction: -1 | 1): void {
  const i = stageIndex(map, id);
  const j = i + direction;
  if (j < 0 || j >= map.stages.length) fail(direction < 0 ? 'This is already the first stage' : 'This is already the last stage');
  reflow(map, () => {
    const stages = map.stages.slice();
    [stages[i], stages[j]] = [stages[j], stages[i]];
    map.stages = stages;
  });
}

/** Nodes whose stage is `id`. */
export function nodesInStage(map: JourneyMap, id: string): string[] {
  return map.nodes.filter((n) => n.stage === id).map((n) => n.id);
}

/**
 * Deletes a stage. A stage that holds nodes is deleted only with `moveNodesTo` (another stage): its nodes,
 * and the sticky notes in its band, move into that stage's column first. The last stage cannot go.
 */
export function removeStage(map: JourneyMap, id: string, moveNodesTo?: string): void {
  const i = stageIndex(map, id);
  if (map.stages.length === 1) fail('A map needs at least one stage');
  const members = new Set(nodesInStage(map, id));
  if (moveNodesTo === id) fail('Choose another stage for its nodes');
  if (moveNodesTo !== undefined) stageIndex(map, moveNodesTo);
  if (members.size > 0 && moveNodesTo === undefined) {
    fail(`Stage "${map.stages[i].name}" holds ${members.size} node${members.size === 1 ? '' : 's'}: choose where they go first`);
  }
  const bands = stageBands(map);
  const gone = bands[i];
  const target = moveNodesTo === undefined ? undefined : bands.find((b) => b.id === moveNodesTo);
  const into = (x: number, width: number): number => {
    if (!target) return x;
    const offset = Math.min(Math.max(x - gone.x, 0), Math.max(0, target.width - width));
    return target.x + offset;
  };
  for (const node of map.nodes) {
    if (!members.has(node.id)) continue;
    node.stage = moveNodesTo;
    node.position = { x: into(node.position.x, NODE_WIDTH), y: node.position.y };
  }
  const notesInBand = map.notes.filter((n) => bandOf(bands, undefined, n.position, n.width ?? STICKY_WIDTH) === gone);
  for (const note of notesInBand) note.position = { x: into(note.position.x, note.width ?? STICKY_WIDTH), y: note.position.y };
  // Moved nodes now carry their new stage and moved notes sit in its band, so both shift with it.
  reflow(map, () => {
    map.stages = map.stages.filter((s) => s.id !== id);
  });
}

/** Sets stage widths (tidy layout widens a crowded stage); each within STAGE_MIN_WIDTH..STAGE_MAX_WIDTH. */
export function setStageWidths(map: JourneyMap, widths: Record<string, number>): void {
  for (const [id, width] of Object.entries(widths)) {
    stageIndex(map, id);
    if (!(Number.isFinite(width) && width >= STAGE_MIN_WIDTH && width <= STAGE_MAX_WIDTH)) {
      fail(`A stage must be ${STAGE_MIN_WIDTH} to ${STAGE_MAX_WIDTH} pixels wide`);
    }
  }
  // A new array (only when a width changes), so band geometry cached for the old one is never read again.
  const next = map.stages.map((stage) => {
    if (!Object.hasOwn(widths, stage.id)) return stage;
    const width = Math.round(widths[stage.id]);
    if ((stage.width ?? STAGE_WIDTH) === width) return stage;
    const { width: _old, ...rest } = stage;
    return width === STAGE_WIDTH ? rest : { ...rest, width };
  });
  if (next.some((stage, i) => stage !== map.stages[i])) map.stages = next;
}

function channelIndex(map: JourneyMap, id: string): number {
  const i = map.channels.findIndex((c) => c.id === id);
  if (i < 0) fail(`There is no channel "${id}"`);
  return i;
}

/** Adds a channel; returns its id (a slug of its name when free: "Front desk" → "front-desk"). */
export function addChannel(map: JourneyMap, name: string, colour?: string, id?: string): string {
  const clean = cleanName(name, 'channel');
  requireUniqueName(map.channels, clean, 'channel');
  requireColour(colour);
  const taken = new Set(map.channels.map((c) => c.id));
  if (id !== undefined) requireUsableId(id, taken);
  const slug = clean.toLocaleLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  const channel: Channel = { id: id ?? (slug !== '' && !taken.has(slug) && !RESERVED_IDS.includes(slug) ? slug : freshId('channel', taken)), name: clean };
  if (colour !== undefined) channel.colour = colour;
  map.channels.push(channel);
  return channel.id;
}

export function renameChannel(map: JourneyMap, id: string, name: string): void {
  const channel = map.channels[channelIndex(map, id)];
  const clean = cleanName(name, 'channel');
  if (clean === channel.name) return;
  requireUniqueName(map.channels, clean, 'channel', id);
  channel.name = clean;
}

export function setChannelColour(map: JourneyMap, id: string, colour: string | undefined): void {
  const channel = map.channels[channelIndex(map, id)];
  requireColour(colour);
  if (colour === channel.colour) return;
  if (colour === undefined) delete channel.colour;
  else channel.colour = colour;
}

export function nodesOnChannel(map: JourneyMap, id: string): string[] {
  return map.nodes.filter((n) => n.channel === id).map((n) => n.id);
}

/**
 * Deletes a channel. One in use needs `replacement`: another channel's id, or null for "no channel";
 * its touchpoints move to it in the same step.
 */
export function removeChannel(map: JourneyMap, id: string, replacement?: string | null): void {
  const i = channelIndex(map, id);
  if (replacement === id) fail('Choose another channel for its touchpoints');
  if (typeof replacement === 'string') channelIndex(map, replacement);
  const users = nodesOnChannel(map, id);
  if (users.length > 0 && replacement === undefined) {
    fail(`Channel "${map.channels[i].name}" is used by ${users.length} node${users.length === 1 ? '' : 's'}: choose a replacement first`);
  }
  for (const node of map.nodes) {
    if (node.channel !== id) continue;
    if (replacement) node.channel = replacement;
    else delete node.channel;
  }
  map.channels = map.channels.filter((c) => c.id !== id);
}
