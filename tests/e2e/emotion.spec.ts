import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import { emotionLane } from '../../src/simulation/emotionCurve';
import { inspector, nodeCard, openApp } from './support';

/** What the sample's lane should show with "All customers" chosen (the map's curve, or each persona's). */
const SAMPLE = onlineStoreSample();
const EXPECTED = emotionLane(SAMPLE, null)!;
const POINTS = EXPECTED.curves.reduce((n, c) => n + c.points.length, 0);
const TRUTH = EXPECTED.curves.flatMap((c) => c.points).find((p) => p.momentOfTruth)!;

const lane = (page: Page) => page.getByRole('group', { name: 'Emotion curve' });
const points = (page: Page) => lane(page).getByRole('button');
const toggle = (page: Page) => page.getByRole('button', { name: 'Emotion curve', exact: true });
const stageHeader = (page: Page, name: string) => page.getByRole('button', { name: `Stage ${name}`, exact: true });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}

/** The lane's left edge and width over the bands' (first band's left to last band's right), in screen pixels. */
async function alignment(page: Page) {
  const laneBox = await box(lane(page));
  const first = await box(page.locator('.jd-stage').first());
  const last = await box(page.locator('.jd-stage').last());
  return { left: laneBox.x - first.x, width: laneBox.width / (last.x + last.width - first.x) };
}

test('the sample shows the emotion curve under the cards, one point per touchpoint with an emotion', async ({ page }) => {
  await openApp(page);
  await expect(lane(page)).toBeVisible();
  await expect(points(page)).toHaveCount(POINTS);
  await expect(lane(page).getByRole('button', { name: new RegExp(`^${TRUTH.label}\\b.*, moment of truth$`) }).first()).toBeVisible();
  await expect(lane(page).getByText('Moment of truth').first()).toBeVisible();
  if (EXPECTED.comparing) {
    const legend = lane(page).getByRole('list', { name: 'Personas' });
    await expect(legend.getByRole('listitem')).toHaveText(SAMPLE.personas.map((p) => p.name));
  }
  await expect(lane(page).getByText('+2 delighted')).toBeVisible();
  await expect(lane(page).getByText('−2 angry')).toBeVisible();

  // Below every card, so it covers none.
  const laneTop = (await box(lane(page))).y;
  for (const card of await page.locator('.react-flow__node').all()) {
    const b = await box(card);
    expect(b.y + b.height).toBeLessThan(laneTop);
  }
  // A point sits in its touchpoint's stage column.
  const checkout = await box(lane(page).getByRole('button', { name: /^Checkout payment\b/ }).first());
  const purchase = await box(page.locator('.jd-stage').nth(2));
  expect(checkout.x).toBeGreaterThan(purchase.x);
  expect(checkout.x + checkout.width).toBeLessThan(purchase.x + purchase.width);
});

test('clicking a point selects its touchpoint', async ({ page }) => {
  await openApp(page);
  await lane(page).getByRole('button', { name: /^Checkout payment\b/ }).first().click();
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Checkout payment');
  await expect(nodeCard(page, 'Checkout payment')).toHaveClass(/selected/);

  await lane(page).getByRole('button', { name: /^Delivery support chat\b/ }).first().click();
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Delivery support chat');
});

test('with a persona chosen, the lane draws that persona’s curve alone', async ({ page }) => {
  // The sample's first persona (it has two: first-time buyers and returning customers).
  const persona = SAMPLE.personas[0];
  const expected = emotionLane(SAMPLE, persona.id)!.curves[0];
  await openApp(page);
  await page.getByRole('combobox', { name: 'Persona' }).selectOption({ label: persona.name });
  await expect(points(page)).toHaveCount(expected.points.length);
  await expect(lane(page).getByRole('list', { name: 'Personas' })).toHaveCount(0);
  await expect(lane(page).getByText(persona.name)).toBeVisible();
  const signed = (e: number) => (e > 0 ? `+${e}` : e < 0 ? `−${-e}` : '0');
  expect(await points(page).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).toEqual(
    expected.points.map((p) => `${p.label}: emotion ${signed(p.emotion)}${p.momentOfTruth ? ', moment of truth' : ''}`),
  );
});

test('the lane stays on the stage columns when the canvas zooms and pans', async ({ page }) => {
  await openApp(page);
  await expect(points(page)).toHaveCount(POINTS);
  const before = await alignment(page);
  expect(before.left).toBeCloseTo(0, 0);
  expect(before.width).toBeCloseTo(1, 2);

  const headerBefore = await box(stageHeader(page, 'Purchase'));
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await box(stageHeader(page, 'Purchase'))).width).toBeGreaterThan(headerBefore.width * 1.1);
  const zoomed = await alignment(page);
  expect(zoomed.left).toBeCloseTo(0, 0);
  expect(zoomed.width).toBeCloseTo(1, 2);

  const pane = await box(page.locator('.react-flow__pane'));
  const laneBefore = await box(lane(page));
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width / 2 - 120, pane.y + pane.height / 2 - 80, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await box(lane(page))).x).toBeCloseTo(laneBefore.x - 120, 0);
  const panned = await alignment(page);
  expect(panned.left).toBeCloseTo(0, 0);
});

test('the lane can be hidden, and stays hidden after a reload until shown again', async ({ page }) => {
  await openApp(page);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await toggle(page).click();
  await expect(lane(page)).toHaveCount(0);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');

  await page.reload();
  await expect(nodeCard(page, 'Checkout payment')).toBeVisible();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(lane(page)).toHaveCount(0);

  await toggle(page).click();
  await expect(points(page)).toHaveCount(POINTS);
});

/** The emotion lane's box in an exported SVG, in the picture's own units (its map group is translated). */
function laneIn(svg: string): { x: number; y: number; width: number; height: number } | null {
  const shift = /<g transform="translate\(([-\d.]+) ([-\d.]+)\)">/.exec(svg);
  const lane = /<g class="lane"><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (!shift || !lane) return null;
  return { x: Number(lane[1]) + Number(shift[1]), y: Number(lane[2]) + Number(shift[2]), width: Number(lane[3]), height: Number(lane[4]) };
}

test('"Fit view" shows the lane whole, and an exported image does too when the canvas shows only part of it', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1400 });
  await openApp(page);
  await expect(points(page)).toHaveCount(POINTS);
  await page.getByRole('button', { name: 'Fit view' }).click();
  const tall = await box(page.locator('.react-flow__pane'));
  await expect.poll(async () => ((b) => b.y + b.height)(await box(lane(page)))).toBeLessThanOrEqual(tall.y + tall.height);
  // In a short window the lane under the cards is out of view.
  await page.setViewportSize({ width: 1440, height: 700 });
  await expect.poll(async () => ((b) => b.y + b.height)(await box(lane(page))) - ((b) => b.y + b.height)(await box(page.locator('.react-flow__pane')))).toBeGreaterThan(0);

  const exportSvg = async () => {
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: /^File/ }).click();
    await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: 'Export image: SVG' }).click();
    return readFileSync(await (await downloadPromise).path(), 'utf8');
  };
  const svg = await exportSvg();
  for (const text of ['EMOTION CURVE', 'Moment of truth', '+2 delighted', '>Checkout']) expect(svg).toContain(text);

  // The picture is drawn from the map, not captured from the screen: the lane is whole in it.
  const size = /^<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (!size) throw new Error('the image has no size');
  const drawn = laneIn(svg);
  if (!drawn) throw new Error('the image has no lane');
  expect(drawn.x).toBeGreaterThanOrEqual(0);
  expect(drawn.y).toBeGreaterThanOrEqual(0);
  expect(drawn.x + drawn.width).toBeLessThanOrEqual(Number(size[1]));
  expect(drawn.y + drawn.height).toBeLessThanOrEqual(Number(size[2]));

  // Hidden on the canvas, the lane is left out of the picture too.
  await toggle(page).click();
  expect(laneIn(await exportSvg())).toBeNull();
});
