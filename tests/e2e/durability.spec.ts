/**
 * Saving survives what a browser does to a page: reloads and closed tabs right after an edit, an IndexedDB
 * that never answers or is missing, damaged records, and a second tab changing the map or the library.
 * Faults are injected with page.addInitScript, before the app's first script.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import { inspector, nodeCard, openApp } from './support';

const mapName = (page: Page) => inspector(page).getByLabel('Map name', { exact: true });
const noticeWith = (page: Page, text: string) => page.locator('.jd-notice').filter({ hasText: text });

/** A small seeded PRNG (mulberry32), so a failing run can be repeated with the seed it prints. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Waits until the editor shows a map (after a load or a reload) and returns its name. */
async function shownName(page: Page): Promise<string> {
  await expect(mapName(page)).toBeVisible({ timeout: 10_000 });
  return mapName(page).inputValue();
}

async function renameMap(page: Page, name: string): Promise<void> {
  const field = mapName(page);
  await field.fill(name);
  await field.press('Enter');
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
}

/** Reads one record of the app's IndexedDB store (undefined when absent). */
async function readRecord(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('journey-designer');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const req = db.transaction('keyval').objectStore('keyval').get(key);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return value;
  }, key);
}

async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('journey-designer');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const req = db.transaction('keyval').objectStore('keyval').getAllKeys();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return keys.map(String);
  });
}

const storedName = async (page: Page, id: string) => ((await readRecord(page, `map:${id}`)) as { map?: { name?: string } } | undefined)?.map?.name;

/**
 * Seeds the app's IndexedDB before its first script runs: in the upgrade that creates the database, so the
 * app's own open() waits for the records. Runs once per browser context (later loads find the database).
 * Numbers JSON cannot carry are written as "§Infinity".
 */
async function seedStorage(context: BrowserContext | Page, records: Record<string, unknown>): Promise<void> {
  const text = JSON.stringify(records, (_key, value: unknown) => (value === Infinity ? '§Infinity' : value));
  await context.addInitScript((text) => {
    const records = JSON.parse(text, (_key, value: unknown) => (value === '§Infinity' ? Infinity : value)) as Record<string, unknown>;
    const req = indexedDB.open('journey-designer');
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('keyval');
      for (const [key, value] of Object.entries(records)) store.put(value, key);
    };
    req.onsuccess = () => req.result.close();
  }, text);
}

const SEEDED_ID = 'seeded-map';
const seededRecord = (extra: Record<string, unknown> = {}, name = 'Seeded journey') => ({
  format: 'journey-map',
  version: 2,
  map: { ...onlineStoreSample(), id: SEEDED_ID, name },
  rev: 3,
  savedAt: Date.UTC(2026, 0, 5),
  savedBy: 'seed',
  ...extra,
});

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return errors;
}

test.describe('committed edits survive the page going away', () => {
  test('a committed rename survives 100 reloads at random moments 0–1,500 ms after it', async ({ page }) => {
    test.setTimeout(240_000);
    const seed = 20260105;
    const next = random(seed);
    await openApp(page);
    const lost: string[] = [];
    for (let i = 0; i < 100; i++) {
      const name = `Reloaded journey ${i}`;
      await renameMap(page, name);
      const delay = Math.floor(next() * 1500);
      await page.waitForTimeout(delay);
      await page.reload({ waitUntil: 'commit' });
      const shown = await shownName(page);
      if (shown !== name) {
        lost.push(`#${i} after ${delay} ms: "${shown}"`);
        // Go on from what is shown, so each round tests one edit.
      }
    }
    expect(lost, `lost committed renames (seed ${seed})`).toEqual([]);
  });

  test('a committed rename survives closing the tab 0–300 ms after it (20 times)', async ({ context }) => {
    test.setTimeout(120_000);
    const seed = 7;
    const next = random(seed);
    const lost: string[] = [];
    let expected: string | null = null;
    for (let i = 0; i <= 20; i++) {
      const page = await context.newPage();
      await page.goto('/');
      const shown = await shownName(page);
      if (expected !== null && shown !== expected) lost.push(`#${i - 1}: "${shown}" instead of "${expected}"`);
      if (i === 20) break;
      expected = `Closed journey ${i}`;
      await renameMap(page, expected);
      await page.waitForTimeout(Math.floor(next() * 300));
      await page.close();
    }
    expect(lost, `lost committed renames (seed ${seed})`).toEqual([]);
  });

  test('a node dropped just before a reload stays where it was dropped', async ({ page }) => {
    await openApp(page);
    const card = nodeCard(page, 'Cart');
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 10, { steps: 2 });
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 200, { steps: 8 });
    await page.mouse.up();
    const moved = (await card.boundingBox())!;
    expect(moved.y).toBeGreaterThan(box.y + 100);
    await page.reload();
    await expect(nodeCard(page, 'Cart')).toBeVisible();
    const after = (await nodeCard(page, 'Cart').boundingBox())!;
    expect(Math.abs(after.y - moved.y)).toBeLessThan(2);
  });
});

test.describe('storage that does not answer or is missing', () => {
  test('an IndexedDB open() that never answers: the app opens in memory, warns, keeps the work and saves once storage answers', async ({ page }) => {
    test.setTimeout(60_000);
    await page.addInitScript(() => {
      const realOpen = IDBFactory.prototype.open;
      const w = window as unknown as { __idbHangs: boolean; __releaseIdb: () => void };
      w.__idbHangs = true;
      w.__releaseIdb = () => (w.__idbHangs = false);
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        // An open request that never calls back, as some browsers leave the first open().
        return w.__idbHangs ? ({} as IDBOpenDBRequest) : realOpen.apply(this, args);
      };
    });
    await page.goto('/');
    const warning = noticeWith(page, 'Storage is not answering; your work is kept in this tab');
    await expect(warning).toBeVisible({ timeout: 10_000 });
    await expect(nodeCard(page, 'Checkout payment')).toBeVisible();

    await renameMap(page, 'Kept while storage hangs');
    // Still hanging after a reload: the write-ahead copy opens.
    await page.reload();
    await expect(warning).toBeVisible({ timeout: 10_000 });
    expect(await shownName(page)).toBe('Kept while storage hangs');

    await page.evaluate(() => (window as unknown as { __releaseIdb: () => void }).__releaseIdb());
    await expect(warning).toBeHidden({ timeout: 20_000 });
    await expect
      .poll(async () => {
        const current = (await readRecord(page, 'current')) as string | undefined;
        return current ? storedName(page, current) : undefined;
      }, { timeout: 10_000 })
      .toBe('Kept while storage hangs');
  });

  test('without IndexedDB, changing the view throws nothing and a committed edit survives a reload', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    await openApp(page);
    await page.getByRole('button', { name: /zoom in/i }).click();
    await page.getByRole('button', { name: /zoom out/i }).click();
    await renameMap(page, 'No database here');
    // The failed save of the rename comes after the (debounced) viewport write: both have run by now.
    await expect(noticeWith(page, 'Your changes could not be saved')).toBeVisible();
    expect(errors).toEqual([]);
    await page.reload();
    expect(await shownName(page)).toBe('No database here');
    expect(errors).toEqual([]);
  });
});

test.describe('stored records are checked like files', () => {
  for (const [what, updatedAt] of [
    ['"not-a-date"', 'not-a-date'],
    ['1e20', 1e20],
  ] as const) {
    test(`a library summary with updatedAt ${what} is rebuilt and the library opens`, async ({ page }) => {
      const errors = collectPageErrors(page);
      await seedStorage(page, {
        current: SEEDED_ID,
        [`map:${SEEDED_ID}`]: seededRecord(),
        [`meta:${SEEDED_ID}`]: { id: SEEDED_ID, name: 'Seeded journey', updatedAt, nodeCount: 3 },
      });
      await page.goto('/');
      expect(await shownName(page)).toBe('Seeded journey');
      await page.getByRole('button', { name: 'Maps' }).click();
      const row = page.getByRole('listitem', { name: 'Seeded journey' });
      await expect(row).toBeVisible();
      await expect(row).toContainText(`${onlineStoreSample().nodes.length} nodes`);
      expect(errors).toEqual([]);
      const meta = (await readRecord(page, `meta:${SEEDED_ID}`)) as { updatedAt: unknown };
      expect(typeof meta.updatedAt).toBe('number');
      expect(Number.isFinite(new Date(meta.updatedAt as number).getTime())).toBe(true);
    });
  }

  test('a revision of Infinity does not stop a tab from following another tab’s save', async ({ context }) => {
    await seedStorage(context, { current: SEEDED_ID, [`map:${SEEDED_ID}`]: seededRecord({ rev: Infinity }) });
    const first = await context.newPage();
    await first.goto('/');
    expect(await shownName(first)).toBe('Seeded journey');
    const second = await context.newPage();
    await second.goto('/');
    expect(await shownName(second)).toBe('Seeded journey');

    await renameMap(second, 'Saved by the second tab');
    await expect(first.getByRole('heading', { name: 'Saved by the second tab' })).toBeVisible();
    const record = (await readRecord(first, `map:${SEEDED_ID}`)) as { rev: unknown };
    expect(Number.isSafeInteger(record.rev)).toBe(true);
  });

  test('a revision stored as the string "5" causes no false “changed in another tab” with one tab open', async ({ page }) => {
    await seedStorage(page, { current: SEEDED_ID, [`map:${SEEDED_ID}`]: seededRecord({ rev: '5' }) });
    await page.goto('/');
    expect(await shownName(page)).toBe('Seeded journey');
    await renameMap(page, 'Only tab');
    await expect.poll(() => storedName(page, SEEDED_ID)).toBe('Only tab');
    await expect(noticeWith(page, 'changed in another tab')).toHaveCount(0);
    const record = (await readRecord(page, `map:${SEEDED_ID}`)) as { rev: unknown };
    expect(Number.isSafeInteger(record.rev)).toBe(true);
  });

  test('a stored map that cannot be read and has no summary is listed as unreadable and can be set aside', async ({ page }) => {
    await seedStorage(page, {
      current: SEEDED_ID,
      [`map:${SEEDED_ID}`]: seededRecord(),
      'map:broken-map': { rev: 2, savedAt: 0, savedBy: 'x', map: { id: 'broken-map', name: 'Broken journey', nodes: 'not a list' } },
    });
    await page.goto('/');
    expect(await shownName(page)).toBe('Seeded journey');
    await page.getByRole('button', { name: 'Maps' }).click();
    const row = page.getByRole('listitem', { name: 'Broken journey' });
    await expect(row).toContainText('could not be read');
    await row.getByRole('button', { name: 'Set aside Broken journey' }).click();
    await expect(row).toHaveCount(0);
    const keys = await storedKeys(page);
    expect(keys).not.toContain('map:broken-map');
    expect(keys.some((k) => k.startsWith('quarantine:broken-map:'))).toBe(true);
  });

  test('a stored viewport zoomed to 1e-300 is clamped to the canvas zoom limits', async ({ page }) => {
    await seedStorage(page, {
      current: SEEDED_ID,
      [`map:${SEEDED_ID}`]: seededRecord(),
      [`viewport:${SEEDED_ID}`]: { x: 0, y: 0, zoom: 1e-300 },
    });
    await page.goto('/');
    expect(await shownName(page)).toBe('Seeded journey');
    await expect(nodeCard(page, 'Checkout payment')).toBeVisible();
    const scale = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    expect(scale).toBeGreaterThanOrEqual(0.05);
  });
});

test.describe('two tabs and the library', () => {
  async function twoTabs(context: BrowserContext): Promise<[Page, Page]> {
    await seedStorage(context, { current: SEEDED_ID, [`map:${SEEDED_ID}`]: seededRecord() });
    const first = await context.newPage();
    await first.goto('/');
    expect(await shownName(first)).toBe('Seeded journey');
    const second = await context.newPage();
    await second.goto('/');
    expect(await shownName(second)).toBe('Seeded journey');
    return [first, second];
  }

  /** The tab moves to a new blank map, so the seeded map is open only in the other tab; then opens the library. */
  async function openBlankMapAndLibrary(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Maps' }).click();
    await page.getByRole('button', { name: /^Blank map/ }).click();
    await expect(page.getByRole('heading', { name: 'Untitled journey' })).toBeVisible();
    await page.getByRole('button', { name: 'Maps' }).click();
    await expect(page.getByRole('listitem', { name: 'Seeded journey' })).toBeVisible();
  }

  test('text being typed is kept when another tab saves, and the other tab’s change loads when typing ends', async ({ context }) => {
    const [typing, saving] = await twoTabs(context);
    await nodeCard(typing, 'Cart').click();
    const field = inspector(typing).getByLabel('Name', { exact: true });
    await field.fill('Half typed');

    await nodeCard(saving, 'Search ad').click();
    const other = inspector(saving).getByLabel('Name', { exact: true });
    await other.fill('Saved meanwhile');
    await other.press('Enter');
    await expect.poll(() => readRecord(saving, `map:${SEEDED_ID}`).then((r) => JSON.stringify(r).includes('Saved meanwhile'))).toBe(true);

    await expect(noticeWith(typing, 'Another tab changed this map; its changes will load when you finish typing')).toBeVisible();
    await expect(field).toHaveValue('Half typed');
    await expect(field).toBeFocused();

    await field.press('Escape');
    await expect(nodeCard(typing, 'Saved meanwhile')).toBeVisible();
    await expect(noticeWith(typing, 'will load when you finish typing')).toHaveCount(0);
    // The Inspector stays on the node being edited.
    await expect(inspector(typing).getByLabel('Name', { exact: true })).toHaveValue('Cart');
  });

  test('renaming the open map from the library in another tab reaches this tab, and its next save keeps the new name', async ({ context }) => {
    const [editing, library] = await twoTabs(context);
    await openBlankMapAndLibrary(library);
    await library.getByRole('button', { name: 'Rename Seeded journey' }).click();
    await library.getByLabel('New name for Seeded journey').fill('Renamed in the library');
    await library.getByRole('button', { name: 'Save name' }).click();

    await expect(editing.getByRole('heading', { name: 'Renamed in the library' })).toBeVisible();
    await nodeCard(editing, 'Cart').click();
    const field = inspector(editing).getByLabel('Name', { exact: true });
    await field.fill('Basket');
    await field.press('Enter');
    await expect.poll(() => readRecord(editing, `map:${SEEDED_ID}`).then((r) => JSON.stringify(r).includes('Basket'))).toBe(true);
    expect(await storedName(editing, SEEDED_ID)).toBe('Renamed in the library');
  });

  test('deleting the open map in another tab: this tab says so, offers a copy, and the map never comes back silently', async ({ context }) => {
    const [editing, library] = await twoTabs(context);
    await openBlankMapAndLibrary(library);
    await library.getByRole('button', { name: 'Delete Seeded journey' }).click();
    await expect(library.getByRole('listitem', { name: 'Seeded journey' })).toHaveCount(0);

    const deleted = noticeWith(editing, 'was deleted in another tab');
    await expect(deleted).toBeVisible();
    await renameMap(editing, 'Edited after the delete');
    await deleted.getByRole('button', { name: 'Keep a copy' }).click();
    await expect(noticeWith(editing, 'Kept a copy')).toBeVisible();
    const copyId = (await readRecord(editing, 'current')) as string;
    expect(copyId).not.toBe(SEEDED_ID);
    await expect.poll(() => storedName(editing, copyId)).toBe('Edited after the delete');
    expect(await readRecord(editing, `map:${SEEDED_ID}`)).toBeUndefined();

    // Undo in the other tab brings back the deleted version, next to the copy, and overwrites nothing.
    await library.locator('.jd-library__deleted').getByRole('button', { name: 'Undo delete' }).click();
    await expect.poll(() => storedName(library, SEEDED_ID)).toBe('Seeded journey');
    expect(await storedName(library, copyId)).toBe('Edited after the delete');
  });

  test('“Keep my version” tells the other tab that its change was replaced', async ({ context }) => {
    const [keeping, replaced] = await twoTabs(context);
    // An edit here waits for its debounced save while the other tab saves at once (its page is hidden).
    await renameMap(keeping, 'Kept version');
    await renameMap(replaced, 'Replaced version');
    await replaced.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    const question = noticeWith(keeping, 'changed in another tab');
    await expect(question).toBeVisible();
    await question.getByRole('button', { name: 'Keep my version' }).click();
    await expect(noticeWith(replaced, 'chose to keep its own version')).toBeVisible();
    await expect(replaced.getByRole('heading', { name: 'Kept version' })).toBeVisible();
  });
});
