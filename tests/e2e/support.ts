import { expect, type Locator, type Page } from '@playwright/test';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';

const SAMPLE = onlineStoreSample();

export const canvas = (page: Page) => page.getByRole('main').locator('.react-flow');
export const nodeCard = (page: Page, label: string) => page.locator('.react-flow__node').filter({ has: page.locator('.jd-node__label', { hasText: new RegExp(`^${escape(label)}$`) }) });
export const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
export const palette = (page: Page) => page.getByRole('region', { name: 'Touchpoint palette' });

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens the app on the sample and waits until the whole journey is fitted and drawn (nodes mount as they come into view). */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Online store' })).toBeVisible();
  await expect(nodeCard(page, 'Checkout payment')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(SAMPLE.nodes.length);
  await expect(page.locator('.react-flow__edge')).toHaveCount(SAMPLE.edges.length);
  // Palette dragging loads just after the first render; a drag that starts before it would find no handle.
  await expect(palette(page).locator('[data-drag-ready]')).toBeVisible();
}

/** Drags with the mouse in small steps, as a person would (dnd-kit and React Flow both need movement). */
export async function dragMouse(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 6, from.y + 6, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

export async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  await locator.waitFor({ state: 'visible' });
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export interface StoredShape {
  nodes: number;
  edges: number;
  text: string;
}

/** Resolves once the open map, as stored in IndexedDB, has these counts and contains `text` (saves are debounced). */
export async function waitForStored(page: Page, expected: StoredShape): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async ({ nodes, edges, text }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const req = indexedDB.open('journey-designer');
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          const read = (key: string) =>
            new Promise<unknown>((resolve, reject) => {
              const req = db.transaction('keyval').objectStore('keyval').get(key);
              req.onsuccess = () => resolve(req.result);
              req.onerror = () => reject(req.error);
            });
          const current = await read('current');
          const record = (current ? await read(`map:${current}`) : undefined) as { map: { nodes: unknown[]; edges: unknown[] } } | undefined;
          db.close();
          return !!record && record.map.nodes.length === nodes && record.map.edges.length === edges && JSON.stringify(record).includes(text);
        }, expected),
      { timeout: 5_000 },
    )
    .toBe(true);
}

/** Writes records into the app's IndexedDB store as they are (e.g. in the shape an earlier release wrote them). */
export async function plantRecords(page: Page, records: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (entries) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('journey-designer');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('keyval', 'readwrite');
      const store = tx.objectStore('keyval');
      for (const [key, value] of Object.entries(entries)) store.put(value, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

/** Reads one record of the app's IndexedDB store. */
export async function readRecord<T>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(async (k) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('journey-designer');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const req = db.transaction('keyval').objectStore('keyval').get(k);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return value as T | undefined;
  }, key);
}
