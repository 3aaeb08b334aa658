import { expect, test } from '@playwright/test';
import { inspector, nodeCard, openApp, waitForStored } from './support';

test('two tabs on the same map: the idle tab follows the other tab’s saves', async ({ context }) => {
  const first = await context.newPage();
  await openApp(first);
  const nodes = await first.locator('.react-flow__node').count();
  const edges = await first.locator('.react-flow__edge').count();
  await waitForStored(first, { nodes, edges, text: 'Checkout payment' });
  const second = await context.newPage();
  await openApp(second);

  await nodeCard(first, 'Cart').click();
  const name = inspector(first).getByLabel('Name', { exact: true });
  await name.fill('Basket');
  await name.press('Enter');
  await expect(nodeCard(second, 'Basket')).toBeVisible();
  await expect(second.getByText('Updated with changes made in another tab.')).toBeVisible();
});

test('a stored map that fails validation is kept aside and the app opens on the sample', async ({ page }) => {
  await openApp(page);
  // Let the first save of the sample land, so it cannot overwrite what the test stores next.
  const nodes = await page.locator('.react-flow__node').count();
  const edges = await page.locator('.react-flow__edge').count();
  await waitForStored(page, { nodes, edges, text: 'Checkout payment' });
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('journey-designer');
      req.onsuccess = () => resolve(req.result);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction('keyval', 'readwrite');
      const store = tx.objectStore('keyval');
      store.put('broken-map', 'current');
      store.put({ rev: 3, savedAt: 0, savedBy: 'x', map: { id: 'broken-map', name: 'Broken', nodes: [{ id: 'a', kind: 'touchpoint', scores: { csat: 140 } }] } }, 'map:broken-map');
      tx.oncomplete = () => resolve();
    });
    db.close();
  });
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('kept aside');
  await expect(nodeCard(page, 'Checkout payment')).toBeVisible();
  const kept = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('journey-designer');
      req.onsuccess = () => resolve(req.result);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const req = db.transaction('keyval').objectStore('keyval').getAllKeys();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return keys.map(String);
  });
  expect(kept).toContain('map:broken-map');
  expect(kept.some((k) => k.startsWith('quarantine:broken-map:'))).toBe(true);
});

test('without IndexedDB the app still opens, warns, and keeps working in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await openApp(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Your map is safe in this tab' })).toBeVisible();
  await nodeCard(page, 'Cart').click();
  await inspector(page).getByLabel('Name', { exact: true }).fill('Basket');
  await inspector(page).getByLabel('Name', { exact: true }).press('Enter');
  await expect(nodeCard(page, 'Basket')).toBeVisible();
});
