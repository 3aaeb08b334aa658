import { expect, test, type Locator, type Page } from '@playwright/test';
import { inspector, nodeCard, openApp } from './support';

const personasDialog = (page: Page) => page.getByRole('dialog', { name: 'Personas' });
const personaMenu = (page: Page) => page.getByRole('combobox', { name: 'Persona', exact: true });
/** An edge's label on the canvas, by its whole text ("75%", "25% · asks a question"). */
const edgeLabel = (page: Page, text: string) => page.locator('.jd-edge-label').filter({ hasText: new RegExp(`^${text}$`) });

async function openPersonas(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Personas', exact: true }).click();
  const dialog = personasDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Starts from a map without personas, whatever the sample ships with: deletes each, confirming. */
async function deleteAllPersonas(dialog: Locator): Promise<void> {
  const deletes = dialog.getByRole('button', { name: /^Delete (?!persona)/ });
  for (let left = await deletes.count(); left > 0; left--) {
    await deletes.first().click();
    await dialog.getByRole('button', { name: /^Delete persona/ }).click();
    await expect(deletes).toHaveCount(left - 1);
  }
}

async function addPersona(dialog: Locator, name: string, share: string): Promise<void> {
  await dialog.getByRole('textbox', { name: 'Persona name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Share', exact: true }).fill(share);
  await dialog.getByRole('button', { name: 'Add persona' }).click();
  await expect(dialog.getByRole('textbox', { name: `Name of ${name}` })).toHaveValue(name);
  await expect(dialog.getByRole('textbox', { name: 'Persona name' })).toHaveValue('');
}

/** Clicks a connection on its line, a quarter of the way along (its label sits in the middle), as a person would. */
async function clickConnection(page: Page, id: string): Promise<void> {
  const path = page.locator(`.react-flow__edge[data-id="${id}"] path.react-flow__edge-interaction`);
  await expect(path).toHaveCount(1);
  const point = await path.evaluate((el: SVGPathElement) => {
    const at = el.getPointAtLength(el.getTotalLength() * 0.25);
    const m = el.getScreenCTM();
    if (!m) throw new Error('the connection is not drawn');
    return { x: m.a * at.x + m.c * at.y + m.e, y: m.b * at.x + m.d * at.y + m.f };
  });
  await page.mouse.click(point.x, point.y);
}

test('a strategist adds two personas, gives first-time buyers their own way through the product page, and resets a drop-off', async ({ page }) => {
  await openApp(page);
  const dialog = await openPersonas(page);
  await deleteAllPersonas(dialog);
  await expect(personaMenu(page)).toBeHidden();

  await addPersona(dialog, 'First-time buyer', '60');
  await addPersona(dialog, 'Returning customer', '40');
  const rows = dialog.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('60%');
  await expect(rows.nth(1)).toContainText('40%');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Personas', exact: true })).toBeFocused();

  // The canvas shows all customers until a persona is chosen.
  await expect(personaMenu(page)).toHaveValue('');
  await expect(personaMenu(page).locator('option')).toHaveText(['All customers', 'First-time buyer', 'Returning customer']);
  await expect(edgeLabel(page, '75%')).toBeVisible();
  await expect(edgeLabel(page, '25% · asks a question')).toBeVisible();

  await personaMenu(page).selectOption({ label: 'First-time buyer' });
  await clickConnection(page, 'e-product-cart');
  const panel = inspector(page);
  await expect(panel.getByRole('heading', { name: 'Connection' })).toBeVisible();
  await expect(panel.getByRole('note', { name: 'Editing persona First-time buyer' })).toContainText(
    'Editing persona: First-time buyer — values below marked ‘override’ apply to this persona only',
  );
  const weight = panel.getByRole('textbox', { name: 'Weight', exact: true });
  await expect(weight).toHaveValue('3');
  await weight.fill('1');
  await weight.press('Enter');
  await expect(panel.getByText('Override', { exact: true })).toBeVisible();
  // Product page now splits first-time buyers evenly between the cart and the chat; the map's labels are gone.
  await expect(edgeLabel(page, '50%')).toBeVisible();
  await expect(edgeLabel(page, '50% · asks a question')).toBeVisible();
  await expect(edgeLabel(page, '75%')).toHaveCount(0);
  await expect(edgeLabel(page, '50%').getByRole('img', { name: 'First-time buyer: 50% (map 75%)' })).toBeAttached();

  // All customers: the map's own shares again, and the Inspector edits the map.
  await personaMenu(page).selectOption({ label: 'All customers' });
  await expect(edgeLabel(page, '75%')).toBeVisible();
  await expect(edgeLabel(page, '25% · asks a question')).toBeVisible();
  await expect(panel.getByRole('note')).toHaveCount(0);
  await expect(weight).toHaveValue('3');

  // Returning customers see the map's values: they have no overrides.
  await personaMenu(page).selectOption({ label: 'Returning customer' });
  await expect(edgeLabel(page, '75%')).toBeVisible();
  await expect(weight).toHaveValue('3');
  await expect(panel.getByText('Override', { exact: true })).toHaveCount(0);

  // A drop-off of the first-time buyer's own, marked as an override, then reset to the map's value.
  await personaMenu(page).selectOption({ label: 'First-time buyer' });
  await nodeCard(page, 'Product page').click();
  await expect(panel.getByRole('heading', { name: 'Touchpoint' })).toBeVisible();
  const dropOff = panel.getByRole('textbox', { name: 'Drop-off', exact: true });
  await expect(dropOff).toHaveValue('35');
  await dropOff.fill('50');
  await dropOff.press('Enter');
  await expect(panel.getByText('Override', { exact: true })).toBeVisible();
  await expect(dropOff).toHaveAccessibleDescription('Map value: 35 %');
  await expect(nodeCard(page, 'Product page').getByRole('img', { name: 'First-time buyer: drop-off 50% (map 35%)' })).toBeVisible();

  await panel.getByRole('button', { name: 'Reset drop-off to map value' }).click();
  await expect(dropOff).toHaveValue('35');
  await expect(panel.getByText('Override', { exact: true })).toHaveCount(0);
  await expect(nodeCard(page, 'Product page').getByRole('img', { name: /^First-time buyer/ })).toHaveCount(0);

  // The Personas dialog counts what the persona overrides: the connection's weight is still its own.
  const again = await openPersonas(page);
  await expect(again.getByRole('listitem').nth(0)).toContainText('1 override');
});
