import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Size {
  width: number;
  height: number;
}

/**
 * The size of `box`, passed on to React Flow one frame after the layout changed. React Flow answers a
 * resize by updating its store, which every mounted card and connection reads: with thousands of them that
 * takes tens of ms. When the results panel opens (and shrinks the canvas), that frame already lays out the
 * page and renders the results; the canvas follows in the next frame, so neither goes over 50 ms. Meanwhile
 * the canvas keeps its old size for one frame (clipped by the box). Undefined until measured, or where
 * there is no ResizeObserver (React Flow then fills its parent as usual).
 */
export function useSettledSize(box: RefObject<HTMLElement | null>): Size | undefined {
  const [size, setSize] = useState<Size>();
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver !== 'function') return;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = () => {
      timer = undefined;
      const next = { width: element.clientWidth, height: element.clientHeight };
      setSize((previous) => (previous && previous.width === next.width && previous.height === next.height ? previous : next));
    };
    apply();
    const observer = new ResizeObserver(() => {
      if (frame || timer !== undefined) return;
      // After this frame is painted: the next animation frame, then a task of its own.
      frame = requestAnimationFrame(() => {
        frame = 0;
        timer = setTimeout(apply);
      });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [box]);
  return size;
}
