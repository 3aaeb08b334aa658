/**
 * The far view of a big map (FarView.tsx): below FAR_VIEW_ZOOM, a map of FAR_VIEW_MIN_CARDS cards or more is
 * drawn as one picture instead of thousands of React Flow cards, whose DOM (layout, paint, the compositor's
 * layering) costs hundreds of ms a frame once every card is on screen. At that zoom a card is a few pixels
 * tall and its text unreadable anyway: the picture shows the cards' places, channel colours, heat and the
 * connections, and a click picks a card. Pure: no React, no DOM; the component draws what `farScene` returns.
 */
import { NODE_WIDTH } from '../../domain/layout';
import type { JourneyMap } from '../../domain/types';
import { boxOf, type CardSizes } from './farZoom';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FarCard {
  id: string;
  kind: 'entry' | 'touchpoint' | 'outcome' | 'note';
  /** Screen box (px, relative to the canvas). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Fill and left border (channel) colours. */
  fill: string;
  border: string;
  selected: boolean;
  /** A path is highlighted (results' top paths) and this card is not on it: drawn faint, as on the canvas. */
  offPath: boolean;
}

export interface FarLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** A step of the highlighted path. */
  onPath: boolean;
}

export interface FarSceneInput {
  map: Pick<JourneyMap, 'nodes' | 'notes' | 'edges' | 'channels'>;
  viewport: Viewport;
  size: { width: number; height: number };
  /** Measured card sizes (flow px) where React Flow has them. */
  sizes?: CardSizes;
  selected: ReadonlySet<string>;
  /** Node id → fill colour (heat), when the heatmap is on. */
  heat?: (id: string) => string | undefined;
  neutral: string;
  /** The highlighted path's node ids, in order (null when none is). */
  path?: readonly string[] | null;
}

/** What the far view draws: the cards and connections that touch the screen, in screen coordinates. */
export function farScene({ map, viewport, size, sizes, selected, heat, neutral, path = null }: FarSceneInput): { cards: FarCard[]; lines: FarLine[] } {
  const { x: tx, y: ty, zoom } = viewport;
  const onPath = path && new Set(path);
  const steps = path && new Set(path.slice(1).map((id, i) => `${path[i]}\u0000${id}`));
  const channelColour = new Map(map.channels.map((c) => [c.id, c.colour ?? neutral]));
  const screen = new Map<string, { x: number; y: number; width: number; height: number }>();
  const cards: FarCard[] = [];
  const onScreen = (b: { x: number; y: number; width: number; height: number }) => b.x < size.width && b.y < size.height && b.x + b.width > 0 && b.y + b.height > 0;
  for (const node of map.nodes) {
    const flow = boxOf(node.id, node.position.x, node.position.y, NODE_WIDTH, sizes);
    const b = { x: tx + flow.x * zoom, y: ty + flow.y * zoom, width: flow.width * zoom, height: flow.height * zoom };
    screen.set(node.id, b);
    if (!onScreen(b)) continue;
    const border = node.kind === 'touchpoint' ? (node.channel !== undefined ? (channelColour.get(node.channel) ?? neutral) : neutral) : node.kind === 'entry' ? '#6366f1' : '#0f766e';
    const fill = heat?.(node.id) ?? (node.kind === 'entry' ? '#eef2ff' : node.kind === 'outcome' ? (node.result === 'failure' ? '#fef2f2' : '#ecfdf5') : '#ffffff');
    cards.push({ id: node.id, kind: node.kind, ...b, fill, border, selected: selected.has(node.id), offPath: onPath !== null && !onPath.has(node.id) });
  }
  for (const note of map.notes) {
    const flow = boxOf(note.id, note.position.x, note.position.y, note.width ?? NODE_WIDTH, sizes);
    const b = { x: tx + flow.x * zoom, y: ty + flow.y * zoom, width: flow.width * zoom, height: flow.height * zoom };
    if (onScreen(b)) cards.push({ id: note.id, kind: 'note', ...b, fill: '#fef3c7', border: '#f59e0b', selected: selected.has(note.id), offPath: onPath !== null });
  }
  const lines: FarLine[] = [];
  for (const edge of map.edges) {
    const s = screen.get(edge.source), t = screen.get(edge.target);
    if (!s || !t) continue;
    // From the source's right side to the target's left side, as the canvas draws connections.
    const line = { x0: s.x + s.width, y0: s.y + s.height / 2, x1: t.x, y1: t.y + t.height / 2, onPath: steps !== null && steps.has(`${edge.source}\u0000${edge.target}`) };
    if (Math.max(line.x0, line.x1) < 0 || Math.min(line.x0, line.x1) > size.width || Math.max(line.y0, line.y1) < 0 || Math.min(line.y0, line.y1) > size.height) continue;
    lines.push(line);
  }
  return { cards, lines };
}
