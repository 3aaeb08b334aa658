/**
 * PNG and SVG of the whole journey for slides, with stage bands and score strips. The capture library is
 * loaded only when someone exports. Off-screen nodes are not rendered, so the view is fitted to the whole
 * journey for the capture and put back afterwards.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { viewportWithLane } from '../../canvas/emotion/laneBounds';
import { editorActions, useEditor } from '../../store/editorStore';
import { download, exportFileName } from './transfer';

export type ImageFormat = 'png' | 'svg';

const SKIP = ['react-flow__minimap', 'react-flow__controls', 'jd-notices', 'react-flow__handle', 'jd-stage__options', 'jd-stage-add'];
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export async function exportImage(format: ImageFormat, flow: Pick<ReactFlowInstance, 'getViewport' | 'setViewport'>, fitAll: () => void): Promise<void> {
  const target = document.querySelector<HTMLElement>('.jd-canvas .react-flow');
  if (!target) return;
  const before = flow.getViewport();
  try {
    const { domToPng, domToForeignObjectSvg } = await import('modern-screenshot');
    // The emotion curve lane lies under the cards, outside "the whole journey": fitted in too when shown.
    const withLane = viewportWithLane(target.getBoundingClientRect());
    if (withLane) void flow.setViewport(withLane);
    else fitAll();
    await nextFrame();
    await nextFrame();
    const options = {
      backgroundColor: '#f1f5f9',
      scale: format === 'png' ? 2 : 1,
      filter: (node: Node) => !(node instanceof Element && SKIP.some((c) => node.classList.contains(c))),
    };
    // SVG keeps text and shapes as they are (HTML inside a foreignObject), so it stays sharp at any size.
    const blob =
      format === 'png'
        ? await (await fetch(await domToPng(target, options))).blob()
        : new Blob([new XMLSerializer().serializeToString(await domToForeignObjectSvg(target, options))], { type: 'image/svg+xml' });
    download(blob, exportFileName(useEditor.getState().map.name).replace(/\.journey\.json$/, `.${format}`));
  } catch (error) {
    editorActions.notify('error', `The image could not be made: ${error instanceof Error ? error.message : String(error)}`, { id: 'image-export' });
  } finally {
    void flow.setViewport(before);
  }
}
