/**
 * "Tidy layout": arranges the nodes in their stage columns with few crossings and no overlaps, as one undo
 * step. The layered layout (elkjs) is loaded on first use, so it costs nothing until then.
 */
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { NODE_HEIGHT_ESTIMATE } from '../domain/edits';
import { NODE_WIDTH, stageBands } from '../domain/layout';
import type { JourneyMap } from '../domain/types';
import { editorActions, useEditor } from '../store/editorStore';
import type { TidyInput } from '../layout/tidy';

/** Each node's stage, or for a node outside every band, the nearest band's. */
function tidyInput(map: JourneyMap, sizeOf: (id: string) => { width: number; height: number } | undefined): TidyInput {
  const bands = stageBands(map);
  const nearest = (x: number) => {
    let best = bands[0];
    for (const band of bands) if (Math.abs(band.x + band.width / 2 - x) < Math.abs(best.x + best.width / 2 - x)) best = band;
    return best.id;
  };
  return {
    stages: map.stages.map((s) => ({ id: s.id })),
    nodes: map.nodes.map((n) => {
      const size = sizeOf(n.id);
      return {
        id: n.id,
        stage: n.stage !== undefined && bands.some((b) => b.id === n.stage) ? n.stage : nearest(n.position.x + NODE_WIDTH / 2),
        width: size?.width ?? NODE_WIDTH,
        height: size?.height ?? NODE_HEIGHT_ESTIMATE[n.kind],
      };
    }),
    edges: map.edges.map((e) => ({ source: e.source, target: e.target })),
  };
}

export function TidyLayoutButton({ onDone }: { onDone: () => void }) {
  const flow = useReactFlow();
  const [busy, setBusy] = useState(false);
  const empty = useEditor((s) => s.map.nodes.length === 0 || s.map.stages.length === 0);

  const tidy = async () => {
    setBusy(true);
    try {
      const { tidyLayout } = await import('../layout/tidy');
      const map = useEditor.getState().map;
      const result = await tidyLayout(tidyInput(map, (id) => flow.getInternalNode(id)?.measured as { width: number; height: number } | undefined));
      // The map may have changed while the layout ran: apply only to nodes that still exist.
      const now = useEditor.getState().map;
      const ids = new Set(now.nodes.map((n) => n.id));
      const positions = Object.fromEntries(Object.entries(result.positions).filter(([id]) => ids.has(id)));
      const widths = Object.fromEntries(Object.entries(result.stageWidths).filter(([id]) => now.stages.some((s) => s.id === id)));
      if (editorActions.applyLayout(positions, widths)) {
        editorActions.notify('info', 'Tidied the layout. Undo (Ctrl+Z) puts everything back.', { id: 'tidy' });
        requestAnimationFrame(onDone);
      }
    } catch (error) {
      editorActions.notify('error', `The layout could not be tidied: ${error instanceof Error ? error.message : String(error)}`, { id: 'tidy', dismissable: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" className="jd-button" onClick={() => void tidy()} disabled={busy || empty} title="Arrange the nodes in their stage columns with few crossings">
      {busy ? 'Tidying…' : 'Tidy layout'}
    </button>
  );
}
