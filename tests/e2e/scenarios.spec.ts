import { expect, test } from '@playwright/test';
import { inspector, nodeCard, openApp } from './support';

const percent = (text: string | null) => Number(/(-?\d+(?:\.\d+)?)%/.exec(text ?? '')?.[1]);

test('a "Fix checkout" scenario: edits go into it, the as-is map stays as it was, and Compare shows both side by side', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenarios' });
  await dialog.getByRole('textbox', { name: 'New scenario' }).fill('Fix checkout');
  await dialog.getByRole('button', { name: 'Create and show' }).click();
  await expect(dialog).toBeHidden();
  const switcher = page.getByRole('combobox', { name: 'Scenario' });
  await expect(switcher.locator('option:checked')).toHaveText('Fix checkout');
  const banner = page.getByRole('region', { name: 'Scenario shown' });
  await expect(banner).toContainText('Scenario: Fix checkout');
  await expect(banner).toContainText('No changes yet.');

  // In the scenario: the checkout's friction is resolved.
  await nodeCard(page, 'Checkout payment').click();
  const notes = inspector(page).getByRole('region', { name: 'Friction' });
  for (const box of await notes.getByRole('checkbox', { name: 'Resolve' }).all()) await box.check();
  await expect(nodeCard(page, 'Checkout payment').getByRole('img', { name: 'Changed in this scenario' })).toBeVisible();
  await expect(banner).toContainText('1 touchpoint changed');

  // The as-is map is untouched.
  await switcher.selectOption({ label: 'As-is' });
  await expect(banner).toHaveCount(0);
  await nodeCard(page, 'Checkout payment').click();
  await expect(inspector(page).getByRole('region', { name: 'Friction' }).getByRole('checkbox', { name: 'Resolve' }).first()).not.toBeChecked();
  await expect(nodeCard(page, 'Checkout payment').getByRole('img', { name: 'Changed in this scenario' })).toHaveCount(0);

  // Back in the scenario, its changes are there.
  await switcher.selectOption({ label: 'Fix checkout' });
  await expect(inspector(page).getByRole('region', { name: 'Friction' }).getByRole('checkbox', { name: 'Resolve' }).first()).toBeChecked();

  await banner.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare scenarios' });
  const table = compare.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Measure', 'As-is', 'Fix checkout']);
  const exact = table.getByRole('row', { name: /^Completion \(exact\)/ }).getByRole('cell');
  const asIs = percent(await exact.nth(0).textContent());
  const fixed = percent(await exact.nth(1).textContent());
  expect(fixed).toBeGreaterThan(asIs);
  const difference = table.getByRole('row', { name: /^Difference \(exact\)/ }).getByRole('cell').nth(1);
  await expect(difference).toHaveText(/^\+\d+\.\d pts$/);
  expect(Number(/\+(\d+\.\d)/.exec((await difference.textContent()) ?? '')?.[1])).toBeCloseTo(fixed - asIs, 1);
  await expect(table.getByRole('row', { name: /^Difference \(simulated, 95% CI\)/ }).getByRole('cell').nth(1)).toHaveText(/pts \(.+ … .+\)/);
  await expect(table.getByRole('row', { name: /First-time buyer/ })).toBeVisible();
  await compare.getByRole('button', { name: 'Close' }).click();
  await expect(compare).toBeHidden();

  // The scenario is saved with the map.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Scenario' }).locator('option')).toHaveText(['As-is', 'Fix checkout']);
});
