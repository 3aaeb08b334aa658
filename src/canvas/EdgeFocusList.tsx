/**
 * The edges for the keyboard and screen readers: one focusable stand-in per edge, named "Product page to
 * Cart, 60%". React Flow draws its edge layer before its cards, so its own focusable edges came before every
 * card in the Tab order, named by internal ids. These stand-ins sit after the viewport instead (the canvas
 * renders this list as a child of React Flow), so Tab goes through every card first and then the edges; the
 * SVG edges themselves stay for the mouse and are hidden from assistive technology (flowMapping).
 *
 * The stand-ins are visually hidden: the edge a stand-in stands for is drawn highlighted while it has focus
 * (JourneyEdge reads edgeFocus), and the view moves to it when it is off screen.
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { memo, useEffect, useId, useMemo, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { editorActions, useEditor } from '../store/editorStore';
import { viewedMap } from '../store/selectors';
import { setFocusedEdge, useEdgeFocus } from './edgeFocus';
import { namedEdges } from './edgeNames';

const STAND_IN = 'data-edge-stand-in';

export function EdgeFocusList() {
  const map = useEditor((s) => s.map);
  const viewed = useEditor(viewedMap);
  const selected = useEditor(useShallow((s) => s.selection.edges));
  const edges = useMemo(() => namedEdges(map, viewed), [map, viewed]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const hintId = useId();
  return (
    <div className="jd-edge-stand-ins">
      <p id={hintId}>Enter or Space selects the connection or clears its selection; Delete removes it.</p>
      {edges.map((edge) => (
        <EdgeStandIn key={edge.id} id={edge.id} source={edge.source} target={edge.target} name={edge.name} selected={selectedSet.has(edge.id)} hintId={hintId} />
      ))}
    </div>
  );
}

interface StandInProps {
  id: string;
  source: string;
  target: string;
  name: string;
  selected: boolean;
  hintId: string;
}

const EdgeStandIn = memo(function EdgeStandIn({ id, source, target, name, selected, hintId }: StandInProps) {
  const showEdge = useShowEdge();
  // A stand-in removed while it has focus gets no blur event: its edge must not stay highlighted (after an undo).
  useEffect(
    () => () => {
      if (useEdgeFocus.getState().id === id) setFocusedEdge(null);
    },
    [id],
  );
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Escape' && selected) {
      event.preventDefault();
      const selection = useEditor.getState().selection;
      editorActions.select({ ...selection, edges: selection.edges.filter((e) => e !== id) });
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      // This edge only, whatever else is selected; React Flow's own delete key (on the document) must not also run.
      event.preventDefault();
      event.stopPropagation();
      const list = event.currentTarget.parentElement;
      const next = event.currentTarget.nextElementSibling ?? event.currentTarget.previousElementSibling;
      const nextId = next?.getAttribute(STAND_IN);
      editorActions.removeElements([], [id]);
      // The stand-in goes with its edge: focus moves on to the next edge, or back to the source's card.
      requestAnimationFrame(() => {
        const stand = nextId ? list?.querySelector<HTMLElement>(`[${STAND_IN}="${CSS.escape(nextId)}"]`) : null;
        (stand ?? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(source)}"]`))?.focus();
      });
    }
  };
  return (
    <button
      type="button"
      {...{ [STAND_IN]: id }}
      aria-roledescription="edge"
      aria-describedby={hintId}
      aria-pressed={selected}
      onClick={() => {
        const selection = useEditor.getState().selection;
        editorActions.select(selected ? { ...selection, edges: selection.edges.filter((e) => e !== id) } : { nodes: [], edges: [id] });
      }}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        setFocusedEdge(id);
        if (event.currentTarget.matches(':focus-visible')) showEdge(source, target);
      }}
      onBlur={() => setFocusedEdge(null)}
    >
      {name}
    </button>
  );
});

/** Centres the view between the edge's cards when that point is off screen (React Flow does so for cards). */
function useShowEdge(): (source: string, target: string) => void {
  const flow = useReactFlow();
  const store = useStoreApi();
  return (source, target) => {
    const a = flow.getInternalNode(source);
    const b = flow.getInternalNode(target);
    if (!a || !b) return;
    const centre = (n: typeof a) => ({
      x: n.internals.positionAbsolute.x + (n.measured.width ?? 0) / 2,
      y: n.internals.positionAbsolute.y + (n.measured.height ?? 0) / 2,
    });
    const [p, q] = [centre(a), centre(b)];
    const x = (p.x + q.x) / 2;
    const y = (p.y + q.y) / 2;
    const { transform, width, height } = store.getState();
    const [tx, ty, zoom] = transform;
    const sx = x * zoom + tx;
    const sy = y * zoom + ty;
    if (sx >= 0 && sx <= width && sy >= 0 && sy <= height) return;
    void flow.setCenter(x, y, { zoom });
  };
}

export default EdgeFocusList;
