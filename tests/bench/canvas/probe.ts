/**
 * In-page measurement for the canvas benchmark, exposed as `window.__bench` for run.mjs. The runner drives
 * real (CDP) mouse input; the page only watches: when the first render settles, and at which animation frames
 * a pan or drag showed a new position.
 */

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** What the page hands the probe: the mode's own React Flow instance and its own "fit view". */
export interface FlowHandle {
  setViewport(viewport: Viewport): unknown;
  getViewport(): Viewport;
  /** The view the user gets from the mode's fit-view control (the app's Fit button, React Flow's fitView). */
  fitView(): unknown;
}

export interface FirstRender {
  /** ms from navigation start to the first frame after the initial nodes and edges were on screen, settled. */
  ttfrMs: number;
  nodes: number;
  edges: number;
  /** Most nodes seen in the DOM at once on the way there (React Flow renders unmeasured nodes even off screen). */
  peakNodes: number;
}

/** What the page saw during a gesture: the rAF timestamps of the frames that showed a new position. */
export interface GestureFrames {
  updates: number[];
  /** All frames seen while recording, including those that showed nothing new. */
  frames: number;
}

export interface MapSize {
  nodes: number;
  touchpoints: number;
  edges: number;
}

export interface BenchApi {
  mode: string;
  map: MapSize;
  viewport: Viewport;
  firstRender: FirstRender | null;
  setViewport(viewport: Viewport): Promise<void>;
  fitView(): Promise<void>;
  getViewport(): Viewport;
  /** Resolves once the DOM node/edge counts have not changed for `frames` frames. */
  settle(frames?: number): Promise<{ nodes: number; edges: number; labels: number }>;
  nextFrame(): Promise<number>;
  /** Starts noting, frame by frame, when the viewport (pan) or one node (drag) shows a new position. */
  startFrames(watch: 'viewport' | { node: string }): void;
  updateCount(): number;
  stopFrames(): GestureFrames;
  /** A screen point on empty pane near the centre, where a mouse drag pans rather than hitting a node or edge. */
  panePoint(): { x: number; y: number } | null;
  /** A node fully on screen near (x, y), with the point to grab it by. */
  nodeNear(x: number, y: number): { id: string; x: number; y: number } | null;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function domCounts() {
  const nodes = document.querySelectorAll('.react-flow__node');
  let hidden = 0;
  for (const n of nodes) if ((n as HTMLElement).style.visibility === 'hidden') hidden++;
  return {
    nodes: nodes.length,
    hidden,
    edges: document.querySelectorAll('.react-flow__edge').length,
    labels: document.querySelectorAll('.react-flow__edgelabel-renderer > *').length,
    transform: document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
  };
}

const STABLE_FRAMES = 6;

/**
 * Watches every frame from page start until the nodes are all measured (none hidden) and the node count,
 * edge count and viewport transform have stayed the same for STABLE_FRAMES frames. The first render time is
 * the start of the frame after the one that first showed that final state, i.e. once it had been painted.
 */
function watchFirstRender(done: (result: FirstRender) => void): void {
  let key = '';
  let sameFor = 0;
  let paintedAt = 0;
  let pending = false;
  let peakNodes = 0;
  const tick = () => {
    const c = domCounts();
    peakNodes = Math.max(peakNodes, c.nodes);
    const now = performance.now();
    if (pending) {
      paintedAt = now;
      pending = false;
    }
    const next = `${c.nodes}|${c.edges}|${c.transform}`;
    if (c.nodes > 0 && c.hidden === 0 && next === key) {
      sameFor++;
    } else {
      key = next;
      sameFor = 0;
      pending = c.nodes > 0 && c.hidden === 0;
    }
    if (sameFor >= STABLE_FRAMES) done({ ttfrMs: paintedAt, nodes: c.nodes, edges: c.edges, peakNodes });
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export function installProbe(mode: string, map: MapSize, viewport: Viewport): { setFlow(flow: FlowHandle): void } {
  let flow: FlowHandle | null = null;
  let recording: { updates: number[]; frames: number; last: string; read: () => string } | null = null;

  const record = (t: number) => {
    if (!recording) return;
    const state = recording.read();
    if (state !== recording.last) recording.updates.push(t);
    recording.last = state;
    recording.frames++;
    requestAnimationFrame(record);
  };

  const api: BenchApi = {
    mode,
    map,
    viewport,
    firstRender: null,
    async setViewport(next) {
      if (!flow) throw new Error('React Flow is not ready');
      await flow.setViewport(next);
    },
    async fitView() {
      if (!flow) throw new Error('React Flow is not ready');
      await flow.fitView();
    },
    getViewport() {
      if (!flow) throw new Error('React Flow is not ready');
      return flow.getViewport();
    },
    async settle(frames = STABLE_FRAMES) {
      let last = '';
      let same = 0;
      for (let i = 0; i < 600 && same < frames; i++) {
        await frame();
        const c = domCounts();
        const key = `${c.nodes}|${c.edges}|${c.hidden}`;
        same = key === last ? same + 1 : 0;
        last = key;
      }
      const c = domCounts();
      return { nodes: c.nodes, edges: c.edges, labels: c.labels };
    },
    nextFrame: frame,
    startFrames(watch) {
      const selector = watch === 'viewport' ? '.react-flow__viewport' : `.react-flow__node[data-id="${watch.node}"]`;
      let el: HTMLElement | null = null;
      // Looked up once and again only if React replaced it: a query per frame would cost frames on a big DOM.
      const read = () => {
        if (!el?.isConnected) el = document.querySelector<HTMLElement>(selector);
        return el?.style.transform ?? '';
      };
      recording = { updates: [], frames: 0, last: read(), read };
      // Bounds for run.mjs --trace: CPU is counted between these marks only (not the tracer's own start-up).
      performance.mark('bench:gesture-start');
      requestAnimationFrame(record);
    },
    updateCount: () => recording?.updates.length ?? 0,
    stopFrames() {
      const r = recording;
      recording = null;
      performance.mark('bench:gesture-stop');
      return { updates: r?.updates ?? [], frames: r?.frames ?? 0 };
    },
    panePoint() {
      const pane = document.querySelector('.react-flow__pane');
      const cx = window.innerWidth / 2;
      const cy = window.innerHeight / 2;
      for (let radius = 0; radius < 300; radius += 6) {
        for (let a = 0; a < 16; a++) {
          const x = Math.round(cx + radius * Math.cos((a * Math.PI) / 8));
          const y = Math.round(cy + radius * Math.sin((a * Math.PI) / 8));
          if (document.elementFromPoint(x, y) === pane) return { x, y };
        }
      }
      return null;
    },
    nodeNear(x, y) {
      let best: { id: string; x: number; y: number; d: number } | null = null;
      for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
        const r = el.getBoundingClientRect();
        if (r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight) continue;
        const px = r.left + r.width / 2;
        const py = r.top + Math.min(r.height / 2, 14);
        const hit = document.elementFromPoint(px, py);
        if (!hit || !el.contains(hit)) continue;
        const d = Math.hypot(px - x, py - y);
        if (!best || d < best.d) best = { id: el.dataset.id ?? '', x: px, y: py, d };
      }
      return best && { id: best.id, x: best.x, y: best.y };
    },
  };
  window.__bench = api;
  watchFirstRender((result) => {
    api.firstRender = result;
  });
  return {
    setFlow(next) {
      flow = next;
    },
  };
}
