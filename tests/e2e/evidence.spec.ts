import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { inspector, nodeCard, openApp } from './support';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/evidence/${name}`, import.meta.url));
const evidenceDialog = (page: Page) => page.getByRole('dialog', { name: 'Evidence' });

async function openEvidence(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  const dialog = evidenceDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a consultant imports a Qualtrics export, confirms the mapping, and sees NPS with its interval on the card', async ({ page }) => {
  await openApp(page);
  const dialog = await openEvidence(page);
  await dialog.getByLabel('Import survey (CSV)').setInputFiles(fixture('e2e-qualtrics.csv'));
  await expect(dialog.getByRole('heading', { name: 'Survey scores from “e2e-qualtrics.csv”' })).toBeVisible();

  // The proposal: NPS and CSAT about the checkout payment, CES about delivery updates; the NPS group column unused.
  await expect(dialog.getByRole('combobox', { name: /^Role of Q1: How likely/ })).toHaveValue('nps');
  await expect(dialog.getByRole('combobox', { name: /^Touchpoint for Q1: How likely/ })).toHaveValue('checkout-payment');
  await expect(dialog.getByRole('combobox', { name: /^Role of Q1_NPS_GROUP/ })).toHaveValue('');
  await expect(dialog.getByRole('combobox', { name: /^Touchpoint for Q3: How easy/ })).toHaveValue('delivery-updates');

  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview.getByText('102 responses, 3 skipped: 3 blank.')).toBeVisible();
  const checkout = preview.getByRole('row', { name: /^Checkout payment/ });
  await expect(checkout).toContainText('+30 ±15.3');
  await expect(checkout).toContainText('n = 100');
  await expect(checkout).toContainText('now -14');

  // Confirm with CES counted as the share of 5–7 instead of the mean.
  await dialog.getByRole('combobox', { name: 'CES as' }).selectOption({ label: '% of 5–7' });
  await expect(preview.getByRole('row', { name: /^Delivery updates/ })).toContainText('%');
  await dialog.getByRole('button', { name: 'Import scores' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Scores from 102 responses set on 2 touchpoints.' })).toBeVisible();

  const nps = nodeCard(page, 'Checkout payment').locator('.jd-score').filter({ has: page.locator('dt', { hasText: /^NPS$/ }) });
  await expect(nps.locator('dd')).toHaveText('+30 ±15.3');
  await expect(nps).toHaveAttribute('title', 'NPS +30, 95% interval 14.7 to 45.3, from 100 answers');

  // One undo step puts the hand-typed score back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(nps.locator('dd')).toHaveText('-14');
});

test('a consultant calibrates the checkout from a GA4 funnel and sees the counts behind a drop-off in the Inspector', async ({ page }) => {
  await openApp(page);
  const dialog = await openEvidence(page);
  await dialog.getByLabel('Import funnel (CSV)').setInputFiles(fixture('e2e-funnel-ga4.csv'));
  await expect(dialog.getByRole('heading', { name: 'Funnel counts from “e2e-funnel-ga4.csv”' })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Touchpoint for step 2. Cart' })).toHaveValue('cart');
  await expect(dialog.getByRole('combobox', { name: 'Touchpoint for step 3. Checkout payment' })).toHaveValue('checkout-payment');

  const preview = dialog.getByRole('region', { name: 'Preview' });
  const dropOffs = preview.getByRole('table', { name: 'Drop-offs' });
  await expect(dropOffs.getByRole('row', { name: /^Checkout payment/ })).toContainText('30%');
  await expect(dropOffs.getByRole('row', { name: /^Cart/ })).toContainText('25%');
  await expect(preview.getByRole('list', { name: 'Left as it was' })).toContainText('Product page: it branches, and step totals do not say which way customers went');

  await dialog.getByRole('button', { name: 'Calibrate' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Calibrated 2 drop-offs' })).toBeVisible();

  await nodeCard(page, 'Checkout payment').click();
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('Checkout payment');
  await expect(inspector(page).getByText(/From data \(n = 3,150\): 945 left/)).toBeVisible();

  // Designed vs observed, side by side in the results panel: what the map assumed before calibration next to
  // the 70% (checkout) and 75% (cart) observed to go on, with the difference in points.
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const table = page.getByRole('region', { name: 'Simulation results' }).getByRole('table', { name: 'Designed vs observed conversion' });
  await expect(table.getByRole('row')).toHaveCount(3);
  const checkout = table.getByRole('row', { name: /^Checkout payment/ });
  await expect(checkout).toContainText('70.0%');
  await expect(checkout).toContainText(/pts/);
  await expect(table.getByRole('row', { name: /^Cart/ })).toContainText('75.0%');
});
