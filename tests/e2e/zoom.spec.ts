/**
 * The app at 200% browser zoom (a 1280×720 screen at 200% gives 640×360 CSS pixels) and at 1280×720: every
 * control can be scrolled into view and is then whole, not cut off by a box that hides its overflow.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { inspector, nodeCard, openApp, palette } from './support';

interface Cut {
  control: string;
  problem: string;
}

/**
 * Scrolls each control into view and reports those that are then not whole on screen: empty, outside the
 * window, cut off by an ancestor that clips its overflow, or covered by something else at their centre.
 */
async function unreachable(controls: Locator): Promise<Cut[]> {
  return controls.evaluateAll((elements) => {
    const cuts: { control: string; problem: string }[] = [];
    const nameOf = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 40);
    for (const el of elements) {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = el.getBoundingClientRect();
      const control = nameOf(el);
      if (box.width < 1 || box.height < 1) {
        cuts.push({ control, problem: 'has no size' });
        continue;
      }
      if (box.left < -0.5 || box.top < -0.5 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5) {
        cuts.push({ control, problem: `outside the window at ${Math.round(box.left)},${Math.round(box.top)}` });
        continue;
      }
      for (let up = el.parentElement; up && up !== document.documentElement; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = up.getBoundingClientRect();
        if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5 || box.top < clip.top - 0.5 || box.bottom > clip.bottom + 0.5) {
          cuts.push({ control, problem: `cut off by ${up.tagName.toLowerCase()}.${[...up.classList].join('.')}` });
          break;
        }
      }
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !(el === hit || el.contains(hit) || hit.contains(el))) cuts.push({ control, problem: `covered by ${hit?.tagName.toLowerCase()}.${hit ? [...hit.classList].join('.') : ''}` });
    }
    return cuts;
  });
}

const toolbarControls = (page: Page) => page.getByRole('banner').locator('button:visible, input:visible, select:visible');
const paletteItems = (page: Page) => palette(page).getByRole('button');
const simulationControls = (page: Page) => page.getByRole('region', { name: 'Simulation controls' }).getByRole('button');
const inspectorControls = (page: Page) => inspector(page).locator('button:visible, input:visible, select:visible, textarea:visible');

for (const screen of [
  { name: '200% zoom (640×360 CSS pixels)', viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
  { name: '1280×720', viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 },
]) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });

    test('every toolbar, palette, simulation and inspector control can be reached whole', async ({ page }, testInfo) => {
      await openApp(page);
      await page.screenshot({ path: testInfo.outputPath('opened.png') });
      expect(await toolbarControls(page).count()).toBeGreaterThan(12);
      expect(await unreachable(toolbarControls(page))).toEqual([]);
      expect(await paletteItems(page).count()).toBeGreaterThanOrEqual(10);
      expect(await unreachable(paletteItems(page))).toEqual([]);
      expect(await unreachable(simulationControls(page))).toEqual([]);

      // A selected touchpoint fills the inspector beyond one screen: it scrolls (or the page does) to its end.
      await nodeCard(page, 'Checkout payment').click();
      await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Checkout payment');
      await expect(inspector(page).getByRole('button', { name: 'Add friction note' })).toBeVisible();
      expect(await unreachable(inspectorControls(page))).toEqual([]);

      // Nothing is wider than the window: no sideways scrolling to find a control.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: testInfo.outputPath('selected-full.png'), fullPage: true });
    });

    test('the canvas keeps a usable size and the results panel can be read to its end', async ({ page }) => {
      await openApp(page);
      const canvasBox = await page.getByRole('main').boundingBox();
      expect(canvasBox!.width).toBeGreaterThanOrEqual(screen.viewport.width * 0.6);
      expect(canvasBox!.height).toBeGreaterThanOrEqual(Math.min(260, screen.viewport.height * 0.6));
      await page.getByRole('button', { name: 'Run simulation' }).click();
      const results = page.getByRole('region', { name: 'Simulation results' });
      await expect(results.getByText('Completion rate')).toBeVisible({ timeout: 20_000 });
      expect(await unreachable(results.locator('button:visible, input:visible, select:visible'))).toEqual([]);
    });

    test('a dialog opened from the toolbar can be read and closed', async ({ page }) => {
      await openApp(page);
      await page.getByRole('button', { name: 'Channels', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Channels' });
      await expect(dialog).toBeVisible();
      expect(await unreachable(dialog.locator('button:visible, input:visible'))).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toHaveCount(0);
    });
  });
}
