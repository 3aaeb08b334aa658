/**
 * The mini map: every card as a small rectangle and the view as a window in a grey veil; drag in it to pan,
 * use the wheel on it to zoom. React Flow's MiniMap runs a store selector per node and redraws its whole SVG on
 * every pan step. Here the cards are drawn as one path per colour, again only when a card moves, is measured or
 * the map changes, and a pan step only moves the view window, a composited element of its own.
 */
import { Panel, useReactFlow, useStore as useFlowStore, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, type PointerEvent as ReactPointerEvent } from 'react';

const WIDTH = 200;
const HEIGHT = 150;
/** Room around the content, in mini map pixels (as React Flow's offsetScale). */
const MARGIN = 5;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Ink = 'entry' | 'outcome' | 'other';
const INKS: readonly Ink[] = ['other', 'entry', 'outcome'];

interface Drawing {
  /** The cards' extent, null without cards. */
  bounds: Box | null;
  paths: Record<Ink, string>;
}

function drawCards(lookup: ReadonlyMap<string, InternalNode>): Drawing {
  const paths: Record<Ink, string[]> = { other: [], entry: [], outcome: [] };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of lookup.values()) {
    if (node.hidden) continue;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? node.width ?? node.initialWidth ?? 0;
    const height = node.measured.height ?? node.height ?? node.initialHeight ?? 0;
    const ink: Ink = node.type === 'entry' || node.type === 'outcome' ? node.type : 'other';
    paths[ink].push(`M${x} ${y}h${width}v${height}h${-width}z`);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + width);
    maxY = Math.max(maxY, y + height);
  }
  return {
    bounds: minX <= maxX ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null,
    paths: { other: paths.other.join(''), entry: paths.entry.join(''), outcome: paths.outcome.join('') },
  };
}

/** What the canvas shows, in flow coordinates. */
function viewOf(s: ReactFlowState): Box {
  const [x, y, zoom] = s.transform;
  return { x: -x / zoom, y: -y / zoom, width: s.width / zoom, height: s.height / zoom };
}

/**
 * The part of the flow the mini map shows, with the mini map's own proportions: the cards and the view,
 * centred, MARGIN pixels clear of its edges.
 */
function frameOf(bounds: Box | null, view: Box): Box {
  const x0 = bounds ? Math.min(bounds.x, view.x) : view.x;
  const y0 = bounds ? Math.min(bounds.y, view.y) : view.y;
  const x1 = bounds ? Math.max(bounds.x + bounds.width, view.x + view.width) : view.x + view.width;
  const y1 = bounds ? Math.max(bounds.y + bounds.height, view.y + view.height) : view.y + view.height;
  const flowPerPixel = Math.max((x1 - x0) / (WIDTH - 2 * MARGIN), (y1 - y0) / (HEIGHT - 2 * MARGIN));
  const width = flowPerPixel * WIDTH;
  const height = flowPerPixel * HEIGHT;
  return { x: (x0 + x1) / 2 - width / 2, y: (y0 + y1) / 2 - height / 2, width, height };
}

const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** The view as a window in the veil; re-renders on every pan step, and moves by its transform only. */
const ViewWindow = memo(function ViewWindow({ frame }: { frame: Box }) {
  const view = useFlowStore(viewOf, sameBox);
  const scale = WIDTH / frame.width;
  const left = (view.x - frame.x) * scale;
  const top = (view.y - frame.y) * scale;
  return <div className="jd-minimap__view" style={{ transform: `translate(${left}px, ${top}px)`, width: view.width * scale, height: view.height * scale }} />;
});

const selectNodes = (s: ReactFlowState) => s.nodes;
const selectLookup = (s: ReactFlowState) => s.nodeLookup;

interface JourneyMiniMapProps {
  label: string;
  /** Changes whenever cards were measured (React Flow's lookup has the sizes). */
  cardSizes: number;
}

export const JourneyMiniMap = memo(function JourneyMiniMap({ label, cardSizes }: JourneyMiniMapProps) {
  // `nodes` (a new array whenever a card moves or the map changes) and `cardSizes` say when to draw again;
  // the lookup, one Map that React Flow changes in place, holds what to draw.
  const nodes = useFlowStore(selectNodes);
  const lookup = useFlowStore(selectLookup);
  const drawing = useMemo(() => drawCards(lookup), [nodes, cardSizes, lookup]);
  const frame = useFlowStore(useCallback((s: ReactFlowState) => frameOf(drawing.bounds, viewOf(s)), [drawing]), sameBox);
  const flow = useReactFlow();
  const panel = useRef<HTMLDivElement>(null);
  const grab = useRef<{ x: number; y: number } | null>(null);

  // Dragging in the mini map drags the view window along with the pointer.
  const onPointerDown = (event: ReactPointerEvent) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    grab.current = { x: event.clientX, y: event.clientY };
  };
  const onPointerMove = (event: ReactPointerEvent) => {
    if (!grab.current) return;
    const { x, y, zoom } = flow.getViewport();
    const flowPerPixel = frame.width / WIDTH;
    const dx = (event.clientX - grab.current.x) * flowPerPixel * zoom;
    const dy = (event.clientY - grab.current.y) * flowPerPixel * zoom;
    grab.current = { x: event.clientX, y: event.clientY };
    void flow.setViewport({ x: x - dx, y: y - dy, zoom });
  };
  const onPointerUp = () => {
    grab.current = null;
  };

  // The wheel zooms the canvas; a listener of its own, as React's wheel listeners cannot stop the page scrolling.
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const perPixel = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
      void flow.zoomTo(flow.getZoom() * Math.pow(2, -event.deltaY * perPixel));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [flow]);

  return (
    <Panel position="bottom-right" className="react-flow__minimap jd-minimap" style={{ width: WIDTH, height: HEIGHT }}>
      <div ref={panel} className="jd-minimap__surface" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}>
        <svg width={WIDTH} height={HEIGHT} viewBox={`${frame.x} ${frame.y} ${frame.width} ${frame.height}`} role="img" aria-label={label}>
          {INKS.map((ink) => drawing.paths[ink] && <path key={ink} className={`jd-minimap__cards jd-minimap__cards--${ink}`} d={drawing.paths[ink]} />)}
        </svg>
        <ViewWindow frame={frame} />
      </div>
    </Panel>
  );
});
