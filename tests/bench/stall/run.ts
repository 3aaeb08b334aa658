/**
 * Main-thread stall and Cancel latency benchmark: the built app in Chromium, on big single-loop maps
 * (tests/unit/simulation/maps.ts) imported through the app's own file input. For each map it records
 *
 *  - while a simulation runs (default settings) from the click on "Run simulation" until the results show and the
 *    page is idle again: the longest animation frame (long-animation-frame) and long task, how many exceed 50 ms,
 *    and for each of those its script attribution (invoker, source, duration) and its rendering part (from
 *    renderStart) and style/layout part (from styleAndLayoutStart), so our code can be told from the browser's own
 *    rendering; also the wall time from click to results, the phase timeline the worker reports, and how long
 *    posting the map to the worker blocked the main thread;
 *  - with Customers at 10,000,000 (a long Monte Carlo phase): Cancel latency, several times, cancelling at
 *    different moments after the progress bar shows (right away, after 0.3, 1 and 2 s, and, for a phase none of
 *    those hit, as soon as the progress text shows it), by the phase the progress text showed at the click. Latency
 *    is measured in the page: from the click event's timestamp (when Chromium received the input, so time queued
 *    behind a busy main thread counts) to the progress bar leaving the DOM, to the next animation frame after that,
 *    and to the worker's 'cancelled' answer (observed by wrapping `Worker` in the page; the app is not changed).
 *    The app's Cancel ends the run on the main thread at once (simulationStore's cancel), so the DOM figure is
 *    main-thread responsiveness; the worker's answer shows when the work really stopped.
 *
 * Each map gets a fresh browser context (empty storage), so Customers never needs restoring. The bench's own
 * page code runs as stall-bench.js, so long-frame attribution tells it from the app's chunks.
 *
 * It prints a table per map, the load average and the Chromium version, and a final JSON line. It measures; it
 * never fails on slow figures.
 *
 *   npx tsx tests/bench/stall/run.ts [--maps 1000,3000,10000,3000r] [--rounds 2] [--delays 0,300,1000,2000]
 *                                    [--no-build] [--dist /tmp/dist-stall] [--budget 240]
 *   (or npm run bench:stall -- …)
 *
 * --maps: touchpoints per map; a trailing `r` means randomly wired (singleLoopMap's jumps: 1), a trailing `g` cards
 *         in a compact grid, so that the opening Fit view shows every card (the most the canvas has to draw).
 * --rounds: how many times the Cancel trials run per map (default 2): one per delay, then, for a phase no delay hit,
 *           one as soon as the progress text shows it.
 * --budget: seconds after which no further round of Cancel trials starts (each map gets at least one).
 * --dist: the folder to build into and serve (default /tmp/dist-stall, away from the project's dist/).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import type { JourneyMap } from '../../../src/domain';
import { exportMapText } from '../../../src/format/serialise';
import { singleLoopMap } from '../../unit/simulation/maps';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1440, height: 900 };
const PORTS = Array.from({ length: 11 }, (_, i) => 4480 + i);
const LONG_MS = 50;
const CANCEL_CUSTOMERS = 10_000_000;

const { values: opts } = parseArgs({
  options: {
    maps: { type: 'string', default: '1000,3000,10000,3000r' },
    rounds: { type: 'string', default: '2' },
    delays: { type: 'string', default: '0,300,1000,2000' },
    'no-build': { type: 'boolean', default: false },
    dist: { type: 'string', default: join(tmpdir(), 'dist-stall') },
    budget: { type: 'string', default: '240' },
  },
});
const ROUNDS = Math.max(1, Number(opts.rounds));
const DELAYS = opts.delays.split(',').map(Number);
const BUDGET_MS = Number(opts.budget) * 1000;
const DIST = resolve(opts.dist);

interface MapSpec {
  key: string;
  touchpoints: number;
  jumps: number;
  /** Cards in a compact grid (Fit view shows every one of them) instead of one long row. */
  grid: boolean;
}
const MAPS: MapSpec[] = opts.maps.split(',').map((raw) => {
  const m = /^(\d+)(r?)(g?)$/.exec(raw.trim());
  if (!m) throw new Error(`--maps: expected numbers such as 1000, 3000r or 3000g, not "${raw}"`);
  return { key: raw.trim(), touchpoints: Number(m[1]), jumps: m[2] ? 1 : 0, grid: m[3] === 'g' };
});

/** The map's cards in a grid about as wide as the screen is tall ×1.6, 240 × 160 px apart. */
function inGrid(map: JourneyMap): JourneyMap {
  const columns = Math.ceil(Math.sqrt(map.nodes.length * 1.6 * (160 / 240)));
  return { ...map, nodes: map.nodes.map((node, i) => ({ ...node, position: { x: (i % columns) * 240, y: Math.floor(i / columns) * 160 } })) };
}

const log = (...args: unknown[]) => console.error(...args);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round1 = (n: number) => Math.round(n * 10) / 10;
/** ms → s with two decimals. */
const seconds = (ms: number) => Math.round(ms / 10) / 100;
const max = (values: number[]) => (values.length ? Math.max(...values) : 0);

// ---------------------------------------------------------------------------------------------------------------
// Build, serve, maps

function build(): void {
  if (opts['no-build']) {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`--no-build: no index.html in ${DIST}`);
    return;
  }
  const started = Date.now();
  const result = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  log(`built the app into ${DIST} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A tiny static server for the build on the first free port of 4480–4490 on 127.0.0.1. */
async function serve(root: string): Promise<Server> {
  const handler = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  for (const port of PORTS) {
    const ok = await new Promise<boolean>((done) => {
      const onError = () => done(false);
      handler.once('error', onError);
      handler.listen(port, '127.0.0.1', () => {
        handler.off('error', onError);
        done(true);
      });
    });
    if (ok) return handler;
  }
  throw new Error(`no free port in ${PORTS[0]}–${PORTS[PORTS.length - 1]}`);
}

/** The file format refuses self-loops and a second edge between the same two nodes; the random wiring makes both. */
function fileSafe(map: JourneyMap): JourneyMap {
  const seen = new Set<string>();
  const edges = map.edges.filter((e) => {
    const key = `${e.source}\u0000${e.target}`;
    if (e.source === e.target || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...map, edges };
}

// ---------------------------------------------------------------------------------------------------------------
// In the page

interface LoafScript {
  invoker: string;
  sourceCharPosition: number;
  invokerType: string;
  sourceURL: string;
  sourceFunctionName: string;
  duration: number;
  forcedStyleAndLayoutDuration: number;
}
interface LongFrame {
  type: 'long-animation-frame' | 'longtask';
  start: number;
  duration: number;
  blockingDuration?: number;
  /** ms from the frame's start to its rendering (rAF, style, layout, paint); absent when it did not render. */
  renderStart?: number;
  styleAndLayoutStart?: number;
  renderMs?: number;
  styleLayoutMs?: number;
  scriptMs?: number;
  scripts?: LoafScript[];
}
interface WorkerEvent {
  type: string;
  phase?: string;
  runId?: string;
  t: number;
}
interface PostEvent {
  type: string;
  runId?: string;
  t: number;
  ms: number;
}
interface RunProbe {
  clickAt: number;
  resultsAt: number;
}
interface CancelProbe {
  /** The click landed elsewhere (the run had ended and the button had gone), or no click came. */
  missed?: boolean;
  clickAt: number;
  textAtClick: string | null;
  removedAt: number | null;
  frameAt: number | null;
}
interface StallState {
  lastLongEnd: number;
  workerLog: WorkerEvent[];
  posts: PostEvent[];
  recording: LongFrame[] | null;
  observers: PerformanceObserver[];
  run: Promise<RunProbe> | null;
  cancel: Promise<CancelProbe> | null;
  startRecording(): void;
  stopRecording(): LongFrame[];
  armRun(): void;
  armCancel(): void;
  cancelPoint(phase: string | null, patterns: Record<string, string>): Promise<{ x: number; y: number } | null>;
}
type StallWindow = Window & { __stall: StallState };

/**
 * Added before the app loads: notes when the last long frame or task ended (for "idle"), and wraps Worker to log
 * the simulation worker's messages (phase changes, result, cancelled) and how long each postMessage blocked.
 */
function initScript(): void {
  const w = window as unknown as StallWindow;
  const state = { lastLongEnd: 0, workerLog: [], posts: [], recording: null, observers: [], run: null, cancel: null } as unknown as StallState;
  w.__stall = state;

  /** Records long animation frames and long tasks (buffered: false), times as performance.now(). */
  state.startRecording = () => {
    const recording: LongFrame[] = [];
    state.recording = recording;
    type Loaf = PerformanceEntry & { blockingDuration: number; renderStart: number; styleAndLayoutStart: number; scripts: LoafScript[] };
    const loafs = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const e = entry as Loaf;
        const end = e.startTime + e.duration;
        const scripts = (e.scripts ?? []).map((s) => ({
          invoker: s.invoker,
          invokerType: s.invokerType,
          sourceURL: s.sourceURL,
          sourceFunctionName: s.sourceFunctionName,
          sourceCharPosition: s.sourceCharPosition,
          duration: s.duration,
          forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration,
        }));
        recording.push({
          type: 'long-animation-frame',
          start: e.startTime,
          duration: e.duration,
          blockingDuration: e.blockingDuration,
          renderStart: e.renderStart > 0 ? e.renderStart - e.startTime : undefined,
          styleAndLayoutStart: e.styleAndLayoutStart > 0 ? e.styleAndLayoutStart - e.startTime : undefined,
          renderMs: e.renderStart > 0 ? end - e.renderStart : 0,
          styleLayoutMs: e.styleAndLayoutStart > 0 ? end - e.styleAndLayoutStart : 0,
          scriptMs: scripts.reduce((sum, s) => sum + s.duration, 0),
          scripts,
        });
      }
    });
    const tasks = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) recording.push({ type: 'longtask', start: e.startTime, duration: e.duration });
    });
    state.observers = [loafs, tasks];
    try {
      loafs.observe({ type: 'long-animation-frame', buffered: false });
    } catch {
      // unsupported: reported when the page opens
    }
    tasks.observe({ type: 'longtask', buffered: false });
  };

  state.stopRecording = () => {
    for (const o of state.observers) {
      for (const e of o.takeRecords()) state.recording?.push({ type: e.entryType as 'longtask', start: e.startTime, duration: e.duration });
      o.disconnect();
    }
    const frames = state.recording ?? [];
    state.recording = null;
    return frames;
  };

  /** Before clicking Run: notes the click's time, then when the results' first card ("Completion rate") shows. */
  state.armRun = () => {
    state.run = new Promise((done, fail) => {
      let clickAt = 0;
      document.addEventListener('click', (event) => (clickAt = event.timeStamp), { capture: true, once: true });
      // A cheap check once a frame.
      const shown = () => document.querySelector('section[aria-label="Simulation results"] .jd-results__card h3')?.textContent === 'Completion rate';
      const started = performance.now();
      const poll = () => {
        if (clickAt && shown()) done({ clickAt, resultsAt: performance.now() });
        else if (performance.now() - started > 300_000) fail(new Error('no results within 300 s'));
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
  };

  /**
   * Before clicking Cancel: from the click event's timestamp (when Chromium received the input) to the progress bar
   * leaving the DOM (a MutationObserver) and to the next animation frame after that.
   */
  let disarm = () => {};
  state.armCancel = () => {
    disarm();
    state.cancel = new Promise((done) => {
      const unclicked = setTimeout(() => {
        document.removeEventListener('click', onClick, true);
        done({ missed: true, clickAt: 0, textAtClick: null, removedAt: null, frameAt: null });
      }, 30_000);
      disarm = () => {
        clearTimeout(unclicked);
        document.removeEventListener('click', onClick, true);
      };
      const onClick = (event: MouseEvent) => {
        if (!event.isTrusted) return;
        disarm();
        const clickAt = event.timeStamp;
        const button = (event.target as Element | null)?.closest?.('button');
        if (!button || button.textContent?.trim() !== 'Cancel' || !button.closest('.jd-sim-controls')) {
          done({ missed: true, clickAt, textAtClick: null, removedAt: null, frameAt: null });
          return;
        }
        const textAtClick = document.querySelector('.jd-sim-controls .jd-progress__text')?.textContent ?? null;
        const bar = () => document.querySelector('[role="progressbar"][aria-label="Simulation progress"]');
        let settled = false;
        const removed = () => {
          if (settled || bar()) return;
          settled = true;
          observer.disconnect();
          const removedAt = performance.now();
          requestAnimationFrame(() => done({ clickAt, textAtClick, removedAt, frameAt: performance.now() }));
        };
        const observer = new MutationObserver(removed);
        observer.observe(document.body, { childList: true, subtree: true });
        queueMicrotask(removed);
        setTimeout(() => {
          if (settled) return;
          settled = true;
          observer.disconnect();
          done({ clickAt, textAtClick, removedAt: null, frameAt: null });
        }, 10_000);
      };
      document.addEventListener('click', onClick, true);
    });
  };

  /**
   * The Cancel button's centre once the progress text matches `phase` (any, if null), with the Cancel probe armed
   * for the click that follows; null if the run ends first.
   */
  state.cancelPoint = (phase, patterns) =>
    new Promise<{ x: number; y: number } | null>((done) => {
      const started = performance.now();
      const tick = () => {
        const controls = document.querySelector('.jd-sim-controls');
        const button = [...(controls?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Cancel');
        const text = controls?.querySelector('.jd-progress__text')?.textContent ?? '';
        if (!button || performance.now() - started > 60_000) return done(null);
        if (phase === null || new RegExp(patterns[phase]).test(text.trim())) {
          const r = button.getBoundingClientRect();
          state.armCancel();
          return done({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
        }
        requestAnimationFrame(tick);
      };
      tick();
    });
  for (const type of ['long-animation-frame', 'longtask']) {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) state.lastLongEnd = Math.max(state.lastLongEnd, e.startTime + e.duration);
      }).observe({ type, buffered: false });
    } catch {
      // not supported: idle then means "no long task"
    }
  }
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      let lastPhase: string | null = null;
      // Registered after the app's own listener (added right after construction), so that the app's listener is the
      // one that deserialises each message, as without the bench, and the long-frame attribution stays the app's.
      queueMicrotask(() => this.addEventListener('message', (event: MessageEvent) => {
        const d = event.data as { type?: unknown; phase?: string; runId?: string } | null;
        if (!d || typeof d.type !== 'string') return;
        if (d.type === 'progress') {
          const key = `${d.runId}:${d.phase}`;
          if (key === lastPhase) return;
          lastPhase = key;
        }
        state.workerLog.push({ type: d.type, phase: d.phase, runId: d.runId, t: performance.now() });
      }));
    }
    postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
      const t = performance.now();
      super.postMessage(message, options as StructuredSerializeOptions);
      const m = message as { type?: unknown; runId?: string } | null;
      if (m && typeof m.type === 'string') state.posts.push({ type: m.type, runId: m.runId, t, ms: performance.now() - t });
    }
  };
}

/** Waits until no long animation frame or long task has ended for `quietMs` (polling, checked twice). */
async function waitIdle(page: Page, quietMs = 1000, timeoutMs = 90_000): Promise<number> {
  const started = Date.now();
  let quietChecks = 0;
  while (Date.now() - started < timeoutMs) {
    const quiet = await page.evaluate(() => performance.now() - (window as unknown as StallWindow).__stall.lastLongEnd);
    quietChecks = quiet >= quietMs && Date.now() - started >= Math.min(quietMs, 500) ? quietChecks + 1 : 0;
    if (quietChecks >= 2) return Date.now() - started;
    await sleep(quietMs >= 1000 ? 250 : 100);
  }
  log(`  page not idle after ${timeoutMs / 1000} s; going on`);
  return Date.now() - started;
}

/** Phase named by the progress text: "Exact analysis 12%", "What-if 40%", "1,234 / 10,000,000". */
const PHASE_PATTERNS: Record<string, string> = { exact: '^Exact analysis', whatIf: '^What-if', monteCarlo: '^[\\d,]+ / [\\d,]+$' };
function phaseOf(text: string | null | undefined): string {
  if (!text) return 'none';
  const phase = Object.keys(PHASE_PATTERNS).find((p) => new RegExp(PHASE_PATTERNS[p]).test(text.trim()));
  return phase ?? `other: ${text}`;
}
const PHASES = ['exact', 'whatIf', 'monteCarlo'];
const PHASE_LABEL: Record<string, string> = { exact: 'exact', whatIf: 'what-if', monteCarlo: 'Monte Carlo' };

// ---------------------------------------------------------------------------------------------------------------
// One map

interface Attribution {
  start: number;
  duration: number;
  blockingDuration?: number;
  kind: string;
  scriptMs?: number;
  renderMs?: number;
  styleLayoutMs?: number;
  scripts?: { invoker: string; source: string; duration: number; forcedStyleAndLayout: number }[];
}
interface CancelTrial {
  round: number;
  /** When Cancel was clicked: "after 300 ms" (from the progress bar showing) or "when the text shows what-if". */
  when: string;
  textAtClick: string | null;
  phase: string;
  workerPhase: string | null;
  domMs: number | null;
  nextFrameMs: number | null;
  workerAckMs: number | null;
  workerAnswer: string | null;
  note?: string;
}
interface MapResult {
  key: string;
  name: string;
  touchpoints: number;
  nodes: number;
  edges: number;
  droppedEdges: number;
  fileMB: number;
  importS: number;
  run: {
    clickToResultsS: number;
    clickToWorkerResultS: number | null;
    postRunMs: number | null;
    timeline: { phase: string; atS: number }[];
    longestFrameMs: number;
    framesOver50: number;
    maxBlockingMs: number;
    longestTaskMs: number;
    tasksOver50: number;
    over50: Attribution[];
  };
  cancels: CancelTrial[];
  errors: string[];
}

const shortUrl = (url: string) => url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/assets\//, '');

function attribute(frames: LongFrame[], t0: number): Attribution[] {
  return frames
    .filter((f) => f.type === 'long-animation-frame' && f.duration > LONG_MS)
    .map((f) => {
      const scriptMs = f.scriptMs ?? 0;
      const styleLayoutMs = f.styleLayoutMs ?? 0;
      const other = f.duration - scriptMs - styleLayoutMs;
      const kind = scriptMs >= styleLayoutMs && scriptMs >= other ? 'script' : styleLayoutMs >= other ? 'style/layout/paint' : 'unattributed (scripts < 5 ms each, GC, or the thread waiting for a CPU)';
      return {
        start: round1(f.start - t0),
        duration: round1(f.duration),
        blockingDuration: f.blockingDuration === undefined ? undefined : round1(f.blockingDuration),
        kind,
        scriptMs: round1(scriptMs),
        renderMs: round1(f.renderMs ?? 0),
        styleLayoutMs: round1(styleLayoutMs),
        scripts: (f.scripts ?? [])
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 4)
          .map((s) => ({
            invoker: s.invoker,
            source: `${shortUrl(s.sourceURL) || '(no URL)'}${s.sourceCharPosition >= 0 ? `:@${s.sourceCharPosition}` : ''}${s.sourceFunctionName ? ` ${s.sourceFunctionName}` : ''}`,
            duration: round1(s.duration),
            forcedStyleAndLayout: round1(s.forcedStyleAndLayoutDuration),
          })),
      };
    });
}

async function runMap(browser: import('playwright-core').Browser, baseURL: string, spec: MapSpec, workDir: string, deadline: number): Promise<MapResult> {
  const generated = singleLoopMap({ touchpoints: spec.touchpoints, jumps: spec.jumps });
  const map = fileSafe(spec.grid ? inGrid(generated) : generated);
  const file = join(workDir, `single-loop-${spec.key}.journey.json`);
  const text = exportMapText(map);
  writeFileSync(file, text);
  const name = map.name;
  const touchpointLabel = /^t\d+$/;

  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block', baseURL });
  // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it defined there.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  // As a named script, so that long-frame attribution tells the bench's own callbacks (stall-bench.js) from the app's.
  await context.addInitScript({ content: `(${initScript.toString()})();\n//# sourceURL=stall-bench.js` });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text().slice(0, 300));
  });
  page.setDefaultTimeout(120_000);
  try {
    await page.goto('/');
    if (!(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')))) {
      log('  this Chromium does not support long-animation-frame entries: frame figures will be empty');
    }
    await page.locator('.react-flow__node').first().waitFor();
    await waitIdle(page);

    // Import through the app's file input, as Import JSON… does.
    const importStarted = Date.now();
    await page.getByLabel('Map file to import').setInputFiles(file);
    await page.getByRole('heading', { name, exact: true }).waitFor();
    // Its cards, or, for a big map seen whole, the far view's picture of them.
    await page.locator('.react-flow__node .jd-node__label').filter({ hasText: touchpointLabel }).or(page.locator('canvas.jd-far-view')).first().waitFor();
    const importS = (Date.now() - importStarted) / 1000;
    log(`  imported in ${importS.toFixed(1)} s; waiting for idle`);
    await waitIdle(page);

    // ---- The run: long frames from the click until results show and the page is idle again.
    // Found before recording starts: a role query walks the whole page (tens of ms with 10,000 cards), and
    // would be counted as the app's long frame.
    const runButton = await page.getByRole('button', { name: 'Run simulation' }).elementHandle();
    await page.evaluate(() => {
      const { __stall } = window as unknown as StallWindow;
      __stall.startRecording();
      __stall.armRun();
    });
    await runButton!.click();
    const { clickAt, resultsAt } = (await page.evaluate(() => (window as unknown as StallWindow).__stall.run)) as RunProbe;
    await waitIdle(page);
    const frames = await page.evaluate(() => (window as unknown as StallWindow).__stall.stopRecording());
    const { workerLog, posts } = await page.evaluate(() => (window as unknown as StallWindow).__stall);
    const runPost = posts.find((p) => p.type === 'run' && p.t >= clickAt);
    const runLog = workerLog.filter((e) => e.runId === runPost?.runId);
    // The worker reports a phase when it pauses; an exact analysis done in one slice never reports, so the
    // timeline starts with exact at the post.
    const progress = runLog.filter((e) => e.type === 'progress').map((e) => ({ phase: e.phase ?? '?', atS: seconds(e.t - clickAt) }));
    const timeline = runPost && progress[0]?.phase !== 'exact' ? [{ phase: 'exact', atS: seconds(runPost.t - clickAt) }, ...progress] : progress;
    const workerResult = runLog.find((e) => e.type === 'result');
    const loafs = frames.filter((f) => f.type === 'long-animation-frame');
    const tasks = frames.filter((f) => f.type === 'longtask');
    const run = {
      clickToResultsS: seconds(resultsAt - clickAt),
      clickToWorkerResultS: workerResult ? seconds(workerResult.t - clickAt) : null,
      postRunMs: runPost ? round1(runPost.ms) : null,
      timeline,
      /** 0 when no frame reached 50 ms (the threshold of long-animation-frame entries). */
      longestFrameMs: round1(max(loafs.map((f) => f.duration))),
      framesOver50: loafs.filter((f) => f.duration > LONG_MS).length,
      /** The most a frame's long tasks (and its rendering) could have delayed an input (blockingDuration). */
      maxBlockingMs: round1(max(loafs.map((f) => f.blockingDuration ?? 0))),
      longestTaskMs: round1(max(tasks.map((f) => f.duration))),
      tasksOver50: tasks.filter((f) => f.duration > LONG_MS).length,
      over50: attribute(frames, clickAt),
    };
    log(
      `  run: click→results ${run.clickToResultsS} s; phases ${timeline.map((p) => `${p.phase}@${p.atS}s`).join(' ')}; ` +
        `longest frame ${run.longestFrameMs} ms (${run.framesOver50} > 50 ms), longest task ${run.longestTaskMs} ms`,
    );

    // ---- Cancel latency, with a long Monte Carlo phase.
    const results = page.getByRole('region', { name: 'Simulation results' });
    if (!(await results.isVisible())) await page.getByRole('button', { name: /^Results/ }).click();
    const customers = results.getByLabel('Customers', { exact: true });
    await customers.fill(String(CANCEL_CUSTOMERS));
    await customers.press('Enter');
    const shown = (await customers.inputValue()).replace(/\D/g, '');
    if (shown !== String(CANCEL_CUSTOMERS)) log(`  Customers shows "${await customers.inputValue()}" after setting ${CANCEL_CUSTOMERS}`);
    await waitIdle(page, 500);

    const cancels: CancelTrial[] = [];
    const report = (trial: CancelTrial) => {
      cancels.push(trial);
      log(
        `  cancel ${trial.when}: "${trial.textAtClick ?? ''}" → DOM ${trial.domMs ?? '–'} ms, next frame ${trial.nextFrameMs ?? '–'} ms, ` +
          `worker ${trial.workerAnswer ?? 'no answer'} ${trial.workerAckMs ?? '–'} ms${trial.note ? ` (${trial.note})` : ''}`,
      );
    };
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0 && Date.now() > deadline) {
        log(`  stopping Cancel trials after ${round} round(s): past the --budget`);
        break;
      }
      for (const delayMs of DELAYS) {
        report(await cancelOnce(page, { delayMs }, round));
        await waitIdle(page, 500);
      }
      // A phase the delays missed: cancel as soon as the progress text shows it; once more only if the run ended
      // just before the click. (What-if on journey-shaped maps often ends within one 25 ms slice of the worker,
      // which reports progress only between slices, so the text never shows it.)
      for (const phase of PHASES) {
        for (let attempt = 0; attempt < 2 && !cancels.some((t) => t.round === round && t.phase === phase); attempt++) {
          const trial = await cancelOnce(page, { phase }, round);
          report(trial);
          await waitIdle(page, 500);
          if (trial.note?.startsWith('the progress text did not show')) break;
        }
      }
    }
    return {
      key: spec.key,
      name,
      touchpoints: spec.touchpoints,
      nodes: map.nodes.length,
      edges: map.edges.length,
      droppedEdges: generated.edges.length - map.edges.length,
      fileMB: Math.round(text.length / 1e4) / 100,
      importS: round1(importS),
      run,
      cancels,
      errors,
    };
  } finally {
    await context.close();
  }
}

type CancelWhen = { delayMs: number } | { phase: string };

/** The Cancel button's centre, once `when` has come (null if the run ended first); checked once a frame in the page. */
async function cancelPoint(page: Page, when: CancelWhen): Promise<{ x: number; y: number } | null> {
  if ('delayMs' in when) await sleep(when.delayMs);
  const phase = 'phase' in when ? when.phase : null;
  return page.evaluate(({ phase, patterns }) => (window as unknown as StallWindow).__stall.cancelPoint(phase, patterns), { phase, patterns: PHASE_PATTERNS });
}

/**
 * Runs with Customers at 10M, clicks Cancel (real mouse input at the button) after a delay from the progress bar
 * showing or as soon as the progress text shows a phase, and measures in the page from the click event's
 * timestamp to the progress bar leaving the DOM, to the next animation frame, and to the worker's answer.
 */
async function cancelOnce(page: Page, when: CancelWhen, round: number): Promise<CancelTrial> {
  const label = 'delayMs' in when ? `after ${when.delayMs} ms` : `when the text shows ${PHASE_LABEL[when.phase]}`;
  const base: CancelTrial = { round, when: label, textAtClick: null, phase: 'none', workerPhase: null, domMs: null, nextFrameMs: null, workerAckMs: null, workerAnswer: null };
  const controls = page.getByRole('group', { name: 'Simulation' });
  const heatmap = controls.getByRole('button', { name: 'Heatmap' });
  const heatmapBefore = await heatmap.getAttribute('aria-pressed');
  await controls.getByRole('button', { name: 'Run simulation' }).click();
  await page.getByRole('progressbar', { name: 'Simulation progress' }).waitFor({ state: 'visible' });
  const point = await cancelPoint(page, when);
  if (!point) {
    await controls.getByRole('button', { name: 'Run simulation' }).waitFor();
    const why = 'phase' in when ? `the progress text did not show ${PHASE_LABEL[when.phase]} (once the bar was seen) before the run ended` : 'the run ended before Cancel could be clicked';
    return { ...base, note: why };
  }
  await page.mouse.click(point.x, point.y);
  const probe = (await page.evaluate(() => (window as unknown as StallWindow).__stall.cancel)) as CancelProbe;
  if (probe.missed) {
    // The run ended between finding the button and the click, which landed on whatever took its place: put back
    // what it may have toggled (the heat map, the results panel).
    if ((await heatmap.getAttribute('aria-pressed')) !== heatmapBefore) await heatmap.click();
    if (!(await page.getByRole('region', { name: 'Simulation results' }).isVisible())) await controls.getByRole('button', { name: /^Results/ }).click();
    await controls.getByRole('button', { name: 'Run simulation' }).waitFor();
    return { ...base, note: 'the run ended just before the click on Cancel' };
  }
  // The worker's answer to the cancel ('cancelled', or 'result' if it had already finished).
  let answer: WorkerEvent | undefined;
  let runPhase: string | null = null;
  for (const started = Date.now(); Date.now() - started < 10_000; await sleep(50)) {
    const { workerLog, posts } = await page.evaluate(() => (window as unknown as StallWindow).__stall);
    const runId = posts.filter((p) => p.type === 'run').at(-1)?.runId;
    runPhase = workerLog.filter((e) => e.runId === runId && e.type === 'progress' && e.t <= probe.clickAt).at(-1)?.phase ?? null;
    answer = workerLog.find((e) => e.runId === runId && (e.type === 'cancelled' || e.type === 'result' || e.type === 'error'));
    if (answer) break;
  }
  return {
    ...base,
    textAtClick: probe.textAtClick,
    phase: phaseOf(probe.textAtClick),
    workerPhase: runPhase,
    domMs: probe.removedAt === null ? null : round1(probe.removedAt - probe.clickAt),
    nextFrameMs: probe.frameAt === null ? null : round1(probe.frameAt - probe.clickAt),
    workerAckMs: answer ? round1(answer.t - probe.clickAt) : null,
    workerAnswer: answer?.type ?? null,
    ...(probe.removedAt === null ? { note: 'the progress bar stayed for 10 s after the click' } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function cancelCell(trials: CancelTrial[], phase: string): string {
  const ms = trials.filter((t) => t.phase === phase && t.nextFrameMs !== null).map((t) => t.nextFrameMs as number);
  return ms.length ? `${Math.round(max(ms))} (n=${ms.length})` : '–';
}

function print(results: MapResult[], meta: Record<string, unknown>): void {
  const rows = [
    ['map', 'touchpoints', 'edges', 'import s', 'click→results s', 'longest frame ms', 'frames >50', 'max blocking ms', 'longest task ms', 'tasks >50', ...PHASES.map((p) => `cancel ${PHASE_LABEL[p]} ms`)],
    ...results.map((r) => [
      `${r.key}${r.key.endsWith('r') ? ' (random)' : ''}`,
      String(r.touchpoints),
      String(r.edges),
      r.importS.toFixed(1),
      r.run.clickToResultsS.toFixed(1),
      r.run.longestFrameMs ? String(Math.round(r.run.longestFrameMs)) : '<50',
      String(r.run.framesOver50),
      String(Math.round(r.run.maxBlockingMs)),
      r.run.longestTaskMs ? String(Math.round(r.run.longestTaskMs)) : '<50',
      String(r.run.tasksOver50),
      ...PHASES.map((p) => cancelCell(r.cancels, p)),
    ]),
  ];
  console.log('');
  console.log('Stall benchmark: main thread during a simulation run (default settings) and Cancel latency (Customers 10,000,000)');
  console.log(table(rows));
  console.log("longest frame / task: '<50' means no long-animation-frame / longtask entry (they start at 50 ms). max blocking: the largest blockingDuration of a long frame.");
  console.log('cancel … ms: worst click → first animation frame after the progress bar left the DOM, by the phase the progress text showed at the click (n trials).');
  for (const r of results) {
    console.log('');
    console.log(
      `${r.name} (${r.nodes} nodes, ${r.edges} edges${r.droppedEdges ? `; ${r.droppedEdges} self-loop/repeated edges dropped` : ''}; file ${r.fileMB} MB): ` +
        `phases ${r.run.timeline.map((p) => `${PHASE_LABEL[p.phase] ?? p.phase} @${p.atS}s`).join(', ')}, worker result @${r.run.clickToWorkerResultS ?? '–'}s, ` +
        `results shown @${r.run.clickToResultsS}s; posting the map to the worker took ${r.run.postRunMs ?? '–'} ms`,
    );
    if (r.run.over50.length === 0) console.log('  no animation frame over 50 ms');
    for (const f of r.run.over50) {
      console.log(
        `  frame @${f.start} ms: ${f.duration} ms (blocking ${f.blockingDuration ?? '–'} ms) → ${f.kind}; scripts ${f.scriptMs} ms, rendering ${f.renderMs} ms of which style/layout/paint ${f.styleLayoutMs} ms`,
      );
      for (const s of f.scripts ?? []) console.log(`      ${s.duration} ms ${s.invoker} [${s.source}]${s.forcedStyleAndLayout ? ` forced style/layout ${s.forcedStyleAndLayout} ms` : ''}`);
    }
    for (const t of r.cancels) {
      console.log(
        `  cancel round ${t.round + 1} ${t.when}: "${t.textAtClick ?? ''}" [worker phase ${t.workerPhase ?? '–'}] → ` +
          `DOM ${t.domMs ?? '–'} ms, next frame ${t.nextFrameMs ?? '–'} ms, worker ${t.workerAnswer ?? 'no answer'} ${t.workerAckMs ?? '–'} ms${t.note ? ` (${t.note})` : ''}`,
      );
    }
    if (r.errors.length) console.log(`  page errors: ${r.errors.slice(0, 5).join(' | ')}`);
  }
  console.log('');
  console.log(
    `machine: ${meta.cores} cores, load average (1 min) ${meta.loadBefore} before, ${meta.loadDuringMean} mean / ${meta.loadDuringMax} max during, ${meta.loadAfter} after; ` +
      `${meta.chromium}; ${meta.seconds} s`,
  );
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH).`);
  const loadBefore = loadavg();
  const loadSamples: number[] = [];
  const sampler = setInterval(() => loadSamples.push(loadavg()[0]), 5000);
  build();
  const server = await serve(DIST);
  const address = server.address();
  const baseURL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  log(`serving ${DIST} at ${baseURL}`);
  const workDir = mkdtempSync(join(tmpdir(), 'stall-maps-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results: MapResult[] = [];
  try {
    const deadline = started + BUDGET_MS;
    for (const spec of MAPS) {
      log(`map ${spec.key}: singleLoopMap({ touchpoints: ${spec.touchpoints}${spec.jumps ? ', jumps: 1' : ''} })${spec.grid ? ' in a grid' : ''} (load ${loadavg()[0].toFixed(2)})`);
      results.push(await runMap(browser, baseURL, spec, workDir, deadline));
    }
  } finally {
    clearInterval(sampler);
    const version = browser.version();
    await browser.close();
    server.close();
    rmSync(workDir, { recursive: true, force: true });
    const meta = {
      cores: availableParallelism(),
      loadBefore: loadBefore.map((l) => round1(l)),
      loadDuringMean: loadSamples.length ? round1(loadSamples.reduce((a, b) => a + b, 0) / loadSamples.length) : null,
      loadDuringMax: loadSamples.length ? round1(max(loadSamples)) : null,
      loadAfter: loadavg().map((l) => round1(l)),
      chromium: `Chromium ${version}`,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    if (results.length) {
      print(results, meta);
      console.log(JSON.stringify({ bench: 'stall', longFrameMs: LONG_MS, cancelCustomers: CANCEL_CUSTOMERS, delaysMs: DELAYS, rounds: ROUNDS, machine: meta, maps: results }));
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
