/**
 * Benchmark page: `?mode=app` renders the app's JourneyCanvas, `?mode=plain` plain React Flow with default nodes
 * and default props, both on the same generated map. Each mode is its own chunk so only its CSS is loaded.
 */
import { createRoot } from 'react-dom/client';
import { generateBenchMap, mapCentre } from './generateMap';
import { installProbe, type Viewport } from './probe';

/** Zoom 0.5 is the plain React Flow default minZoom (what its fitView lands on here) and above the app's SIMPLE_ZOOM. */
const ZOOM = 0.5;

const mode = new URLSearchParams(location.search).get('mode') === 'plain' ? 'plain' : 'app';
const centre = mapCentre();
const viewport: Viewport = { x: window.innerWidth / 2 - centre.x * ZOOM, y: window.innerHeight / 2 - centre.y * ZOOM, zoom: ZOOM };
const map = generateBenchMap();
const probe = installProbe(mode, { nodes: map.nodes.length, touchpoints: map.nodes.filter((n) => n.kind === 'touchpoint').length, edges: map.edges.length }, viewport);
const root = createRoot(document.getElementById('root')!);

if (mode === 'app') {
  const { mountApp } = await import('./appMode');
  mountApp(root, map, viewport, probe.setFlow);
} else {
  const { mountPlain } = await import('./plainMode');
  mountPlain(root, map, probe.setFlow);
}
