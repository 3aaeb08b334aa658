#!/usr/bin/env node
/**
 * Canvas benchmark: the app's JourneyCanvas against plain React Flow (default nodes, default props) on the same
 * generated 2,000-touchpoint map, alternating the two in one Chromium. Prints time to first render and pan / drag
 * frame times (p50, p95), a table and a final JSON line. It measures; it does not fail on slow figures.
 *
 *   node tests/bench/canvas/run.mjs [--rounds 3] [--steps 60] [--no-build] [--vsync] [--mode app|plain|both]
 *                                   [--trace pan.json] [--budget 175]
 *
 * --budget: seconds after which no further round starts (the run stays near 3 minutes on a busy 2-core machine).
 * --trace: writes a Chrome trace of round 1's pan per mode (pan-app.json, pan-plain.json) and prints CPU time per
 * update on the renderer main thread and the raster workers, which other load on the machine does not inflate.
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
    budget: { type: 'string', default: '175' },
  },
});
const ROUNDS = Number(opts.rounds);
const BUDGET_MS = Number(opts.budget) * 1000;
const STEPS = Number(opts.steps);
const MODES = opts.mode === 'both' ? ALL_MODES : [opts.mode];
if (!MODES.every((m) => ALL_MODES.includes(m))) throw new Error(`--mode must be app, plain or both, not ${opts.mode}`);

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'];

/** Pan ±360 × ±240 px in 12 px steps; drag ±300 px sideways in 10 px steps (one 20 px grid cell at zoom 0.5). */
const PAN_SWING = { x: -360, y: -240 };
const PAN_STEP_PX = 12;
const DRAG_SWING = { x: 300, y: 0 };
const DRAG_STEP_PX = 10;
const INPUT_INTERVAL_MS = 8;
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
 * CPU time (not wall time, so other processes on the machine do not count) per pan update, from a Chrome trace:
 * the renderer main thread (JS, style, layout, paint, hit testing; top-level tasks only) and the raster workers
 * (software raster here). Each round has a fresh context, so the page's renderer is the only one at work.
 */
function traceCpuPerUpdate(file, updates) {
  const { traceEvents } = JSON.parse(readFileSync(file, 'utf8'));
  const threadNames = new Map();
  for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const complete = traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const busyEnd = new Map();
  const cpu = { main: 0, raster: 0 };
  for (const e of complete) {
    const thread = `${e.pid}:${e.tid}`;
    const name = threadNames.get(thread) ?? '';
    if (e.name === 'RasterTask') cpu.raster += e.tdur ?? 0;
    else if (name === 'CrRendererMain' && e.ts >= (busyEnd.get(thread) ?? 0)) {
      cpu.main += e.tdur ?? 0;
      busyEnd.set(thread, e.ts + e.dur);
    }
  }
  return { mainMs: round1(cpu.main / 1000 / updates), rasterMs: round1(cpu.raster / 1000 / updates) };
}

async function resetView(page) {
  await page.evaluate(async () => {
    await window.__bench.setViewport(window.__bench.viewport);
  });
  return page.evaluate(() => window.__bench.settle());
}

async function runOnce(browser, baseUrl, mode, traceFile) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.goto(`${baseUrl}/?mode=${mode}`);
    await page.waitForFunction(() => window.__bench?.firstRender, null, { timeout: 90_000, polling: 100 });
    const { first, map, zoom } = await page.evaluate(() => ({ first: window.__bench.firstRender, map: window.__bench.map, zoom: window.__bench.viewport.zoom }));

    const atStart = await resetView(page);
    const pane = await page.evaluate(() => window.__bench.panePoint());
    if (!pane) throw new Error(`${mode}: found no empty pane to grab for panning`);
    if (traceFile) await browser.startTracing(page, { path: traceFile, screenshots: false, categories: TRACE_CATEGORIES });
    const pan = await gesture(page, cdp, pane, PAN_SWING, PAN_STEP_PX, 'viewport');
    if (traceFile) {
      await browser.stopTracing();
      pan.cpuPerUpdate = traceCpuPerUpdate(traceFile, pan.updates + 1);
      log(`  ${mode} pan, CPU per update from ${traceFile}: main thread ${pan.cpuPerUpdate.mainMs} ms, raster ${pan.cpuPerUpdate.rasterMs} ms`);
    }

    await resetView(page);
    const node = await page.evaluate(() => window.__bench.nodeNear(innerWidth / 2, innerHeight / 2));
    if (!node) throw new Error(`${mode}: found no node to drag`);
    const drag = await gesture(page, cdp, node, DRAG_SWING, DRAG_STEP_PX, { node: node.id });

    if (errors.length) throw new Error(`${mode}: page errors:\n${errors.join('\n')}`);
    if (mode === 'app' && atStart.nodes >= map.nodes) log('  warning: the app rendered every node at the bench view; is onlyRenderVisibleElements off?');
    return { map, zoom, ttfrMs: first.ttfrMs, firstRender: { nodes: first.nodes, edges: first.edges, peakNodes: first.peakNodes }, onScreen: atStart, pan, drag };
  } finally {
    await context.close();
  }
}

function summarise(runs) {
  const pick = (f) => round1(median(runs.map(f)));
  return {
    ttfrMs: pick((r) => r.ttfrMs),
    pan: { p50: pick((r) => r.pan.p50), p95: pick((r) => r.pan.p95), max: pick((r) => r.pan.max), updates: pick((r) => r.pan.updates) },
    drag: { p50: pick((r) => r.drag.p50), p95: pick((r) => r.drag.p95), max: pick((r) => r.drag.max), updates: pick((r) => r.drag.updates) },
    ...(runs[0].pan.cpuPerUpdate ? { panCpuPerUpdateRound1: runs[0].pan.cpuPerUpdate } : {}),
    domAtFirstRender: runs[0].firstRender,
    domOnScreen: runs[0].onScreen,
    perRound: runs.map((r) => ({ ttfrMs: round1(r.ttfrMs), panP95: round1(r.pan.p95), dragP95: round1(r.drag.p95) })),
  };
}

const LABELS = { app: 'app', plain: 'plain React Flow' };

function printTable(result) {
  const modes = MODES.map((m) => result.modes[m]);
  const dom = (d) => `${d.nodes} / ${d.edges}`;
  const rows = [
    ['time to first render (ms)', (m) => m.ttfrMs],
    ['pan frame p50 (ms)', (m) => m.pan.p50],
    ['pan frame p95 (ms)', (m) => m.pan.p95],
    ['pan frame max (ms)', (m) => m.pan.max],
    ['drag frame p50 (ms)', (m) => m.drag.p50],
    ['drag frame p95 (ms)', (m) => m.drag.p95],
    ['drag frame max (ms)', (m) => m.drag.max],
    ...(modes.every((m) => m.panCpuPerUpdateRound1)
      ? [
          ['pan CPU per update, main thread (ms, round 1)', (m) => m.panCpuPerUpdateRound1.mainMs],
          ['pan CPU per update, raster (ms, round 1)', (m) => m.panCpuPerUpdateRound1.rasterMs],
        ]
      : []),
    ['peak nodes in DOM while opening', (m) => String(m.domAtFirstRender.peakNodes)],
    ['nodes / edges in DOM at first render', (m) => dom(m.domAtFirstRender)],
    ['nodes / edges in DOM at bench view', (m) => dom(m.domOnScreen)],
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
      `${VIEWPORT.width}×${VIEWPORT.height} at zoom ${result.zoom}; median of ${result.rounds} rounds; ${STEPS} updates per gesture; ${result.frameRate}`,
  );
  console.log(line(table[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('   '));
  for (const r of table.slice(1)) console.log(line(r));
  const { cores, loadAvg1mBefore, loadAvg1mAfter } = result.machine;
  const busy = Math.max(loadAvg1mBefore, loadAvg1mAfter) > cores / 2;
  console.log(`machine: ${cores} cores, load average ${loadAvg1mBefore} before / ${loadAvg1mAfter} after${busy ? ' (busy: other processes share the CPU, expect noisy figures)' : ''}`);
  const t = result.target;
  if (t) {
    console.log('');
    console.log(`Target (app pan p95 ≤ plain React Flow pan p95): ${t.holds ? 'holds' : 'MISSED'}: app ${t.app} ms, plain ${t.plain} ms (${t.ratio}×)`);
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
        const traceFile = opts.trace && round === 0 ? opts.trace.replace(/(\.json)?$/, `-${mode}.json`) : undefined;
        const run = await runOnce(browser, baseUrl, mode, traceFile);
        runs[mode].push(run);
        log(`round ${round + 1} ${mode.padEnd(5)} first render ${round1(run.ttfrMs)} ms, pan p50/p95 ${round1(run.pan.p50)}/${round1(run.pan.p95)} ms (${run.pan.updates} updates, ${run.pan.frames} frames, ${round1(run.pan.wallMs / 1000)} s), drag p50/p95 ${round1(run.drag.p50)}/${round1(run.drag.p95)} ms (${run.drag.updates} updates, ${run.drag.frames} frames, ${round1(run.drag.wallMs / 1000)} s)`);
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
  const result = {
    bench: 'canvas',
    map: first.map,
    zoom: first.zoom,
    rounds,
    steps: STEPS,
    machine: { cores: availableParallelism(), loadAvg1mBefore: round1(loadBefore), loadAvg1mAfter: round1(loadavg()[0]) },
    frameRate: opts.vsync ? 'vsync 60 Hz' : 'frame-rate limit off',
    modes,
    ...(app && plain
      ? {
          ratios: {
            ttfr: ratio(app.ttfrMs, plain.ttfrMs),
            panP50: ratio(app.pan.p50, plain.pan.p50),
            panP95: ratio(app.pan.p95, plain.pan.p95),
            dragP50: ratio(app.drag.p50, plain.drag.p50),
            dragP95: ratio(app.drag.p95, plain.drag.p95),
          },
          target: { metric: 'pan p95', app: app.pan.p95, plain: plain.pan.p95, ratio: ratio(app.pan.p95, plain.pan.p95), holds: app.pan.p95 <= plain.pan.p95 },
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
