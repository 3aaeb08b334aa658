import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { stageForPosition } from '../../src/domain/layout';
import type { JourneyMap } from '../../src/domain/types';
import { inspector, nodeCard, openApp, palette, plantRecords, readRecord, waitForStored } from './support';

/** The open map as stored in IndexedDB. */
async function storedMap(page: Page): Promise<JourneyMap | undefined> {
  const current = await readRecord<string>(page, 'current');
  return current === undefined ? undefined : (await readRecord<{ map: JourneyMap }>(page, `map:${current}`))?.map;
}

/** Every node's box on screen, for overlap checks. */
async function nodeBoxes(page: Page) {
  return page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id'), x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

test('a node is renamed in place: double-click or F2, Enter commits, Escape reverts, one undo step', async ({ page }) => {
  await openApp(page);
  await nodeCard(page, 'Cart').dblclick();
  const field = page.getByRole('textbox', { name: 'Touchpoint name' });
  await expect(field).toBeFocused();
  await field.fill('Basket');
  await field.press('Enter');
  await expect(nodeCard(page, 'Basket')).toBeVisible();
  await expect(field).toHaveCount(0);

  // F2 on the focused card; Escape leaves the name as it was.
  await nodeCard(page, 'Basket').click();
  await page.keyboard.press('F2');
  await expect(field).toBeFocused();
  await field.fill('Trolley');
  await field.press('Escape');
  await expect(nodeCard(page, 'Basket')).toBeVisible();
  await expect(nodeCard(page, 'Trolley')).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(nodeCard(page, 'Cart')).toBeVisible();
});

test('select all, delete and undo bring the whole journey back in one step', async ({ page }) => {
  await openApp(page);
  const nodes = await page.locator('.react-flow__node').count();
  const edges = await page.locator('.react-flow__edge').count();
  await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('Control+a');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(nodes);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(nodes);
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges);
});

test('copy and paste nodes with the edges between them, within a map and into another map of the library', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const nodes = await page.locator('.react-flow__node').count();
  const edges = await page.locator('.react-flow__edge').count();

  // Two connected nodes: Cart → Checkout payment.
  await nodeCard(page, 'Cart').click();
  await nodeCard(page, 'Checkout payment').click({ modifiers: ['Shift'] });
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(nodes + 2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges + 1);
  // The pasted copies are selected, and a second card of each name exists.
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
  await expect(nodeCard(page, 'Checkout payment')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(nodes);

  // Ctrl+D duplicates the selection in one step.
  await nodeCard(page, 'Cart').click();
  await page.keyboard.press('Control+d');
  await expect(nodeCard(page, 'Cart')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(nodeCard(page, 'Cart')).toHaveCount(1);

  // Into another map: start one from a template, paste, and the copied pair arrives there.
  await nodeCard(page, 'Checkout payment').click();
  await page.keyboard.press('Control+c');
  await page.getByRole('button', { name: 'Maps' }).click();
  await page.getByRole('dialog', { name: 'Map library' }).getByRole('button', { name: 'Telecom support' }).click();
  await expect(page.getByRole('heading', { name: 'Telecom support' })).toBeVisible();
  const telecomNodes = await page.locator('.react-flow__node').count();
  await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(telecomNodes + 1);
  await expect(page.getByText(/Pasted 1 item from “Online store”/)).toBeVisible();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Checkout payment');
});

test('find a touchpoint by part of its name: Enter centres the canvas on it and selects it', async ({ page }) => {
  await openApp(page);
  await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('Control+f');
  const find = page.getByRole('combobox', { name: 'Find touchpoint' });
  await expect(find).toBeFocused();
  await find.fill('paym');
  await expect(page.getByRole('option', { name: /Checkout payment/ })).toBeVisible();
  await find.press('Enter');
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Checkout payment');
  // Centred: the card's centre is near the canvas centre.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await expect
    .poll(async () => {
      const box = (await nodeCard(page, 'Checkout payment').boundingBox())!;
      return Math.hypot(box.x + box.width / 2 - (pane.x + pane.width / 2), box.y + box.height / 2 - (pane.y + pane.height / 2));
    })
    .toBeLessThan(30);
});

test('tidy layout leaves no two nodes overlapping, keeps every node in its stage, and undoes in one step', async ({ page }) => {
  await openApp(page);
  // Make a mess first: pile a few new touchpoints on top of each other in the middle of the view.
  for (let i = 0; i < 3; i++) {
    await palette(page).getByRole('button', { name: 'Website', exact: true }).focus();
    await page.keyboard.press('Enter');
  }
  const stagesBefore = await page.locator('.react-flow__node').evaluateAll((els) => els.length);
  expect(stagesBefore).toBeGreaterThan(3);
  let boxes = await nodeBoxes(page);
  expect(boxes.some((a, i) => boxes.some((b, j) => i < j && overlap(a, b)))).toBe(true);

  await page.getByRole('button', { name: 'Tidy layout' }).click();
  await expect(page.getByText('Tidied the layout')).toBeVisible();
  await expect
    .poll(async () => {
      boxes = await nodeBoxes(page);
      return boxes.filter((a, i) => boxes.some((b, j) => i < j && overlap(a, b))).map((b) => b.id);
    })
    .toEqual([]);
  // Every node sits in its stage's column, and the saved map says the same.
  await expect
    .poll(async () => {
      const map = await storedMap(page);
      if (!map || map.nodes.length !== stagesBefore) return 'not saved yet';
      return map.nodes.filter((n) => n.stage === undefined || stageForPosition(map, n.position) !== n.stage).map((n) => n.label);
    })
    .toEqual([]);
  await page.keyboard.press('Control+z');
  boxes = await nodeBoxes(page);
  expect(boxes.some((a, i) => boxes.some((b, j) => i < j && overlap(a, b)))).toBe(true);
});

test('the map check names a dead end, selects it on click, and shows beside the simulation results', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Map check: No warnings' })).toBeVisible();
  // A touchpoint connected from the journey but leading nowhere.
  await palette(page).getByRole('button', { name: 'Phone', exact: true }).focus();
  await page.keyboard.press('Enter');
  await inspector(page).getByLabel('Name', { exact: true }).fill('Hotline');
  await inspector(page).getByLabel('Name', { exact: true }).press('Enter');
  const check = page.getByRole('button', { name: /^Map check: \d+ warnings?$/ });
  await expect(check).toBeVisible();
  await check.click();
  const list = page.getByRole('dialog', { name: 'Map check' });
  await expect(list.getByRole('button', { name: 'Dead end: "Hotline" leads nowhere' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Unreachable: no customer can reach "Hotline"' })).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
  await check.click();
  await list.getByRole('button', { name: 'Dead end: "Hotline" leads nowhere' }).click();
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Hotline');

  await page.getByRole('button', { name: 'Run simulation' }).click();
  const results = page.getByRole('region', { name: 'Simulation results' });
  await expect(results.getByRole('status', { name: 'Map check warnings' })).toContainText('Dead end: "Hotline" leads nowhere');
});

test('a sticky note from the palette takes text in place and is saved with the map', async ({ page }) => {
  await openApp(page);
  const notes = page.locator('.react-flow__node-note');
  await palette(page).getByRole('button', { name: 'Note', exact: true }).focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'Sticky note text' });
  await expect(field).toBeFocused();
  await field.fill('Ask the payments team\nabout 3-D Secure');
  await field.press('Control+Enter');
  await expect(notes).toHaveCount(1);
  await expect(notes).toContainText('Ask the payments team');
  const nodes = await page.locator('.react-flow__node').count();
  const edges = await page.locator('.react-flow__edge').count();
  await waitForStored(page, { nodes: nodes - 1, edges, text: '3-D Secure' });
  await page.reload();
  await expect(page.locator('.react-flow__node-note')).toContainText('about 3-D Secure');
});

test('a map stored by the previous release (format version 1) opens upgraded and intact', async ({ page }) => {
  await openApp(page);
  const nodes = await page.locator('.react-flow__node').count();
  const edges = await page.locator('.react-flow__edge').count();
  await waitForStored(page, { nodes, edges, text: 'Checkout payment' });
  // Exactly what the previous release wrote: the bare map (no format, no version, no notes, channels
  // without colours) in { map, rev, savedAt, savedBy }, its summary, and the current-map key.
  const v1 = JSON.parse(readFileSync(new URL('../fixtures/online-store.v1.journey.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const { format: _format, version: _version, ...body } = v1;
  const legacy = { ...body, id: 'map-from-v1', name: 'Saved before the upgrade' } as Record<string, unknown> & { id: string; name: string; nodes: unknown[]; edges: unknown[] };
  await plantRecords(page, {
    current: legacy.id,
    [`map:${legacy.id}`]: { map: legacy, rev: 5, savedAt: 1_700_000_000_000, savedBy: 'old-tab' },
    [`meta:${legacy.id}`]: { id: legacy.id, name: legacy.name, updatedAt: 1_700_000_000_000, nodeCount: legacy.nodes.length },
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Saved before the upgrade' })).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(legacy.nodes.length);
  await expect(page.locator('.react-flow__edge')).toHaveCount(legacy.edges.length);
  await expect(nodeCard(page, 'Checkout payment').getByLabel(/2 open friction notes, highest severity 4/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The first edit saves it in the current format (version 5: no personas, opportunities, scenarios or evidence), on top of the stored revision.
  await nodeCard(page, 'Cart').dblclick();
  await page.getByRole('textbox', { name: 'Touchpoint name' }).fill('Basket');
  await page.getByRole('textbox', { name: 'Touchpoint name' }).press('Enter');
  await expect
    .poll(async () => {
      const record = await readRecord<{ version?: number; rev: number; map: { notes?: unknown[]; personas?: unknown[]; nodes: { label: string }[] } }>(page, 'map:map-from-v1');
      return { version: record?.version, rev: record?.rev, notes: record?.map.notes?.length, personas: record?.map.personas?.length, basket: record?.map.nodes.some((n) => n.label === 'Basket') };
    })
    .toEqual({ version: 5, rev: 6, notes: 0, personas: 0, basket: true });
});
