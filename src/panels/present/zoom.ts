/**
 * Zooming the presentation's picture: each step names a part of the map (all of it, a stage's column, a
 * touchpoint with room around it), and the SVG's viewBox moves there. No canvas library: the picture is
 * one SVG, and a viewBox change repaints it sharp at any scale.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Box, MapPicture } from '../../render/mapSvg';
import type { PresentationStep } from './steps';

/** What the zoom needs of a rendered map. */
export type MapPictureBoxes = Pick<MapPicture, 'svg' | 'width' | 'height' | 'nodes' | 'stages'>;

const ZOOM_MS = 550;
/** Room around a stage's column, as a share of its width. */
const STAGE_MARGIN = 0.08;
/** Room around a touchpoint, in picture units: enough to see where customers come from and go to. */
const NODE_MARGIN_X = 260;
const NODE_MARGIN_Y = 170;

/** The picture's own viewBox (the whole map), or its size from the origin when it has none. */
export function wholeBox(picture: Pick<MapPictureBoxes, 'svg' | 'width' | 'height'>): Box {
  const match = /<svg\b[^>]*?\sviewBox="([^"]+)"/.exec(picture.svg);
  const values = match ? match[1].trim().split(/[\s,]+/).map(Number) : [];
  if (values.length === 4 && values.every(Number.isFinite) && values[2] > 0 && values[3] > 0) {
    return { x: values[0], y: values[1], width: values[2], height: values[3] };
  }
  return { x: 0, y: 0, width: picture.width, height: picture.height };
}

function grow(box: Box, dx: number, dy: number): Box {
  return { x: box.x - dx, y: box.y - dy, width: box.width + 2 * dx, height: box.height + 2 * dy };
}

/** Where a step looks: the whole map, a stage's column or a touchpoint (the whole map when the part is missing). */
export function zoomTarget(picture: MapPictureBoxes, step: PresentationStep): Box {
  if (step.kind === 'stage') {
    const stage = picture.stages[step.stageId];
    // A column is tall and a screen is wide: framed from its header to the lowest card of the whole map
    // (the same for every stage, so stepping pans), it comes out larger than framed whole.
    const bottom = Math.max(...Object.values(picture.nodes).map((n) => n.y + n.height));
    if (stage && Number.isFinite(bottom) && bottom > stage.y) {
      const margin = stage.width * STAGE_MARGIN;
      return { x: stage.x - margin, y: stage.y - margin / 2, width: stage.width + 2 * margin, height: bottom - stage.y + margin };
    }
    if (stage) return grow(stage, stage.width * STAGE_MARGIN, stage.width * STAGE_MARGIN);
  } else if (step.kind === 'hotspot') {
    const node = picture.nodes[step.nodeId];
    if (node) return grow(node, NODE_MARGIN_X, NODE_MARGIN_Y);
  }
  return wholeBox(picture);
}

export const boxText = (b: Box): string => `${round(b.x)} ${round(b.y)} ${round(b.width)} ${round(b.height)}`;
const round = (v: number) => Math.round(v * 100) / 100;

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

/** Between two boxes; the size moves geometrically, so a deep zoom does not rush at its end. */
export function between(from: Box, to: Box, t: number): Box {
  const width = from.width * (to.width / from.width) ** t;
  const height = from.height * (to.height / from.height) ** t;
  const cx = from.x + from.width / 2 + (to.x + to.width / 2 - from.x - from.width / 2) * t;
  const cy = from.y + from.height / 2 + (to.y + to.height / 2 - from.y - from.height / 2) * t;
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

/**
 * Shows `svg` in the returned element and moves its viewBox to `target`: animated from where it was (also
 * across a new picture, e.g. with another touchpoint highlighted), at once when the user prefers reduced
 * motion. The picture goes into a shadow root: its stylesheet (text{…}, short class names) stays its own
 * instead of applying to the whole page.
 */
export function useViewBoxZoom(svg: string, target: Box) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<Box | null>(null);
  const injected = useRef<string | null>(null);
  const key = boxText(target);
  useLayoutEffect(() => {
    const host = ref.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    if (injected.current !== svg) {
      root.innerHTML = `<style>:host{display:block}svg{display:block;width:100%;height:100%}</style>${svg}`;
      injected.current = svg;
    }
    const element = root.querySelector('svg');
    if (!element) return;
    element.setAttribute('width', '100%');
    element.setAttribute('height', '100%');
    element.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    const apply = (box: Box) => {
      shown.current = box;
      element.setAttribute('viewBox', boxText(box));
    };
    const from = shown.current;
    const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!from || reduced || boxText(from) === key) {
      apply(target);
      return;
    }
    apply(from);
    const start = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const t = Math.min(1, (now - start) / ZOOM_MS);
      apply(t >= 1 ? target : between(from, target, ease(t)));
      if (t < 1) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
    // `target` is read through its text: a new object with the same box is no new zoom.
  }, [svg, key]);
  return ref;
}
