import { expect, test, type Locator, type Page } from '@playwright/test';
import { centre, dragMouse, nodeCard, openApp, palette } from './support';

// Headless Chromium hides scrollbars by default; these tests check that the palette's scrollbar shows.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    ignoreDefaultArgs: ['--hide-scrollbars'],
  },
});

const channelsDialog = (page: Page) => page.getByRole('dialog', { name: 'Channels' });

async function openChannels(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Channels', exact: true }).click();
  const dialog = channelsDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

async function addChannels(page: Page, names: readonly string[]): Promise<void> {
  const dialog = await openChannels(page);
  const field = dialog.getByRole('textbox', { name: 'Channel name' });
  for (const name of names) {
    await field.fill(name);
    await field.press('Enter');
    await expect(dialog.getByRole('textbox', { name: `Name of ${name}`, exact: true })).toHaveValue(name);
    await expect(field).toHaveValue('');
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

test('a strategist adds a "Kiosk" channel and drags its palette item onto the canvas', async ({ page }) => {
  await openApp(page);
  const dialog = await openChannels(page);
  const field = dialog.getByRole('textbox', { name: 'Channel name' });
  await field.fill('Kiosk');
  await field.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Name of Kiosk' })).toHaveValue('Kiosk');
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  const kioskRow = dialog.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: 'Name of Kiosk' }) });
  await expect(kioskRow).toContainText('0 touchpoints');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Channels', exact: true })).toBeFocused();

  const count = await page.locator('.react-flow__node').count();
  const kiosk = palette(page).getByRole('button', { name: 'Kiosk', exact: true });
  await expect(kiosk).toBeVisible();
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  await dragMouse(page, await centre(kiosk), { x: pane.x + pane.width * 0.3, y: pane.y + pane.height - 90 }, 15);
  await expect(page.locator('.react-flow__node')).toHaveCount(count + 1);
  const created = nodeCard(page, 'Kiosk touchpoint');
  await expect(created).toBeVisible();
  await expect(created.locator('.jd-channel')).toHaveText('Kiosk');

  // The dialog counts it, and a channel in use asks where its touchpoints go before it is deleted.
  await openChannels(page);
  await expect(kioskRow).toContainText('1 touchpoint');
  await dialog.getByRole('button', { name: 'Delete Kiosk' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Replacement for Kiosk' })).toBeFocused();
  await dialog.getByRole('combobox', { name: 'Replacement for Kiosk' }).selectOption({ label: 'Store' });
  await dialog.getByRole('button', { name: 'Delete and move 1 touchpoint' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name of Kiosk' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(created.locator('.jd-channel')).toHaveText('Store');
  await expect(palette(page).getByRole('button', { name: 'Kiosk', exact: true })).toHaveCount(0);
});

test('the Channels dialog is modal: Tab stays inside, Escape in an edited name reverts it, then closes the dialog', async ({ page }) => {
  await openApp(page);
  const dialog = await openChannels(page);
  const website = dialog.getByRole('textbox', { name: 'Name of Website' });
  await expect(website).toBeFocused();

  // Tab around the whole dialog: focus never leaves it.
  const controls = await dialog.locator('button, input:not([type=radio]), select').count();
  const radioGroups = await dialog.getByRole('radiogroup').count();
  for (let i = 0; i < controls + radioGroups + 2; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);

  // A duplicate name is refused next to the field; Escape puts the old name back and keeps the dialog open.
  await website.fill('Phone');
  await website.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('There is already a channel named "Phone"');
  await website.press('Escape');
  await expect(dialog).toBeVisible();
  await expect(website).toHaveValue('Website');
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // Colour: the swatches are a radio group per channel.
  await dialog.getByRole('radiogroup', { name: 'Colour of Website' }).getByRole('radio', { name: 'Red' }).click();
  await expect(palette(page).getByRole('button', { name: 'Website', exact: true })).toHaveCSS('--channel', '#b91c1c');

  await website.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Channels', exact: true })).toBeFocused();
});

/** Whether every palette item lies fully inside the window and inside the palette's visible box, on top. */
async function unclippedItems(page: Page): Promise<string[]> {
  return palette(page).evaluate((region) => {
    const scroller = region as HTMLElement;
    const bounds = scroller.getBoundingClientRect();
    const clipped: string[] = [];
    for (const button of Array.from(region.querySelectorAll('button'))) {
      button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = button.getBoundingClientRect();
      const inWindow = box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
      const inPalette = box.left >= bounds.left - 0.5 && box.right <= bounds.right + 0.5 && box.top >= bounds.top - 0.5 && box.bottom <= bounds.bottom + 0.5;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!(inWindow && inPalette && hit && button.contains(hit))) clipped.push(button.textContent ?? '');
    }
    scroller.scrollTop = 0;
    return clipped;
  });
}

test.describe('at 1280×720', () => {
  /** Opens the app, then narrows the window to 1280×720. */
  async function openAt1280(page: Page): Promise<void> {
    await openApp(page);
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  test('with 12 channels every palette item is fully in view', async ({ page }) => {
    await openAt1280(page);
    await addChannels(page, ['Self-service kiosk', 'Partner marketplace', 'Call-back service', 'Field sales', 'Customer portal']);
    const items = palette(page).getByRole('button');
    await expect(items).toHaveCount(12 + 3);
    // With 12 channels nothing needs scrolling: every item is on screen as the page opens.
    const overflow = await palette(page).evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await unclippedItems(page)).toEqual([]);
    // The canvas keeps most of the window.
    const canvas = await page.locator('.react-flow__pane').boundingBox();
    expect(canvas!.height).toBeGreaterThan(450);
  });

  test('with very many channels the palette scrolls with a visible scrollbar, and every item can be reached', async ({ page }) => {
    await openAt1280(page);
    await addChannels(page, Array.from({ length: 28 }, (_, i) => `Partner channel ${i + 1}`));
    await expect(palette(page).getByRole('button')).toHaveCount(7 + 28 + 3);
    const scroll = await palette(page).evaluate((el) => ({ overflow: el.scrollHeight - el.clientHeight, scrollbar: (el as HTMLElement).offsetWidth - el.clientWidth, style: getComputedStyle(el).overflowY }));
    expect(scroll.overflow).toBeGreaterThan(0);
    expect(scroll.style).toBe('auto');
    expect(scroll.scrollbar).toBeGreaterThan(0);
    expect(await unclippedItems(page)).toEqual([]);
    const canvas = await page.locator('.react-flow__pane').boundingBox();
    expect(canvas!.height).toBeGreaterThan(400);
  });
});
