/**
 * Copy, cut, paste and duplicate. A fragment is a small journey map: the copied nodes and sticky notes,
 * the edges between them, and the stages and channels they refer to. It travels through the system
 * clipboard as a map file, so pasting into another map (or another app) is an import like any other.
 */
import { allIds, createMap, requireFinitePosition } from './edits';
import { freshId } from './ids';
import { stageBands, stageForPosition } from './layout';
import type { Channel, JourneyMap, Position } from './types';

/** The selected nodes and notes with the edges between them. Returns null when nothing is selected. */
export function extractFragment(map: JourneyMap, ids: readonly string[]): JourneyMap | null {
  const wanted = new Set(ids);
  const nodes = map.nodes.filter((n) => wanted.has(n.id));
  const notes = map.notes.filter((n) => wanted.has(n.id));
  if (nodes.length === 0 && notes.length === 0) return null;
  const inside = new Set(nodes.map((n) => n.id));
  const edges = map.edges.filter((e) => inside.has(e.source) && inside.has(e.target));
  const channelIds = new Set(nodes.map((n) => n.channel));
  return createMap({
    id: map.id,
    name: map.name,
    // Every stage, so positions keep their meaning; only the channels in use.
    stages: map.stages.map((s) => ({ ...s })),
    channels: map.channels.filter((c) => channelIds.has(c.id)).map((c) => ({ ...c })),
    nodes: structuredClone(nodes),
    edges: structuredClone(edges),
    notes: structuredClone(notes),
  });
}

export interface PasteResult {
  /** Ids of the new nodes and notes, to select. */
  ids: string[];
  /** Channels that had to be added to the map (no channel of that id or name). */
  addedChannels: string[];
}

/**
 * Adds a fragment's nodes, edges and notes to the map under new ids, shifted by `offset`. Stages are matched
 * by id, then by name: a node keeps its place within its stage's column, even when the target map's bands
 * are elsewhere; a node whose stage the map lacks keeps its position. Channels are matched by id and name,
 * then by name; a channel the map lacks is added.
 */
export function pasteFragment(map: JourneyMap, fragment: JourneyMap, offset: Position): PasteResult {
  const sourceBands = new Map(stageBands(fragment).map((b) => [b.id, b]));
  const targetBands = stageBands(map);
  const stageFor = (stageId: string | undefined) => {
    if (stageId === undefined) return undefined;
    const name = fragment.stages.find((s) => s.id === stageId)?.name.toLocaleLowerCase();
    return targetBands.find((b) => b.id === stageId) ?? targetBands.find((b) => map.stages[b.index].name.toLocaleLowerCase() === name);
  };
  /** Where a pasted node lands: same place within its stage's column, then shifted by the offset. */
  const landing = (source: JourneyMap['nodes'][number]): Position => {
    const from = source.stage === undefined ? undefined : sourceBands.get(source.stage);
    const to = stageFor(source.stage);
    const x = from && to ? to.x + (source.position.x - from.x) : source.position.x;
    return { x: x + offset.x, y: source.position.y + offset.y };
  };
  // Refused before anything changes: every pasted position must stay within the canvas's bounds.
  for (const node of fragment.nodes) requireFinitePosition(landing(node));
  for (const note of fragment.notes) requireFinitePosition({ x: note.position.x + offset.x, y: note.position.y + offset.y });

  const taken = allIds(map);
  const fresh = (prefix: string) => {
    const id = freshId(prefix, taken);
    taken.add(id);
    return id;
  };
  const channelFor = new Map<string, string>();
  const addedChannels: string[] = [];
  const channelIdsTaken = new Set(map.channels.map((c) => c.id));
  for (const channel of fragment.channels) {
    const same = map.channels.find((c) => c.id === channel.id && c.name === channel.name) ??
      map.channels.find((c) => c.name.toLocaleLowerCase() === channel.name.toLocaleLowerCase());
    if (same) {
      channelFor.set(channel.id, same.id);
      continue;
    }
    const id = channelIdsTaken.has(channel.id) ? freshId('channel', channelIdsTaken) : channel.id;
    channelIdsTaken.add(id);
    const added: Channel = { ...channel, id };
    map.channels.push(added);
    addedChannels.push(added.name);
    channelFor.set(channel.id, id);
  }

  const ids: string[] = [];
  const nodeFor = new Map<string, string>();
  for (const source of fragment.nodes) {
    const node = structuredClone(source);
    node.id = fresh(node.kind === 'touchpoint' ? 'tp' : node.kind);
    nodeFor.set(source.id, node.id);
    node.position = landing(source);
    const stage = stageForPosition(map, node.position);
    if (stage === undefined) delete node.stage;
    else node.stage = stage;
    if (node.channel !== undefined) {
      const channel = channelFor.get(node.channel);
      if (channel === undefined) delete node.channel;
      else node.channel = channel;
    }
    const frictionIds = new Set<string>();
    for (const f of node.friction) {
      if (frictionIds.has(f.id)) f.id = freshId('f', frictionIds);
      frictionIds.add(f.id);
    }
    map.nodes.push(node);
    ids.push(node.id);
  }
  for (const source of fragment.edges) {
    const from = nodeFor.get(source.source);
    const to = nodeFor.get(source.target);
    if (from === undefined || to === undefined) continue;
    map.edges.push({ ...structuredClone(source), id: fresh('e'), source: from, target: to });
  }
  for (const source of fragment.notes) {
    const note = structuredClone(source);
    note.id = fresh('note');
    note.position = { x: source.position.x + offset.x, y: source.position.y + offset.y };
    map.notes.push(note);
    ids.push(note.id);
  }
  return { ids, addedChannels };
}
