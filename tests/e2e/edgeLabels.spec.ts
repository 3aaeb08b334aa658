import { expect, test, type Page } from '@playwright/test';
import { TEMPLATES } from '../../src/domain/samples';
import { canvas, openApp } from './support';

/** Edge labels show from this zoom (EdgeLabelLayout's LABEL_MIN_ZOOM). */
const LABEL_MIN_ZOOM = 0.7;
/** Rounding allowance: boxes may share a pixel edge. */
const SLACK = 1;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Snapshot {
  viewport: { x: number; y: number; zoom: number };
  pane: Box;
  nodes: Box[];
  labels: { text: string; box: Box }[];
}

/** Overlap of more than SLACK px in both directions. */
const overlaps = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > SLACK && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > SLACK;

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** Every card and label on screen with its box, and the viewport they were drawn at. */
async function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const flow = document.querySelector('.jd-canvas .react-flow')!;
    const transform = (flow.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    const [, x, y, zoom] = /translate\((-?[\d.e-]+)px, (-?[\d.e-]+)px\) scale\(([\d.e-]+)\)/.exec(transform)!.map(Number);
    return {
      viewport: { x, y, zoom },
      pane: box(flow),
      nodes: Array.from(flow.querySelectorAll('.react-flow__node'), box),
      labels: Array.from(document.querySelectorAll('.jd-edge-label'), (el) => ({ text: el.textContent ?? '', box: box(el) })),
    };
  });
}

/** Resolves with the snapshot once two in a row agree: cards measured, labels placed, animations done. */
async function settled(page: Page): Promise<Snapshot> {
  let previous = '';
  let latest: Snapshot | undefined;
  await expect
    .poll(async () => {
      latest = await snapshot(page);
      const text = JSON.stringify(latest);
      const same = text === previous;
      previous = text;
      return same;
    })
    .toBe(true);
  return latest!;
}

/** A point in the canvas where nothing but the pane is under the mouse, so pressing there pans. */
async function emptyPanePoint(page: Page, pane: Box, delta: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ pane, delta }) => {
      for (let fy = 0.1; fy <= 0.9; fy += 0.05) {
        for (let fx = 0.1; fx <= 0.9; fx += 0.05) {
          const x = pane.x + pane.width * fx;
          const y = pane.y + pane.height * fy;
          const end = { x: x + delta.x, y: y + delta.y };
          if (end.x < pane.x + 5 || end.x > pane.x + pane.width - 5 || end.y < pane.y + 5 || end.y > pane.y + pane.height - 5) continue;
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
        }
      }
      return null;
    },
    { pane, delta },
  );
  if (!point) throw new Error('no empty spot of the canvas to pan from');
  return point;
}

/** Pans by dragging the empty canvas (in steps no longer than half the canvas) until the viewport is at `target`. */
async function panTo(page: Page, target: { x: number; y: number }): Promise<Snapshot> {
  for (let attempt = 0; attempt < 12; attempt++) {
    const now = await settled(page);
    const dx = target.x - now.viewport.x;
    const dy = target.y - now.viewport.y;
    if (Math.abs(dx) < 2 && Math.abs(dy) < 2) return now;
    const step = {
      x: Math.max(-now.pane.width / 2, Math.min(now.pane.width / 2, dx)),
      y: Math.max(-now.pane.height / 2, Math.min(now.pane.height / 2, dy)),
    };
    const from = await emptyPanePoint(page, now.pane, step);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + step.x / 2, from.y + step.y / 2, { steps: 4 });
    await page.mouse.move(from.x + step.x, from.y + step.y, { steps: 4 });
    await page.mouse.up();
  }
  throw new Error('could not pan the canvas to the wanted viewport');
}

/** Labels fully on screen that overlap a card or another label, described for the failure message. */
function hiddenLabels(shot: Snapshot): string[] {
  const problems: string[] = [];
  shot.labels.forEach((label, i) => {
    if (!inside(label.box, shot.pane)) return;
    for (const node of shot.nodes) if (overlaps(label.box, node)) problems.push(`"${label.text}" is behind a card`);
    shot.labels.forEach((other, j) => {
      if (j !== i && overlaps(label.box, other.box)) problems.push(`"${label.text}" and "${other.text}" overlap`);
    });
  });
  return problems;
}

/** Where a box's centre is in flow coordinates (the viewport's x/y are relative to the canvas). */
function flowCentre(box: Box, { viewport, pane }: Snapshot): { x: number; y: number } {
  return { x: (box.x + box.width / 2 - pane.x - viewport.x) / viewport.zoom, y: (box.y + box.height / 2 - pane.y - viewport.y) / viewport.zoom };
}

for (const template of TEMPLATES) {
  test(`edge labels on the "${template.name}" template hide behind no card and no other label`, async ({ page }) => {
    const map = template.create();
    await openApp(page);
    if (map.name !== 'Online store') {
      await page.getByRole('button', { name: 'Maps' }).click();
      const library = page.getByRole('dialog', { name: 'Map library' });
      await library.getByRole('region', { name: 'Start a new map' }).getByRole('button', { name: template.name }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(template.name);
    }

    // Fitted and drawn: every card and connection on screen, inside the canvas.
    await expect(canvas(page).locator('.react-flow__node')).toHaveCount(map.nodes.length + map.notes.length);
    await expect(canvas(page).locator('.react-flow__edge')).toHaveCount(map.edges.length);
    await expect
      .poll(async () => {
        const now = await snapshot(page);
        return now.nodes.every((node) => inside(node, now.pane));
      })
      .toBe(true);
    let shot = await settled(page);
    // The journey's extent in flow coordinates, while every card is on screen (off-screen cards are not drawn).
    const fitted = shot;
    const toFlowX = (x: number) => (x - fitted.pane.x - fitted.viewport.x) / fitted.viewport.zoom;
    const toFlowY = (y: number) => (y - fitted.pane.y - fitted.viewport.y) / fitted.viewport.zoom;
    const left = Math.min(...fitted.nodes.map((n) => toFlowX(n.x))) - 40;
    const top = Math.min(...fitted.nodes.map((n) => toFlowY(n.y))) - 40;
    const right = Math.max(...fitted.nodes.map((n) => toFlowX(n.x + n.width))) + 40;
    const bottom = Math.max(...fitted.nodes.map((n) => toFlowY(n.y + n.height))) + 40;

    // Labels show only when readable: zoom in with the control until they do.
    for (let clicks = 0; shot.viewport.zoom < LABEL_MIN_ZOOM; clicks++) {
      expect(clicks).toBeLessThan(10);
      await page.getByRole('button', { name: 'Zoom In' }).click();
      shot = await settled(page);
    }
    await expect(page.locator('.jd-edge-label').first()).toBeVisible();

    // Visit the whole journey in overlapping views; check every label that is fully on screen in each.
    const { zoom } = shot.viewport;
    const spanX = Math.max(0, right - left - shot.pane.width / zoom);
    const spanY = Math.max(0, bottom - top - shot.pane.height / zoom);
    const columns = Math.ceil(spanX / ((shot.pane.width / zoom) * 0.6)) + 1;
    const rows = Math.ceil(spanY / ((shot.pane.height / zoom) * 0.6)) + 1;

    const seen: { text: string; x: number; y: number }[] = [];
    const problems = new Set<string>();
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const flowX = left + (column * spanX) / Math.max(1, columns - 1);
        const flowY = top + (row * spanY) / Math.max(1, rows - 1);
        const here = await panTo(page, { x: -flowX * zoom, y: -flowY * zoom });
        for (const p of hiddenLabels(here)) problems.add(p);
        for (const label of here.labels) {
          if (!inside(label.box, here.pane)) continue;
          const at = flowCentre(label.box, here);
          if (!seen.some((s) => s.text === label.text && Math.hypot(s.x - at.x, s.y - at.y) < 3)) seen.push({ text: label.text, ...at });
        }
      }
    }

    expect([...problems]).toEqual([]);
    // Every connection that shows a share or a label was seen whole at least once.
    const branching = new Map<string, number>();
    for (const e of map.edges) branching.set(e.source, (branching.get(e.source) ?? 0) + 1);
    const labelled = map.edges.filter((e) => (branching.get(e.source) ?? 0) >= 2 || !!e.label).length;
    expect(seen.length).toBe(labelled);
  });
}
