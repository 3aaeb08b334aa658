#!/usr/bin/env node
/**
 * Canvas benchmark: the app's JourneyCanvas against plain React Flow (default nodes, default props) on the same
 * generated 2,000-touchpoint map, alternating the two in one Chromium. Prints time to first render and, at each
 * zoom (0.5 and 1.0 unless --zooms says otherwise), pan / drag frame times (p50, p95), a table and a final JSON
 * line. It measures; it does not fail on slow figures.
 *
 *   node tests/bench/canvas/run.mjs [--rounds 3] [--steps 60] [--no-build] [--vsync] [--mode app|plain|both]
 *                                   [--zooms 0.5,1] [--via wheel|set] [--pan 1200] [--dpr 1] [--trace trace.json]
 *                                   [--budget 240] [--app-css '.jd-edge-label { display: none }'] [--app-minimap]
 *
 * --via: how each zoom is reached, the same way in both modes, before every gesture. `wheel` (the default) as a
 * user and the outside measurement do it: the mode's own fit view (the app's Fit button; React Flow's fitView,
 * which its default minZoom stops at 0.5), then a spin of the mouse wheel at the centre of the screen (100 px
 * notches, 30 ms apart; those that come while the page is busy arrive as one event, as Chromium merges them; the
 * last notch is shorter so both modes land on exactly the same zoom). `set`: setViewport with the map's centre
 * in the middle of the screen. Wheel zoom leaves the state a user has (all nodes mounted and measured at fit
 * view, the zoom thresholds crossed on the way); setViewport jumps straight there.
 * --dpr: the page's device pixel ratio (2 as on a HiDPI laptop screen).
 * --app-css: a style sheet added to the app's page only, to see what a feature costs (A/B).
 * --app-minimap: shows the app's mini map (hidden by default on a map this big), to see what it costs.
 * --budget: seconds after which no further round starts (the run stays near 4 minutes on a busy 2-core machine).
 * --trace: writes a Chrome trace of round 1's pan and drag per mode and zoom (trace-pan-app-z1.json,
 * trace-drag-plain-z0.5.json, …) and prints CPU time per update on the renderer main thread, the raster workers
 * and the compositor thread, which other load on the machine inflates far less than frame times. BENCH_MINIFY=0
 * keeps function names readable in the traces' CPU profiles.
 *
 * Frame time: while the mouse keeps moving (real CDP input, fixed steps, one move in flight as with a real mouse on
 * a busy page), the gap between two consecutive frames that show a new pan / drag position, over `--steps` gaps.
 * That is the update rate the user sees, including work that spills into the next frame (raster, layout), which
 * the interval of the changed frame alone would miss. Chromium runs with its frame-rate limit off so gaps are the
 * real cost rather than multiples of 16.7 ms (--vsync keeps the limit).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DIST = join(HERE, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1440, height: 900 };
const ALL_MODES = ['app', 'plain'];

const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    steps: { type: 'string', default: '60' },
    'no-build': { type: 'boolean', default: false },
    vsync: { type: 'boolean', default: false },
    trace: { type: 'string' },
    mode: { type: 'string', default: 'both' },
    zooms: { type: 'string', default: '0.5,1' },
    via: { type: 'string', default: 'wheel' },
    budget: { type: 'string', default: '240' },
    'app-css': { type: 'string' },
    'app-minimap': { type: 'boolean', default: false },
    pan: { type: 'string', default: '1200' },
    dpr: { type: 'string', default: '1' },
  },
});
const ROUNDS = Number(opts.rounds);
const BUDGET_MS = Number(opts.budget) * 1000;
const STEPS = Number(opts.steps);
const MODES = opts.mode === 'both' ? ALL_MODES : [opts.mode];
if (!MODES.every((m) => ALL_MODES.includes(m))) throw new Error(`--mode must be app, plain or both, not ${opts.mode}`);
const ZOOMS = opts.zooms.split(',').map(Number);
if (!ZOOMS.every((z) => z >= 0.5 && z <= 2)) throw new Error(`--zooms must be between 0.5 and 2 (plain React Flow's zoom range), not ${opts.zooms}`);
/** JSON key of a zoom: "1.0" rather than "1", which an object would list before "0.5". */
const zoomKey = (z) => (Number.isInteger(z) ? z.toFixed(1) : String(z));
const VIA = opts.via;
if (!['wheel', 'set'].includes(VIA)) throw new Error(`--via must be wheel or set, not ${VIA}`);

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'];

/**
 * Pan towards the top left in 20 px steps (a brisk hand), at most `--pan` px across and two thirds of that down
 * before turning back. At the default 1,200 px the 60 updates go one way, 1,000 px across and 670 px down: past
 * what the view showed on its way in from fit view, so, as for a user exploring the map, cards scroll into view
 * that the app has not yet drawn (or measured) at this zoom.
 * Drag ±300 px sideways in 10 px steps (one 20 px grid cell at zoom 0.5).
 */
const PAN_SWING = { x: -Number(opts.pan), y: (-Number(opts.pan) * 2) / 3 };
const PAN_STEP_PX = 20;
const DRAG_SWING = { x: 300, y: 0 };
const DRAG_STEP_PX = 10;
const INPUT_INTERVAL_MS = 8;
/** One mouse-wheel notch; React Flow zooms by 2^(-deltaY × 0.002) per event, so ×1.149 for 100 px. */
const WHEEL_NOTCH = 100;
const WHEEL_ZOOM_PER_PX = 0.002;
/** A quick spin of a mouse wheel sends a notch every 30 ms or so. */
const WHEEL_INTERVAL_MS = 30;
const GESTURE_TIMEOUT_MS = 30_000;

const log = (...args) => console.error(...args);

async function buildPage() {
  if (opts['no-build'] && existsSync(join(DIST, 'index.html'))) return;
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(HERE, 'vite.config.ts'), logLevel: 'warn' });
  log(`built bench page in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** A tiny static server for the built page on a free port of 127.0.0.1. */
function serve(root) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}
const median = (values) => percentile(values, 50);
const round1 = (n) => Math.round(n * 10) / 10;
const round2 = (n) => Math.round(n * 100) / 100;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** 0 → 1 → 0 → -1 → 0 over one period: a hand moving back and forth at constant speed. */
const triangle = (phase) => {
  const p = phase - Math.floor(phase);
  return p < 0.25 ? 4 * p : p < 0.75 ? 2 - 4 * p : 4 * p - 4;
};

/**
 * Presses at `from`, then moves the mouse back and forth along `swing` (px, its far end) in steps of `stepPx` until
 * the page has shown STEPS + 1 new positions; returns the gaps between them. As with a real mouse on a busy page,
 * one move is in flight at a time: the next is sent once Chromium has handled the last (and no sooner than
 * INPUT_INTERVAL_MS after it). Fixed steps give both modes the same work per update.
 */
async function gesture(page, cdp, from, swing, stepPx, watch) {
  const mouse = (type, { x, y }) => cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1 });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: from.x, y: from.y });
  await page.evaluate(() => window.__bench.nextFrame());
  await mouse('mousePressed', from);
  await page.evaluate((w) => window.__bench.startFrames(w), watch);
  const stepsPerSwing = (4 * Math.hypot(swing.x, swing.y)) / stepPx;
  const started = performance.now();
  let shown = 0;
  let polling = null;
  let at = from;
  for (let step = 1; shown <= STEPS && performance.now() - started < GESTURE_TIMEOUT_MS; step++) {
    const sentAt = performance.now();
    const k = triangle(step / stepsPerSwing);
    at = { x: from.x + swing.x * k, y: from.y + swing.y * k };
    polling ??= page.evaluate(() => window.__bench.updateCount()).then((n) => {
      shown = n;
      polling = null;
    });
    await mouse('mouseMoved', at);
    await sleep(Math.max(0, INPUT_INTERVAL_MS - (performance.now() - sentAt)));
  }
  await polling;
  await mouse('mouseReleased', at);
  const { updates, frames } = await page.evaluate(() => window.__bench.stopFrames());
  const wallMs = performance.now() - started;
  // The first update also carries the press (selection, drag start); frame times are the gaps after it.
  const intervals = updates.slice(1, STEPS + 1).map((t, i) => t - updates[i]);
  if (intervals.length < STEPS) log(`  only ${intervals.length} of ${STEPS} updates within ${GESTURE_TIMEOUT_MS / 1000} s`);
  return { p50: percentile(intervals, 50), p95: percentile(intervals, 95), max: Math.max(...intervals), updates: intervals.length, frames, wallMs };
}

/**
 * CPU time (not wall time, so other processes on the machine do not count) per update, from a Chrome trace: the
 * renderer main thread (JS, style, layout, paint, layerize, hit testing; top-level tasks only), the raster workers
 * (software raster here) and the renderer's compositor thread (tiles, layer updates). Each round has a fresh
 * context, so the page's renderer is the only one at work.
 */
function traceCpuPerUpdate(file, updates) {
  const { traceEvents } = JSON.parse(readFileSync(file, 'utf8'));
  const threadNames = new Map();
  for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  // Only between the probe's marks: starting the tracer's CPU profiler costs the main thread a few hundred ms.
  const mark = (name) => traceEvents.find((e) => e.name === name)?.ts;
  const from = mark('bench:gesture-start') ?? -Infinity;
  const to = mark('bench:gesture-stop') ?? Infinity;
  const complete = traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts >= from && e.ts <= to).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const busyEnd = new Map();
  const cpu = { main: 0, raster: 0, compositor: 0 };
  for (const e of complete) {
    const thread = `${e.pid}:${e.tid}`;
    const name = threadNames.get(thread) ?? '';
    if (e.name === 'RasterTask') cpu.raster += e.tdur ?? 0;
    else if ((name === 'CrRendererMain' || name === 'Compositor') && e.ts >= (busyEnd.get(thread) ?? 0)) {
      cpu[name === 'Compositor' ? 'compositor' : 'main'] += e.tdur ?? 0;
      busyEnd.set(thread, e.ts + e.dur);
    }
  }
  const perUpdate = (us) => round1(us / 1000 / updates);
  return { mainMs: perUpdate(cpu.main), rasterMs: perUpdate(cpu.raster), compositorMs: perUpdate(cpu.compositor) };
}

/** The viewport that puts the map's centre in the middle of the screen at `zoom`. */
function centredAt(start, zoom) {
  const cx = (VIEWPORT.width / 2 - start.x) / start.zoom;
  const cy = (VIEWPORT.height / 2 - start.y) / start.zoom;
  return { x: VIEWPORT.width / 2 - cx * zoom, y: VIEWPORT.height / 2 - cy * zoom, zoom };
}

/** Brings the page to `zoom` (see --via) and waits until the DOM has settled; returns what is on screen. */
async function reachZoom(page, cdp, start, zoom) {
  if (VIA === 'set') {
    await page.evaluate((v) => window.__bench.setViewport(v), centredAt(start, zoom));
    return page.evaluate(() => window.__bench.settle());
  }
  await page.evaluate(() => window.__bench.fitView());
  await page.evaluate(() => window.__bench.settle());
  const centre = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 };
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...centre });
  // A hand spinning the wheel, a notch every WHEEL_INTERVAL_MS. As Chromium does, the notches that come while
  // the page is busy reach it as one event, with their deltas added up, once it has drawn the last one: a busy
  // page draws only some of the zooms on the way. The notches add up to exactly `zoom` all the same.
  const fit = await page.evaluate(() => window.__bench.getViewport().zoom);
  const total = Math.log2(zoom / fit) / WHEEL_ZOOM_PER_PX;
  const spunAt = performance.now();
  for (let sent = 0; Math.abs(total - sent) > 1e-9; ) {
    const notches = Math.floor((performance.now() - spunAt) / WHEEL_INTERVAL_MS) + 1;
    const due = Math.sign(total) * Math.min(Math.abs(total), notches * WHEEL_NOTCH);
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', ...centre, deltaX: 0, deltaY: -(due - sent) });
    sent = due;
    await page.evaluate(() => window.__bench.nextFrame());
    await sleep(Math.max(0, spunAt + notches * WHEEL_INTERVAL_MS - performance.now()));
  }
  const reached = await page.evaluate(() => window.__bench.getViewport().zoom);
  if (Math.abs(reached - zoom) > 1e-6 * zoom) log(`  the wheel reached zoom ${reached}, not ${zoom}`);
  // d3-zoom ends a wheel gesture 150 ms after its last event.
  await sleep(250);
  return page.evaluate(() => window.__bench.settle());
}

/** Runs one gesture, under a Chrome trace in round 1 when --trace asks for one, and adds its CPU per update. */
async function traced(browser, page, round, name, run) {
  const traceFile = opts.trace && round === 0 ? opts.trace.replace(/(\.json)?$/, `-${name}.json`) : undefined;
  if (!traceFile) return run();
  await browser.startTracing(page, { path: traceFile, screenshots: false, categories: TRACE_CATEGORIES });
  const result = await run();
  await browser.stopTracing();
  result.cpuPerUpdate = traceCpuPerUpdate(traceFile, result.updates + 1);
  const { mainMs, rasterMs, compositorMs } = result.cpuPerUpdate;
  log(`  ${name}: CPU per update from ${traceFile}: main thread ${mainMs} ms, raster ${rasterMs} ms, compositor ${compositorMs} ms`);
  return result;
}

async function runOnce(browser, baseUrl, mode, round) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: Number(opts.dpr) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.goto(`${baseUrl}/?mode=${mode}`);
    // A/B: extra CSS for the app only (e.g. `.react-flow__background { display: none }`) to see what a feature costs.
    if (mode === 'app' && opts['app-css']) await page.addStyleTag({ content: opts['app-css'] });
    await page.waitForFunction(() => window.__bench?.firstRender, null, { timeout: 90_000, polling: 100 });
    // A/B: the app hides its mini map on a map this big; a user can show it with its control.
    if (mode === 'app' && opts['app-minimap']) await page.getByRole('button', { name: 'Mini map' }).click();
    const { first, map, start } = await page.evaluate(() => ({ first: window.__bench.firstRender, map: window.__bench.map, start: window.__bench.viewport }));
    const zooms = {};
    for (const zoom of ZOOMS) {
      const atStart = await reachZoom(page, cdp, start, zoom);
      const pane = await page.evaluate(() => window.__bench.panePoint());
      if (!pane) throw new Error(`${mode}: found no empty pane to grab for panning at zoom ${zoom}`);
      const pan = await traced(browser, page, round, `pan-${mode}-z${zoom}`, () => gesture(page, cdp, pane, PAN_SWING, PAN_STEP_PX, 'viewport'));

      await reachZoom(page, cdp, start, zoom);
      const node = await page.evaluate(() => window.__bench.nodeNear(innerWidth / 2, innerHeight / 2));
      if (!node) throw new Error(`${mode}: found no node to drag at zoom ${zoom}`);
      const drag = await traced(browser, page, round, `drag-${mode}-z${zoom}`, () => gesture(page, cdp, node, DRAG_SWING, DRAG_STEP_PX, { node: node.id }));
      if (mode === 'app' && atStart.nodes >= map.nodes) log(`  warning: the app rendered every node at zoom ${zoom}; is onlyRenderVisibleElements off?`);
      zooms[zoom] = { onScreen: atStart, pan, drag };
    }

    if (errors.length) throw new Error(`${mode}: page errors:\n${errors.join('\n')}`);
    return { map, ttfrMs: first.ttfrMs, firstRender: { nodes: first.nodes, edges: first.edges, peakNodes: first.peakNodes }, zooms };
  } finally {
    await context.close();
  }
}

function summarise(runs) {
  const pick = (f) => round1(median(runs.map(f)));
  const gesture = (z, g) => ({
    p50: pick((r) => r.zooms[z][g].p50),
    p95: pick((r) => r.zooms[z][g].p95),
    max: pick((r) => r.zooms[z][g].max),
    updates: pick((r) => r.zooms[z][g].updates),
  });
  return {
    ttfrMs: pick((r) => r.ttfrMs),
    domAtFirstRender: runs[0].firstRender,
    zooms: Object.fromEntries(
      ZOOMS.map((z) => [
        zoomKey(z),
        {
          pan: gesture(z, 'pan'),
          drag: gesture(z, 'drag'),
          ...(runs[0].zooms[z].pan.cpuPerUpdate ? { cpuPerUpdateRound1: { pan: runs[0].zooms[z].pan.cpuPerUpdate, drag: runs[0].zooms[z].drag.cpuPerUpdate } } : {}),
          domOnScreen: runs[0].zooms[z].onScreen,
          perRound: runs.map((r) => ({ panP95: round1(r.zooms[z].pan.p95), dragP95: round1(r.zooms[z].drag.p95) })),
        },
      ]),
    ),
    perRoundTtfrMs: runs.map((r) => round1(r.ttfrMs)),
  };
}

const LABELS = { app: 'app', plain: 'plain React Flow' };

function printTable(result) {
  const modes = MODES.map((m) => result.modes[m]);
  const dom = (d) => `${d.nodes} / ${d.edges}`;
  const perZoom = (z) => {
    const at = (m) => m.zooms[zoomKey(z)];
    return [
      [`zoom ${z}: pan frame p50 (ms)`, (m) => at(m).pan.p50],
      [`zoom ${z}: pan frame p95 (ms)`, (m) => at(m).pan.p95],
      [`zoom ${z}: pan frame max (ms)`, (m) => at(m).pan.max],
      [`zoom ${z}: drag frame p50 (ms)`, (m) => at(m).drag.p50],
      [`zoom ${z}: drag frame p95 (ms)`, (m) => at(m).drag.p95],
      [`zoom ${z}: drag frame max (ms)`, (m) => at(m).drag.max],
      ...(modes.every((m) => at(m).cpuPerUpdateRound1)
        ? [
            [`zoom ${z}: pan CPU per update, main (ms, round 1)`, (m) => at(m).cpuPerUpdateRound1.pan.mainMs],
            [`zoom ${z}: pan CPU per update, raster (ms, round 1)`, (m) => at(m).cpuPerUpdateRound1.pan.rasterMs],
            [`zoom ${z}: pan CPU per update, compositor (ms, round 1)`, (m) => at(m).cpuPerUpdateRound1.pan.compositorMs],
            [`zoom ${z}: drag CPU per update, main (ms, round 1)`, (m) => at(m).cpuPerUpdateRound1.drag.mainMs],
            [`zoom ${z}: drag CPU per update, raster (ms, round 1)`, (m) => at(m).cpuPerUpdateRound1.drag.rasterMs],
            [`zoom ${z}: drag CPU per update, compositor (ms, round 1)`, (m) => at(m).cpuPerUpdateRound1.drag.compositorMs],
          ]
        : []),
      [`zoom ${z}: nodes / edges / labels in DOM`, (m) => `${dom(at(m).domOnScreen)} / ${at(m).domOnScreen.labels}`],
    ];
  };
  const rows = [
    ['time to first render (ms)', (m) => m.ttfrMs],
    ['peak nodes in DOM while opening', (m) => String(m.domAtFirstRender.peakNodes)],
    ['nodes / edges in DOM at first render', (m) => dom(m.domAtFirstRender)],
    ...ZOOMS.flatMap(perZoom),
  ];
  const both = modes.length === 2;
  const ratio = (a, p) => (both && typeof a === 'number' && p > 0 ? `${(a / p).toFixed(2)}×` : '');
  const table = [
    ['', ...MODES.map((m) => LABELS[m]), ...(both ? ['app / plain'] : [])],
    ...rows.map(([name, get]) => {
      const values = modes.map(get);
      return [name, ...values.map(String), ...(both ? [ratio(values[0], values[1])] : [])];
    }),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');
  console.log('');
  console.log(
    `Canvas benchmark: ${result.map.nodes} nodes (${result.map.touchpoints} touchpoints), ${result.map.edges} edges; ` +
      `${VIEWPORT.width}×${VIEWPORT.height} at zoom ${ZOOMS.join(' and ')} (reached by ${VIA === 'wheel' ? 'mouse wheel from fit view' : 'setViewport'}); ` +
      `median of ${result.rounds} rounds; ${STEPS} updates per gesture; ${result.frameRate}${result.dpr !== 1 ? `; device pixel ratio ${result.dpr}` : ''}`,
  );
  console.log(line(table[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('   '));
  for (const r of table.slice(1)) console.log(line(r));
  const { cores, loadAvg1mBefore, loadAvg1mAfter } = result.machine;
  const busy = Math.max(loadAvg1mBefore, loadAvg1mAfter) > cores / 2;
  console.log(`machine: ${cores} cores, load average ${loadAvg1mBefore} before / ${loadAvg1mAfter} after${busy ? ' (busy: other processes share the CPU, expect noisy figures)' : ''}`);
  if (result.targets) {
    console.log('');
    console.log('Target: app p95 ≤ plain React Flow p95, pan and drag, at every zoom');
    for (const t of result.targets) {
      console.log(`  zoom ${t.zoom} ${t.gesture.padEnd(4)} ${t.holds ? 'holds ' : 'MISSED'}: app ${t.app} ms, plain ${t.plain} ms (${t.ratio}×; round by round ${t.roundRatios.map((r) => `${r}×`).join(', ')})`);
    }
  }
}

async function main() {
  const started = Date.now();
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH).`);
  await buildPage();
  const server = await serve(DIST);
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  if (!opts.vsync) args.push('--disable-frame-rate-limit', '--disable-gpu-vsync');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args });
  const runs = { app: [], plain: [] };
  const loadBefore = loadavg()[0];
  let rounds = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const roundStarted = Date.now();
      // ABBA order, so drift over the run (thermal, caches) does not favour one mode.
      const order = round % 2 === 0 ? MODES : [...MODES].reverse();
      for (const mode of order) {
        const run = await runOnce(browser, baseUrl, mode, round);
        runs[mode].push(run);
        log(`round ${round + 1} ${mode.padEnd(5)} first render ${round1(run.ttfrMs)} ms (load ${loadavg()[0].toFixed(2)})`);
        for (const zoom of ZOOMS) {
          const { pan, drag } = run.zooms[zoom];
          log(`  zoom ${zoom}: pan p50/p95 ${round1(pan.p50)}/${round1(pan.p95)} ms (${pan.updates} updates, ${pan.frames} frames, ${round1(pan.wallMs / 1000)} s), drag p50/p95 ${round1(drag.p50)}/${round1(drag.p95)} ms (${drag.updates} updates, ${drag.frames} frames, ${round1(drag.wallMs / 1000)} s)`);
        }
      }
      rounds++;
      const roundMs = Date.now() - roundStarted;
      if (round + 1 < ROUNDS && Date.now() - started + roundMs > BUDGET_MS) {
        log(`stopping after ${rounds} of ${ROUNDS} rounds: another would pass the ${BUDGET_MS / 1000} s budget (--budget)`);
        break;
      }
    }
  } finally {
    await browser.close();
    server.close();
  }

  const modes = Object.fromEntries(MODES.map((mode) => [mode, summarise(runs[mode])]));
  const ratio = (a, p) => Math.round((a / p) * 100) / 100;
  const { app, plain } = modes;
  const first = runs[MODES[0]][0];
  const targets =
    app && plain
      ? ZOOMS.flatMap((zoom) =>
          ['pan', 'drag'].map((gesture) => {
            const a = app.zooms[zoomKey(zoom)][gesture].p95;
            const p = plain.zooms[zoomKey(zoom)][gesture].p95;
            // Each round runs the two modes back to back, so its own ratio is the least disturbed by load drift.
            const rounds = runs.app.map((r, i) => r.zooms[zoom][gesture].p95 / runs.plain[i].zooms[zoom][gesture].p95);
            return { zoom, gesture, metric: 'p95', app: a, plain: p, ratio: ratio(a, p), roundRatios: rounds.map((r) => round2(r)), holds: a <= p };
          }),
        )
      : undefined;
  const result = {
    bench: 'canvas',
    map: first.map,
    zooms: ZOOMS,
    via: VIA,
    dpr: Number(opts.dpr),
    rounds,
    steps: STEPS,
    machine: { cores: availableParallelism(), loadAvg1mBefore: round1(loadBefore), loadAvg1mAfter: round1(loadavg()[0]) },
    frameRate: opts.vsync ? 'vsync 60 Hz' : 'frame-rate limit off',
    modes,
    ...(app && plain
      ? {
          ratios: {
            ttfr: ratio(app.ttfrMs, plain.ttfrMs),
            byZoom: Object.fromEntries(
              ZOOMS.map((z) => {
                const [a, p] = [app.zooms[zoomKey(z)], plain.zooms[zoomKey(z)]];
                return [
                  zoomKey(z),
                  { panP50: ratio(a.pan.p50, p.pan.p50), panP95: ratio(a.pan.p95, p.pan.p95), dragP50: ratio(a.drag.p50, p.drag.p50), dragP95: ratio(a.drag.p95, p.drag.p95) },
                ];
              }),
            ),
          },
          targets,
          allTargetsHold: targets.every((t) => t.holds),
        }
      : {}),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  printTable(result);
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
