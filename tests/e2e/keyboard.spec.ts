import { expect, test, type Locator, type Page } from '@playwright/test';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import { nodeCard, openApp } from './support';

const SAMPLE = onlineStoreSample();

/** What has focus, in words: a card's id, an edge stand-in's name, or the element's role and name. */
async function focused(page: Page): Promise<{ kind: 'card' | 'edge' | 'other' | 'none'; id: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { kind: 'none' as const, id: '' };
    if (el.classList.contains('react-flow__node')) return { kind: 'card' as const, id: el.dataset.id ?? '' };
    if (el.hasAttribute('data-edge-stand-in')) return { kind: 'edge' as const, id: el.textContent ?? '' };
    return { kind: 'other' as const, id: `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent ?? ''}`.trim() };
  });
}

/** Presses Tab from the top of the page until a card has focus; returns how many presses it took. */
async function tabToFirstCard(page: Page): Promise<number> {
  await page.locator('body').focus();
  for (let presses = 1; presses <= 120; presses++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).kind === 'card') return presses;
  }
  throw new Error('Tab never reached a card');
}

/** Presses Tab until the card with this label has focus. */
async function tabToCard(page: Page, label: string): Promise<void> {
  const id = SAMPLE.nodes.find((n) => n.label === label)!.id;
  await tabToFirstCard(page);
  for (let i = 0; i < SAMPLE.nodes.length; i++) {
    if ((await focused(page)).id === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${label}`);
}

const edgeStandIn = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

test('connect two cards with the keyboard alone: C, type a name, Enter; Ctrl+Z takes it back', async ({ page }) => {
  await openApp(page);
  await tabToCard(page, 'Product page');
  await expect(nodeCard(page, 'Product page')).toBeFocused();
  await expect(edgeStandIn(page, 'Product page to Cart, 75%')).toHaveCount(1);

  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: 'Connect Product page to…' });
  await expect(picker).toBeVisible();
  const field = picker.getByRole('combobox', { name: 'Card to lead to' });
  await expect(field).toBeFocused();
  // Only what the rules allow: no entry, not itself, not Cart or Live chat (already connected).
  const names = await picker.getByRole('option').locator('.jd-connect__name').allTextContents();
  expect(names).not.toContain('Search ad');
  expect(names).not.toContain('Product page');
  expect(names).not.toContain('Cart');
  expect(names).not.toContain('Live chat');
  expect(names).toContain('Checkout payment');
  expect(names).toContain('Does not return');

  await page.keyboard.type('checkout');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(nodeCard(page, 'Product page')).toBeFocused();
  await expect(page.locator('.react-flow__edge')).toHaveCount(SAMPLE.edges.length + 1);
  // Cart's share of Product page's customers is now 3 of 5; the new edge has 1 of 5.
  await expect(edgeStandIn(page, 'Product page to Checkout payment, 20%')).toHaveCount(1);
  await expect(edgeStandIn(page, 'Product page to Cart, 60%')).toHaveCount(1);

  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(SAMPLE.edges.length);
  await expect(edgeStandIn(page, 'Product page to Checkout payment, 20%')).toHaveCount(0);
  await expect(edgeStandIn(page, 'Product page to Cart, 75%')).toHaveCount(1);

  // Escape cancels and gives focus back to the card; so does the Inspector's button.
  await page.keyboard.press('c');
  await expect(picker).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(nodeCard(page, 'Product page')).toBeFocused();
  await expect(page.locator('.react-flow__edge')).toHaveCount(SAMPLE.edges.length);
});

test('Tab reaches every card before any edge; edges are named by their ends and share, and a focused edge is highlighted', async ({ page }) => {
  await openApp(page);
  // React Flow's own edge elements are hidden from assistive technology and out of the Tab order.
  await expect(page.locator('.react-flow__edge[tabindex]')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge[aria-hidden="true"]')).toHaveCount(SAMPLE.edges.length);
  await expect(page.locator('[aria-label^="Edge from"]')).toHaveCount(0);

  const toFirstCard = await tabToFirstCard(page);
  test.info().annotations.push({ type: 'Tab presses from the page top to the first card', description: String(toFirstCard) });
  // The edges' stand-ins mount when focus first comes into the canvas.
  await expect(page.locator('[data-edge-stand-in]')).toHaveCount(SAMPLE.edges.length);
  const order: { kind: string; id: string }[] = [await focused(page)];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.kind !== 'card' && now.kind !== 'edge' && order.filter((o) => o.kind === 'edge').length === SAMPLE.edges.length) break;
    order.push(now);
  }
  const kinds = order.map((o) => o.kind);
  const cards = order.filter((o) => o.kind === 'card').map((o) => o.id);
  const edges = order.filter((o) => o.kind === 'edge').map((o) => o.id);
  expect(new Set(cards)).toEqual(new Set(SAMPLE.nodes.map((n) => n.id)));
  expect(edges).toHaveLength(SAMPLE.edges.length);
  expect(kinds.lastIndexOf('card')).toBeLessThan(kinds.indexOf('edge'));
  expect(edges).toContain('Product page to Cart, 75%');
  expect(edges).toContain('Product page to Live chat, 25% · asks a question');
  expect(edges).toContain('Search ad to Product page');

  // The edge with focus is drawn highlighted, and Shift+Tab walks back to the cards.
  const standIn = edgeStandIn(page, 'Product page to Cart, 75%');
  await standIn.focus();
  await expect(page.locator('.react-flow__edge[data-id="e-product-cart"] .jd-edge.is-focused')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-id="e-product-cart"] .jd-edge-focus-ring')).toHaveCount(1);
  await expect(page.locator('.jd-edge.is-focused')).toHaveCount(1);
  // Enter selects it (the Inspector shows the connection); Delete removes it, one undo step.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('Product page → Cart');
  await standIn.focus();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge')).toHaveCount(SAMPLE.edges.length - 1);
  await expect(page.locator('.react-flow__node')).toHaveCount(SAMPLE.nodes.length);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(SAMPLE.edges.length);
});

/** The card's position on the canvas, from React Flow's transform. */
async function cardPosition(card: Locator): Promise<{ x: number; y: number }> {
  const transform = await card.evaluate((el) => (el as HTMLElement).style.transform);
  const [, x, y] = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(transform) ?? [];
  return { x: Number(x), y: Number(y) };
}

test('holding an arrow key nudges a card as one undo step; two presses are two', async ({ page }) => {
  await openApp(page);
  await tabToCard(page, 'Live chat');
  const card = nodeCard(page, 'Live chat');
  await page.keyboard.press(' ');
  await expect(card).toHaveClass(/selected/);
  const start = await cardPosition(card);

  // Moves snap to the 20 px grid (the sample's cards sit 5 px off it).
  const snap = (v: number) => Math.round(v / 20) * 20;

  // Held: the first press and its auto-repeats (Playwright sends repeated keydowns as auto-repeats).
  for (let i = 0; i < 10; i++) await page.keyboard.down('ArrowDown');
  await page.keyboard.up('ArrowDown');
  await expect.poll(() => cardPosition(card)).toEqual({ x: snap(start.x), y: snap(start.y) + 200 });
  await page.keyboard.press('Control+z');
  await expect.poll(() => cardPosition(card)).toEqual(start);

  // Two separate presses: two steps.
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => cardPosition(card)).toEqual({ x: snap(start.x + 20) + 20, y: snap(start.y) });
  await page.keyboard.press('Control+z');
  await expect.poll(() => cardPosition(card)).toEqual({ x: snap(start.x + 20), y: snap(start.y) });
  await page.keyboard.press('Control+z');
  await expect.poll(() => cardPosition(card)).toEqual(start);
});

test('after Run simulation focus moves to the results heading', async ({ page }) => {
  await openApp(page);
  const run = page.getByRole('button', { name: '▶ Run simulation' });
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Simulation results' })).toBeFocused({ timeout: 20_000 });
  // Running again from the keyboard: Cancel takes focus while it runs, then the heading again.
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Simulation results' })).toBeFocused({ timeout: 20_000 });
});

test('the File menu follows the menu pattern: arrows, Home, End, Escape; focus comes back after an export', async ({ page }) => {
  await openApp(page);
  const button = page.getByRole('button', { name: /^File/ });
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'File' });
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(button).toHaveAttribute('aria-controls', (await menu.getAttribute('id'))!);
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // ArrowUp opens on the last item ("Export image: SVG"); Enter exports, and focus is back on the button.
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Export image: SVG' })).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await download;
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveText('File ▾');

  // Tab closes it and moves on.
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu).toBeHidden();
  await expect(button).not.toBeFocused();
});

/** Tabs forward and back through the open dialog: focus never leaves it. */
async function expectFocusTrapped(page: Page, dialog: Locator): Promise<void> {
  const count = await dialog.evaluate(
    (el) =>
      Array.from(el.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')).filter(
        (c) => c.tabIndex >= 0 && !(c as HTMLButtonElement).disabled && c.getClientRects().length > 0,
      ).length,
  );
  expect(count).toBeGreaterThan(0);
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < count + 2; i++) {
      await page.keyboard.press(key);
      expect(await dialog.evaluate((el) => el.contains(document.activeElement)), `${key} #${i + 1} stays in the dialog`).toBe(true);
    }
  }
}

test('every dialog keeps focus inside while open and gives it back to its opener on Escape', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const toolbarDialogs: [string, string | RegExp][] = [
    ['Channels', 'Channels'],
    ['Personas', 'Personas'],
    ['Evidence', /Evidence|Import/],
    ['Opportunities', 'Opportunities'],
    ['Scenarios', 'Scenarios'],
    ['Maps', 'Map library'],
    ['Report', 'Report'],
    ['Present', /^Presentation/],
  ];
  for (const [opener, name] of toolbarDialogs) {
    await test.step(opener, async () => {
      const button = page.getByRole('button', { name: opener, exact: true });
      await button.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name });
      await expect(dialog).toBeVisible();
      await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      await expectFocusTrapped(page, dialog);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(button).toBeFocused();
    });
  }

  await test.step('Connect to… from the Inspector', async () => {
    await nodeCard(page, 'Cart').click();
    const button = page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Connect to…' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Connect Cart to…' });
    await expect(dialog).toBeVisible();
    await expectFocusTrapped(page, dialog);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  await test.step('Compare, from the scenario banner', async () => {
    await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
    const scenarios = page.getByRole('dialog', { name: 'Scenarios' });
    await scenarios.getByRole('textbox', { name: 'New scenario' }).fill('Keyboard');
    await scenarios.getByRole('button', { name: 'Create and show' }).click();
    await expect(scenarios).toBeHidden();
    const compareButton = page.getByRole('region', { name: 'Scenario shown' }).getByRole('button', { name: 'Compare' });
    await compareButton.focus();
    await page.keyboard.press('Enter');
    const compare = page.getByRole('dialog', { name: 'Compare scenarios' });
    await expect(compare).toBeVisible();
    await expectFocusTrapped(page, compare);
    await page.keyboard.press('Escape');
    await expect(compare).toBeHidden();
    await expect(compareButton).toBeFocused();
  });
});
