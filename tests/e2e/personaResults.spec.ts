import { expect, test, type Page } from '@playwright/test';
import { inspector, nodeCard, openApp } from './support';

const personaMenu = (page: Page) => page.getByRole('combobox', { name: 'Persona', exact: true });
const lanePoints = (page: Page) => page.getByRole('group', { name: 'Emotion curve' }).getByRole('button', { name: /: emotion / });

/** "12.34%" → 0.1234 */
const percent = (text: string | null) => Number(/(-?\d+(?:\.\d+)?)%/.exec(text ?? '')?.[1]) / 100;

test('first-time buyers lose more at the checkout: two completion rates and the blend they make, per persona emotion curves', async ({ page }) => {
  await openApp(page);
  // The sample ships with two personas: first-time buyers (60) and returning customers (40).
  await expect(personaMenu(page).locator('option')).toHaveText(['All customers', 'First-time buyer', 'Returning customer']);

  // Switching the persona redraws the emotion curve with that persona's feelings.
  await personaMenu(page).selectOption({ label: 'First-time buyer' });
  await expect(lanePoints(page).first()).toBeVisible();
  const firstTimeCurve = await lanePoints(page).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  await personaMenu(page).selectOption({ label: 'Returning customer' });
  await expect.poll(() => lanePoints(page).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).not.toEqual(firstTimeCurve);

  // A drop-off of their own at the checkout for first-time buyers.
  await personaMenu(page).selectOption({ label: 'First-time buyer' });
  await nodeCard(page, 'Checkout payment').click();
  const dropOff = inspector(page).getByRole('textbox', { name: 'Drop-off', exact: true });
  await dropOff.fill('40');
  await dropOff.press('Enter');
  await expect(inspector(page).getByText('Override', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Run simulation' }).click();
  const results = page.getByRole('region', { name: 'Simulation results' });
  const table = results.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Share of customers' }) });
  await expect(table).toBeVisible();
  const firstTime = table.getByRole('row', { name: /First-time buyer/ });
  const returning = table.getByRole('row', { name: /Returning customer/ });
  const blended = table.getByRole('row', { name: /All customers \(blended\)/ });
  await expect(firstTime.getByRole('cell').nth(0)).toHaveText('60%');
  await expect(returning.getByRole('cell').nth(0)).toHaveText('40%');

  const exactOf = async (row: typeof firstTime) => percent(await row.getByRole('cell').nth(1).textContent());
  const a = await exactOf(firstTime);
  const b = await exactOf(returning);
  const all = await exactOf(blended);
  // 40% lost at the checkout: first-time buyers complete far less often than returning customers.
  expect(a).toBeLessThan(b - 0.05);
  // The blend is the share-weighted mixture (to the table's rounding of 0.01 points).
  expect(Math.abs(all - (0.6 * a + 0.4 * b))).toBeLessThanOrEqual(0.0001);
  // Each persona's simulated rate comes with its interval.
  await expect(firstTime.getByRole('cell').nth(2)).toHaveText(/\d+\.\d% \(\d+\.\d% – \d+\.\d%\)/);

  // The hotspot ranking can be read per persona.
  const rankFor = results.getByRole('combobox', { name: 'Rank hotspots for' });
  await rankFor.selectOption({ label: 'Returning customer' });
  await expect(results.getByRole('heading', { name: 'Friction hotspots: Returning customer' })).toBeVisible();
  await rankFor.selectOption({ label: 'All customers' });
  await expect(results.getByRole('heading', { name: 'Friction hotspots', exact: true })).toBeVisible();
});
