/**
 * Format version 1 → 2. Version 2 adds sticky notes, stage and channel colours and stage widths, bounds
 * coordinates, and makes stage and channel names unique and non-empty (they name controls on the canvas).
 * The upgrade keeps a version 1 map's meaning: the same nodes, edges, weights and simulation settings; the
 * seven built-in channels get the palette colours that stand in for the ones version 1 drew them in. Only
 * what version 2 would refuse is repaired, and every repair is named in a warning. Frozen: it must never
 * change, since files and stored maps of version 1 exist.
 */
import type { MapDocument, Migration } from '../migrations';

const V1_CHANNEL_COLOURS: Readonly<Record<string, string>> = {
  website: '#1d4ed8',
  'mobile-app': '#7e22ce',
  store: '#a16207',
  phone: '#0f766e',
  email: '#be185d',
  social: '#c2410c',
  chat: '#15803d',
};

/** Fields version 2 defines that version 1 did not: in a version 1 file they were unknown, so ignored. */
const V2_ONLY_FIELDS = { stages: ['colour', 'width'], channels: ['colour'] } as const;

const NAME_LIMIT = 80;
const COORDINATE_LIMIT = 10_000_000;
const LISTED = 5;

type Item = Record<string, unknown>;

function isObject(value: unknown): value is Item {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** "a, b, c" with at most LISTED entries, then "and N more". */
function list(items: readonly string[]): string {
  const more = items.length > LISTED ? ` and ${items.length - LISTED} more` : '';
  return `${items.slice(0, LISTED).join(', ')}${more}`;
}

/** The first `max` UTF-16 units of `text`, never splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** A name as it may appear in a warning: quoted, and cut short when long. */
const quoted = (name: string) => `"${name.length > 40 ? `${clip(name, 40)}…` : name}"`;

/** How version 2 compares names: case-insensitive, ignoring surrounding space (crossReferences.ts). */
const nameKey = (name: string) => name.trim().toLocaleLowerCase();

interface Renamed {
  from: string;
  to: string;
}

/**
 * Keeps every name version 2 accepts (non-blank, at most 80 characters, the first of its spelling) and
 * renames only the others, to a name no other item holds: blank → "Stage 3", repeated → "Awareness (2)",
 * too long → its first 80 characters.
 */
function repairNames(items: readonly unknown[], fallback: string): { items: unknown[]; renamed: Renamed[] } {
  const used = new Set<string>();
  const keeps = items.map((item) => {
    if (!isObject(item) || typeof item.name !== 'string') return true; // not a name to repair: validation reports it
    const { name } = item;
    if (name.trim() === '' || name.length > NAME_LIMIT || used.has(nameKey(name))) return false;
    used.add(nameKey(name));
    return true;
  });
  const renamed: Renamed[] = [];
  const repaired = items.map((item, i) => {
    if (keeps[i] || !isObject(item)) return item;
    const from = item.name as string;
    const base = from.trim() === '' ? `${fallback} ${i + 1}` : clip(from.trim(), NAME_LIMIT).trimEnd();
    let name = base;
    for (let n = 2; used.has(nameKey(name)); n++) {
      const suffix = ` (${n})`;
      name = `${clip(base, NAME_LIMIT - suffix.length).trimEnd()}${suffix}`;
    }
    used.add(nameKey(name));
    renamed.push({ from, to: name });
    return { ...item, name };
  });
  return { items: repaired, renamed };
}

/** Drops the fields version 1 did not define from each item, returning the paths dropped. */
function withoutV2Fields(items: readonly unknown[], where: keyof typeof V2_ONLY_FIELDS, dropped: string[]): unknown[] {
  return items.map((item, i) => {
    if (!isObject(item)) return item;
    const fields = V2_ONLY_FIELDS[where].filter((field) => Object.hasOwn(item, field));
    if (fields.length === 0) return item;
    const copy: Item = { ...item };
    for (const field of fields) {
      delete copy[field];
      dropped.push(`${where}[${i}].${field}`);
    }
    return copy;
  });
}

const clampCoordinate = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(-COORDINATE_LIMIT, Math.min(COORDINATE_LIMIT, value)) : value;

/** Version 1 accepted any finite position; version 2 keeps positions within ±10,000,000 px. */
function clampPosition(node: unknown): unknown {
  if (!isObject(node) || !isObject(node.position)) return node;
  const { x, y } = node.position;
  if (clampCoordinate(x) === x && clampCoordinate(y) === y) return node;
  return { ...node, position: { ...node.position, x: clampCoordinate(x), y: clampCoordinate(y) } };
}

const WEIGHT_LIMIT = 1_000_000_000;
const isBigNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > WEIGHT_LIMIT;

/**
 * Version 2 bounds weights and shares at 1e9. Both are relative (among one node's ways out; among the
 * entries), so dividing a whole group by the same factor keeps every probability: the meaning is unchanged.
 * Returns the rescaled list and how many groups were rescaled.
 */
function rescaleGroups(items: readonly unknown[], field: 'weight' | 'share', groupOf: (item: Item) => string | null): { items: unknown[]; groups: number } {
  const largest = new Map<string, number>();
  for (const item of items) {
    if (!isObject(item) || !isBigNumber(item[field])) continue;
    const group = groupOf(item);
    if (group !== null) largest.set(group, Math.max(largest.get(group) ?? 0, item[field] as number));
  }
  if (largest.size === 0) return { items: items as unknown[], groups: 0 };
  const rescaled = items.map((item) => {
    if (!isObject(item) || typeof item[field] !== 'number') return item;
    const group = groupOf(item);
    const max = group === null ? undefined : largest.get(group);
    if (max === undefined) return item;
    // The largest becomes exactly the limit; a tiny value never becomes 0 (0 would mean "never").
    const value = Math.max(Number.MIN_VALUE, ((item[field] as number) / max) * WEIGHT_LIMIT);
    return { ...item, [field]: value };
  });
  return { items: rescaled, groups: largest.size };
}

const isSelfLoop = (edge: unknown) => isObject(edge) && typeof edge.source === 'string' && edge.source === edge.target;

/** The upgraded document and, in words, everything the upgrade had to change in it. */
function upgrade(doc: MapDocument): { doc: Record<string, unknown>; warnings: string[] } {
  // Lists that are not lists are left as they are, for validation to refuse with its usual words.
  const out: Record<string, unknown> = { ...doc, notes: [] };
  const warnings: string[] = [];
  const dropped: string[] = [];
  if (Object.hasOwn(doc, 'notes')) dropped.push('notes');

  if (Array.isArray(doc.stages)) {
    const repair = repairNames(withoutV2Fields(doc.stages, 'stages', dropped), 'Stage');
    out.stages = repair.items;
    if (repair.renamed.length > 0) warnings.push(renamedWarning(repair.renamed, 'stage'));
  }

  if (Array.isArray(doc.channels)) {
    const coloured = withoutV2Fields(doc.channels, 'channels', dropped).map((c) =>
      isObject(c) && typeof c.id === 'string' && Object.hasOwn(V1_CHANNEL_COLOURS, c.id) ? { ...c, colour: V1_CHANNEL_COLOURS[c.id] } : c,
    );
    const repair = repairNames(coloured, 'Channel');
    out.channels = repair.items;
    if (repair.renamed.length > 0) warnings.push(renamedWarning(repair.renamed, 'channel'));
  }
  if (dropped.length > 0) {
    warnings.unshift(`Ignored ${dropped.length === 1 ? 'a field' : `${dropped.length} fields`} that format version 1 did not define: ${list(dropped)}.`);
  }

  if (Array.isArray(doc.nodes)) {
    const moved: string[] = [];
    out.nodes = doc.nodes.map((node: unknown) => {
      const clamped = clampPosition(node);
      if (clamped !== node) moved.push(String((node as Item).id));
      return clamped;
    });
    if (moved.length > 0) {
      warnings.push(
        `Moved ${moved.length === 1 ? 'a node' : `${moved.length} nodes`} lying more than 10,000,000 px from the origin to that limit (${list(moved)}).`,
      );
    }
  }

  if (Array.isArray(out.nodes)) {
    const shares = rescaleGroups(out.nodes as unknown[], 'share', (node) => (node.kind === 'entry' ? 'entries' : null));
    out.nodes = shares.items;
    if (shares.groups > 0) warnings.push(`Scaled the entry shares down to at most ${WEIGHT_LIMIT.toLocaleString('en')}; each entry keeps its share of customers.`);
  }

  // A node leading to itself was never drawable in version 1's editor; version 2 refuses it everywhere.
  if (Array.isArray(doc.edges)) {
    const loops = doc.edges.filter(isSelfLoop).map((e) => String((e as Item).id));
    const weights = rescaleGroups(
      doc.edges.filter((e: unknown) => !isSelfLoop(e)),
      'weight',
      (edge) => (typeof edge.source === 'string' ? edge.source : null),
    );
    out.edges = weights.items;
    if (weights.groups > 0) {
      warnings.push(
        `Scaled the edge weights out of ${weights.groups === 1 ? 'a node' : `${weights.groups} nodes`} down to at most ${WEIGHT_LIMIT.toLocaleString('en')}; every way out keeps its share of customers.`,
      );
    }
    if (loops.length > 0) {
      warnings.push(
        `Removed ${loops.length === 1 ? 'an edge' : `${loops.length} edges`} leading from a node to itself (${list(loops)}): maps no longer allow them.`,
      );
    }
  }

  return { doc: out, warnings };
}

function renamedWarning(renamed: readonly Renamed[], what: 'stage' | 'channel'): string {
  const many = renamed.length === 1 ? `a ${what}` : `${renamed.length} ${what}s`;
  const pairs = renamed.map(({ from, to }) => `${quoted(from)} → ${quoted(to)}`);
  return `Renamed ${many} whose name was blank, longer than ${NAME_LIMIT} characters or already taken: ${list(pairs)}.`;
}

export const version1To2: Migration = {
  from: 1,
  summary: 'sticky notes, stage and channel colours were added; the map means the same as before.',
  warnings: (doc) => upgrade(doc).warnings,
  up: (doc) => upgrade(doc).doc,
};
