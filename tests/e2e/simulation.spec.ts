import { expect, test } from '@playwright/test';
import { inspector, nodeCard, openApp } from './support';

test('run the simulation: completion with CI next to the exact value, outcomes, paths, hotspots, heatmap', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const results = page.getByRole('region', { name: 'Simulation results' });
  await expect(results.getByText('Completion rate')).toBeVisible();
  await expect(results).toContainText(/95% CI \d+\.\d% – \d+\.\d%/);
  await expect(results).toContainText(/Exact: \d+\.\d\d%/);
  await expect(results.getByRole('row', { name: /Repeat purchase/ })).toBeVisible();
  // The checkout payment form is among the hotspots, with its worst friction note.
  const hotspots = results.locator('.jd-hotspots');
  await expect(hotspots).toContainText('Checkout payment');
  await expect(hotspots).toContainText('Payment form is long and confusing');

  // Clicking a top path highlights it on the canvas and dims the rest.
  const firstPath = results.getByRole('button', { pressed: false }).filter({ hasText: '→' }).first();
  await firstPath.click();
  await expect(nodeCard(page, 'Checkout payment').locator('.jd-node')).toHaveClass(/is-on-path/);
  await expect(nodeCard(page, 'Live chat').locator('.jd-node')).toHaveClass(/is-off-path/);

  await page.getByRole('button', { name: 'Heatmap' }).click();
  await expect(page.getByRole('note', { name: 'Heatmap legend' })).toBeVisible();
  await expect(nodeCard(page, 'Product page').locator('.jd-node')).toHaveClass(/has-heat/);
  await expect(page.locator('.jd-edge.is-flowing').first()).toBeVisible();
});

test('results go stale after an edit that changes the journey, and a new run refreshes them', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const results = page.getByRole('region', { name: 'Simulation results' });
  await expect(results.getByText('Completion rate')).toBeVisible();
  const before = await results.locator('.jd-big-number').textContent();

  // Moving nothing of substance (renaming) keeps results current…
  await nodeCard(page, 'Cart').click();
  await inspector(page).getByLabel('Name', { exact: true }).fill('Basket');
  await inspector(page).getByLabel('Name', { exact: true }).press('Enter');
  await expect(results.getByText(/^Stale/)).toHaveCount(0);
  // …resolving the checkout friction changes the journey.
  await nodeCard(page, 'Checkout payment').click();
  await inspector(page).getByRole('listitem', { name: /Payment form is long/ }).getByLabel('Resolve').check();
  await expect(results.getByText(/^Stale/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Results (stale)' })).toBeVisible();

  await results.getByRole('button', { name: 'Run again' }).click();
  await expect(results.getByText(/^Stale/)).toHaveCount(0);
  const after = await results.locator('.jd-big-number').textContent();
  expect(parseFloat(after!)).toBeGreaterThan(parseFloat(before!));
});

test('settings are saved with the map; a 10-million-customer run shows progress, keeps the UI responsive and can be cancelled', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Results' }).click();
  const results = page.getByRole('region', { name: 'Simulation results' });
  const customers = results.getByLabel('Customers');
  await customers.fill('10000000');
  await customers.press('Enter');
  await results.getByLabel('Seed').fill('42');
  await results.getByLabel('Seed').press('Enter');

  // Cancel as soon as the run reports progress: the engine is fast enough that waiting longer could let a
  // 10-million-customer run on the small sample finish first.
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const progress = page.getByRole('progressbar', { name: 'Simulation progress' });
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run simulation' })).toBeVisible();
  await expect(results.getByText('Completion rate')).toHaveCount(0);

  // While the worker runs, the editor still answers: select a node and rename it.
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(progress).toBeVisible();
  const started = Date.now();
  await nodeCard(page, 'Cart').click();
  await inspector(page).getByLabel('Name', { exact: true }).fill('Basket');
  await inspector(page).getByLabel('Name', { exact: true }).press('Enter');
  await expect(nodeCard(page, 'Basket')).toBeVisible();
  expect(Date.now() - started).toBeLessThan(3000);
  if (await progress.count()) await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Run simulation' })).toBeVisible();

  // The settings travel with the map: they are in the exported file.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /^File/ }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: 'Export JSON' }).click();
  const text = await (await downloadPromise).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  expect(JSON.parse(text).simulation).toMatchObject({ customers: 10_000_000, seed: 42 });
});

test('the same seed gives the same numbers', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const results = page.getByRole('region', { name: 'Simulation results' });
  await expect(results.getByText('Completion rate')).toBeVisible();
  const first = await results.locator('.jd-results__grid').textContent();
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('button', { name: 'Run simulation' })).toBeVisible();
  await expect(results.getByText('Completion rate')).toBeVisible();
  expect(await results.locator('.jd-results__grid').textContent()).toBe(first);
  expect(first).toMatch(/\d+\.\d%/);
});
