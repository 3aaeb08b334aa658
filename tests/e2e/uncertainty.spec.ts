import { expect, test, type Page } from '@playwright/test';
import { effectiveDropOff } from '../../src/domain';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import type { JourneyMap } from '../../src/domain/types';
import { exportMapText } from '../../src/format/serialise';
import { openApp } from './support';

/** The sample with checkout drop-offs and the product page's weights calibrated from counts, as an import would set them. */
function calibratedSample(): JourneyMap {
  const map = onlineStoreSample();
  map.name = 'Calibrated store';
  const counts: Record<string, [entered: number, left: number]> = { 'product-page': [4000, 1400], cart: [2600, 520], 'checkout-payment': [2080, 520] };
  for (const node of map.nodes) {
    const c = counts[node.id];
    if (!c) continue;
    const designed = effectiveDropOff(node, map.simulation?.severityDropOff);
    node.dropOff = c[1] / c[0];
    node.observed = { entered: c[0], left: c[1], designed };
  }
  const transitions: Record<string, number> = { 'e-product-cart': 1950, 'e-product-chat': 650 };
  for (const edge of map.edges) {
    const count = transitions[edge.id];
    if (count === undefined) continue;
    edge.observed = { count, designed: edge.weight };
    edge.weight = count;
  }
  return map;
}

async function importMap(page: Page, map: JourneyMap) {
  await page.getByLabel('Map file to import').setInputFiles({ name: 'calibrated.journey.json', mimeType: 'application/json', buffer: Buffer.from(exportMapText(map)) });
  await expect(page.getByRole('heading', { name: map.name })).toBeVisible();
}

test('uncertainty: intervals from the counts behind calibrated values, the top hotspot share, and Cancel', async ({ page }) => {
  await openApp(page);
  await importMap(page, calibratedSample());
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const results = page.getByRole('region', { name: 'Simulation results' });
  await expect(results.getByText('Completion rate')).toBeVisible();

  // Designed vs observed: the three calibrated steps with the drop-off the map assumed before.
  const table = results.getByRole('table', { name: 'Designed vs observed conversion' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Checkout payment/ })).toContainText('75.0%');

  const card = results.locator('.jd-uncertainty');
  await card.getByRole('button', { name: 'Run uncertainty analysis' }).click();
  await expect(card).toContainText(/From 1,000 draws/);
  await expect(card).toContainText(/Completion: \d+\.\d% – \d+\.\d%/);
  await expect(card).toContainText(/is the top hotspot in \d+% of draws/);
  await expect(card).toContainText('Values typed by hand are held fixed');
  // The exact completion lies inside the interval of the draws.
  const exact = Number((await results.getByText(/^Exact: /).textContent())!.match(/([\d.]+)%/)![1]);
  const [low, high] = (await card.getByText(/^Completion: /).textContent())!.match(/[\d.]+(?=%)/g)!.map(Number);
  expect(low).toBeLessThanOrEqual(exact);
  expect(high).toBeGreaterThanOrEqual(exact);
  expect(high - low).toBeGreaterThan(0);

  // A long run shows its progress and stops on Cancel.
  await card.getByLabel('Draws').fill('100000');
  await card.getByRole('button', { name: 'Run uncertainty analysis' }).click();
  await expect(card.getByRole('progressbar', { name: 'Uncertainty draws made' })).toBeVisible();
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByText('Cancelled.')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Run uncertainty analysis' })).toBeEnabled();
});

test('uncertainty on a map typed by hand says nothing is drawn', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const card = page.getByRole('region', { name: 'Simulation results' }).locator('.jd-uncertainty');
  await card.getByRole('button', { name: 'Run uncertainty analysis' }).click();
  await expect(card).toContainText('Nothing on this map comes from counts');
  await expect(card).toContainText('Values typed by hand are held fixed');
});
