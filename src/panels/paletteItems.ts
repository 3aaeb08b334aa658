import type { Channel, NodeKind } from '../domain/types';

export interface PaletteItem {
  id: string;
  /** Accessible name and visible text: "Entry", "Outcome", the channel's name, or "Note". */
  name: string;
  /** A journey node kind, or a sticky note (not part of the journey). */
  kind: NodeKind | 'note';
  channel?: string;
  /** The channel's colour (`#rrggbb`), when it has one. */
  colour?: string;
}

/** Entry, a touchpoint per channel of the open map, Outcome, and a sticky note. */
export function paletteItems(channels: readonly Channel[]): PaletteItem[] {
  return [
    { id: 'entry', name: 'Entry', kind: 'entry' },
    ...channels.map(
      (c): PaletteItem => ({ id: `channel:${c.id}`, name: c.name, kind: 'touchpoint', channel: c.id, ...(c.colour !== undefined ? { colour: c.colour } : {}) }),
    ),
    { id: 'outcome', name: 'Outcome', kind: 'outcome' },
    { id: 'note', name: 'Note', kind: 'note' },
  ];
}
