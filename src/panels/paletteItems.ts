import type { Channel, NodeKind } from '../domain/types';

export interface PaletteItem {
  id: string;
  /** Accessible name and visible text: "Entry", "Outcome", or the channel's name. */
  name: string;
  kind: NodeKind;
  channel?: string;
}

/** Entry and Outcome, then a touchpoint per channel of the open map. */
export function paletteItems(channels: readonly Channel[]): PaletteItem[] {
  return [
    { id: 'entry', name: 'Entry', kind: 'entry' },
    ...channels.map((c) => ({ id: `channel:${c.id}`, name: c.name, kind: 'touchpoint' as const, channel: c.id })),
    { id: 'outcome', name: 'Outcome', kind: 'outcome' },
  ];
}
