import { expect, test } from '@playwright/test';
import { centre, dragMouse, inspector, nodeCard, openApp, palette, waitForStored } from './support';

test('opens on the sample journey with its stages, touchpoints and friction', async ({ page }) => {
  await openApp(page);
  for (const stage of ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']) {
    await expect(page.locator('.jd-stage__label', { hasText: stage })).toBeVisible();
  }
  const checkout = nodeCard(page, 'Checkout payment');
  await expect(checkout.getByLabel(/2 open friction notes, highest severity 4/)).toBeVisible();
  await expect(checkout).toContainText('CSAT');
  await expect(nodeCard(page, 'Repeat purchase')).toContainText('Success');
  await expect(page.locator('.jd-edge-label', { hasText: '75%' })).toBeVisible();
});

test('a strategist builds a touchpoint, connects it, undoes, redoes and finds it all after reload', async ({ page }) => {
  await openApp(page);
  const nodesBefore = await page.locator('.react-flow__node').count();

  // Drag the "Website" palette item onto an empty spot of the canvas.
  const website = palette(page).getByRole('button', { name: 'Website', exact: true });
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  const drop = { x: pane.x + pane.width * 0.30, y: pane.y + pane.height - 90 };
  await dragMouse(page, await centre(website), drop, 15);
  await expect(page.locator('.react-flow__node')).toHaveCount(nodesBefore + 1);
  const created = nodeCard(page, 'Website touchpoint');
  await expect(created).toBeVisible();
  const createdBox = await created.boundingBox();
  expect(Math.abs(createdBox!.x + createdBox!.width / 2 - drop.x)).toBeLessThan(40);

  // The new node is selected: rename it and give it a score and a friction note.
  const panel = inspector(page);
  await panel.getByLabel('Name', { exact: true }).fill('Store locator');
  await panel.getByLabel('Name', { exact: true }).press('Enter');
  await expect(nodeCard(page, 'Store locator')).toBeVisible();
  await panel.getByLabel('CSAT', { exact: true }).fill('72');
  await panel.getByLabel('CSAT', { exact: true }).press('Enter');
  await panel.getByLabel('New friction note').fill('Opening hours are out of date');
  await panel.getByLabel('Severity').selectOption('3');
  await panel.getByRole('button', { name: 'Add friction note' }).click();
  const locator = nodeCard(page, 'Store locator');
  await expect(locator).toContainText('72%');
  await expect(locator.getByLabel('1 open friction note, highest severity 3')).toBeVisible();

  // Connect it to "Cart" by dragging from its output handle to Cart's input handle.
  const edgesBefore = await page.locator('.react-flow__edge').count();
  const source = locator.locator('.react-flow__handle.source');
  const target = nodeCard(page, 'Cart').locator('.react-flow__handle.target');
  await dragMouse(page, await centre(source), await centre(target), 20);
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);

  // Undo the connection with the toolbar, redo it with the keyboard.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore);
  await page.keyboard.press('Control+y');
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);

  // Zoom out a little so the restored viewport is not just the default fit.
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await waitForStored(page, { nodes: nodesBefore + 1, edges: edgesBefore + 1, text: 'Opening hours are out of date' });
  await page.waitForTimeout(600); // the viewport is saved after the zoom animation ends
  const viewportBefore = await page.locator('.react-flow__viewport').getAttribute('style');
  await page.reload();
  const restored = nodeCard(page, 'Store locator');
  await expect(restored).toBeVisible();
  await expect(restored).toContainText('72%');
  await expect(restored.getByLabel('1 open friction note, highest severity 3')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);
  await expect(page.locator('.react-flow__node')).toHaveCount(nodesBefore + 1);
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', viewportBefore!);
});

test('invalid inspector values are refused next to the field and the map keeps its value', async ({ page }) => {
  await openApp(page);
  await nodeCard(page, 'Checkout payment').click();
  const panel = inspector(page);
  const csat = panel.getByLabel('CSAT', { exact: true });
  await csat.fill('140');
  await csat.press('Enter');
  await expect(panel.getByText('CSAT must be between 0 and 100')).toBeVisible();
  await expect(nodeCard(page, 'Checkout payment')).toContainText('52%');
  const nps = panel.getByLabel('NPS', { exact: true });
  await nps.fill('abc');
  await nps.press('Enter');
  await expect(panel.getByText('NPS must be a number')).toBeVisible();
  await expect(nodeCard(page, 'Checkout payment')).toContainText('-14');
});

test('keyboard: Enter on a palette item adds it, Delete removes the selection, Ctrl+Z brings it back', async ({ page }) => {
  await openApp(page);
  const count = await page.locator('.react-flow__node').count();
  await palette(page).getByRole('button', { name: 'Outcome', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node')).toHaveCount(count + 1);
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Outcome');

  await nodeCard(page, 'Live chat').click();
  await page.keyboard.press('Delete');
  await expect(nodeCard(page, 'Live chat')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(nodeCard(page, 'Live chat')).toBeVisible();
});

test('moving a node into another stage band sets its stage, and one drag is one undo step', async ({ page }) => {
  await openApp(page);
  const chat = nodeCard(page, 'Live chat');
  await chat.click();
  await expect(inspector(page).getByLabel('Stage')).toHaveValue('consideration');
  const from = await centre(chat.locator('.jd-node__label'));
  const band = await page.locator('.jd-stage__label', { hasText: 'Purchase' }).boundingBox();
  await dragMouse(page, from, { x: band!.x + band!.width / 2, y: from.y + 60 }, 25);
  await expect(inspector(page).getByLabel('Stage')).toHaveValue('purchase');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(inspector(page).getByLabel('Stage')).toHaveValue('consideration');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
