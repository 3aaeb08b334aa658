/**
 * The far view's picture (farScene.ts): one <canvas> over the pane, redrawn when the viewport, the map, the
 * selection or the heat changes. It takes no pointer events: the pane under it pans and zooms as ever, and a
 * click on the pane picks the card under it (JourneyCanvas); Delete removes what is selected.
 */
import { useStore } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { editorActions, useEditor } from '../../store/editorStore';
import { isTextInput } from '../../ui/isTextInput';
import { activePersona } from '../../store/selectors';
import { useSimulation } from '../../store/simulationStore';
import { NEUTRAL_CHANNEL_COLOUR } from '../channelColour';
import { heatColour, heatView } from '../simulationOverlay';
import { farScene, type FarCard, type FarLine } from './farScene';

export function FarView({ sizes }: { sizes: ReadonlyMap<string, { width: number; height: number }> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [x, y, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const nodes = useEditor((s) => s.map.nodes);
  const notes = useEditor((s) => s.map.notes);
  const edges = useEditor((s) => s.map.edges);
  const channels = useEditor((s) => s.map.channels);
  const selection = useEditor((s) => s.selection.nodes);
  const persona = useEditor(activePersona);
  const heat = useSimulation((s) => heatView(s, persona)?.heat);
  const path = useSimulation((s) => s.highlightedPath);

  const scene = useMemo(
    () =>
      farScene({
        map: { nodes, notes, edges, channels },
        viewport: { x, y, zoom },
        size: { width, height },
        sizes,
        selected: new Set(selection),
        heat: heat && ((id) => (heat[id] ? heatColour(heat[id].level) : undefined)),
        neutral: NEUTRAL_CHANNEL_COLOUR,
        path,
      }),
    [nodes, notes, edges, channels, x, y, zoom, width, height, sizes, selection, heat, path],
  );

  // Delete (or Backspace) removes the selected cards, as on the cards themselves (React Flow's own key handling
  // has no cards to act on here).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.key !== 'Delete' && event.key !== 'Backspace') || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextInput(event.target) || (event.target instanceof Element && event.target.closest('dialog, [role="dialog"]'))) return;
      const { selection } = useEditor.getState();
      if (selection.nodes.length === 0 && selection.edges.length === 0) return;
      event.preventDefault();
      editorActions.removeElements(selection.nodes, selection.edges);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    if (element.width !== Math.round(width * ratio) || element.height !== Math.round(height * ratio)) {
      element.width = Math.round(width * ratio);
      element.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    // One path per colour rather than a call per card: thousands of cards draw in a few ms.
    const pathShown = scene.lines.some((line) => line.onPath);
    strokeLines(context, scene.lines, false, '#94a3b8', 1, pathShown ? 0.15 : 1);
    // Cards off a highlighted path are faint, as on the canvas; the rest as they are.
    for (const offPath of [true, false]) {
      const cards = scene.cards.filter((card) => card.offPath === offPath);
      context.globalAlpha = offPath ? 0.25 : 1;
      fillByColour(context, cards, (card) => card.fill, (card) => [card.x, card.y, card.width, card.height]);
      context.strokeStyle = '#cbd5e1';
      context.lineWidth = 1;
      context.beginPath();
      for (const card of cards) if (!card.selected) context.rect(card.x, card.y, card.width, card.height);
      context.stroke();
      // The channel's colour down the left side, as on the card.
      fillByColour(context, cards, (card) => card.border, (card) => [card.x, card.y, Math.max(1.5, card.width * 0.03), card.height]);
    }
    context.globalAlpha = 1;
    if (pathShown) strokeLines(context, scene.lines, true, '#f59e0b', 3, 1);
    context.strokeStyle = '#4f46e5';
    context.lineWidth = 3;
    context.beginPath();
    for (const card of scene.cards) if (card.selected) context.rect(card.x, card.y, card.width, card.height);
    context.stroke();
  }, [scene, width, height]);

  return (
    <canvas
      ref={canvas}
      className="jd-far-view"
      style={{ width, height }}
      role="img"
      aria-label={`Overview of ${nodes.length.toLocaleString('en')} cards: click one to select it, zoom in or use Find touchpoint to edit on the cards`}
    />
  );
}

/** The connections on the highlighted path (or the others), as one path. */
function strokeLines(context: CanvasRenderingContext2D, lines: readonly FarLine[], onPath: boolean, colour: string, width: number, alpha: number): void {
  context.globalAlpha = alpha;
  context.strokeStyle = colour;
  context.lineWidth = width;
  context.beginPath();
  for (const line of lines) {
    if (line.onPath !== onPath) continue;
    context.moveTo(line.x0, line.y0);
    context.lineTo(line.x1, line.y1);
  }
  context.stroke();
  context.globalAlpha = 1;
}

/** Fills each card's rectangle (`box`), one path per colour. */
function fillByColour(context: CanvasRenderingContext2D, cards: readonly FarCard[], colour: (card: FarCard) => string, box: (card: FarCard) => [number, number, number, number]): void {
  const byColour = new Map<string, FarCard[]>();
  for (const card of cards) {
    const key = colour(card);
    const group = byColour.get(key);
    if (group) group.push(card);
    else byColour.set(key, [card]);
  }
  for (const [fill, group] of byColour) {
    context.fillStyle = fill;
    context.beginPath();
    for (const card of group) context.rect(...box(card));
    context.fill();
  }
}
