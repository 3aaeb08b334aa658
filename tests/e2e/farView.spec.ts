import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { exportMapText } from '../../src/format/serialise';
import { singleLoopMap } from '../unit/simulation/maps';
import { inspector, nodeCard, openApp } from './support';

test('a big map seen whole is one picture: a click picks a card, zooming in brings the cards back', async ({ page }, testInfo) => {
  // 600 touchpoints in a grid of 30 columns, 300 × 220 px apart: Fit view shows every card, far below the zoom at which they can be read.
  const map = singleLoopMap({ touchpoints: 600 });
  map.nodes = map.nodes.map((node, i) => ({ ...node, position: { x: (i % 30) * 300, y: Math.floor(i / 30) * 220 } }));
  const file = testInfo.outputPath('grid.journey.json');
  writeFileSync(file, exportMapText(map));
  await openApp(page);
  await page.getByLabel('Map file to import').setInputFiles(file);

  const picture = page.getByRole('img', { name: /^Overview of 603 cards/ });
  await expect(picture).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // t0 is the second node (after the entry): at flow (300, 0); click its middle.
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const [zoom, , , , tx, ty] = transform.replace(/^matrix\(|\)$/g, '').split(',').map(Number);
  expect(zoom).toBeLessThan(0.3);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.click(pane.x + tx + (300 + 95) * zoom, pane.y + ty + 30 * zoom);
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('t0');

  // Delete removes the selected card, as on the cards themselves; undo brings it back.
  await page.keyboard.press('Delete');
  await expect(page.getByRole('img', { name: /^Overview of 602 cards/ })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(picture).toBeVisible();

  // A click on the empty pane between cards (further than the 4 px of slack from any) clears the selection.
  await page.mouse.click(pane.x + tx + (300 + 190 + 55) * zoom, pane.y + ty + (130 + 45) * zoom);
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveCount(0);

  // Find touchpoint centres on a card at a zoom where it can be read: the cards are React Flow's again.
  const find = page.getByRole('combobox', { name: 'Find touchpoint' });
  await find.fill('t45');
  await find.press('Enter');
  await expect(nodeCard(page, 't45')).toBeVisible();
  await expect(picture).toHaveCount(0);
});
