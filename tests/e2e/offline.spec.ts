import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { inspector, nodeCard, openApp } from './support';

// These tests are about the service worker, which every other test blocks (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

/** Resolves once a service worker controls the page (the first install claims it without a reload). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 20_000 }).toBe('activated');
}

async function fileMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: /^File/ }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item, exact: true }).click();
}

test('after the first visit the app starts and works with no network', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  // Proves the network is gone: a file that is not precached cannot be fetched.
  expect(await page.evaluate(() => fetch(`/not-precached-${Date.now()}.txt`).then(() => 'online', () => 'offline'))).toBe('offline');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Online store' })).toBeVisible();
  await expect(nodeCard(page, 'Checkout payment')).toBeVisible();

  // Edit: rename a touchpoint in the Inspector.
  await nodeCard(page, 'Cart').click();
  const name = inspector(page).getByLabel('Name', { exact: true });
  await name.fill('Basket');
  await name.press('Enter');
  await expect(nodeCard(page, 'Basket')).toBeVisible();

  // Nothing below was used before going offline, so each lazily loaded part comes from the precache.
  // Simulate: the worker script.
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const results = page.getByRole('region', { name: 'Simulation results' });
  await expect(results.getByText('Completion rate')).toBeVisible({ timeout: 20_000 });

  // Export JSON: the serialiser is a lazily loaded chunk.
  const downloadPromise = page.waitForEvent('download');
  await fileMenu(page, 'Export JSON');
  const download = await downloadPromise;
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported).toMatchObject({ format: 'journey-map', version: 5, name: 'Online store' });
  expect(JSON.stringify(exported.nodes)).toContain('Basket');

  // Save as, where the browser cannot write to files, downloads too.
  await page.evaluate(() => {
    delete (window as Partial<Window & { showSaveFilePicker: unknown }>).showSaveFilePicker;
  });
  const savePromise = page.waitForEvent('download');
  await fileMenu(page, 'Save as…');
  expect((await savePromise).suggestedFilename()).toBe('Online store.journey.json');

  // Lazily loaded dialogs open: their chunks and styles.
  await page.getByRole('button', { name: 'Personas', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Personas' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Personas' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Report' }).click();
  const report = page.getByRole('dialog', { name: 'Report' });
  await expect(report.getByRole('heading', { level: 1, name: 'Online store' })).toBeVisible({ timeout: 20_000 });
});

const DIST = resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env.E2E_DIST ?? 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The built app on a server of the test's own, so that the test can publish a new release. (A browser fetches
 * a service worker script itself: Playwright's routing never sees that request.)
 */
async function serveBuild(): Promise<{ url: string; publishRelease: () => void; close: () => Promise<void> }> {
  let release = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = join(DIST, normalize(path === '/' ? '/index.html' : path));
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
        // A changed service worker script is a new release, as far as the browser can tell.
        response.end(path === '/sw.js' ? `${body}\n// release ${release}\n` : body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    publishRelease: () => {
      release = String(Date.now());
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

type Marked = Window & { openedBeforeUpdate?: boolean };

for (const visit of ['a returning visit', 'the first visit']) {
  test(`a new version found on ${visit} is announced with a Reload prompt and takes over only when asked`, async ({ page }) => {
    const build = await serveBuild();
    try {
      await page.goto(build.url);
      await expect(nodeCard(page, 'Checkout payment')).toBeVisible();
      await waitForServiceWorker(page);
      // A returning visit starts under the service worker; the first one was claimed by it after loading.
      if (visit === 'a returning visit') {
        await page.reload();
        await expect(nodeCard(page, 'Checkout payment')).toBeVisible();
      }
      await expect(page.getByRole('status').filter({ hasText: 'Update available' })).toHaveCount(0);

      build.publishRelease();
      await page.evaluate(async () => {
        (window as Marked).openedBeforeUpdate = true;
        await (await navigator.serviceWorker.getRegistration())!.update();
      });
      const prompt = page.getByRole('status').filter({ hasText: 'Update available' });
      await expect(prompt).toBeVisible({ timeout: 20_000 });
      // Not swapped under the user's feet: the new version waits, the page stays and can still be edited.
      expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
      await nodeCard(page, 'Cart').click();
      await inspector(page).getByLabel('Name', { exact: true }).fill('Basket');
      await inspector(page).getByLabel('Name', { exact: true }).press('Enter');
      await expect(nodeCard(page, 'Basket')).toBeVisible();
      expect(await page.evaluate(() => (window as Marked).openedBeforeUpdate)).toBe(true);

      let loads = 0;
      page.on('load', () => loads++);
      const reloaded = page.waitForEvent('load', { timeout: 20_000 });
      await prompt.getByRole('button', { name: 'Reload' }).click();
      // The waiting version takes over and the page reloads into it (once), with the edit kept.
      await reloaded;
      expect(await page.evaluate(() => (window as Marked).openedBeforeUpdate ?? false)).toBe(false);
      await expect(nodeCard(page, 'Basket')).toBeVisible();
      expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(false);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
      await expect(page.getByRole('status').filter({ hasText: 'Update available' })).toHaveCount(0);
      expect(loads).toBe(1);
    } finally {
      await build.close();
    }
  });
}
