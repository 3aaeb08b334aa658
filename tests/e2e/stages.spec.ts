import { expect, test, type Locator, type Page } from '@playwright/test';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import { nodeCard, openApp, waitForStored } from './support';

const SAMPLE = onlineStoreSample();
const stageHeader = (page: Page, name: string) => page.getByRole('button', { name: `Stage ${name}`, exact: true });
const stageOptions = (page: Page, name: string) => page.getByRole('button', { name: `Stage options for ${name}`, exact: true });
const nameField = (page: Page) => page.getByRole('textbox', { name: 'Stage name' });
const left = async (locator: Locator) => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return box.x;
};

test('a stage is renamed in place on the canvas, and keeps its name after a reload', async ({ page }) => {
  await openApp(page);
  await stageHeader(page, 'Awareness').dblclick();
  await expect(nameField(page)).toBeFocused();
  await expect(nameField(page)).toHaveValue('Awareness');
  // The whole name is selected: typing replaces it.
  await page.keyboard.type('Discover');
  await page.keyboard.press('Enter');
  await expect(stageHeader(page, 'Discover')).toBeVisible();
  await expect(stageHeader(page, 'Awareness')).toHaveCount(0);
  await expect(nameField(page)).toHaveCount(0);
  await expect(stageHeader(page, 'Discover')).toBeFocused();

  await waitForStored(page, { nodes: SAMPLE.nodes.length, edges: SAMPLE.edges.length, text: '"name":"Discover"' });
  await page.reload();
  await expect(stageHeader(page, 'Discover')).toBeVisible();
  await expect(stageHeader(page, 'Awareness')).toHaveCount(0);
});

test('"Add stage" adds a stage right of the others and opens its name field', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add stage' }).click();
  await expect(nameField(page)).toBeFocused();
  await expect(nameField(page)).toHaveValue('New stage');
  await nameField(page).fill('Loyalty');
  await nameField(page).press('Enter');
  const loyalty = stageHeader(page, 'Loyalty');
  await expect(loyalty).toBeVisible();
  expect(await left(loyalty)).toBeGreaterThan(await left(stageHeader(page, 'Advocacy')));
});

test('"Move right" in the stage menu moves the band with its nodes, and undo puts both back', async ({ page }) => {
  await openApp(page);
  const awareness = stageHeader(page, 'Awareness');
  const searchAd = nodeCard(page, 'Search ad');
  const headerBefore = await left(awareness);
  const nodeBefore = await left(searchAd);
  const considerationBefore = await left(stageHeader(page, 'Consideration'));

  await stageOptions(page, 'Awareness').click();
  const menu = page.getByRole('menu', { name: 'Stage options for Awareness' });
  await expect(menu.getByRole('menuitem', { name: 'Move left' })).toBeDisabled();
  await menu.getByRole('menuitem', { name: 'Move right' }).click();
  await expect(menu).toHaveCount(0);
  await expect(stageOptions(page, 'Awareness')).toBeFocused();

  // The band moved one place right; its node moved by the same distance, so it is still inside it.
  await expect.poll(() => left(awareness)).toBeGreaterThan(headerBefore + 50);
  const shift = (await left(awareness)) - headerBefore;
  await expect.poll(async () => (await left(searchAd)) - nodeBefore).toBeCloseTo(shift, 0);
  expect(await left(stageHeader(page, 'Consideration'))).toBeLessThan(considerationBefore - 50);

  await page.keyboard.press('Control+z');
  await expect.poll(() => left(awareness)).toBeCloseTo(headerBefore, 0);
  await expect.poll(() => left(searchAd)).toBeCloseTo(nodeBefore, 0);
});

test('deleting a stage that holds nodes asks where they go; they move to the chosen neighbour', async ({ page }) => {
  await openApp(page);
  await stageOptions(page, 'Purchase').click();
  await page.getByRole('menuitem', { name: 'Delete stage' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete stage Purchase' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Stage Purchase holds 2 nodes.');
  await expect(dialog.getByRole('button', { name: 'Move them to Consideration' })).toBeFocused();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(stageOptions(page, 'Purchase')).toBeFocused();

  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Delete stage' }).click();
  await dialog.getByRole('button', { name: 'Move them to Consideration' }).click();
  await expect(stageHeader(page, 'Purchase')).toHaveCount(0);
  await expect(nodeCard(page, 'Cart')).toBeVisible();
  const consideration = (await stageHeader(page, 'Consideration').locator('xpath=ancestor::*[contains(@class, "jd-stage ")]').boundingBox())!;
  const cart = (await nodeCard(page, 'Cart').boundingBox())!;
  expect(cart.x).toBeGreaterThanOrEqual(consideration.x);
  expect(cart.x + cart.width).toBeLessThanOrEqual(consideration.x + consideration.width + 1);

  await page.keyboard.press('Control+z');
  await expect(stageHeader(page, 'Purchase')).toBeVisible();
});
