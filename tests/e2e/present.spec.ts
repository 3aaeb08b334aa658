import { expect, test, type Locator, type Page } from '@playwright/test';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import { emptyChanges } from '../../src/domain/scenarios';
import { exportMapText } from '../../src/format/serialise';
import { presentationSteps } from '../../src/panels/present/steps';
import { simulateJourney } from '../../src/simulation/simulate';
import { nodeCard, openApp } from './support';

// What the presentation of the sample should say: the exact engine is deterministic, so the hotspots the
// app finds when the presentation starts the simulation are these.
const SAMPLE = onlineStoreSample();
const STEPS = presentationSteps(SAMPLE, simulateJourney(SAMPLE, { customers: 1_000 }));
const N = STEPS.length;
const FIRST_HOTSPOT = STEPS.findIndex((s) => s.kind === 'hotspot');
const CHECKOUT = STEPS.findIndex((s) => s.kind === 'hotspot' && s.title === 'Checkout payment');

const presentation = (page: Page) => page.getByRole('dialog', { name: /^Presentation/ });
const progress = (show: Locator) => show.locator('.jd-present__count');

/** Waits until step `n` (1-based) is shown with its title, and its zoom has arrived. */
async function expectStep(show: Locator, n: number): Promise<void> {
  await expect(progress(show)).toHaveText(`${n} / ${N}`);
  await expect(show.getByRole('heading', { level: 2 })).toHaveText(STEPS[n - 1].title);
  const figure = show.locator('.jd-present__figure');
  await expect.poll(async () => figure.evaluate((f) => f.shadowRoot?.querySelector('svg')?.getAttribute('viewBox') === f.getAttribute('data-zoom'))).toBe(true);
}

test('presentation stepping and Escape', async ({ page }, testInfo) => {
  expect(FIRST_HOTSPOT).toBeGreaterThan(SAMPLE.stages.length);
  await openApp(page);
  const presentButton = page.getByRole('button', { name: 'Present' });

  // P starts it; the simulation runs on entering, and the hotspots join the steps when it is done.
  await page.keyboard.press('p');
  const show = presentation(page);
  await expect(show).toBeVisible();
  await expect(progress(show)).toHaveText(`1 / ${N}`);
  await expect(show.getByRole('heading', { level: 2 })).toHaveText('Online store');
  await expect(show.getByText('5 stages · 10 touchpoints')).toBeVisible();
  // No editing chrome: the presentation covers the toolbar, the palette, the canvas and the inspector.
  const undo = await page.getByRole('button', { name: 'Undo' }).boundingBox();
  const covered = await page.evaluate(
    (points) => points.every(([x, y]) => document.elementFromPoint(x, y)?.closest('.jd-present') != null),
    [[undo!.x + 5, undo!.y + 5], [20, 120], [720, 450], [1420, 300], [1420, 880]],
  );
  expect(covered).toBe(true);
  await expectStep(show, 1);
  await page.screenshot({ path: testInfo.outputPath('present-1-journey.png'), animations: 'disabled' });

  const wholeZoom = await show.locator('.jd-present__figure').getAttribute('data-zoom');
  await page.keyboard.press('ArrowRight');
  await expectStep(show, 2);
  await expect(show.getByText('Stage 1 of 5', { exact: true })).toBeVisible();
  await expect(show.locator('[aria-live="polite"]')).toHaveText(`Stage 1 of 5: Awareness, 2 of ${N}`);
  await page.keyboard.press('Space');
  await expectStep(show, 3);
  await page.keyboard.press('PageDown');
  await expectStep(show, 4);
  expect(STEPS[3].title).toBe('Purchase');
  // A stage is a narrower part of the picture than the whole journey.
  const stageZoom = (await show.locator('.jd-present__figure').getAttribute('data-zoom'))!.split(' ').map(Number);
  expect(stageZoom[2]).toBeLessThan(Number(wholeZoom!.split(' ')[2]));
  await page.screenshot({ path: testInfo.outputPath('present-2-stage.png'), animations: 'disabled' });
  await page.keyboard.press('PageUp');
  await expectStep(show, 3);
  await page.keyboard.press('ArrowLeft');
  await expectStep(show, 2);
  await page.keyboard.press('Home');
  await expectStep(show, 1);

  // A presenter's clicker: PageDown through the stages to the hotspots.
  for (let n = 2; n <= CHECKOUT + 1; n++) {
    await page.keyboard.press('PageDown');
    await expect(progress(show)).toHaveText(`${n} / ${N}`);
  }
  await expectStep(show, CHECKOUT + 1);
  await expect(show.getByText(/^Hotspot \d of \d$/)).toBeVisible();
  await expect(show.locator('.jd-present__detail')).toHaveText(
    /^43 of every 1,000 customers leave here · worst friction: S4 Payment form is long and confusing; many abandon here · fixing it: \+2\.5 points$/,
  );
  await page.screenshot({ path: testInfo.outputPath('present-3-hotspot.png'), animations: 'disabled' });
  await page.keyboard.press('End');
  await expectStep(show, N);
  await page.keyboard.press('ArrowRight');
  await expect(progress(show)).toHaveText(`${N} / ${N}`);

  // Keys during the presentation never reach the editor: select all and Delete would empty the map.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');

  // Escape leaves and gives focus back to the Present button.
  await page.keyboard.press('Escape');
  await expect(show).toHaveCount(0);
  await expect(presentButton).toBeFocused();
  await expect(page.locator('.react-flow__node')).toHaveCount(SAMPLE.nodes.length);
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();

  // The button starts it again, from the beginning; a click on the right half goes on, the left half back.
  await presentButton.click();
  await expect(show).toBeVisible();
  await expectStep(show, 1);
  await page.mouse.click(1300, 450);
  await expectStep(show, 2);
  await page.mouse.click(1300, 450);
  await expectStep(show, 3);
  await page.mouse.click(140, 450);
  await expectStep(show, 2);
  await show.getByRole('button', { name: /Leave/ }).click();
  await expect(show).toHaveCount(0);
  await expect(presentButton).toBeFocused();
});

test('P typed into a text field is text, not the presentation', async ({ page }) => {
  await openApp(page);
  const find = page.getByRole('combobox', { name: 'Find touchpoint' });
  await find.click();
  await page.keyboard.type('Pay');
  await expect(find).toHaveValue('Pay');
  await expect(presentation(page)).toHaveCount(0);
});

test('with a scenario, the last step compares it with the as-is', async ({ page }, testInfo) => {
  await openApp(page);
  const checkout = SAMPLE.nodes.find((n) => n.id === 'checkout-payment')!;
  const withScenario = {
    ...SAMPLE,
    id: 'sample-with-scenario',
    name: 'Online store to-be',
    scenarios: [
      {
        id: 'scn-short-form',
        name: 'Shorter payment form',
        changes: { ...emptyChanges(), changedNodes: [{ id: checkout.id, set: { friction: checkout.friction.map((f) => ({ ...f, resolved: true })) }, unset: [] }] },
      },
    ],
  };
  await page.locator('input[type=file]').setInputFiles({ name: 'to-be.journey.json', mimeType: 'application/json', buffer: Buffer.from(exportMapText(withScenario)) });
  await expect(page.getByRole('heading', { name: 'Online store to-be' })).toBeVisible();
  await expect(nodeCard(page, 'Checkout payment')).toBeVisible();

  await page.getByRole('button', { name: 'Present' }).click();
  const show = presentation(page);
  // Hotspots and the comparison both arrive after entering: N steps, then one more.
  await expect(progress(show)).toHaveText(`1 / ${N + 1}`);
  await page.keyboard.press('End');
  await expect(progress(show)).toHaveText(`${N + 1} / ${N + 1}`);
  await expect(show.getByRole('heading', { level: 2 })).toHaveText('As-is vs Shorter payment form');
  const table = show.getByRole('table', { name: /Completion rate of the as-is journey/ });
  await expect(table.getByRole('row', { name: /^As-is/ })).toContainText('baseline');
  await expect(table.getByRole('row', { name: /^Shorter payment form/ })).toContainText(/\+\d+\.\d points/);
  await page.screenshot({ path: testInfo.outputPath('present-4-comparison.png'), animations: 'disabled' });
  await page.keyboard.press('Escape');
  await expect(show).toHaveCount(0);
});
