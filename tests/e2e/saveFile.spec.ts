import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { inspector, nodeCard, openApp } from './support';

/** The smallest valid map file: one stage, one entry. */
const tinyMapFile = (name: string, label: string) =>
  JSON.stringify({
    format: 'journey-map',
    version: 1,
    id: 'on-disk',
    name,
    stages: [{ id: 's', name: 'Only stage' }],
    channels: [],
    nodes: [{ id: 'n', kind: 'entry', label, position: { x: 40, y: 40 }, friction: [] }],
    edges: [],
  });

async function fileMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: /^File/ }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item, exact: true }).click();
}

async function renameNode(page: Page, from: string, to: string): Promise<void> {
  await nodeCard(page, from).click();
  const name = inspector(page).getByLabel('Name', { exact: true });
  await name.fill(to);
  await name.press('Enter');
  await expect(nodeCard(page, to)).toBeVisible();
}

interface Written {
  name: string;
  text: string;
}
interface FakeDisk {
  writes: Written[];
  openPickers: number;
  savePickers: { suggestedName?: string }[];
  launch?: (params: { files: unknown[] }) => void;
}
type WithDisk = Window & { fakeDisk: FakeDisk; fakeFile: (name: string, text: string) => unknown };

/**
 * Stands in for the File System Access API, whose pickers a headless browser cannot click: the open picker
 * returns a file handle holding `opened`, the save picker a new handle, and every write is recorded. The
 * launch queue is replaced too, so a test can hand over files as the operating system would.
 */
async function fakeFileSystem(page: Page, opened: Written): Promise<void> {
  await page.addInitScript((file: Written) => {
    const disk: FakeDisk = { writes: [], openPickers: 0, savePickers: [] };
    const handle = (name: string, initial: string) => {
      let text = initial;
      return {
        kind: 'file',
        name,
        getFile: async () => new File([text], name, { type: 'application/json' }),
        createWritable: async () => {
          const chunks: string[] = [];
          const decoder = new TextDecoder();
          return new WritableStream({
            write: (chunk: Uint8Array | string) => void chunks.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })),
            close: () => {
              text = chunks.join('');
              disk.writes.push({ name, text });
            },
          });
        },
        queryPermission: async () => 'granted',
        requestPermission: async () => 'granted',
      };
    };
    const win = window as unknown as WithDisk & Record<string, unknown>;
    win.fakeDisk = disk;
    win.fakeFile = handle;
    win.showOpenFilePicker = async () => {
      disk.openPickers++;
      return [handle(file.name, file.text)];
    };
    win.showSaveFilePicker = async (options: { suggestedName?: string }) => {
      disk.savePickers.push(options);
      return handle(options.suggestedName ?? 'Untitled', '');
    };
    Object.defineProperty(window, 'launchQueue', {
      configurable: true,
      value: { setConsumer: (consumer: FakeDisk['launch']) => void (disk.launch = consumer) },
    });
  }, opened);
}

const disk = (page: Page) => page.evaluate(() => (window as unknown as WithDisk).fakeDisk);
const lastWrite = async (page: Page) => {
  const { writes } = await disk(page);
  return { name: writes.at(-1)?.name, map: JSON.parse(writes.at(-1)?.text ?? 'null') };
};

test('Save writes back to the file that was opened; Save as asks for a new file, which later saves reuse', async ({ page }) => {
  await fakeFileSystem(page, { name: 'workshop.journey.json', text: tinyMapFile('Workshop', 'Front door') });
  await openApp(page);

  await fileMenu(page, 'Open…');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshop');
  await renameNode(page, 'Front door', 'Side door');

  await fileMenu(page, 'Save');
  await expect.poll(async () => (await disk(page)).writes.length).toBe(1);
  expect(await lastWrite(page)).toMatchObject({ name: 'workshop.journey.json', map: { format: 'journey-map', version: 5, name: 'Workshop' } });
  expect(JSON.stringify((await lastWrite(page)).map.nodes)).toContain('Side door');
  expect((await disk(page)).savePickers).toHaveLength(0);
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Workshop” to “workshop.journey.json”' })).toBeVisible();

  // Ctrl+S, typed in the Inspector's field: the text typed is saved, to the same file, without a picker.
  await nodeCard(page, 'Side door').click();
  await inspector(page).getByLabel('Name', { exact: true }).fill('Back door');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await disk(page)).writes.length).toBe(2);
  expect(JSON.stringify((await lastWrite(page)).map.nodes)).toContain('Back door');
  expect((await lastWrite(page)).name).toBe('workshop.journey.json');
  await expect(inspector(page).getByLabel('Name', { exact: true })).toBeFocused();

  await fileMenu(page, 'Save as…');
  await expect.poll(async () => (await disk(page)).writes.length).toBe(3);
  expect((await disk(page)).savePickers.map((p) => p.suggestedName)).toEqual(['Workshop.journey.json']);
  expect((await lastWrite(page)).name).toBe('Workshop.journey.json');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await disk(page)).writes.length).toBe(4);
  expect((await lastWrite(page)).name).toBe('Workshop.journey.json');
  expect((await disk(page)).savePickers).toHaveLength(1);

  // A map that came from no file asks where to save it.
  await page.getByRole('button', { name: 'Maps' }).click();
  const library = page.getByRole('dialog', { name: 'Map library' });
  await library.getByRole('button', { name: 'Open Online store', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Online store');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await disk(page)).savePickers.map((p) => p.suggestedName)).toEqual(['Workshop.journey.json', 'Online store.journey.json']);
});

test('a map file opened from the operating system opens as a new map, and Save writes back to it', async ({ page }) => {
  await fakeFileSystem(page, { name: 'unused.json', text: '{}' });
  await openApp(page);
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as WithDisk).fakeDisk.launch)).toBe('function');

  await page.evaluate((text) => {
    const win = window as unknown as WithDisk;
    win.fakeDisk.launch!({ files: [win.fakeFile('from-finder.journey.json', text)] });
  }, tinyMapFile('From the file manager', 'Lobby'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('From the file manager');
  await expect(page.getByRole('status').filter({ hasText: 'as a new map' })).toBeVisible();
  await renameNode(page, 'Lobby', 'Reception');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await disk(page)).writes.length).toBe(1);
  expect(await lastWrite(page)).toMatchObject({ name: 'from-finder.journey.json', map: { version: 5, name: 'From the file manager' } });
  expect((await disk(page)).savePickers).toHaveLength(0);
});

test('without the File System Access API, Open uses a file chooser and Save and Save as download the file', async ({ page }) => {
  await page.addInitScript(() => {
    const win = window as unknown as Record<string, unknown>;
    delete win.showOpenFilePicker;
    delete win.showSaveFilePicker;
  });
  await openApp(page);
  expect(await page.evaluate(() => 'showSaveFilePicker' in window || 'showOpenFilePicker' in window)).toBe(false);

  await renameNode(page, 'Cart', 'Basket');
  const saved = page.waitForEvent('download');
  await fileMenu(page, 'Save');
  const download = await saved;
  expect(download.suggestedFilename()).toBe('Online store.journey.json');
  const map = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(map).toMatchObject({ format: 'journey-map', version: 5, name: 'Online store' });
  expect(JSON.stringify(map.nodes)).toContain('Basket');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded “Online store.journey.json”' })).toBeVisible();

  const savedAs = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+S');
  expect((await savedAs).suggestedFilename()).toBe('Online store.journey.json');

  const chooser = page.waitForEvent('filechooser');
  await fileMenu(page, 'Open…');
  await (await chooser).setFiles({ name: 'workshop.journey.json', mimeType: 'application/json', buffer: Buffer.from(tinyMapFile('Workshop', 'Front door')) });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshop');
  await expect(nodeCard(page, 'Front door')).toBeVisible();
});
