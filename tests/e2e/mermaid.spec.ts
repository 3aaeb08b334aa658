import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import { writeMermaidJourney } from '../../src/interop/mermaidJourney';
import { nodeCard, openApp } from './support';

const WORKING_DAY = `journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
`;

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const stageHeader = (page: Page, name: string) => page.getByRole('button', { name: `Stage ${name}`, exact: true });

async function fileMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: /^File/ }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item }).click();
}

async function importThroughMenu(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await fileMenu(page, 'Import Mermaid…');
  await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

test('Import Mermaid… opens a .mmd journey as a new map: sections as stages, tasks as touchpoints', async ({ page }) => {
  await openApp(page);
  await importThroughMenu(page, 'working-day.mmd', WORKING_DAY);
  await expect(heading(page)).toHaveText('My working day');
  await expect(page.getByRole('status').filter({ hasText: 'as a new map' })).toBeVisible();
  await expect(stageHeader(page, 'Go to work')).toBeVisible();
  await expect(stageHeader(page, 'Go home')).toBeVisible();
  for (const label of ['Start', 'Make tea', 'Go upstairs', 'Do work', 'Go downstairs', 'Sit down', 'Done']) {
    await expect(nodeCard(page, label)).toBeVisible();
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
});

test('a bad line of a Mermaid file is named in an alert and nothing changes', async ({ page }) => {
  await openApp(page);
  await importThroughMenu(page, 'broken.mmd', WORKING_DAY.replace('Go upstairs: 3', 'Go upstairs: 9'));
  const alert = page.getByRole('alert').filter({ hasText: '“broken.mmd” could not be imported' });
  await expect(alert).toContainText('line 5: “Go upstairs” has the score “9”: a score must be a whole number from 1 to 5');
  await expect(heading(page)).toHaveText('Online store');
});

test('Export Mermaid downloads the main path of the sample as a journey', async ({ page }) => {
  await openApp(page);
  const downloadPromise = page.waitForEvent('download');
  await fileMenu(page, 'Export Mermaid');
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Online store.mmd');
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('journey\n')).toBe(true);
  for (const task of ['Product page: 4', 'Cart: 3', 'Checkout payment: 1', 'Delivery updates: 4', 'Thank-you email: 4']) expect(text).toContain(task);
  expect(text).toBe(writeMermaidJourney(onlineStoreSample()));
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded “Online store.mmd”' })).toBeVisible();
});

test('pasting Mermaid journey text outside a text field opens it as a new map', async ({ page }) => {
  await openApp(page);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, WORKING_DAY);
  await expect(heading(page)).toHaveText('My working day');
  await expect(nodeCard(page, 'Do work')).toBeVisible();
});
