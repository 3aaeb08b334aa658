import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import { inspector, nodeCard, openApp } from './support';

const SAMPLE = onlineStoreSample();

/** "n%" for every edge whose source has more than one way out: the shares the canvas labels. */
function expectedShares(): Map<string, string> {
  const totals = new Map<string, { total: number; count: number }>();
  for (const e of SAMPLE.edges) {
    const t = totals.get(e.source) ?? { total: 0, count: 0 };
    totals.set(e.source, { total: t.total + e.weight, count: t.count + 1 });
  }
  const shares = new Map<string, string>();
  for (const e of SAMPLE.edges) {
    const t = totals.get(e.source)!;
    if (t.count >= 2) shares.set(e.id, `${Math.round((e.weight / t.total) * 100)}%`);
  }
  return shares;
}

/** Chooses an item of the File menu and returns the downloaded file. */
async function exportAs(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /^File/ }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item }).click();
  const download = await downloadPromise;
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

interface Drawn {
  texts: string[];
  edgeTexts: Record<string, string>;
  /** Boxes in the picture's own pixels: the cards, and everything that must never lie on one. */
  cards: { id: string; x: number; y: number; width: number; height: number }[];
  others: { what: string; x: number; y: number; width: number; height: number }[];
  /** Share of non-white pixels in the PNG, decoded by the browser. */
  inked: number | null;
  decoded: { width: number; height: number } | null;
}

/** Draws the SVG at its natural size in a blank page and measures it there; decodes the PNG with createImageBitmap. */
async function inspect(page: Page, svg: string, png?: Buffer): Promise<Drawn> {
  const blank = await page.context().newPage();
  try {
    await blank.setContent('<!doctype html><body style="margin:0"></body>');
    return await blank.evaluate(
      async ({ svg, png }) => {
        document.body.innerHTML = svg;
        const root = document.querySelector('svg')!;
        const origin = root.getBoundingClientRect();
        const box = (element: Element) => {
          const r = element.getBoundingClientRect();
          return { x: r.x - origin.x, y: r.y - origin.y, width: r.width, height: r.height };
        };
        const cards = Array.from(root.querySelectorAll('[data-node]')).map((g) => ({ id: g.getAttribute('data-node')!, ...box(g.firstElementChild!) }));
        const others = [
          ...Array.from(root.querySelectorAll('[data-edge] rect')).map((r) => ({ what: `label of ${r.parentElement!.getAttribute('data-edge')}`, ...box(r) })),
          ...Array.from(root.querySelectorAll('.lane > rect:first-child')).map((r) => ({ what: 'emotion lane', ...box(r) })),
          ...Array.from(root.querySelectorAll('.legend')).map((g) => ({ what: 'legend', ...box(g) })),
          ...Array.from(root.querySelectorAll('text.tt, text.st, text.s')).map((t) => ({ what: `text ${t.textContent}`, ...box(t) })),
        ];
        const edgeTexts: Record<string, string> = {};
        for (const g of Array.from(root.querySelectorAll('[data-edge]'))) edgeTexts[g.getAttribute('data-edge')!] = g.querySelector('text')?.textContent ?? '';
        let inked: number | null = null;
        let decoded: { width: number; height: number } | null = null;
        if (png) {
          const bitmap = await createImageBitmap(new Blob([new Uint8Array(png)], { type: 'image/png' }));
          decoded = { width: bitmap.width, height: bitmap.height };
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d')!;
          context.drawImage(bitmap, 0, 0);
          const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
          let count = 0;
          for (let i = 0; i < data.length; i += 4 * 97) if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) count++;
          inked = count / (data.length / (4 * 97));
        }
        return { texts: Array.from(root.querySelectorAll('text')).map((t) => t.textContent ?? ''), edgeTexts, cards, others, inked, decoded };
      },
      { svg, png: png ? Array.from(png) : undefined },
    );
  } finally {
    await blank.close();
  }
}

const overlap = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

test('the exported picture is the same from a small window with results open and from a large one, at every size', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('region', { name: 'Simulation results' }).getByText('Completion rate')).toBeVisible();

  const small = await exportAs(page, 'Export image: SVG');
  expect(small.name).toBe('Online store.svg');
  const svg = small.bytes.toString('utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).not.toMatch(/foreignObject|<script|<img/i);
  const size = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
  const natural = { width: Number(size[1]), height: Number(size[2]) };
  const smallPng = await exportAs(page, 'Export image: PNG 1920×1080');
  expect(smallPng.name).toBe('Online store.png');

  // A large window, the results closed, the canvas zoomed in: none of it is in the picture.
  await page.getByRole('button', { name: 'Close simulation results' }).click();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  const large = await exportAs(page, 'Export image: SVG');
  expect(large.bytes.toString('utf8')).toBe(svg);
  const largePng = await exportAs(page, 'Export image: PNG 1920×1080');
  expect(pngSize(largePng.bytes)).toEqual({ width: 1920, height: 1080 });
  expect(largePng.bytes.equals(smallPng.bytes)).toBe(true);

  // The text is real text: every edge's share, every stage, every card's name.
  const drawn = await inspect(page, svg, largePng.bytes);
  const shares = expectedShares();
  expect(shares.size).toBeGreaterThan(5);
  for (const [id, share] of shares) expect(drawn.edgeTexts[id]?.startsWith(share), `${id} shows ${share}`).toBe(true);
  const all = drawn.texts.join('\n');
  for (const stage of SAMPLE.stages) expect(drawn.texts).toContain(stage.name);
  for (const word of ['Online store', 'Checkout', 'Delivery updates', 'EMOTION CURVE', 'Moment of truth', 'CHANNELS']) expect(all).toContain(word);

  // Nothing lies on a card: no edge label, not the lane, the legend or the heading.
  expect(drawn.cards).toHaveLength(SAMPLE.nodes.length);
  expect(drawn.others.filter((o) => o.what.startsWith('label')).length).toBeGreaterThanOrEqual(shares.size);
  for (const other of drawn.others) for (const card of drawn.cards) expect(overlap(other, card), `${other.what} overlaps ${card.id}`).toBe(false);

  // The PNG decodes at the chosen size and shows the picture, not a blank page.
  expect(drawn.decoded).toEqual({ width: 1920, height: 1080 });
  expect(drawn.inked).toBeGreaterThan(0.1);

  for (const [item, expected] of [
    ['Export image: PNG (2×)', { width: 2 * natural.width, height: 2 * natural.height }],
    ['Export image: PNG 3840×2160', { width: 3840, height: 2160 }],
    ['Export image: PNG natural size', natural],
  ] as const) {
    const png = await exportAs(page, item);
    expect(pngSize(png.bytes), item).toEqual(expected);
  }
});

test('with the heatmap on, the picture shows the heat; once the results are stale, it does not', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('region', { name: 'Simulation results' }).getByText('Completion rate')).toBeVisible();
  await page.getByRole('button', { name: 'Heatmap' }).click();
  const hot = (await exportAs(page, 'Export image: SVG')).bytes.toString('utf8');
  expect(hot).toContain('/ 1,000</text>');
  expect(hot).toContain('customers lost per 1,000 starts');
  expect(hot).toContain('Heatmap from simulation results');

  // Resolving friction makes the results stale: their heat would pass for this map's.
  await nodeCard(page, 'Checkout payment').click();
  await inspector(page).getByRole('listitem', { name: /Payment form is long/ }).getByLabel('Resolve').check();
  await expect(page.getByRole('button', { name: 'Results (stale)' })).toBeVisible();
  const cold = (await exportAs(page, 'Export image: SVG')).bytes.toString('utf8');
  expect(cold).not.toContain('/ 1,000</text>');
  expect(cold).not.toContain('Heatmap from simulation results');
});
